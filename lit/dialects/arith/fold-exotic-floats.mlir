// Constant folding of arith ops on tf32, f8E5M2, f8E4M3FN, f80 and f128
// with APFloat's semantics; the expected output is mlir-opt 19's (see
// fold-exotic-floats-interop.mlir for a randomized comparison).
// RUN: edge-opt %s -canonicalize | FileCheck %s

// f8E4M3FN has no infinity: 448 + 16 ties to 448 (even), a bigger overflow
// gives the NaN 0x7F / 0xFF with the result's sign.
// CHECK-LABEL: func.func @e4m3fn_overflow_is_nan() -> (f8E4M3FN, f8E4M3FN, f8E4M3FN) {
// CHECK-NEXT:   %cst = arith.constant 4.480000e+02 : f8E4M3FN
// CHECK-NEXT:   %cst_0 = arith.constant 0xFF : f8E4M3FN
// CHECK-NEXT:   %cst_1 = arith.constant 0x7F : f8E4M3FN
// CHECK-NEXT:   return %cst, %cst_0, %cst_1 : f8E4M3FN, f8E4M3FN, f8E4M3FN
// CHECK-NEXT: }
func.func @e4m3fn_overflow_is_nan() -> (f8E4M3FN, f8E4M3FN, f8E4M3FN) {
  %max = arith.constant 448.0 : f8E4M3FN
  %s = arith.constant 16.0 : f8E4M3FN
  %m = arith.constant -448.0 : f8E4M3FN
  %a = arith.addf %max, %s : f8E4M3FN
  %b = arith.subf %m, %max : f8E4M3FN
  %c = arith.addf %max, %max : f8E4M3FN
  return %a, %b, %c : f8E4M3FN, f8E4M3FN, f8E4M3FN
}

// A number divided by zero: NaN with the sign; 0 / 0: the positive NaN.
// CHECK-LABEL: func.func @e4m3fn_divide_by_zero() -> (f8E4M3FN, f8E4M3FN, f8E4M3FN) {
// CHECK-NEXT:   %cst = arith.constant 0x7F : f8E4M3FN
// CHECK-NEXT:   %cst_0 = arith.constant 0xFF : f8E4M3FN
// CHECK-NEXT:   return %cst, %cst_0, %cst : f8E4M3FN, f8E4M3FN, f8E4M3FN
// CHECK-NEXT: }
func.func @e4m3fn_divide_by_zero() -> (f8E4M3FN, f8E4M3FN, f8E4M3FN) {
  %one = arith.constant 1.0 : f8E4M3FN
  %mone = arith.constant -1.0 : f8E4M3FN
  %zero = arith.constant 0.0 : f8E4M3FN
  %a = arith.divf %one, %zero : f8E4M3FN
  %b = arith.divf %mone, %zero : f8E4M3FN
  %c = arith.divf %zero, %zero : f8E4M3FN
  return %a, %b, %c : f8E4M3FN, f8E4M3FN, f8E4M3FN
}

// Ties to even (1 + 1/16 -> 1), subnormals, negation.
// CHECK-LABEL: func.func @e4m3fn_round_and_subnormal() -> (f8E4M3FN, f8E4M3FN, f8E4M3FN) {
// CHECK-NEXT:   %cst = arith.constant 1.000000e+00 : f8E4M3FN
// CHECK-NEXT:   %cst_0 = arith.constant 0.000000e+00 : f8E4M3FN
// CHECK-NEXT:   %cst_1 = arith.constant -1.953130e-03 : f8E4M3FN
// CHECK-NEXT:   return %cst, %cst_0, %cst_1 : f8E4M3FN, f8E4M3FN, f8E4M3FN
// CHECK-NEXT: }
func.func @e4m3fn_round_and_subnormal() -> (f8E4M3FN, f8E4M3FN, f8E4M3FN) {
  %a = arith.constant 1.0 : f8E4M3FN
  %b = arith.constant 0.0625 : f8E4M3FN
  %t = arith.constant 0x01 : f8E4M3FN
  %r = arith.addf %a, %b : f8E4M3FN
  %h = arith.constant 0.5 : f8E4M3FN
  %s = arith.mulf %t, %h : f8E4M3FN
  %n = arith.negf %t : f8E4M3FN
  return %r, %s, %n : f8E4M3FN, f8E4M3FN, f8E4M3FN
}

