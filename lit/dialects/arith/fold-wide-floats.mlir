// f80/f128: f128 remf (APFloat::mod: exact, the dividend's sign), casts
// and dense constants folded as mlir-opt 19 (expected output from it).
// RUN: edge-opt %s -canonicalize | FileCheck %s

// CHECK-LABEL: func.func @a
// CHECK-DAG: dense<[-1.00000000000000000011, -2.000000e+00]> : vector<2xf80>
// CHECK-DAG: dense<[7.500000e-01, -2.500000e-01]> : tensor<2xf128>
// CHECK-DAG: dense<[3.000000e+00, -9.000000e+00]> : tensor<2xf80>
// CHECK-DAG: dense<[-7, 100]> : tensor<2xi32>
// CHECK-DAG: dense<[1.942550e-4965, 3.000000e+00]> : tensor<2xf128>
// CHECK-DAG: dense<[1.500000e+00, -0.000000e+00, 0x7FFFC000010000000000]> : tensor<3xf80>
// CHECK-DAG: dense<[1.500000e+00, -0.000000e+00, 0x7FFF8000020000000000000000000000]> : tensor<3xf128>
// CHECK: arith.truncf %{{.*}} : tensor<3xf128> to tensor<3xf64>
func.func @a() -> (tensor<3xf80>, tensor<2xf128>, tensor<3xf128>, tensor<3xf64>, tensor<2xi32>, tensor<2xf80>, tensor<2xf128>, vector<2xf80>) {
  %a = arith.constant dense<[1.5, -0.0, 0x7FC00001]> : tensor<3xf32>
  %e = arith.extf %a : tensor<3xf32> to tensor<3xf80>
  %b = arith.constant dense<[0x00000000000000000000000000000003, 3.0]> : tensor<2xf128>
  %c = arith.extf %e : tensor<3xf80> to tensor<3xf128>
  %d = arith.constant dense<[0.5, 0x3FFF8000000000000000000000000001, 2.0]> : tensor<3xf128>
  %t = arith.truncf %d : tensor<3xf128> to tensor<3xf64>
  %f = arith.constant dense<[-7.9, 100.5]> : tensor<2xf80>
  %i = arith.fptosi %f : tensor<2xf80> to tensor<2xi32>
  %j = arith.constant dense<[3, -9]> : tensor<2xi64>
  %k = arith.sitofp %j : tensor<2xi64> to tensor<2xf80>
  %rem = arith.constant dense<[7.5, -1.0e30]> : tensor<2xf128>
  %r3 = arith.constant dense<2.25> : tensor<2xf128>
  %rr = arith.remf %rem, %r3 : tensor<2xf128>
  %v = arith.constant dense<[0x3FFF8000000000000001, 2.0]> : vector<2xf80>
  %vv = arith.negf %v : vector<2xf80>
  return %e, %b, %c, %t, %i, %k, %rr, %vv : tensor<3xf80>, tensor<2xf128>, tensor<3xf128>, tensor<3xf64>, tensor<2xi32>, tensor<2xf80>, tensor<2xf128>, vector<2xf80>
}
// CHECK-LABEL: func.func @s
// CHECK-DAG: arith.constant 0.000000e+00 : f128
// CHECK-DAG: arith.constant 2.000000e+00 : f128
// CHECK-DAG: arith.constant -2.000000e+00 : f128
// CHECK-NOT: arith.remf
func.func @s() -> (f128, f128, f128) {
  %a = arith.constant 0x00000000000000000000000000000007 : f128
  %b = arith.constant 0x00000000000000000000000000000001 : f128
  %c = arith.remf %a, %b : f128
  %x = arith.constant 0x7FFE0000000000000000000000000000 : f128
  %y = arith.constant 3.0 : f128
  %z = arith.remf %x, %y : f128
  %m = arith.constant -5.0 : f128
  %q = arith.remf %m, %y : f128
  return %c, %z, %q : f128, f128, f128
}
