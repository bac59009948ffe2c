// Every arith op in its custom form, with overflow flags, fast-math flags,
// rounding modes, predicates, vectors and tensors.
func.func @int_ops(%a: i32, %b: i32, %i: index, %v: vector<4xi32>,
                   %t: tensor<?xi64>) -> i32 {
  %0 = arith.addi %a, %b : i32
  %1 = arith.addi %a, %b overflow<nsw> : i32
  %2 = arith.subi %a, %b overflow<nuw> : i32
  %3 = arith.muli %a, %b overflow<nsw, nuw> : i32
  %4 = arith.divsi %a, %b : i32
  %5 = arith.divui %a, %b : i32
  %6 = arith.ceildivsi %a, %b : i32
  %7 = arith.ceildivui %a, %b : i32
  %8 = arith.floordivsi %a, %b : i32
  %9 = arith.remsi %a, %b : i32
  %10 = arith.remui %a, %b : i32
  %11 = arith.andi %a, %b : i32
  %12 = arith.ori %a, %b : i32
  %13 = arith.xori %a, %b : i32
  %14 = arith.shli %a, %b overflow<nsw> : i32
  %15 = arith.shrsi %a, %b : i32
  %16 = arith.shrui %a, %b : i32
  %17 = arith.maxsi %a, %b : i32
  %18 = arith.maxui %a, %b : i32
  %19 = arith.minsi %a, %b : i32
  %20 = arith.minui %a, %b : i32
  %sum, %carry = arith.addui_extended %a, %b : i32, i1
  %lo, %hi = arith.mulsi_extended %a, %b : i32
  %lo2, %hi2 = arith.mului_extended %a, %b : i32
  %21 = arith.addi %i, %i : index
  %22 = arith.muli %v, %v : vector<4xi32>
  %23 = arith.subi %t, %t : tensor<?xi64>
  %c0 = arith.cmpi eq, %a, %b : i32
  %c1 = arith.cmpi ne, %a, %b : i32
  %c2 = arith.cmpi slt, %a, %b : i32
  %c3 = arith.cmpi sle, %a, %b : i32
  %c4 = arith.cmpi sgt, %a, %b : i32
  %c5 = arith.cmpi sge, %a, %b : i32
  %c6 = arith.cmpi ult, %a, %b : i32
  %c7 = arith.cmpi ule, %a, %b : i32
  %c8 = arith.cmpi ugt, %i, %i : index
  %c9 = arith.cmpi uge, %v, %v : vector<4xi32>
  %24 = arith.select %c0, %a, %b : i32
  %25 = arith.select %c9, %v, %v : vector<4xi1>, vector<4xi32>
  %26 = arith.select %c1, %v, %v : vector<4xi32>
  return %24 : i32
}

func.func @float_ops(%x: f32, %y: f32, %h: f16, %d: f64, %v: vector<[4]xf32>)
    -> f32 {
  %0 = arith.addf %x, %y : f32
  %1 = arith.addf %x, %y fastmath<fast> : f32
  %2 = arith.subf %x, %y fastmath<nnan, ninf> : f32
  %3 = arith.mulf %x, %y fastmath<reassoc, contract> : f32
  %4 = arith.divf %x, %y fastmath<afn, arcp, nsz> : f32
  %5 = arith.remf %x, %y : f32
  %6 = arith.negf %x fastmath<nnan> : f32
  %7 = arith.maximumf %x, %y : f32
  %8 = arith.minimumf %x, %y : f32
  %9 = arith.maxnumf %x, %y : f32
  %10 = arith.minnumf %x, %y fastmath<fast> : f32
  %11 = arith.addf %v, %v : vector<[4]xf32>
  %12 = arith.mulf %x, %y fastmath<none> : f32
  %c0 = arith.cmpf false, %x, %y : f32
  %c1 = arith.cmpf oeq, %x, %y : f32
  %c2 = arith.cmpf ogt, %x, %y : f32
  %c3 = arith.cmpf oge, %x, %y : f32
  %c4 = arith.cmpf olt, %x, %y : f32
  %c5 = arith.cmpf ole, %x, %y : f32
  %c6 = arith.cmpf one, %x, %y : f32
  %c7 = arith.cmpf ord, %x, %y : f32
  %c8 = arith.cmpf ueq, %x, %y : f32
  %c9 = arith.cmpf ugt, %x, %y : f32
  %c10 = arith.cmpf uge, %x, %y : f32
  %c11 = arith.cmpf ult, %x, %y : f32
  %c12 = arith.cmpf ule, %x, %y : f32
  %c13 = arith.cmpf une, %x, %y : f32
  %c14 = arith.cmpf uno, %x, %y : f32
  %c15 = arith.cmpf true, %x, %y fastmath<nnan> : f32
  %c16 = arith.cmpf olt, %v, %v : vector<[4]xf32>
  %13 = arith.select %c1, %x, %y : f32
  return %13 : f32
}

func.func @casts(%a: i32, %x: f32, %i: index, %d: f64, %h: f16, %b: i1,
                 %v: vector<4xi8>) {
  %0 = arith.extsi %a : i32 to i64
  %1 = arith.extui %a : i32 to i64
  %2 = arith.trunci %a : i32 to i8
  %3 = arith.extf %x : f32 to f64
  %4 = arith.extf %h fastmath<fast> : f16 to f32
  %5 = arith.truncf %d : f64 to f32
  %6 = arith.truncf %d to_nearest_even : f64 to f16
  %7 = arith.truncf %x downward fastmath<nnan> : f32 to bf16
  %8 = arith.sitofp %a : i32 to f32
  %9 = arith.uitofp %a : i32 to f64
  %10 = arith.fptosi %x : f32 to i32
  %11 = arith.fptoui %x : f32 to i64
  %12 = arith.index_cast %a : i32 to index
  %13 = arith.index_cast %i : index to i64
  %14 = arith.index_castui %i : index to i32
  %15 = arith.bitcast %a : i32 to f32
  %16 = arith.bitcast %x : f32 to i32
  %17 = arith.extui %b : i1 to i32
  %18 = arith.extsi %v : vector<4xi8> to vector<4xi32>
  return
}

func.func @constants() {
  %0 = arith.constant 0 : i32
  %1 = arith.constant -1 : i64
  %2 = arith.constant true
  %3 = arith.constant false
  %4 = arith.constant 42 : index
  %5 = arith.constant 1.500000e+00 : f32
  %6 = arith.constant 0x7FC00000 : f32
  %7 = arith.constant -0.000000e+00 : f64
  %8 = arith.constant 1.000000e+00 : bf16
  %9 = arith.constant dense<0> : vector<4xi32>
  %10 = arith.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %11 = arith.constant dense<true> : vector<[4]xi1>
  %12 = arith.constant 255 : i8
  %13 = arith.constant 170141183460469231731687303715884105727 : i128
  %14 = arith.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xindex>
  %15 = arith.constant dense_resource<cst_blob> : tensor<2xi32>
  %16 = arith.constant 2.000000e+00 : f16
  return
}

{-#
  dialect_resources: {
    builtin: {
      cst_blob: "0x040000000A0000000B000000"
    }
  }
#-}
