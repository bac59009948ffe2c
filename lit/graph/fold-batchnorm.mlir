// graph-fold-batchnorm: batch_norm after conv2d folds into the conv's
// weights and bias, in both layouts; non-matches stay.
// RUN: edge-opt %s -graph-fold-batchnorm | FileCheck %s

// s = scale / sqrt(var + eps) = [1.5, -0.5 / sqrt(0.5), 1.0] (eps 0);
// b' = (b - mean) * s + bias.
// CHECK-LABEL: func.func @nchw
// CHECK-NEXT:    %[[W:.*]] = graph.constant dense<{{\[\[\[\[}}7.500000e-01, -1.500000e+00]], {{\[\[}}3.000000e+00, 3.750000e-01]]], {{\[\[\[}}-0.707106{{[0-9]+}}, -1.06066{{[0-9]+}}]], {{\[\[}}0.353553{{[0-9]+}}, -0.53033{{[0-9]+}}]]], {{\[\[\[}}-2.000000e+00, 5.000000e-01]], {{\[\[}}1.000000e+00, -1.000000e+00]]]]> : tensor<3x2x1x2xf32>
// CHECK-NEXT:    %[[B:.*]] = graph.constant dense<[8.500000e-01, -1.92132{{[0-9]+}}, 2.450000e+00]> : tensor<3xf32>
// CHECK-NEXT:    %[[C:.*]] = graph.conv2d %arg0, %[[W]], %[[B]] {name = "conv"} : (tensor<1x2x3x3xf32>, tensor<3x2x1x2xf32>, tensor<3xf32>) -> tensor<1x3x3x2xf32>
// CHECK-NEXT:    return %[[C]]
func.func @nchw(%x: tensor<1x2x3x3xf32>) -> tensor<1x3x3x2xf32> {
  %s = graph.constant dense<[1.5, -0.5, 2.0]> : tensor<3xf32>
  %t = graph.constant dense<[0.1, 0.2, -0.3]> : tensor<3xf32>
  %m = graph.constant dense<[0.5, -1.0, 0.25]> : tensor<3xf32>
  %v = graph.constant dense<[1.0, 0.5, 4.0]> : tensor<3xf32>
  %w = graph.constant dense<[[[[0.5, -1.0]], [[2.0, 0.25]]], [[[1.0, 1.5]], [[-0.5, 0.75]]], [[[-2.0, 0.5]], [[1.0, -1.0]]]]> : tensor<3x2x1x2xf32>
  %b = graph.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %c = graph.conv2d %x, %w, %b {name = "conv"} : (tensor<1x2x3x3xf32>, tensor<3x2x1x2xf32>, tensor<3xf32>) -> tensor<1x3x3x2xf32>
  %y = graph.batch_norm %c, %s, %t, %m, %v {epsilon = 0.0 : f32} : (tensor<1x3x3x2xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<1x3x3x2xf32>
  return %y : tensor<1x3x3x2xf32>
}

// NHWC, no bias: one is made.
// CHECK-LABEL: func.func @nhwc
// CHECK:         %[[C:.*]] = graph.conv2d %arg0, %{{.*}}, %{{.*}} {layout = "NHWC"} : (tensor<1x3x3x2xf32>, tensor<3x2x1x2xf32>, tensor<3xf32>) -> tensor<1x2x3x3xf32>
// CHECK-NOT:     graph.batch_norm
// CHECK:         return %[[C]]
func.func @nhwc(%x: tensor<1x3x3x2xf32>) -> tensor<1x2x3x3xf32> {
  %s = graph.constant dense<[1.5, -0.5, 2.0]> : tensor<3xf32>
  %t = graph.constant dense<[0.1, 0.2, -0.3]> : tensor<3xf32>
  %m = graph.constant dense<[0.5, -1.0, 0.25]> : tensor<3xf32>
  %v = graph.constant dense<[1.0, 0.5, 4.0]> : tensor<3xf32>
  %w = graph.constant dense<0.5> : tensor<3x2x1x2xf32>
  %c = graph.conv2d %x, %w {layout = "NHWC"} : (tensor<1x3x3x2xf32>, tensor<3x2x1x2xf32>) -> tensor<1x2x3x3xf32>
  %y = graph.batch_norm %c, %s, %t, %m, %v {layout = "NHWC"} : (tensor<1x2x3x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<1x2x3x3xf32>
  return %y : tensor<1x2x3x3xf32>
}

// The conv result has another use; the conv has a fused activation.
// CHECK-LABEL: func.func @no_fold
// CHECK-COUNT-2: graph.batch_norm
func.func @no_fold(%x: tensor<1x2x3x3xf32>) -> (tensor<1x3x3x2xf32>, tensor<1x3x3x2xf32>, tensor<1x3x3x2xf32>) {
  %s = graph.constant dense<[1.5, -0.5, 2.0]> : tensor<3xf32>
  %w = graph.constant dense<0.5> : tensor<3x2x1x2xf32>
  %c = graph.conv2d %x, %w : (tensor<1x2x3x3xf32>, tensor<3x2x1x2xf32>) -> tensor<1x3x3x2xf32>
  %y = graph.batch_norm %c, %s, %s, %s, %s : (tensor<1x3x3x2xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<1x3x3x2xf32>
  %c2 = graph.conv2d %x, %w {activation = "relu"} : (tensor<1x2x3x3xf32>, tensor<3x2x1x2xf32>) -> tensor<1x3x3x2xf32>
  %y2 = graph.batch_norm %c2, %s, %s, %s, %s : (tensor<1x3x3x2xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<1x3x3x2xf32>
  return %c, %y, %y2 : tensor<1x3x3x2xf32>, tensor<1x3x3x2xf32>, tensor<1x3x3x2xf32>
}

// A per-channel constant added to a conv result becomes (part of) its
// bias; the add's activation moves to the conv.
// CHECK-LABEL: func.func @bias_add
// CHECK-DAG:     %[[B2:.*]] = graph.constant dense<[5.000000e-01, -4.000000e+00, 2.500000e-01]> : tensor<3xf32>
// CHECK-DAG:     %[[W:.*]] = graph.constant dense<5.000000e-01> : tensor<3x2x1x2xf32>
// CHECK-DAG:     %[[B:.*]] = graph.constant dense<[1.500000e+00, -2.000000e+00, 3.250000e+00]> : tensor<3xf32>
// CHECK:         %[[C:.*]] = graph.conv2d %arg0, %[[W]], %[[B]] {activation = "relu", name = "conv"}
// CHECK-NEXT:    %[[C2:.*]] = graph.conv2d %arg0, %[[W]], %[[B2]] {name = "conv2"}
// CHECK-NEXT:    %[[D:.*]] = graph.add %[[C2]], %{{.*}} : (tensor<1x3x3x2xf32>, tensor<2xf32>)
// CHECK-NEXT:    return %[[C]], %[[D]]
func.func @bias_add(%x: tensor<1x2x3x3xf32>) -> (tensor<1x3x3x2xf32>, tensor<1x3x3x2xf32>) {
  %w = graph.constant dense<0.5> : tensor<3x2x1x2xf32>
  %b = graph.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %c = graph.conv2d %x, %w, %b {name = "conv"} : (tensor<1x2x3x3xf32>, tensor<3x2x1x2xf32>, tensor<3xf32>) -> tensor<1x3x3x2xf32>
  %k = graph.constant dense<[[[0.5]], [[-4.0]], [[0.25]]]> : tensor<3x1x1xf32>
  %y = graph.add %k, %c {activation = "relu"} : (tensor<3x1x1xf32>, tensor<1x3x3x2xf32>) -> tensor<1x3x3x2xf32>
  %c2 = graph.conv2d %x, %w {name = "conv2"} : (tensor<1x2x3x3xf32>, tensor<3x2x1x2xf32>) -> tensor<1x3x3x2xf32>
  %y2 = graph.add %c2, %k : (tensor<1x3x3x2xf32>, tensor<3x1x1xf32>) -> tensor<1x3x3x2xf32>
  %v = graph.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %y3 = graph.add %y2, %v : (tensor<1x3x3x2xf32>, tensor<2xf32>) -> tensor<1x3x3x2xf32>
  return %y, %y3 : tensor<1x3x3x2xf32>, tensor<1x3x3x2xf32>
}
