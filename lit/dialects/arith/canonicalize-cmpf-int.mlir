// CmpFIntToFPConst: arith.cmpf of (s|u)itofp(%x) against a float
// constant becomes arith.cmpi on %x (or an i1 constant): every predicate,
// constants out of the integer's range, fractional constants, and the
// precision bail-outs for integers wider than the float's mantissa.
// The CHECK lines are mlir-opt 19 -canonicalize output on this file.
// RUN: edge-opt %s -canonicalize | FileCheck %s

// CHECK-LABEL: func.func @si_i8_f32
// CHECK-NEXT: %false = arith.constant false
// CHECK-NEXT: %true = arith.constant true
// CHECK-NEXT: %c4_i8 = arith.constant 4 : i8
// CHECK-NEXT: %0 = arith.cmpi eq, %arg0, %c4_i8 : i8
// CHECK-NEXT: %1 = arith.cmpi eq, %arg0, %c4_i8 : i8
// CHECK-NEXT: %2 = arith.cmpi sgt, %arg0, %c4_i8 : i8
// CHECK-NEXT: %3 = arith.cmpi sge, %arg0, %c4_i8 : i8
// CHECK-NEXT: %4 = arith.cmpi slt, %arg0, %c4_i8 : i8
// CHECK-NEXT: %5 = arith.cmpi sle, %arg0, %c4_i8 : i8
// CHECK-NEXT: %6 = arith.cmpi ne, %arg0, %c4_i8 : i8
// CHECK-NEXT: %7 = arith.cmpi ne, %arg0, %c4_i8 : i8
// CHECK-NEXT: return %0, %1, %2, %3, %4, %5, %6, %7, %true, %false : i1, i1, i1, i1, i1, i1, i1, i1, i1, i1
func.func @si_i8_f32(%x: i8) -> (i1, i1, i1, i1, i1, i1, i1, i1, i1, i1) {
  %f = arith.sitofp %x : i8 to f32
  %c = arith.constant 4.0 : f32
  %0 = arith.cmpf oeq, %f, %c : f32
  %1 = arith.cmpf ueq, %f, %c : f32
  %2 = arith.cmpf ogt, %f, %c : f32
  %3 = arith.cmpf uge, %f, %c : f32
  %4 = arith.cmpf olt, %f, %c : f32
  %5 = arith.cmpf ule, %f, %c : f32
  %6 = arith.cmpf one, %f, %c : f32
  %7 = arith.cmpf une, %f, %c : f32
  %8 = arith.cmpf ord, %f, %c : f32
  %9 = arith.cmpf uno, %f, %c : f32
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9 : i1, i1, i1, i1, i1, i1, i1, i1, i1, i1
}

// CHECK-LABEL: func.func @ui_i8_f32
// CHECK-NEXT: %c-56_i8 = arith.constant -56 : i8
// CHECK-NEXT: %0 = arith.cmpi ugt, %arg0, %c-56_i8 : i8
// CHECK-NEXT: %1 = arith.cmpi uge, %arg0, %c-56_i8 : i8
// CHECK-NEXT: %2 = arith.cmpi ult, %arg0, %c-56_i8 : i8
// CHECK-NEXT: %3 = arith.cmpi ule, %arg0, %c-56_i8 : i8
// CHECK-NEXT: %4 = arith.cmpi eq, %arg0, %c-56_i8 : i8
// CHECK-NEXT: return %0, %1, %2, %3, %4 : i1, i1, i1, i1, i1
func.func @ui_i8_f32(%x: i8) -> (i1, i1, i1, i1, i1) {
  %f = arith.uitofp %x : i8 to f32
  %c = arith.constant 200.0 : f32
  %0 = arith.cmpf ogt, %f, %c : f32
  %1 = arith.cmpf oge, %f, %c : f32
  %2 = arith.cmpf olt, %f, %c : f32
  %3 = arith.cmpf ole, %f, %c : f32
  %4 = arith.cmpf oeq, %f, %c : f32
  return %0, %1, %2, %3, %4 : i1, i1, i1, i1, i1
}