// The NaN is unordered; maximumf propagates it, minnumf drops it.
// CHECK-LABEL: func.func @e4m3fn_nan_compares() -> (i1, i1, f8E4M3FN, f8E4M3FN) {
// CHECK-NEXT:   %true = arith.constant true
// CHECK-NEXT:   %false = arith.constant false
// CHECK-NEXT:   %cst = arith.constant 0x7F : f8E4M3FN
// CHECK-NEXT:   %cst_0 = arith.constant 1.000000e+00 : f8E4M3FN
// CHECK-NEXT:   return %true, %false, %cst, %cst_0 : i1, i1, f8E4M3FN, f8E4M3FN
// CHECK-NEXT: }
func.func @e4m3fn_nan_compares() -> (i1, i1, f8E4M3FN, f8E4M3FN) {
  %nan = arith.constant 0x7F : f8E4M3FN
  %one = arith.constant 1.0 : f8E4M3FN
  %a = arith.cmpf uno, %nan, %one : f8E4M3FN
  %b = arith.cmpf oeq, %nan, %nan : f8E4M3FN
  %c = arith.maximumf %one, %nan : f8E4M3FN
  %d = arith.minnumf %nan, %one : f8E4M3FN
  return %a, %b, %c, %d : i1, i1, f8E4M3FN, f8E4M3FN
}

// f8E5M2 is IEEE-like: overflow and 1/0 give infinity, inf - inf the default
// NaN.
// CHECK-LABEL: func.func @e5m2_ieee() -> (f8E5M2, f8E5M2, f8E5M2, i1) {
// CHECK-NEXT:   %cst = arith.constant 0x7C : f8E5M2
// CHECK-NEXT:   %cst_0 = arith.constant 0x7E : f8E5M2
// CHECK-NEXT:   %true = arith.constant true
// CHECK-NEXT:   return %cst, %cst, %cst_0, %true : f8E5M2, f8E5M2, f8E5M2, i1
// CHECK-NEXT: }
func.func @e5m2_ieee() -> (f8E5M2, f8E5M2, f8E5M2, i1) {
  %max = arith.constant 57344.0 : f8E5M2
  %one = arith.constant 1.0 : f8E5M2
  %zero = arith.constant 0.0 : f8E5M2
  %a = arith.addf %max, %max : f8E5M2
  %b = arith.divf %one, %zero : f8E5M2
  %c = arith.subf %b, %b : f8E5M2
  %d = arith.cmpf ogt, %b, %max : f8E5M2
  return %a, %b, %c, %d : f8E5M2, f8E5M2, f8E5M2, i1
}

// tf32: 10 mantissa bits, f32's exponent range.
// CHECK-LABEL: func.func @tf32_arith() -> (tf32, tf32, tf32) {
// CHECK-NEXT:   %cst = arith.constant 3.101560e+00 : tf32
// CHECK-NEXT:   %cst_0 = arith.constant 9.609370e+00 : tf32
// CHECK-NEXT:   %cst_1 = arith.constant 3.566740e-04 : tf32
// CHECK-NEXT:   return %cst, %cst_0, %cst_1 : tf32, tf32, tf32
// CHECK-NEXT: }
func.func @tf32_arith() -> (tf32, tf32, tf32) {
  %a = arith.constant 3.1 : tf32
  %b = arith.constant 1.0e-3 : tf32
  %x = arith.addf %a, %b : tf32
  %y = arith.mulf %a, %a : tf32
  %z = arith.remf %a, %b : tf32
  return %x, %y, %z : tf32, tf32, tf32
}

