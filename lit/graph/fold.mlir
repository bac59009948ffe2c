// The graph fold hook under canonicalize: constant evaluation (results of
// at most 4096 elements) and identity folds.
// RUN: edge-opt %s --canonicalize --split-input-file | FileCheck %s

// CHECK-LABEL: func.func @const_eval
// CHECK:         %[[C:.*]] = graph.constant dense<{{\[}}[1.100000e+01, 1.300000e+01], [2.200000e+01, 2.400000e+01]]> : tensor<2x2xf32>
// CHECK-NOT:     graph.add
// CHECK:         %[[M:.*]] = graph.mul %arg0, %[[C]]
// CHECK:         return %[[M]]
func.func @const_eval(%x: tensor<2x2xf32>) -> tensor<2x2xf32> {
  %a = graph.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %b = graph.constant dense<[10.0, 20.0]> : tensor<2xf32>
  %c = graph.add %a, %b : (tensor<2x2xf32>, tensor<2xf32>) -> tensor<2x2xf32>
  %t = graph.transpose %c : (tensor<2x2xf32>) -> tensor<2x2xf32>
  %r = graph.mul %x, %t : (tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
  return %r : tensor<2x2xf32>
}

// -----

// CHECK-LABEL: func.func @identities
// CHECK-NEXT:    return %arg0 : tensor<2x3xf32>
func.func @identities(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %z = graph.constant dense<0.0> : tensor<3xf32>
  %o = graph.constant dense<1.0> : tensor<2x3xf32>
  %0 = graph.reshape %x {shape = array<i64: 2, 3>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = graph.add %0, %z : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %2 = graph.mul %o, %1 : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %3 = graph.div %2, %o : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %4 = graph.transpose %3 {perm = array<i64: 0, 1>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %4 : tensor<2x3xf32>
}

// -----

// A fused activation, a broadcasting "identity" and a real transpose stay.
// CHECK-LABEL: func.func @not_identities
// CHECK:         graph.add %arg0, %{{.*}} {activation = "relu"}
// CHECK:         graph.add %arg1, %{{.*}} : (tensor<2xf32>, tensor<2x2xf32>)
// CHECK:         graph.transpose %arg0 :
func.func @not_identities(%x: tensor<2x2xf32>, %y: tensor<2xf32>) -> (tensor<2x2xf32>, tensor<2x2xf32>, tensor<2x2xf32>) {
  %z = graph.constant dense<0.0> : tensor<2x2xf32>
  %0 = graph.add %x, %z {activation = "relu"} : (tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
  %1 = graph.add %y, %z : (tensor<2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
  %2 = graph.transpose %x : (tensor<2x2xf32>) -> tensor<2x2xf32>
  return %0, %1, %2 : tensor<2x2xf32>, tensor<2x2xf32>, tensor<2x2xf32>
}

// -----

// Over 4096 result elements: left for graph-const-fold.
// CHECK-LABEL: func.func @size_limit
// CHECK:         graph.constant dense<-1.500000e+00> : tensor<4096xf32>
// CHECK:         graph.neg %{{.*}} : (tensor<4097xf32>)
func.func @size_limit() -> (tensor<4096xf32>, tensor<4097xf32>) {
  %a = graph.constant dense<1.5> : tensor<4096xf32>
  %b = graph.constant dense<1.5> : tensor<4097xf32>
  %0 = graph.neg %a : (tensor<4096xf32>) -> tensor<4096xf32>
  %1 = graph.neg %b : (tensor<4097xf32>) -> tensor<4097xf32>
  return %0, %1 : tensor<4096xf32>, tensor<4097xf32>
}

// -----

// dequantize of a constant and dequantize(quantize(x)) stay; the reverse
// pair and an identity requantize fold away.
// CHECK-LABEL: func.func @quant
// CHECK:         %[[W:.*]] = graph.dequantize %{{.*}} : (tensor<4x!quant.uniform<i8:f32, 5.000000e-01>>)
// CHECK:         %[[Q:.*]] = graph.quantize %arg0
// CHECK:         %[[D:.*]] = graph.dequantize %[[Q]]
// CHECK-NOT:     graph.requantize
// CHECK:         return %[[W]], %[[D]], %arg1
func.func @quant(%x: tensor<4xf32>, %q: tensor<4x!quant.uniform<i8:f32, 1.0e-01:2>>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4x!quant.uniform<i8:f32, 1.0e-01:2>>) {
  %w = graph.constant dense<[1, 2, 3, 4]> : tensor<4xi8> as tensor<4x!quant.uniform<i8:f32, 5.0e-01>>
  %wd = graph.dequantize %w : (tensor<4x!quant.uniform<i8:f32, 5.0e-01>>) -> tensor<4xf32>
  %xq = graph.quantize %x : (tensor<4xf32>) -> tensor<4x!quant.uniform<i8:f32, 1.0e-01:2>>
  %xd = graph.dequantize %xq : (tensor<4x!quant.uniform<i8:f32, 1.0e-01:2>>) -> tensor<4xf32>
  %qd = graph.dequantize %q : (tensor<4x!quant.uniform<i8:f32, 1.0e-01:2>>) -> tensor<4xf32>
  %qq = graph.quantize %qd : (tensor<4xf32>) -> tensor<4x!quant.uniform<i8:f32, 1.0e-01:2>>
  %rq = graph.requantize %qq : (tensor<4x!quant.uniform<i8:f32, 1.0e-01:2>>) -> tensor<4x!quant.uniform<i8:f32, 1.0e-01:2>>
  return %wd, %xd, %rq : tensor<4xf32>, tensor<4xf32>, tensor<4x!quant.uniform<i8:f32, 1.0e-01:2>>
}

// -----

// Quantized results fold to the "as" form.
// CHECK-LABEL: func.func @quant_result
// CHECK-NEXT:    %[[C:.*]] = graph.constant dense<[-1, 5, -5, -7]> : tensor<4xi8> as tensor<4x!quant.uniform<i8:f32, 5.000000e-01:1>>
// CHECK-NEXT:    return %[[C]]
func.func @quant_result() -> tensor<4x!quant.uniform<i8:f32, 5.0e-01:1>> {
  %a = graph.constant dense<[-1.0, 2.0, -3.0, -4.25]> : tensor<4xf32>
  %q = graph.quantize %a : (tensor<4xf32>) -> tensor<4x!quant.uniform<i8:f32, 5.0e-01:1>>
  return %q : tensor<4x!quant.uniform<i8:f32, 5.0e-01:1>>
}