// CHECK-LABEL: func.func @si_out_of_range
// CHECK-NEXT: %true = arith.constant true
// CHECK-NEXT: %false = arith.constant false
// CHECK-NEXT: return %true, %true, %false, %false, %true, %true, %false, %false : i1, i1, i1, i1, i1, i1, i1, i1
func.func @si_out_of_range(%x: i8) -> (i1, i1, i1, i1, i1, i1, i1, i1) {
  %f = arith.sitofp %x : i8 to f32
  %big = arith.constant 300.0 : f32
  %small = arith.constant -300.0 : f32
  %0 = arith.cmpf one, %f, %big : f32
  %1 = arith.cmpf olt, %f, %big : f32
  %2 = arith.cmpf ogt, %f, %big : f32
  %3 = arith.cmpf oeq, %f, %big : f32
  %4 = arith.cmpf une, %f, %small : f32
  %5 = arith.cmpf oge, %f, %small : f32
  %6 = arith.cmpf ole, %f, %small : f32
  %7 = arith.cmpf ueq, %f, %small : f32
  return %0, %1, %2, %3, %4, %5, %6, %7 : i1, i1, i1, i1, i1, i1, i1, i1
}

// CHECK-LABEL: func.func @ui_out_of_range
// CHECK-NEXT: %true = arith.constant true
// CHECK-NEXT: %false = arith.constant false
// CHECK-NEXT: %c0_i8 = arith.constant 0 : i8
// CHECK-NEXT: %0 = arith.cmpi ugt, %arg0, %c0_i8 : i8
// CHECK-NEXT: %1 = arith.cmpi eq, %arg0, %c0_i8 : i8
// CHECK-NEXT: return %true, %false, %true, %false, %0, %1 : i1, i1, i1, i1, i1, i1
func.func @ui_out_of_range(%x: i8) -> (i1, i1, i1, i1, i1, i1) {
  %f = arith.uitofp %x : i8 to f32
  %big = arith.constant 256.0 : f32
  %neg = arith.constant -1.0 : f32
  %negz = arith.constant -0.0 : f32
  %0 = arith.cmpf ule, %f, %big : f32
  %1 = arith.cmpf ugt, %f, %big : f32
  %2 = arith.cmpf oge, %f, %neg : f32
  %3 = arith.cmpf olt, %f, %neg : f32
  %4 = arith.cmpf ogt, %f, %negz : f32
  %5 = arith.cmpf oeq, %f, %negz : f32
  return %0, %1, %2, %3, %4, %5 : i1, i1, i1, i1, i1, i1
}

// CHECK-LABEL: func.func @si_fraction
// CHECK-NEXT: %c4_i16 = arith.constant 4 : i16
// CHECK-NEXT: %true = arith.constant true
// CHECK-NEXT: %false = arith.constant false
// CHECK-NEXT: %c-4_i16 = arith.constant -4 : i16
// CHECK-NEXT: %0 = arith.cmpi slt, %arg0, %c-4_i16 : i16
// CHECK-NEXT: %1 = arith.cmpi sle, %arg0, %c4_i16 : i16
// CHECK-NEXT: %2 = arith.cmpi slt, %arg0, %c-4_i16 : i16
// CHECK-NEXT: %3 = arith.cmpi sle, %arg0, %c4_i16 : i16
// CHECK-NEXT: %4 = arith.cmpi sge, %arg0, %c-4_i16 : i16
// CHECK-NEXT: %5 = arith.cmpi sgt, %arg0, %c4_i16 : i16
// CHECK-NEXT: %6 = arith.cmpi sge, %arg0, %c-4_i16 : i16
// CHECK-NEXT: %7 = arith.cmpi sgt, %arg0, %c4_i16 : i16
// CHECK-NEXT: return %true, %false, %0, %1, %2, %3, %4, %5, %6, %7 : i1, i1, i1, i1, i1, i1, i1, i1, i1, i1
func.func @si_fraction(%x: i16) -> (i1, i1, i1, i1, i1, i1, i1, i1, i1, i1) {
  %f = arith.sitofp %x : i16 to f32
  %p = arith.constant 4.5 : f32
  %n = arith.constant -4.5 : f32
  %0 = arith.cmpf one, %f, %p : f32
  %1 = arith.cmpf oeq, %f, %p : f32
  %2 = arith.cmpf ole, %f, %n : f32
  %3 = arith.cmpf ole, %f, %p : f32
  %4 = arith.cmpf olt, %f, %n : f32
  %5 = arith.cmpf olt, %f, %p : f32
  %6 = arith.cmpf ogt, %f, %n : f32
  %7 = arith.cmpf ogt, %f, %p : f32
  %8 = arith.cmpf oge, %f, %n : f32
  %9 = arith.cmpf oge, %f, %p : f32
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9 : i1, i1, i1, i1, i1, i1, i1, i1, i1, i1
}

