// fold-qdq: dequantize -> float op -> quantize chains become quantized ops.
// RUN: edge-opt %s -fold-qdq | FileCheck %s

// conv with per-channel weights and an f32 bias (quantized to i32 with
// s_x * s_w[o]), relu fused; max_pool and reshape in the quantized domain.
// CHECK-LABEL: func.func @conv
// CHECK-DAG:     %[[B:.*]] = graph.constant dense<[500, -500, 500]> : tensor<3xi32>
// CHECK-DAG:     %[[W:.*]] = graph.constant dense<{{.*}}> : tensor<3x2x1x3xi8> as tensor<3x2x1x3x!quant.uniform<i8:f32:0, {1.000000e-02,2.000000e-02,3.000000e-02}>>
// CHECK:         %[[X:.*]] = graph.quantize %arg0
// CHECK-NEXT:    %[[C:.*]] = graph.conv2d %[[X]], %[[W]], %[[B]] {activation = "relu", name = "conv1", pads = array<i64: 0, 1, 0, 1>} : (tensor<1x2x4x4x!quant.uniform<i8:f32, 2.000000e-02:3>>, tensor<3x2x1x3x!quant.uniform<i8:f32:0, {1.000000e-02,2.000000e-02,3.000000e-02}>>, tensor<3xi32>) -> tensor<1x3x4x4x!quant.uniform<i8:f32, 5.000000e-02:-10>>
// CHECK-NEXT:    %[[P:.*]] = graph.max_pool %[[C]] {{.*}} -> tensor<1x3x2x2x!quant.uniform<i8:f32, 5.000000e-02:-10>>
// CHECK-NEXT:    %[[R:.*]] = graph.reshape %[[P]] {{.*}} -> tensor<1x12x!quant.uniform<i8:f32, 5.000000e-02:-10>>
// CHECK-NEXT:    %[[D:.*]] = graph.dequantize %[[R]]
// CHECK-NEXT:    return %[[D]]
func.func @conv(%x: tensor<1x2x4x4xf32>) -> tensor<1x12xf32> {
  %xq = graph.quantize %x : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4x!quant.uniform<i8:f32, 2.0e-02:3>>
  %xd = graph.dequantize %xq : (tensor<1x2x4x4x!quant.uniform<i8:f32, 2.0e-02:3>>) -> tensor<1x2x4x4xf32>
  %wq = graph.constant dense<[[[[1, -2, 3]], [[4, 5, -6]]], [[[7, 8, 9]], [[-10, 11, 12]]], [[[13, -14, 15]], [[16, 17, 18]]]]> : tensor<3x2x1x3xi8> as tensor<3x2x1x3x!quant.uniform<i8:f32:0, {1.0e-02, 2.0e-02, 3.0e-02}>>
  %wd = graph.dequantize %wq : (tensor<3x2x1x3x!quant.uniform<i8:f32:0, {1.0e-02, 2.0e-02, 3.0e-02}>>) -> tensor<3x2x1x3xf32>
  %b = graph.constant dense<[0.1, -0.2, 0.3]> : tensor<3xf32>
  %c = graph.conv2d %xd, %wd, %b {name = "conv1", pads = array<i64: 0, 1, 0, 1>} : (tensor<1x2x4x4xf32>, tensor<3x2x1x3xf32>, tensor<3xf32>) -> tensor<1x3x4x4xf32>
  %r = graph.relu %c : (tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32>
  %yq = graph.quantize %r : (tensor<1x3x4x4xf32>) -> tensor<1x3x4x4x!quant.uniform<i8:f32, 5.0e-02:-10>>
  %yd = graph.dequantize %yq : (tensor<1x3x4x4x!quant.uniform<i8:f32, 5.0e-02:-10>>) -> tensor<1x3x4x4xf32>
  %p = graph.max_pool %yd {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x3x4x4xf32>) -> tensor<1x3x2x2xf32>
  %pq = graph.quantize %p : (tensor<1x3x2x2xf32>) -> tensor<1x3x2x2x!quant.uniform<i8:f32, 5.0e-02:-10>>
  %pd = graph.dequantize %pq : (tensor<1x3x2x2x!quant.uniform<i8:f32, 5.0e-02:-10>>) -> tensor<1x3x2x2xf32>
  %f = graph.reshape %pd {shape = array<i64: 1, 12>} : (tensor<1x3x2x2xf32>) -> tensor<1x12xf32>
  %fq = graph.quantize %f : (tensor<1x12xf32>) -> tensor<1x12x!quant.uniform<i8:f32, 5.0e-02:-10>>
  %fd = graph.dequantize %fq : (tensor<1x12x!quant.uniform<i8:f32, 5.0e-02:-10>>) -> tensor<1x12xf32>
  return %fd : tensor<1x12xf32>
}

// gemm with an i32 bias of the right scale (used as is), and an add of
// two quantized values with relu6.
// CHECK-LABEL: func.func @gemm_add
// CHECK:         %[[G:.*]] = graph.gemm %{{.*}}, %{{.*}}, %{{.*}} {trans_b = true} : (tensor<2x3x!quant.uniform<i8:f32, 2.000000e-02>>, tensor<2x3x!quant.uniform<i8:f32:0, {1.000000e-02,3.000000e-02}>>, tensor<2x!quant.uniform<i32:f32:0, {2.000000e-04,6.000000e-04}>>) -> tensor<2x2x!quant.uniform<i8:f32, 4.000000e-02:5>>
// CHECK-NEXT:    %[[A:.*]] = graph.add %[[G]], %arg1 {activation = "relu6"} : {{.*}} -> tensor<2x2x!quant.uniform<i8:f32, 6.000000e-02:-128>>
// CHECK-NEXT:    return %[[A]]
func.func @gemm_add(%x: tensor<2x3xf32>, %q: tensor<2x2x!quant.uniform<i8:f32, 3.0e-02:-2>>) -> tensor<2x2x!quant.uniform<i8:f32, 6.0e-02:-128>> {
  %xq = graph.quantize %x : (tensor<2x3xf32>) -> tensor<2x3x!quant.uniform<i8:f32, 2.0e-02>>
  %xd = graph.dequantize %xq : (tensor<2x3x!quant.uniform<i8:f32, 2.0e-02>>) -> tensor<2x3xf32>
  %wq = graph.constant dense<[[10, -20, 30], [40, 50, -60]]> : tensor<2x3xi8> as tensor<2x3x!quant.uniform<i8:f32:0, {1.0e-02, 3.0e-02}>>
  %wd = graph.dequantize %wq : (tensor<2x3x!quant.uniform<i8:f32:0, {1.0e-02, 3.0e-02}>>) -> tensor<2x3xf32>
  %bq = graph.constant dense<[1000, -700]> : tensor<2xi32> as tensor<2x!quant.uniform<i32:f32:0, {2.0e-04, 6.0e-04}>>
  %bd = graph.dequantize %bq : (tensor<2x!quant.uniform<i32:f32:0, {2.0e-04, 6.0e-04}>>) -> tensor<2xf32>
  %g = graph.gemm %xd, %wd, %bd {trans_b = true} : (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2xf32>) -> tensor<2x2xf32>
  %gq = graph.quantize %g : (tensor<2x2xf32>) -> tensor<2x2x!quant.uniform<i8:f32, 4.0e-02:5>>
  %gd = graph.dequantize %gq : (tensor<2x2x!quant.uniform<i8:f32, 4.0e-02:5>>) -> tensor<2x2xf32>
  %md = graph.dequantize %q : (tensor<2x2x!quant.uniform<i8:f32, 3.0e-02:-2>>) -> tensor<2x2xf32>
  %s = graph.add %gd, %md : (tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
  %c = graph.clip %s {min = 0.0 : f32, max = 6.0 : f32} : (tensor<2x2xf32>) -> tensor<2x2xf32>
  %sq = graph.quantize %c : (tensor<2x2xf32>) -> tensor<2x2x!quant.uniform<i8:f32, 6.0e-02:-128>>
  return %sq : tensor<2x2x!quant.uniform<i8:f32, 6.0e-02:-128>>
}

// sigmoid has no quantized form; relu that changes the quantization stays
// float; quantize(dequantize(x)) to another type is a requantize.
// CHECK-LABEL: func.func @no_fold
// CHECK:         graph.sigmoid
// CHECK:         graph.relu
// CHECK:         graph.requantize %{{.*}} : (tensor<4x!quant.uniform<i8:f32, 2.000000e-02>>) -> tensor<4x!quant.uniform<i8:f32, 3.000000e-02>>
func.func @no_fold(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4x!quant.uniform<i8:f32, 3.0e-02>>) {
  %xq = graph.quantize %x : (tensor<4xf32>) -> tensor<4x!quant.uniform<i8:f32, 2.0e-02>>
  %xd = graph.dequantize %xq : (tensor<4x!quant.uniform<i8:f32, 2.0e-02>>) -> tensor<4xf32>
  %s = graph.sigmoid %xd : (tensor<4xf32>) -> tensor<4xf32>
  %sq = graph.quantize %s : (tensor<4xf32>) -> tensor<4x!quant.uniform<i8:f32, 2.0e-02>>
  %sd = graph.dequantize %sq : (tensor<4x!quant.uniform<i8:f32, 2.0e-02>>) -> tensor<4xf32>
  %r = graph.relu %sd : (tensor<4xf32>) -> tensor<4xf32>
  %rq = graph.quantize %r : (tensor<4xf32>) -> tensor<4x!quant.uniform<i8:f32, 3.0e-02>>
  %rd = graph.dequantize %rq : (tensor<4x!quant.uniform<i8:f32, 3.0e-02>>) -> tensor<4xf32>
  %q2 = graph.quantize %sd : (tensor<4xf32>) -> tensor<4x!quant.uniform<i8:f32, 3.0e-02>>
  return %rd, %q2 : tensor<4xf32>, tensor<4x!quant.uniform<i8:f32, 3.0e-02>>
}

// ONNX MatMul + Add (bias) after a flatten of a dequantized tensor: the
// dequantize sinks below the reshape, the pair becomes a quantized gemm.
// CHECK-LABEL: func.func @matmul_bias
// CHECK:         %[[R:.*]] = graph.reshape %arg0 {{.*}} : (tensor<1x2x1x2x!quant.uniform<i8:f32, 5.000000e-02:-128>>) -> tensor<1x4x!quant.uniform<i8:f32, 5.000000e-02:-128>>
// CHECK-NEXT:    %[[G:.*]] = graph.gemm %[[R]], %{{.*}}, %{{.*}} {activation = "relu", name = "mm"} : ({{.*}}, tensor<4x3x!quant.uniform<i8:f32, 1.000000e-01>>, tensor<3xi32>) -> tensor<1x3x!quant.uniform<i8:f32, 2.000000e-01:-5>>
// CHECK-NEXT:    return %[[G]]
func.func @matmul_bias(%x: tensor<1x2x1x2x!quant.uniform<i8:f32, 5.0e-02:-128>>) -> tensor<1x3x!quant.uniform<i8:f32, 2.0e-01:-5>> {
  %xd = graph.dequantize %x : (tensor<1x2x1x2x!quant.uniform<i8:f32, 5.0e-02:-128>>) -> tensor<1x2x1x2xf32>
  %f = graph.reshape %xd {shape = array<i64: 1, 4>} : (tensor<1x2x1x2xf32>) -> tensor<1x4xf32>
  %wq = graph.constant dense<[[1, 2, 3], [-4, 5, 6], [7, -8, 9], [10, 11, -12]]> : tensor<4x3xi8> as tensor<4x3x!quant.uniform<i8:f32, 1.0e-01>>
  %wd = graph.dequantize %wq : (tensor<4x3x!quant.uniform<i8:f32, 1.0e-01>>) -> tensor<4x3xf32>
  %m = graph.matmul %f, %wd {name = "mm"} : (tensor<1x4xf32>, tensor<4x3xf32>) -> tensor<1x3xf32>
  %b = graph.constant dense<[0.5, -0.25, 1.0]> : tensor<3xf32>
  %a = graph.add %m, %b : (tensor<1x3xf32>, tensor<3xf32>) -> tensor<1x3xf32>
  %r = graph.relu %a : (tensor<1x3xf32>) -> tensor<1x3xf32>
  %q = graph.quantize %r : (tensor<1x3xf32>) -> tensor<1x3x!quant.uniform<i8:f32, 2.0e-01:-5>>
  return %q : tensor<1x3x!quant.uniform<i8:f32, 2.0e-01:-5>>
}