// truncf (exact only), extf (a NanOnly NaN widens with an all-ones payload),
// fptosi, sitofp (overflow -> NaN).
// CHECK-LABEL: func.func @conversions() -> (f8E4M3FN, f8E5M2, tf32, f32, i32, f64, f8E4M3FN) {
// CHECK-NEXT:   %cst = arith.constant 1.500000e+00 : f8E4M3FN
// CHECK-NEXT:   %cst_0 = arith.constant 1.500000e+00 : f8E5M2
// CHECK-NEXT:   %cst_1 = arith.constant 1.500000e+00 : tf32
// CHECK-NEXT:   %cst_2 = arith.constant -3.500000e+00 : f32
// CHECK-NEXT:   %c-3_i32 = arith.constant -3 : i32
// CHECK-NEXT:   %cst_3 = arith.constant 0x7FFE000000000000 : f64
// CHECK-NEXT:   %cst_4 = arith.constant 0x7F : f8E4M3FN
// CHECK-NEXT:   return %cst, %cst_0, %cst_1, %cst_2, %c-3_i32, %cst_3, %cst_4 : f8E4M3FN, f8E5M2, tf32, f32, i32, f64, f8E4M3FN
// CHECK-NEXT: }
func.func @conversions() -> (f8E4M3FN, f8E5M2, tf32, f32, i32, f64, f8E4M3FN) {
  %d = arith.constant 1.5 : f64
  %a = arith.truncf %d : f64 to f8E4M3FN
  %b = arith.truncf %d : f64 to f8E5M2
  %c = arith.truncf %d : f64 to tf32
  %e8 = arith.constant -3.5 : f8E4M3FN
  %e = arith.extf %e8 : f8E4M3FN to f32
  %f = arith.fptosi %e8 : f8E4M3FN to i32
  %nan = arith.constant 0x7F : f8E4M3FN
  %g = arith.extf %nan : f8E4M3FN to f64
  %i = arith.constant 1000 : i32
  %h = arith.sitofp %i : i32 to f8E4M3FN
  return %a, %b, %c, %e, %f, %g, %h : f8E4M3FN, f8E5M2, tf32, f32, i32, f64, f8E4M3FN
}

// Left as they are, as mlir-opt leaves them.
// CHECK-LABEL: func.func @not_folded() -> (f8E4M3FN, f8E4M3FN, i32, f80, f128) {
// CHECK-NEXT:   %cst = arith.constant 2.250000e+00 : f128
// CHECK-NEXT:   %cst_0 = arith.constant 3.000000e+00 : f80
// CHECK-NEXT:   %cst_1 = arith.constant 0x7F : f8E5M2
// CHECK-NEXT:   %cst_2 = arith.constant 0x7FF8000000000000 : f64
// CHECK-NEXT:   %cst_3 = arith.constant 1.100000e+00 : f64
// CHECK-NEXT:   %0 = arith.truncf %cst_3 : f64 to f8E4M3FN
// CHECK-NEXT:   %1 = arith.truncf %cst_2 : f64 to f8E4M3FN
// CHECK-NEXT:   %2 = arith.fptosi %cst_1 : f8E5M2 to i32
// CHECK-NEXT:   return %0, %1, %2, %cst_0, %cst : f8E4M3FN, f8E4M3FN, i32, f80, f128
// CHECK-NEXT: }
func.func @not_folded() -> (f8E4M3FN, f8E4M3FN, i32, f80, f128) {
  // Inexact truncation and a NaN into a NanOnly format stay (as in MLIR).
  %d = arith.constant 1.1 : f64
  %a = arith.truncf %d : f64 to f8E4M3FN
  %n = arith.constant 0x7FF8000000000000 : f64
  %b = arith.truncf %n : f64 to f8E4M3FN
  // Out of range for i32: APFloat reports an invalid operation.
  %big = arith.constant 0x7F : f8E5M2
  %c = arith.fptosi %big : f8E5M2 to i32
  // f80 and f128 are not folded.
  %x = arith.constant 1.5 : f80
  %x2 = arith.addf %x, %x : f80
  %y = arith.constant 1.5 : f128
  %y2 = arith.mulf %y, %y : f128
  return %a, %b, %c, %x2, %y2 : f8E4M3FN, f8E4M3FN, i32, f80, f128
}