// CHECK-LABEL: func.func @ui_fraction
// CHECK-NEXT: %true = arith.constant true
// CHECK-NEXT: %false = arith.constant false
// CHECK-NEXT: %c4_i16 = arith.constant 4 : i16
// CHECK-NEXT: %0 = arith.cmpi ule, %arg0, %c4_i16 : i16
// CHECK-NEXT: %1 = arith.cmpi ule, %arg0, %c4_i16 : i16
// CHECK-NEXT: %2 = arith.cmpi ugt, %arg0, %c4_i16 : i16
// CHECK-NEXT: %3 = arith.cmpi ugt, %arg0, %c4_i16 : i16
// CHECK-NEXT: return %false, %0, %false, %1, %true, %2, %true, %3 : i1, i1, i1, i1, i1, i1, i1, i1
func.func @ui_fraction(%x: i16) -> (i1, i1, i1, i1, i1, i1, i1, i1) {
  %f = arith.uitofp %x : i16 to f32
  %p = arith.constant 4.5 : f32
  %n = arith.constant -0.5 : f32
  %0 = arith.cmpf ule, %f, %n : f32
  %1 = arith.cmpf ule, %f, %p : f32
  %2 = arith.cmpf ult, %f, %n : f32
  %3 = arith.cmpf ult, %f, %p : f32
  %4 = arith.cmpf ugt, %f, %n : f32
  %5 = arith.cmpf ugt, %f, %p : f32
  %6 = arith.cmpf uge, %f, %n : f32
  %7 = arith.cmpf uge, %f, %p : f32
  return %0, %1, %2, %3, %4, %5, %6, %7 : i1, i1, i1, i1, i1, i1, i1, i1
}

// CHECK-LABEL: func.func @precision
// CHECK-NEXT: %c0_i16 = arith.constant 0 : i16
// CHECK-NEXT: %false = arith.constant false
// CHECK-NEXT: %true = arith.constant true
// CHECK-NEXT: %c1000000_i32 = arith.constant 1000000 : i32
// CHECK-NEXT: %cst = arith.constant -2.995200e+04 : bf16
// CHECK-NEXT: %cst_0 = arith.constant 0x7C00 : f16
// CHECK-NEXT: %cst_1 = arith.constant 0x4B800000 : f32
// CHECK-NEXT: %0 = arith.sitofp %arg0 : i32 to f32
// CHECK-NEXT: %1 = arith.cmpf olt, %0, %cst_1 : f32
// CHECK-NEXT: %2 = arith.cmpi slt, %arg0, %c1000000_i32 : i32
// CHECK-NEXT: %3 = arith.uitofp %arg2 : i16 to f16
// CHECK-NEXT: %4 = arith.cmpf olt, %3, %cst_0 : f16
// CHECK-NEXT: %5 = arith.sitofp %arg2 : i16 to bf16
// CHECK-NEXT: %6 = arith.cmpf ogt, %5, %cst : bf16
// CHECK-NEXT: %7 = arith.cmpi sgt, %arg2, %c0_i16 : i16
// CHECK-NEXT: return %1, %2, %true, %4, %true, %false, %6, %7 : i1, i1, i1, i1, i1, i1, i1, i1
func.func @precision(%x: i32, %y: i64, %z: i16, %w: i32) -> (i1, i1, i1, i1, i1, i1, i1, i1) {
  %f = arith.sitofp %x : i32 to f32
  %a = arith.constant 16777217.0 : f32
  %b = arith.constant 1.0e6 : f32
  %c = arith.constant 1.0e10 : f32
  %0 = arith.cmpf olt, %f, %a : f32
  %1 = arith.cmpf olt, %f, %b : f32
  %2 = arith.cmpf olt, %f, %c : f32
  %g = arith.uitofp %z : i16 to f16
  %inf = arith.constant 0x7C00 : f16
  %3 = arith.cmpf olt, %g, %inf : f16
  %h = arith.sitofp %y : i64 to f64
  %d = arith.constant 0x7FF0000000000000 : f64
  %4 = arith.cmpf olt, %h, %d : f64
  %u = arith.uitofp %w : i32 to f32
  %e = arith.constant 0x7F800000 : f32
  %5 = arith.cmpf oge, %u, %e : f32
  %g2 = arith.sitofp %z : i16 to bf16
  %m = arith.constant -3.0e4 : bf16
  %6 = arith.cmpf ogt, %g2, %m : bf16
  %t = arith.constant 0.5 : bf16
  %7 = arith.cmpf ogt, %g2, %t : bf16
  return %0, %1, %2, %3, %4, %5, %6, %7 : i1, i1, i1, i1, i1, i1, i1, i1
}

