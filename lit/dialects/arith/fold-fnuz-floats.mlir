// FNUZ f8 types (no infinity, no -0, the only NaN is 0x80) and f8E4M3:
// folding as mlir-opt 19 (expected output taken from it).
// RUN: edge-opt %s -canonicalize | FileCheck %s

// CHECK-LABEL: func.func @neg_zero_nan
// CHECK-DAG: arith.constant 0.000000e+00 : f8E4M3FNUZ
// CHECK-DAG: arith.constant 0x80 : f8E4M3FNUZ
// CHECK-DAG: arith.constant -1.000000e+00 : f8E4M3FNUZ
// CHECK-NOT: arith.negf
func.func @neg_zero_nan() -> (f8E4M3FNUZ, f8E4M3FNUZ, f8E4M3FNUZ) {
  %z = arith.constant 0.0 : f8E4M3FNUZ
  %n = arith.constant 0x80 : f8E4M3FNUZ
  %o = arith.constant 1.0 : f8E4M3FNUZ
  %a = arith.negf %z : f8E4M3FNUZ
  %b = arith.negf %n : f8E4M3FNUZ
  %c = arith.negf %o : f8E4M3FNUZ
  return %a, %b, %c : f8E4M3FNUZ, f8E4M3FNUZ, f8E4M3FNUZ
}
// CHECK-LABEL: func.func @overflow
// CHECK-DAG: arith.constant 0x80 : f8E4M3FNUZ
// CHECK-DAG: arith.constant 0x80 : f8E5M2FNUZ
// CHECK-DAG: arith.constant 0x80 : f8E4M3B11FNUZ
// CHECK-DAG: arith.constant 0x78 : f8E4M3
func.func @overflow() -> (f8E4M3FNUZ, f8E5M2FNUZ, f8E4M3B11FNUZ, f8E4M3) {
  %a = arith.constant 240.0 : f8E4M3FNUZ
  %r1 = arith.addf %a, %a : f8E4M3FNUZ
  %b = arith.constant 57344.0 : f8E5M2FNUZ
  %r2 = arith.mulf %b, %b : f8E5M2FNUZ
  %c = arith.constant 30.0 : f8E4M3B11FNUZ
  %r3 = arith.addf %c, %c : f8E4M3B11FNUZ
  %d = arith.constant 240.0 : f8E4M3
  %r4 = arith.addf %d, %d : f8E4M3
  return %r1, %r2, %r3, %r4 : f8E4M3FNUZ, f8E5M2FNUZ, f8E4M3B11FNUZ, f8E4M3
}
// CHECK-LABEL: func.func @sub_zero
// CHECK: arith.constant 0.000000e+00 : f8E5M2FNUZ
func.func @sub_zero() -> f8E5M2FNUZ {
  %a = arith.constant -2.0 : f8E5M2FNUZ
  %r = arith.subf %a, %a : f8E5M2FNUZ
  return %r : f8E5M2FNUZ
}
// CHECK-LABEL: func.func @divzero
// CHECK: arith.constant 0x80 : f8E4M3B11FNUZ
func.func @divzero() -> f8E4M3B11FNUZ {
  %a = arith.constant -2.0 : f8E4M3B11FNUZ
  %z = arith.constant 0.0 : f8E4M3B11FNUZ
  %r = arith.divf %a, %z : f8E4M3B11FNUZ
  return %r : f8E4M3B11FNUZ
}
// CHECK-LABEL: func.func @casts
// CHECK-DAG: arith.constant 0x7FC00000 : f32
// CHECK-DAG: arith.constant 5.734400e+04 : f16
// CHECK-DAG: arith.constant 1.875000e-01 : f8E4M3FNUZ
// CHECK-DAG: arith.constant -7 : i32
// CHECK-DAG: arith.constant 0x78 : f8E4M3
func.func @casts() -> (f32, f16, f8E4M3FNUZ, i32, f8E4M3) {
  %n = arith.constant 0x80 : f8E4M3FNUZ
  %a = arith.extf %n : f8E4M3FNUZ to f32
  %m = arith.constant 0x7F : f8E5M2FNUZ
  %b = arith.extf %m : f8E5M2FNUZ to f16
  %h = arith.constant 0.1875 : f16
  %c = arith.truncf %h : f16 to f8E4M3FNUZ
  %x = arith.constant -7.5 : f8E4M3B11FNUZ
  %d = arith.fptosi %x : f8E4M3B11FNUZ to i32
  %i = arith.constant 1000 : i32
  %e = arith.sitofp %i : i32 to f8E4M3
  return %a, %b, %c, %d, %e : f32, f16, f8E4M3FNUZ, i32, f8E4M3
}
// CHECK-LABEL: func.func @nofold
// CHECK: arith.truncf
// CHECK: arith.truncf
func.func @nofold() -> (f8E4M3FNUZ, f8E4M3FNUZ) {
  %h = arith.constant -0.0 : f16
  %a = arith.truncf %h : f16 to f8E4M3FNUZ
  %k = arith.constant 0x7C00 : f16
  %b = arith.truncf %k : f16 to f8E4M3FNUZ
  return %a, %b : f8E4M3FNUZ, f8E4M3FNUZ
}
// CHECK-LABEL: func.func @cmp
// CHECK: return %true, %false
func.func @cmp() -> (i1, i1) {
  %n = arith.constant 0x80 : f8E5M2FNUZ
  %o = arith.constant 1.0 : f8E5M2FNUZ
  %a = arith.cmpf uno, %n, %o : f8E5M2FNUZ
  %b = arith.cmpf olt, %o, %n : f8E5M2FNUZ
  return %a, %b : i1, i1
}
// CHECK-LABEL: func.func @dense
// CHECK: dense<[2.000000e+00, 0x80, -1.000000e+00]> : tensor<3xf8E4M3FNUZ>
func.func @dense() -> tensor<3xf8E4M3FNUZ> {
  %a = arith.constant dense<[1.0, 0x80, -0.5]> : tensor<3xf8E4M3FNUZ>
  %b = arith.constant dense<2.0> : tensor<3xf8E4M3FNUZ>
  %r = arith.mulf %a, %b : tensor<3xf8E4M3FNUZ>
  return %r : tensor<3xf8E4M3FNUZ>
}
