// graph-const-fold: weight-only subgraphs (a dequantized int8 filter,
// transposed) become one constant, a dense_resource blob when large.
// RUN: edge-opt %s -graph-const-fold | FileCheck %s
// RUN: edge-opt %s --pass-pipeline='builtin.module(func.func(graph-const-fold{max-dense-elements=4}))' | FileCheck %s --check-prefix=RES
// RUN: edge-opt %s -graph-const-fold=max-dense-elements=4 | edge-opt | FileCheck %s --check-prefix=RES

// CHECK-LABEL: func.func @weights
// CHECK-NEXT:    %[[W:.*]] = graph.constant dense<{{\[\[\[\[}}1.000000e-01], [3.000000e-01]], {{\[\[}}-2.000000e-01], [4.000000e-01]]], {{.*}} : tensor<4x2x2x1xf32>
// CHECK-NEXT:    %[[C:.*]] = graph.conv2d %arg0, %[[W]] {name = "conv"
// CHECK-NEXT:    return %[[C]]
// RES-LABEL:   func.func @weights
// RES-NEXT:      graph.constant dense_resource<[[KEY:const_fold.mlir_[0-9]+_9.folded]]> : tensor<4x2x2x1xf32>
// RES:         dialect_resources
// RES-NEXT:      builtin: {
// RES-NEXT:        [[KEY]]: "0x40000000CDCCCC3D
func.func @weights(%x: tensor<1x2x3x3xf32>) -> tensor<1x4x3x3xf32> {
  %wq = graph.constant dense<[[[[1, -2]], [[3, 4]]], [[[5, 6]], [[-7, 8]]], [[[9, 10]], [[11, -12]]], [[[13, 14]], [[15, 16]]]]> : tensor<4x2x1x2xi8> as tensor<4x2x1x2x!quant.uniform<i8:f32:0, {1.0e-01:0, 2.0e-01:0, 3.0e-01:1, 4.0e-01:-1}>>
  %wd = graph.dequantize %wq : (tensor<4x2x1x2x!quant.uniform<i8:f32:0, {1.0e-01:0, 2.0e-01:0, 3.0e-01:1, 4.0e-01:-1}>>) -> tensor<4x2x1x2xf32>
  %wt = graph.transpose %wd {perm = array<i64: 0, 3, 1, 2>} : (tensor<4x2x1x2xf32>) -> tensor<4x2x2x1xf32>
  %c = graph.conv2d %x, %wt {name = "conv", pads = array<i64: 0, 0, 1, 0>} : (tensor<1x2x3x3xf32>, tensor<4x2x2x1xf32>) -> tensor<1x4x3x3xf32>
  return %c : tensor<1x4x3x3xf32>
}

// Quantized results keep their type through the "as" form; ops with a
// non-constant operand stay.
// CHECK-LABEL: func.func @partial
// CHECK-NEXT:    %[[A:.*]] = graph.constant dense<[1.000000e+00, -2.000000e+00, 3.000000e+00, 4.250000e+00]> : tensor<4xf32>
// CHECK-NEXT:    %[[N:.*]] = graph.constant dense<[-1.000000e+00, 2.000000e+00, -3.000000e+00, -4.250000e+00]> : tensor<4xf32>
// CHECK-NEXT:    %[[S:.*]] = graph.add %arg0, %[[A]]
// CHECK-NEXT:    %[[T:.*]] = graph.add %[[S]], %[[N]]
// CHECK-NEXT:    %[[Q:.*]] = graph.constant dense<[-1, 5, -5, -7]> : tensor<4xi8> as tensor<4x!quant.uniform<i8:f32, 5.000000e-01:1>>
// CHECK-NEXT:    return %[[T]], %[[Q]]
func.func @partial(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4x!quant.uniform<i8:f32, 5.0e-01:1>>) {
  %a = graph.constant dense<[1.0, -2.0, 3.0, 4.25]> : tensor<4xf32>
  %n = graph.neg %a : (tensor<4xf32>) -> tensor<4xf32>
  %s = graph.add %x, %a : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %t = graph.add %s, %n : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %q = graph.quantize %n : (tensor<4xf32>) -> tensor<4x!quant.uniform<i8:f32, 5.0e-01:1>>
  return %t, %q : tensor<4xf32>, tensor<4x!quant.uniform<i8:f32, 5.0e-01:1>>
}