// CHECK-LABEL: func.func @no_rewrite
// CHECK-NEXT: %cst = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %cst_0 = arith.constant dense<1.000000e+00> : vector<2xf32>
// CHECK-NEXT: %false = arith.constant false
// CHECK-NEXT: %0 = arith.sitofp %arg1 : vector<2xi8> to vector<2xf32>
// CHECK-NEXT: %1 = arith.cmpf olt, %0, %cst_0 : vector<2xf32>
// CHECK-NEXT: %2 = arith.cmpf olt, %arg2, %cst : f32
// CHECK-NEXT: return %false, %false, %1, %2 : i1, i1, vector<2xi1>, i1
func.func @no_rewrite(%x: i8, %v: vector<2xi8>, %y: f32) -> (i1, i1, vector<2xi1>, i1) {
  %f = arith.sitofp %x : i8 to f32
  %nan = arith.constant 0x7FC00000 : f32
  %0 = arith.cmpf olt, %f, %nan : f32
  %1 = arith.cmpf olt, %y, %nan : f32
  %vf = arith.sitofp %v : vector<2xi8> to vector<2xf32>
  %vc = arith.constant dense<1.0> : vector<2xf32>
  %2 = arith.cmpf olt, %vf, %vc : vector<2xf32>
  %one = arith.constant 1.0 : f32
  %3 = arith.cmpf olt, %y, %one : f32
  return %0, %1, %2, %3 : i1, i1, vector<2xi1>, i1
}

// CHECK-LABEL: func.func @signed_i1
// CHECK-NEXT: %false = arith.constant false
// CHECK-NEXT: %true = arith.constant true
// CHECK-NEXT: %0 = arith.cmpi slt, %arg0, %true : i1
// CHECK-NEXT: %1 = arith.cmpi sge, %arg0, %false : i1
// CHECK-NEXT: %2 = arith.cmpi slt, %arg0, %false : i1
// CHECK-NEXT: return %0, %1, %2 : i1, i1, i1
func.func @signed_i1(%b: i1) -> (i1, i1, i1) {
  %f = arith.sitofp %b : i1 to f16
  %m = arith.constant -1.0 : f16
  %z = arith.constant -0.25 : f16
  %0 = arith.cmpf olt, %f, %m : f16
  %1 = arith.cmpf ogt, %f, %z : f16
  %2 = arith.cmpf ole, %f, %z : f16
  return %0, %1, %2 : i1, i1, i1
}

// CHECK-LABEL: func.func @precision_edges
// CHECK-NEXT: %c0_i32 = arith.constant 0 : i32
// CHECK-NEXT: %true = arith.constant true
// CHECK-NEXT: %cst = arith.constant -2.14748365E+9 : f32
// CHECK-NEXT: %cst_0 = arith.constant 4.000000e+09 : f32
// CHECK-NEXT: %0 = arith.sitofp %arg0 : i32 to f32
// CHECK-NEXT: %1 = arith.cmpf olt, %0, %cst_0 : f32
// CHECK-NEXT: %2 = arith.cmpi sgt, %arg0, %c0_i32 : i32
// CHECK-NEXT: %3 = arith.cmpf oge, %0, %cst : f32
// CHECK-NEXT: return %1, %true, %2, %3 : i1, i1, i1, i1
func.func @precision_edges(%x: i32) -> (i1, i1, i1, i1) {
  %f = arith.sitofp %x : i32 to f32
  %a = arith.constant 4.0e9 : f32
  %b = arith.constant 8.0e9 : f32
  %c = arith.constant 1.5e-40 : f32
  %d = arith.constant -2147483648.0 : f32
  %0 = arith.cmpf olt, %f, %a : f32
  %1 = arith.cmpf olt, %f, %b : f32
  %2 = arith.cmpf ogt, %f, %c : f32
  %3 = arith.cmpf oge, %f, %d : f32
  return %0, %1, %2, %3 : i1, i1, i1, i1
}

// The width test uses all the bits of a signed integer: i25 against f32's
// 24 bits gives up at 2^24 although its 24 value bits would fit.
// CHECK-LABEL: func.func @width_not_value_bits
// CHECK-NEXT: %cst = arith.constant 0x4B800000 : f32
// CHECK-NEXT: %0 = arith.sitofp %arg0 : i25 to f32
// CHECK-NEXT: %1 = arith.cmpf olt, %0, %cst : f32
// CHECK-NEXT: return %1 : i1
func.func @width_not_value_bits(%x: i25) -> i1 {
  %f = arith.sitofp %x : i25 to f32
  %c = arith.constant 16777216.0 : f32
  %0 = arith.cmpf olt, %f, %c : f32
  return %0 : i1
}
