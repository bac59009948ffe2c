// Constant folding of math ops, as MLIR 19 folds them: transcendental
// functions on f32/f64 only (computed in float for f32), absf/ceil/floor/
// roundeven/copysign on every float type, no log/sqrt of negative values,
// integer ops at any width <= 64, splats and dense vectors. The CHECK
// lines are mlir-opt 19 -canonicalize output, result names normalized.
// RUN: edge-opt %s -canonicalize | %python %S/../../interop/Inputs/canon_ssa_names.py | FileCheck %s

// CHECK-LABEL:   func.func @float_folds() -> (f32, f32, f32, f32, vector<2xf32>, f32, f64, f16, f16, f32, f64, f16, f32, vector<2xf64>, f32) {
// CHECK-NEXT:     %v0 = arith.constant dense<2.000000e+00> : vector<2xf64>
// CHECK-NEXT:     %v1 = arith.constant -0.699999988 : f32
// CHECK-NEXT:     %v2 = arith.constant 2.000000e+00 : f16
// CHECK-NEXT:     %v3 = arith.constant -2.3561944901923448 : f64
// CHECK-NEXT:     %v4 = arith.constant -1.000000e+00 : f32
// CHECK-NEXT:     %v5 = arith.constant 2.500000e+00 : f16
// CHECK-NEXT:     %v6 = arith.constant 0.699999988 : f32
// CHECK-NEXT:     %v7 = arith.constant 2.0137527 : f32
// CHECK-NEXT:     %v8 = arith.constant 0.604367733 : f32
// CHECK-NEXT:     %v9 = arith.constant -0.356674969 : f32
// CHECK-NEXT:     %v10 = arith.constant 0.677801191 : f32
// CHECK-NEXT:     %v11 = arith.constant dense<[0.707106769, 1.58113885]> : vector<2xf32>
// CHECK-NEXT:     %v12 = arith.constant 0.779055893 : f32
// CHECK-NEXT:     %v13 = arith.constant 2.500000e+00 : f64
// CHECK-NEXT:     %v14 = arith.constant 3.000000e+00 : f16
// CHECK-NEXT:     %v15 = math.exp %v5 : f16
// CHECK-NEXT:     %v16 = math.sqrt %v4 : f32
// CHECK-NEXT:     %v17 = math.cbrt %v6 : f32
// CHECK-NEXT:     return %v7, %v8, %v9, %v10, %v11, %v12, %v13, %v14, %v15, %v16, %v3, %v2, %v1, %v0, %v17 : f32, f32, f32, f32, vector<2xf32>, f32, f64, f16, f16, f32, f64, f16, f32, vector<2xf64>, f32
// CHECK-NEXT:   }
// CHECK-LABEL:   func.func @log_domain() -> (f64, f64, f64, f64) {
// CHECK-NEXT:     %v18 = arith.constant 0x7FF8000000000000 : f64
// CHECK-NEXT:     %v19 = arith.constant -0.000000e+00 : f64
// CHECK-NEXT:     %v20 = arith.constant -2.000000e+00 : f64
// CHECK-NEXT:     %v21 = math.log %v19 : f64
// CHECK-NEXT:     %v22 = math.log1p %v20 : f64
// CHECK-NEXT:     return %v21, %v19, %v22, %v18 : f64, f64, f64, f64
// CHECK-NEXT:   }
// CHECK-LABEL:   func.func @int_folds() -> (i32, i32, i32, i32, i32, i32, vector<2xi32>, i8, i32) {
// CHECK-NEXT:     %v23 = arith.constant 0 : i32
// CHECK-NEXT:     %v24 = arith.constant -5 : i32
// CHECK-NEXT:     %v25 = arith.constant 5 : i32
// CHECK-NEXT:     %v26 = arith.constant 30 : i32
// CHECK-NEXT:     %v27 = arith.constant 31 : i32
// CHECK-NEXT:     %v28 = arith.constant -125 : i32
// CHECK-NEXT:     %v29 = arith.constant -1 : i32
// CHECK-NEXT:     %v30 = arith.constant dense<[4, 7]> : vector<2xi32>
// CHECK-NEXT:     %v31 = arith.constant -128 : i8
// CHECK-NEXT:     %v32 = math.ipowi %v23, %v24 : i32
// CHECK-NEXT:     return %v25, %v26, %v23, %v27, %v28, %v29, %v30, %v31, %v32 : i32, i32, i32, i32, i32, i32, vector<2xi32>, i8, i32
// CHECK-NEXT:   }
// CHECK-LABEL:   func.func @not_folded(%arg0: f32, %arg1: i32) -> (f32, f32) {
// CHECK-NEXT:     %v33 = arith.constant 5.000000e-01 : f32
// CHECK-NEXT:     %v34 = math.fma %v33, %v33, %v33 : f32
// CHECK-NEXT:     %v35 = math.fpowi %v33, %arg1 : f32, i32
// CHECK-NEXT:     return %v34, %v35 : f32, f32
// CHECK-NEXT:   }

