// Every arith op in its custom form, printed as mlir-opt 19 prints it
// (CHECK lines generated with mlir-opt), re-parsed (idempotence) and in
// the generic form with the default-valued properties.
// RUN: edge-opt %s | FileCheck %s
// RUN: edge-opt %s | edge-opt | FileCheck %s
// RUN: edge-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC
// RUN: edge-opt %s --mlir-print-op-generic | edge-opt | FileCheck %s

// CHECK-LABEL: func.func @int_ops(%arg0: i32, %arg1: i32, %arg2: index, %arg3: vector<4xi32>, %arg4: tensor<?x2xi64>) {
// CHECK-NEXT: %0 = arith.addi %arg0, %arg1 : i32
// CHECK-NEXT: %1 = arith.addi %arg0, %arg1 overflow<nsw> : i32
// CHECK-NEXT: %2 = arith.subi %arg0, %arg1 overflow<nuw> : i32
// CHECK-NEXT: %3 = arith.muli %arg0, %arg1 overflow<nsw, nuw> : i32
// CHECK-NEXT: %4 = arith.shli %arg0, %arg1 overflow<nsw, nuw> : i32
// CHECK-NEXT: %5 = arith.divsi %arg0, %arg1 : i32
// CHECK-NEXT: %6 = arith.divui %arg2, %arg2 : index
// CHECK-NEXT: %7 = arith.ceildivsi %arg0, %arg1 : i32
// CHECK-NEXT: %8 = arith.ceildivui %arg0, %arg1 : i32
// CHECK-NEXT: %9 = arith.floordivsi %arg3, %arg3 : vector<4xi32>
// CHECK-NEXT: %10 = arith.remsi %arg0, %arg1 : i32
// CHECK-NEXT: %11 = arith.remui %arg4, %arg4 : tensor<?x2xi64>
// CHECK-NEXT: %12 = arith.andi %arg0, %arg1 : i32
// CHECK-NEXT: %13 = arith.ori %arg0, %arg1 {tag = "x"} : i32
// CHECK-NEXT: %14 = arith.xori %arg0, %arg1 : i32
// CHECK-NEXT: %15 = arith.shrsi %arg0, %arg1 : i32
// CHECK-NEXT: %16 = arith.shrui %arg0, %arg1 : i32
// CHECK-NEXT: %17 = arith.maxsi %arg0, %arg1 : i32
// CHECK-NEXT: %18 = arith.maxui %arg0, %arg1 : i32
// CHECK-NEXT: %19 = arith.minsi %arg0, %arg1 : i32
// CHECK-NEXT: %20 = arith.minui %arg0, %arg1 : i32
// CHECK-NEXT: %sum, %overflow = arith.addui_extended %arg0, %arg1 : i32, i1
// CHECK-NEXT: %sum_0, %overflow_1 = arith.addui_extended %arg3, %arg3 : vector<4xi32>, vector<4xi1>
// CHECK-NEXT: %low, %high = arith.mulsi_extended %arg0, %arg1 : i32
// CHECK-NEXT: %low_2, %high_3 = arith.mului_extended %arg3, %arg3 : vector<4xi32>
// CHECK-NEXT: return
// CHECK-LABEL: func.func @float_ops(%arg0: f32, %arg1: f32, %arg2: f64, %arg3: vector<2xf16>) {
// CHECK-NEXT: %0 = arith.addf %arg0, %arg1 : f32
// CHECK-NEXT: %1 = arith.addf %arg0, %arg1 fastmath<fast> : f32
// CHECK-NEXT: %2 = arith.subf %arg0, %arg1 fastmath<nnan,ninf> : f32
// CHECK-NEXT: %3 = arith.mulf %arg0, %arg1 fastmath<fast> : f32
// CHECK-NEXT: %4 = arith.divf %arg2, %arg2 : f64
// CHECK-NEXT: %5 = arith.remf %arg3, %arg3 fastmath<contract,afn> : vector<2xf16>
// CHECK-NEXT: %6 = arith.maximumf %arg0, %arg1 : f32
// CHECK-NEXT: %7 = arith.minimumf %arg0, %arg1 : f32
// CHECK-NEXT: %8 = arith.maxnumf %arg0, %arg1 fastmath<nsz> : f32
// CHECK-NEXT: %9 = arith.minnumf %arg0, %arg1 : f32
// CHECK-NEXT: %10 = arith.negf %arg0 fastmath<arcp> : f32
// CHECK-NEXT: %11 = arith.negf %arg3 : vector<2xf16>
// CHECK-NEXT: return
// CHECK-LABEL: func.func @cmp_select(%arg0: i32, %arg1: i32, %arg2: f32, %arg3: vector<4xi32>, %arg4: i1, %arg5: vector<4xi1>, %arg6: tensor<4xf32>) {
// CHECK-NEXT: %0 = arith.cmpi eq, %arg0, %arg1 : i32
// CHECK-NEXT: %1 = arith.cmpi ne, %arg0, %arg1 : i32
// CHECK-NEXT: %2 = arith.cmpi slt, %arg0, %arg1 : i32
// CHECK-NEXT: %3 = arith.cmpi sle, %arg0, %arg1 : i32
// CHECK-NEXT: %4 = arith.cmpi sgt, %arg0, %arg1 : i32
// CHECK-NEXT: %5 = arith.cmpi sge, %arg0, %arg1 : i32
// CHECK-NEXT: %6 = arith.cmpi ult, %arg0, %arg1 : i32
// CHECK-NEXT: %7 = arith.cmpi ule, %arg0, %arg1 : i32
// CHECK-NEXT: %8 = arith.cmpi ugt, %arg0, %arg1 : i32
// CHECK-NEXT: %9 = arith.cmpi uge, %arg3, %arg3 : vector<4xi32>
// CHECK-NEXT: %10 = arith.cmpf false, %arg2, %arg2 : f32
// CHECK-NEXT: %11 = arith.cmpf oeq, %arg2, %arg2 : f32
// CHECK-NEXT: %12 = arith.cmpf ogt, %arg2, %arg2 fastmath<nnan> : f32
// CHECK-NEXT: %13 = arith.cmpf oge, %arg2, %arg2 : f32
// CHECK-NEXT: %14 = arith.cmpf olt, %arg2, %arg2 : f32
// CHECK-NEXT: %15 = arith.cmpf ole, %arg2, %arg2 : f32
// CHECK-NEXT: %16 = arith.cmpf one, %arg2, %arg2 : f32
// CHECK-NEXT: %17 = arith.cmpf ord, %arg2, %arg2 : f32
// CHECK-NEXT: %18 = arith.cmpf ueq, %arg2, %arg2 : f32
// CHECK-NEXT: %19 = arith.cmpf ugt, %arg2, %arg2 : f32
// CHECK-NEXT: %20 = arith.cmpf uge, %arg2, %arg2 : f32
// CHECK-NEXT: %21 = arith.cmpf ult, %arg2, %arg2 : f32
// CHECK-NEXT: %22 = arith.cmpf ule, %arg2, %arg2 : f32
// CHECK-NEXT: %23 = arith.cmpf une, %arg2, %arg2 : f32
// CHECK-NEXT: %24 = arith.cmpf uno, %arg2, %arg2 : f32
// CHECK-NEXT: %25 = arith.cmpf true, %arg6, %arg6 : tensor<4xf32>
// CHECK-NEXT: %26 = arith.select %arg4, %arg0, %arg1 : i32
// CHECK-NEXT: %27 = arith.select %arg5, %arg3, %arg3 : vector<4xi1>, vector<4xi32>
// CHECK-NEXT: %28 = arith.select %arg4, %arg3, %arg3 : vector<4xi32>
// CHECK-NEXT: return
// CHECK-LABEL: func.func @casts(%arg0: i32, %arg1: f32, %arg2: index, %arg3: f16, %arg4: vector<4xi16>, %arg5: memref<4xi32>) {
// CHECK-NEXT: %0 = arith.extsi %arg0 : i32 to i64
// CHECK-NEXT: %1 = arith.extui %arg4 : vector<4xi16> to vector<4xi32>
// CHECK-NEXT: %2 = arith.trunci %arg0 : i32 to i1
// CHECK-NEXT: %3 = arith.extf %arg3 : f16 to f32
// CHECK-NEXT: %4 = arith.extf %arg1 fastmath<fast> : f32 to f64
// CHECK-NEXT: %5 = arith.truncf %arg1 : f32 to bf16
// CHECK-NEXT: %6 = arith.truncf %arg1 to_nearest_even : f32 to f16
// CHECK-NEXT: %7 = arith.truncf %arg1 downward : f32 to f16
// CHECK-NEXT: %8 = arith.truncf %arg1 upward : f32 to f16
// CHECK-NEXT: %9 = arith.truncf %arg1 toward_zero fastmath<nnan> : f32 to f16
// CHECK-NEXT: %10 = arith.truncf %arg1 to_nearest_away : f32 to f16
// CHECK-NEXT: %11 = arith.sitofp %arg0 : i32 to f32
// CHECK-NEXT: %12 = arith.uitofp %arg4 : vector<4xi16> to vector<4xf16>
// CHECK-NEXT: %13 = arith.fptosi %arg1 : f32 to i64
// CHECK-NEXT: %14 = arith.fptoui %arg3 : f16 to i8
// CHECK-NEXT: %15 = arith.index_cast %arg0 : i32 to index
// CHECK-NEXT: %16 = arith.index_cast %arg2 : index to i64
// CHECK-NEXT: %17 = arith.index_castui %arg2 : index to i32
// CHECK-NEXT: %18 = arith.index_cast %arg5 : memref<4xi32> to memref<4xindex>
// CHECK-NEXT: %19 = arith.bitcast %arg0 : i32 to f32
// CHECK-NEXT: %20 = arith.bitcast %arg4 : vector<4xi16> to vector<4xf16>
// CHECK-NEXT: %21 = arith.bitcast %arg5 : memref<4xi32> to memref<4xf32>
// CHECK-NEXT: return
// CHECK-LABEL: func.func @constants() {
// CHECK-NEXT: %c42_i32 = arith.constant 42 : i32
// CHECK-NEXT: %c-1_i8 = arith.constant -1 : i8
// CHECK-NEXT: %true = arith.constant true
// CHECK-NEXT: %false = arith.constant false
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %cst = arith.constant 1.500000e+00 : f32
// CHECK-NEXT: %cst_0 = arith.constant 0x7FC00000 : f32
// CHECK-NEXT: %cst_1 = arith.constant -0.000000e+00 : f64
// CHECK-NEXT: %cst_2 = arith.constant dense<[1, 2]> : tensor<2xi32>
// CHECK-NEXT: %cst_3 = arith.constant dense<1.000000e+00> : vector<4xf32>
// CHECK-NEXT: %c7_i64 = arith.constant {tag} 7 : i64
// CHECK-NEXT: %cst_4 = arith.constant dense<{{\[\[}}true, false{{\]\]}}> : tensor<1x2xi1>
// CHECK-NEXT: %c-1_i64 = arith.constant -1 : i64
// CHECK-NEXT: %cst_5 = arith.constant 9.999220e+09 : bf16
// CHECK-NEXT: return

// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.addi"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.addi"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{overflowFlags = #arith.overflow<nsw>}> : (i32, i32) -> i32
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.subi"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{overflowFlags = #arith.overflow<nuw>}> : (i32, i32) -> i32
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.muli"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{overflowFlags = #arith.overflow<nsw, nuw>}> : (i32, i32) -> i32
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.shli"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{overflowFlags = #arith.overflow<nsw, nuw>}> : (i32, i32) -> i32
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.divsi"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) : (i32, i32) -> i32
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.divui"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) : (index, index) -> index
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.ceildivsi"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) : (i32, i32) -> i32
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.ceildivui"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) : (i32, i32) -> i32
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.floordivsi"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) : (vector<4xi32>, vector<4xi32>) -> vector<4xi32>
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.remsi"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) : (i32, i32) -> i32
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.remui"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) : (tensor<?x2xi64>, tensor<?x2xi64>) -> tensor<?x2xi64>
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.andi"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) : (i32, i32) -> i32
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.ori"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) {tag = "x"} : (i32, i32) -> i32
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.xori"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) : (i32, i32) -> i32
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.shrsi"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) : (i32, i32) -> i32
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.shrui"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) : (i32, i32) -> i32
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.maxsi"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) : (i32, i32) -> i32
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.maxui"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) : (i32, i32) -> i32
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.minsi"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) : (i32, i32) -> i32
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.minui"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) : (i32, i32) -> i32
// GENERIC: %{{[A-Za-z0-9_]+}}:2 = "arith.addui_extended"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) : (i32, i32) -> (i32, i1)
// GENERIC: %{{[A-Za-z0-9_]+}}:2 = "arith.addui_extended"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) : (vector<4xi32>, vector<4xi32>) -> (vector<4xi32>, vector<4xi1>)
// GENERIC: %{{[A-Za-z0-9_]+}}:2 = "arith.mulsi_extended"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) : (i32, i32) -> (i32, i32)
// GENERIC: %{{[A-Za-z0-9_]+}}:2 = "arith.mului_extended"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) : (vector<4xi32>, vector<4xi32>) -> (vector<4xi32>, vector<4xi32>)
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.addf"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.addf"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{fastmath = #arith.fastmath<fast>}> : (f32, f32) -> f32
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.subf"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{fastmath = #arith.fastmath<nnan,ninf>}> : (f32, f32) -> f32
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.mulf"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{fastmath = #arith.fastmath<fast>}> : (f32, f32) -> f32
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.divf"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{fastmath = #arith.fastmath<none>}> : (f64, f64) -> f64
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.remf"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{fastmath = #arith.fastmath<contract,afn>}> : (vector<2xf16>, vector<2xf16>) -> vector<2xf16>
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.maximumf"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.minimumf"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.maxnumf"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{fastmath = #arith.fastmath<nsz>}> : (f32, f32) -> f32
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.minnumf"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.negf"(%{{[A-Za-z0-9_]+}}) <{fastmath = #arith.fastmath<arcp>}> : (f32) -> f32
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.negf"(%{{[A-Za-z0-9_]+}}) <{fastmath = #arith.fastmath<none>}> : (vector<2xf16>) -> vector<2xf16>
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.cmpi"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{predicate = 0 : i64}> : (i32, i32) -> i1
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.cmpi"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{predicate = 1 : i64}> : (i32, i32) -> i1
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.cmpi"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{predicate = 2 : i64}> : (i32, i32) -> i1
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.cmpi"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{predicate = 3 : i64}> : (i32, i32) -> i1
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.cmpi"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{predicate = 4 : i64}> : (i32, i32) -> i1
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.cmpi"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{predicate = 5 : i64}> : (i32, i32) -> i1
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.cmpi"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{predicate = 6 : i64}> : (i32, i32) -> i1
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.cmpi"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{predicate = 7 : i64}> : (i32, i32) -> i1
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.cmpi"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{predicate = 8 : i64}> : (i32, i32) -> i1
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.cmpi"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{predicate = 9 : i64}> : (vector<4xi32>, vector<4xi32>) -> vector<4xi1>
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.cmpf"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{fastmath = #arith.fastmath<none>, predicate = 0 : i64}> : (f32, f32) -> i1
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.cmpf"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{fastmath = #arith.fastmath<none>, predicate = 1 : i64}> : (f32, f32) -> i1
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.cmpf"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{fastmath = #arith.fastmath<nnan>, predicate = 2 : i64}> : (f32, f32) -> i1
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.cmpf"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{fastmath = #arith.fastmath<none>, predicate = 3 : i64}> : (f32, f32) -> i1
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.cmpf"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{fastmath = #arith.fastmath<none>, predicate = 4 : i64}> : (f32, f32) -> i1
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.cmpf"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{fastmath = #arith.fastmath<none>, predicate = 5 : i64}> : (f32, f32) -> i1
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.cmpf"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{fastmath = #arith.fastmath<none>, predicate = 6 : i64}> : (f32, f32) -> i1
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.cmpf"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{fastmath = #arith.fastmath<none>, predicate = 7 : i64}> : (f32, f32) -> i1
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.cmpf"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{fastmath = #arith.fastmath<none>, predicate = 8 : i64}> : (f32, f32) -> i1
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.cmpf"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{fastmath = #arith.fastmath<none>, predicate = 9 : i64}> : (f32, f32) -> i1
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.cmpf"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{fastmath = #arith.fastmath<none>, predicate = 10 : i64}> : (f32, f32) -> i1
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.cmpf"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{fastmath = #arith.fastmath<none>, predicate = 11 : i64}> : (f32, f32) -> i1
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.cmpf"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{fastmath = #arith.fastmath<none>, predicate = 12 : i64}> : (f32, f32) -> i1
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.cmpf"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{fastmath = #arith.fastmath<none>, predicate = 13 : i64}> : (f32, f32) -> i1
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.cmpf"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{fastmath = #arith.fastmath<none>, predicate = 14 : i64}> : (f32, f32) -> i1
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.cmpf"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) <{fastmath = #arith.fastmath<none>, predicate = 15 : i64}> : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.select"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) : (i1, i32, i32) -> i32
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.select"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) : (vector<4xi1>, vector<4xi32>, vector<4xi32>) -> vector<4xi32>
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.select"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) : (i1, vector<4xi32>, vector<4xi32>) -> vector<4xi32>
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.extsi"(%{{[A-Za-z0-9_]+}}) : (i32) -> i64
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.extui"(%{{[A-Za-z0-9_]+}}) : (vector<4xi16>) -> vector<4xi32>
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.trunci"(%{{[A-Za-z0-9_]+}}) : (i32) -> i1
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.extf"(%{{[A-Za-z0-9_]+}}) : (f16) -> f32
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.extf"(%{{[A-Za-z0-9_]+}}) <{fastmath = #arith.fastmath<fast>}> : (f32) -> f64
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.truncf"(%{{[A-Za-z0-9_]+}}) : (f32) -> bf16
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.truncf"(%{{[A-Za-z0-9_]+}}) <{roundingmode = 0 : i32}> : (f32) -> f16
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.truncf"(%{{[A-Za-z0-9_]+}}) <{roundingmode = 1 : i32}> : (f32) -> f16
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.truncf"(%{{[A-Za-z0-9_]+}}) <{roundingmode = 2 : i32}> : (f32) -> f16
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.truncf"(%{{[A-Za-z0-9_]+}}) <{fastmath = #arith.fastmath<nnan>, roundingmode = 3 : i32}> : (f32) -> f16
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.truncf"(%{{[A-Za-z0-9_]+}}) <{roundingmode = 4 : i32}> : (f32) -> f16
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.sitofp"(%{{[A-Za-z0-9_]+}}) : (i32) -> f32
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.uitofp"(%{{[A-Za-z0-9_]+}}) : (vector<4xi16>) -> vector<4xf16>
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.fptosi"(%{{[A-Za-z0-9_]+}}) : (f32) -> i64
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.fptoui"(%{{[A-Za-z0-9_]+}}) : (f16) -> i8
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.index_cast"(%{{[A-Za-z0-9_]+}}) : (i32) -> index
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.index_cast"(%{{[A-Za-z0-9_]+}}) : (index) -> i64
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.index_castui"(%{{[A-Za-z0-9_]+}}) : (index) -> i32
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.index_cast"(%{{[A-Za-z0-9_]+}}) : (memref<4xi32>) -> memref<4xindex>
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.bitcast"(%{{[A-Za-z0-9_]+}}) : (i32) -> f32
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.bitcast"(%{{[A-Za-z0-9_]+}}) : (vector<4xi16>) -> vector<4xf16>
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.bitcast"(%{{[A-Za-z0-9_]+}}) : (memref<4xi32>) -> memref<4xf32>
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.constant"() <{value = 42 : i32}> : () -> i32
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.constant"() <{value = -1 : i8}> : () -> i8
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.constant"() <{value = true}> : () -> i1
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.constant"() <{value = false}> : () -> i1
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.constant"() <{value = 0 : index}> : () -> index
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.constant"() <{value = 1.500000e+00 : f32}> : () -> f32
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.constant"() <{value = 0x7FC00000 : f32}> : () -> f32
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.constant"() <{value = -0.000000e+00 : f64}> : () -> f64
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.constant"() <{value = dense<[1, 2]> : tensor<2xi32>}> : () -> tensor<2xi32>
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.constant"() <{value = dense<1.000000e+00> : vector<4xf32>}> : () -> vector<4xf32>
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.constant"() <{value = 7 : i64}> {tag} : () -> i64
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.constant"() <{value = dense<{{\[\[}}true, false{{\]\]}}> : tensor<1x2xi1>}> : () -> tensor<1x2xi1>
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.constant"() <{value = -1 : i64}> : () -> i64
// GENERIC: %{{[A-Za-z0-9_]+}} = "arith.constant"() <{value = 9.999220e+09 : bf16}> : () -> bf16

func.func @int_ops(%a: i32, %b: i32, %i: index, %v: vector<4xi32>, %t: tensor<?x2xi64>) {
  %0 = arith.addi %a, %b : i32
  %1 = arith.addi %a, %b overflow<nsw> : i32
  %2 = arith.subi %a, %b overflow<nuw> : i32
  %3 = arith.muli %a, %b overflow<nsw, nuw> : i32
  %4 = arith.shli %a, %b overflow<nuw, nsw> : i32
  %5 = arith.divsi %a, %b : i32
  %6 = arith.divui %i, %i : index
  %7 = arith.ceildivsi %a, %b : i32
  %8 = arith.ceildivui %a, %b : i32
  %9 = arith.floordivsi %v, %v : vector<4xi32>
  %10 = arith.remsi %a, %b : i32
  %11 = arith.remui %t, %t : tensor<?x2xi64>
  %12 = arith.andi %a, %b : i32
  %13 = arith.ori %a, %b {tag = "x"} : i32
  %14 = arith.xori %a, %b : i32
  %15 = arith.shrsi %a, %b : i32
  %16 = arith.shrui %a, %b : i32
  %17 = arith.maxsi %a, %b : i32
  %18 = arith.maxui %a, %b : i32
  %19 = arith.minsi %a, %b : i32
  %20 = arith.minui %a, %b : i32
  %s, %o = arith.addui_extended %a, %b : i32, i1
  %vs, %vo = arith.addui_extended %v, %v : vector<4xi32>, vector<4xi1>
  %l, %h = arith.mulsi_extended %a, %b : i32
  %ul, %uh = arith.mului_extended %v, %v : vector<4xi32>
  return
}
func.func @float_ops(%x: f32, %y: f32, %d: f64, %v: vector<2xf16>) {
  %0 = arith.addf %x, %y : f32
  %1 = arith.addf %x, %y fastmath<fast> : f32
  %2 = arith.subf %x, %y fastmath<nnan,ninf> : f32
  %3 = arith.mulf %x, %y fastmath<reassoc,nnan,ninf,nsz,arcp,contract,afn> : f32
  %4 = arith.divf %d, %d fastmath<none> : f64
  %5 = arith.remf %v, %v fastmath<contract,afn> : vector<2xf16>
  %6 = arith.maximumf %x, %y : f32
  %7 = arith.minimumf %x, %y : f32
  %8 = arith.maxnumf %x, %y fastmath<nsz> : f32
  %9 = arith.minnumf %x, %y : f32
  %10 = arith.negf %x fastmath<arcp> : f32
  %11 = arith.negf %v : vector<2xf16>
  return
}
func.func @cmp_select(%a: i32, %b: i32, %x: f32, %v: vector<4xi32>, %c: i1, %vc: vector<4xi1>, %t: tensor<4xf32>) {
  %0 = arith.cmpi eq, %a, %b : i32
  %1 = arith.cmpi ne, %a, %b : i32
  %2 = arith.cmpi slt, %a, %b : i32
  %3 = arith.cmpi sle, %a, %b : i32
  %4 = arith.cmpi sgt, %a, %b : i32
  %5 = arith.cmpi sge, %a, %b : i32
  %6 = arith.cmpi ult, %a, %b : i32
  %7 = arith.cmpi ule, %a, %b : i32
  %8 = arith.cmpi ugt, %a, %b : i32
  %9 = arith.cmpi uge, %v, %v : vector<4xi32>
  %10 = arith.cmpf false, %x, %x : f32
  %11 = arith.cmpf oeq, %x, %x : f32
  %12 = arith.cmpf ogt, %x, %x fastmath<nnan> : f32
  %13 = arith.cmpf oge, %x, %x : f32
  %14 = arith.cmpf olt, %x, %x : f32
  %15 = arith.cmpf ole, %x, %x : f32
  %16 = arith.cmpf one, %x, %x : f32
  %17 = arith.cmpf ord, %x, %x : f32
  %18 = arith.cmpf ueq, %x, %x : f32
  %19 = arith.cmpf ugt, %x, %x : f32
  %20 = arith.cmpf uge, %x, %x : f32
  %21 = arith.cmpf ult, %x, %x : f32
  %22 = arith.cmpf ule, %x, %x : f32
  %23 = arith.cmpf une, %x, %x : f32
  %24 = arith.cmpf uno, %x, %x : f32
  %25 = arith.cmpf true, %t, %t : tensor<4xf32>
  %26 = arith.select %c, %a, %b : i32
  %27 = arith.select %vc, %v, %v : vector<4xi1>, vector<4xi32>
  %28 = arith.select %c, %v, %v : vector<4xi32>
  return
}
func.func @casts(%a: i32, %x: f32, %i: index, %h: f16, %v: vector<4xi16>, %m: memref<4xi32>) {
  %0 = arith.extsi %a : i32 to i64
  %1 = arith.extui %v : vector<4xi16> to vector<4xi32>
  %2 = arith.trunci %a : i32 to i1
  %3 = arith.extf %h : f16 to f32
  %4 = arith.extf %x fastmath<fast> : f32 to f64
  %5 = arith.truncf %x : f32 to bf16
  %6 = arith.truncf %x to_nearest_even : f32 to f16
  %7 = arith.truncf %x downward : f32 to f16
  %8 = arith.truncf %x upward : f32 to f16
  %9 = arith.truncf %x toward_zero fastmath<nnan> : f32 to f16
  %10 = arith.truncf %x to_nearest_away : f32 to f16
  %11 = arith.sitofp %a : i32 to f32
  %12 = arith.uitofp %v : vector<4xi16> to vector<4xf16>
  %13 = arith.fptosi %x : f32 to i64
  %14 = arith.fptoui %h : f16 to i8
  %15 = arith.index_cast %a : i32 to index
  %16 = arith.index_cast %i : index to i64
  %17 = arith.index_castui %i : index to i32
  %18 = arith.index_cast %m : memref<4xi32> to memref<4xindex>
  %19 = arith.bitcast %a : i32 to f32
  %20 = arith.bitcast %v : vector<4xi16> to vector<4xf16>
  %21 = arith.bitcast %m : memref<4xi32> to memref<4xf32>
  return
}
func.func @constants() {
  %0 = arith.constant 42 : i32
  %1 = arith.constant -1 : i8
  %2 = arith.constant true
  %3 = arith.constant false
  %4 = arith.constant 0 : index
  %5 = arith.constant 1.5 : f32
  %6 = arith.constant 0x7FC00000 : f32
  %7 = arith.constant -0.0 : f64
  %8 = arith.constant dense<[1, 2]> : tensor<2xi32>
  %9 = arith.constant dense<1.0> : vector<4xf32>
  %10 = arith.constant {tag} 7 : i64
  %11 = arith.constant dense<[[true, false]]> : tensor<1x2xi1>
  %12 = arith.constant 18446744073709551615 : i64
  %13 = arith.constant 1.0e+10 : bf16
  return
}