// Elementwise on vectors and tensors.
// CHECK-LABEL: func.func @dense() -> (vector<4xf8E4M3FN>, tensor<3xtf32>) {
// CHECK-NEXT:   %cst = arith.constant dense<[1.500000e+00, 0x7F, -5.000000e+00, 0.000000e+00]> : vector<4xf8E4M3FN>
// CHECK-NEXT:   %cst_0 = arith.constant dense<[2.000000e+00, 6.199210e+00, -5.000000e+00]> : tensor<3xtf32>
// CHECK-NEXT:   return %cst, %cst_0 : vector<4xf8E4M3FN>, tensor<3xtf32>
// CHECK-NEXT: }
func.func @dense() -> (vector<4xf8E4M3FN>, tensor<3xtf32>) {
  %a = arith.constant dense<[1.0, 448.0, -2.5, 0.0]> : vector<4xf8E4M3FN>
  %b = arith.constant dense<[0.5, 64.0, -2.5, -0.0]> : vector<4xf8E4M3FN>
  %r = arith.addf %a, %b : vector<4xf8E4M3FN>
  %c = arith.constant dense<[1.0, 3.1, -2.5]> : tensor<3xtf32>
  %e = arith.constant dense<2.0> : tensor<3xtf32>
  %s = arith.mulf %c, %e : tensor<3xtf32>
  return %r, %s : vector<4xf8E4M3FN>, tensor<3xtf32>
}

// f80/f128 constants that are not doubles are not taken for 1.0 or 0.0.
// CHECK-LABEL: func.func @f80_not_a_double(%arg0: f80, %arg1: f128) -> (f80, f128, i1) {
// CHECK-NEXT:   %true = arith.constant true
// CHECK-NEXT:   %cst = arith.constant 1.05521317370889680295584905255658614E-4874 : f128
// CHECK-NEXT:   %cst_0 = arith.constant 1.00000000000000000173 : f80
// CHECK-NEXT:   %0 = arith.mulf %arg0, %cst_0 : f80
// CHECK-NEXT:   %1 = arith.addf %arg1, %cst : f128
// CHECK-NEXT:   return %0, %1, %true : f80, f128, i1
// CHECK-NEXT: }
func.func @f80_not_a_double(%x: f80, %y: f128) -> (f80, f128, i1) {
  // 1 + 2^-60 and 2^-16000 are not doubles: x * c and y + c stay.
  %c = arith.constant 0x3FFF8000000000000010 : f80
  %m = arith.mulf %x, %c : f80
  %t = arith.constant 0x00C00000000000000000000000000000 : f128
  %a = arith.addf %y, %t : f128
  %one = arith.constant 1.0 : f80
  %ne = arith.cmpf one, %c, %one : f80
  return %m, %a, %ne : f80, f128, i1
}

// f80 (x87 long double) and f128 (binary128) arithmetic, correctly rounded.
// CHECK-LABEL: func.func @f80_f128_arith() -> (f80, f80, f128, f128, f80) {
// CHECK-NEXT:   %cst = arith.constant 0.333333333333333333369 : f80
// CHECK-NEXT:   %cst_0 = arith.constant 0.999999999999999999783 : f80
// CHECK-NEXT:   %cst_1 = arith.constant 0.333333333333333333333333333333333414 : f128
// CHECK-NEXT:   %cst_2 = arith.constant -1.00000000000000000000000000000000019 : f128
// CHECK-NEXT:   %cst_3 = arith.constant 0x7FFF8000000000000000 : f80
// CHECK-NEXT:   return %cst, %cst_0, %cst_1, %cst_2, %cst_3 : f80, f80, f128, f128, f80
// CHECK-NEXT: }
func.func @f80_f128_arith() -> (f80, f80, f128, f128, f80) {
  %a = arith.constant 0x3FFF8000000000000001 : f80
  %b = arith.constant 3.0 : f80
  %q = arith.divf %a, %b : f80
  %r = arith.remf %b, %a : f80
  %c = arith.constant 0x3FFF0000000000000000000000000001 : f128
  %d = arith.constant 3.0 : f128
  %s = arith.divf %c, %d : f128
  %n = arith.negf %c : f128
  %z = arith.constant 0.0 : f80
  %inf = arith.divf %b, %z : f80
  return %q, %r, %s, %n, %inf : f80, f80, f128, f128, f80
}