func.func @float_folds() -> (f32, f32, f32, f32, vector<2xf32>, f32, f64, f16, f16, f32, f64, f16, f32, vector<2xf64>, f32) {
  %c = arith.constant 0.7 : f32
  %0 = math.exp %c : f32
  %1 = math.tanh %c : f32
  %2 = math.log %c : f32
  %3 = math.erf %c : f32
  %v = arith.constant dense<[0.5, 2.5]> : vector<2xf32>
  %4 = math.sqrt %v : vector<2xf32>
  %5 = math.powf %c, %c : f32
  %d = arith.constant -2.5 : f64
  %6 = math.absf %d : f64
  %h = arith.constant 2.5 : f16
  %7 = math.ceil %h : f16
  %8 = math.exp %h : f16
  %neg = arith.constant -1.0 : f32
  %9 = math.sqrt %neg : f32
  %10 = math.atan2 %d, %d : f64
  %11 = math.roundeven %h : f16
  %12 = math.copysign %c, %neg : f32
  %sv = arith.constant dense<1.5> : vector<2xf64>
  %13 = math.round %sv : vector<2xf64>
  %14 = math.cbrt %c : f32
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11, %12, %13, %14 : f32, f32, f32, f32, vector<2xf32>, f32, f64, f16, f16, f32, f64, f16, f32, vector<2xf64>, f32
}

func.func @log_domain() -> (f64, f64, f64, f64) {
  %m = arith.constant -0.0 : f64
  %n = arith.constant -2.0 : f64
  %0 = math.log %m : f64
  %1 = math.log1p %m : f64
  %2 = math.log1p %n : f64
  %3 = math.acos %n : f64
  return %0, %1, %2, %3 : f64, f64, f64, f64
}

func.func @int_folds() -> (i32, i32, i32, i32, i32, i32, vector<2xi32>, i8, i32) {
  %i = arith.constant -5 : i32
  %i2 = arith.constant 3 : i32
  %0 = math.absi %i : i32
  %1 = math.ctlz %i2 : i32
  %2 = math.cttz %i2 : i32
  %3 = math.ctpop %i : i32
  %4 = math.ipowi %i, %i2 : i32
  %m1 = arith.constant -1 : i32
  %5 = math.ipowi %m1, %i : i32
  %vi = arith.constant dense<[4, -7]> : vector<2xi32>
  %6 = math.absi %vi : vector<2xi32>
  %b = arith.constant -128 : i8
  %7 = math.absi %b : i8
  %z = arith.constant 0 : i32
  %8 = math.ipowi %z, %i : i32
  return %0, %1, %2, %3, %4, %5, %6, %7, %8 : i32, i32, i32, i32, i32, i32, vector<2xi32>, i8, i32
}

func.func @not_folded(%x: f32, %n: i32) -> (f32, f32) {
  %c = arith.constant 0.5 : f32
  %0 = math.fma %c, %c, %c : f32
  %1 = math.fpowi %c, %n : f32, i32
  return %0, %1 : f32, f32
}
