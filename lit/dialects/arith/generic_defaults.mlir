// Ops read in the generic form without their default-valued properties
// get them as MLIR 19 does: the generic form always shows overflowFlags
// and fastmath, and inherent attributes given as discardable ones move to
// the properties.
// RUN: edge-opt %s --mlir-print-op-generic | FileCheck %s
// RUN: edge-opt %s | FileCheck %s --check-prefix=CUSTOM

// CHECK-LABEL: "func.func"() <{function_type = (i32, f32) -> (), sym_name = "g"}>
// CHECK: "arith.addi"(%{{.*}}, %{{.*}}) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
// CHECK: "arith.shli"(%{{.*}}, %{{.*}}) <{overflowFlags = #arith.overflow<nuw>}> {tag} : (i32, i32) -> i32
// CHECK: "arith.mulf"(%{{.*}}, %{{.*}}) <{fastmath = #arith.fastmath<none>}> {foo = #arith.fastmath<contract>} : (f32, f32) -> f32
// CHECK: "arith.cmpf"(%{{.*}}, %{{.*}}) <{fastmath = #arith.fastmath<none>, predicate = 3 : i64}> : (f32, f32) -> i1
// CHECK: "arith.cmpi"(%{{.*}}, %{{.*}}) <{predicate = 9 : i64}> : (i32, i32) -> i1
// CHECK: "arith.extf"(%{{.*}}) : (f32) -> f64
// CHECK: "arith.truncf"(%{{.*}}) <{roundingmode = 3 : i32}> : (f32) -> f16

// CUSTOM: arith.addi %arg0, %arg0 : i32
// CUSTOM: arith.shli %arg0, %arg0 overflow<nuw> {tag} : i32
// CUSTOM: arith.mulf %arg1, %arg1 {foo = #arith.fastmath<contract>} : f32
// CUSTOM: arith.cmpf oge, %arg1, %arg1 : f32
// CUSTOM: arith.cmpi uge, %arg0, %arg0 : i32
// CUSTOM: arith.extf %arg1 : f32 to f64
// CUSTOM: arith.truncf %arg1 toward_zero : f32 to f16

"func.func"() <{function_type = (i32, f32) -> (), sym_name = "g"}> ({
^bb0(%a: i32, %x: f32):
  %0 = "arith.addi"(%a, %a) : (i32, i32) -> i32
  %1 = "arith.shli"(%a, %a) {overflowFlags = #arith.overflow<nuw>, tag} : (i32, i32) -> i32
  %2 = "arith.mulf"(%x, %x) {foo = #arith.fastmath<contract>} : (f32, f32) -> f32
  %3 = "arith.cmpf"(%x, %x) {predicate = 3 : i64} : (f32, f32) -> i1
  %4 = "arith.cmpi"(%a, %a) <{predicate = 9 : i64}> : (i32, i32) -> i1
  %5 = "arith.extf"(%x) : (f32) -> f64
  %6 = "arith.truncf"(%x) <{roundingmode = 3 : i32}> : (f32) -> f16
  "func.return"() : () -> ()
}) : () -> ()
