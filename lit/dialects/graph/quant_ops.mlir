// The quantized forms of graph ops (docs/graph-dialect.md, "Quantization"):
// quantized conv2d/gemm/matmul with per-channel weights, an i32 or a
// quantized i32 bias and a quantized or raw i32 result; add, pools,
// relu/clip; quantize/dequantize/requantize; quantized constants ("as").
// RUN: edge-opt %s | FileCheck %s
// RUN: edge-opt %s | edge-opt | FileCheck %s
// RUN: edge-opt %s --mlir-print-op-generic | edge-opt | FileCheck %s

// CHECK-LABEL: func.func @quantized(%arg0: tensor<1x8x8x3x!quant.uniform<i8:f32, 5.000000e-02:-3>>, %arg1: tensor<1x8x8x3xf32>, %arg2: tensor<2x4x!quant.uniform<u8:f32, 1.000000e-01:128>>, %arg3: tensor<4x2x!quant.uniform<u8:f32, 1.000000e-01:128>>) {
// CHECK-NEXT: %cst = graph.constant {name = "w"} dense<1> : tensor<4x3x3x3xi8> as tensor<4x3x3x3x!quant.uniform<i8:f32:0, {1.000000e-01,2.000000e-01,3.000000e-01,4.000000e-01}>>
// CHECK-NEXT: %cst_0 = graph.constant dense<[1, 2, 3, 4]> : tensor<4xi32>
// CHECK-NEXT: %cst_1 = graph.constant dense<0> : tensor<4xi32> as tensor<4x!quant.uniform<i32:f32, 5.000000e-03>>
// CHECK-NEXT: %0 = graph.conv2d %arg0, %cst, %cst_0 {activation = "relu6", layout = "NHWC"} : (tensor<1x8x8x3x!quant.uniform<i8:f32, 5.000000e-02:-3>>, tensor<4x3x3x3x!quant.uniform<i8:f32:0, {1.000000e-01,2.000000e-01,3.000000e-01,4.000000e-01}>>, tensor<4xi32>) -> tensor<1x6x6x4x!quant.uniform<i8:f32, 1.000000e-01:5>>
// CHECK-NEXT: %1 = graph.conv2d %arg0, %cst, %cst_1 {layout = "NHWC"} : (tensor<1x8x8x3x!quant.uniform<i8:f32, 5.000000e-02:-3>>, tensor<4x3x3x3x!quant.uniform<i8:f32:0, {1.000000e-01,2.000000e-01,3.000000e-01,4.000000e-01}>>, tensor<4x!quant.uniform<i32:f32, 5.000000e-03>>) -> tensor<1x6x6x4xi32>
// CHECK-NEXT: %2 = graph.add %0, %0 : (tensor<1x6x6x4x!quant.uniform<i8:f32, 1.000000e-01:5>>, tensor<1x6x6x4x!quant.uniform<i8:f32, 1.000000e-01:5>>) -> tensor<1x6x6x4x!quant.uniform<i8:f32, 2.000000e-01:-1>>
// CHECK-NEXT: %3 = graph.avg_pool %2 {kernel = array<i64: 2, 2>, layout = "NHWC", strides = array<i64: 2, 2>} : (tensor<1x6x6x4x!quant.uniform<i8:f32, 2.000000e-01:-1>>) -> tensor<1x3x3x4x!quant.uniform<i8:f32, 2.000000e-01:-1>>
// CHECK-NEXT: %4 = graph.max_pool %3 {kernel = array<i64: 3, 3>, layout = "NHWC"} : (tensor<1x3x3x4x!quant.uniform<i8:f32, 2.000000e-01:-1>>) -> tensor<1x1x1x4x!quant.uniform<i8:f32, 2.000000e-01:-1>>
// CHECK-NEXT: %5 = graph.relu %4 : (tensor<1x1x1x4x!quant.uniform<i8:f32, 2.000000e-01:-1>>) -> tensor<1x1x1x4x!quant.uniform<i8:f32, 2.000000e-01:-1>>
// CHECK-NEXT: %6 = graph.clip %5 {max = 6.000000e+00 : f32, min = 0.000000e+00 : f32} : (tensor<1x1x1x4x!quant.uniform<i8:f32, 2.000000e-01:-1>>) -> tensor<1x1x1x4x!quant.uniform<i8:f32, 2.000000e-01:-1>>
// CHECK-NEXT: %7 = graph.reshape %6 {shape = array<i64: 1, 4>} : (tensor<1x1x1x4x!quant.uniform<i8:f32, 2.000000e-01:-1>>) -> tensor<1x4x!quant.uniform<i8:f32, 2.000000e-01:-1>>
// CHECK-NEXT: %8 = graph.matmul %7, %arg3 : (tensor<1x4x!quant.uniform<i8:f32, 2.000000e-01:-1>>, tensor<4x2x!quant.uniform<u8:f32, 1.000000e-01:128>>) -> tensor<1x2xi32>
// CHECK-NEXT: %9 = graph.gemm %7, %arg2 {trans_b = true} : (tensor<1x4x!quant.uniform<i8:f32, 2.000000e-01:-1>>, tensor<2x4x!quant.uniform<u8:f32, 1.000000e-01:128>>) -> tensor<1x2x!quant.uniform<u8:f32, 5.000000e-01:10>>
// CHECK-NEXT: %10 = graph.quantize %arg1 : (tensor<1x8x8x3xf32>) -> tensor<1x8x8x3x!quant.uniform<i8:f32, 5.000000e-02:-3>>
// CHECK-NEXT: %11 = graph.requantize %10 : (tensor<1x8x8x3x!quant.uniform<i8:f32, 5.000000e-02:-3>>) -> tensor<1x8x8x3x!quant.uniform<u8<0:254>:f32, 1.000000e-01:127>>
// CHECK-NEXT: %12 = graph.dequantize %11 : (tensor<1x8x8x3x!quant.uniform<u8<0:254>:f32, 1.000000e-01:127>>) -> tensor<1x8x8x3xf32>
// CHECK-NEXT: return

func.func @quantized(%x: tensor<1x8x8x3x!quant.uniform<i8:f32, 5.000000e-02:-3>>, %f: tensor<1x8x8x3xf32>, %v: tensor<2x4x!quant.uniform<u8:f32, 1.000000e-01:128>>, %u: tensor<4x2x!quant.uniform<u8:f32, 1.000000e-01:128>>) {
  %w = graph.constant {name = "w"} dense<1> : tensor<4x3x3x3xi8> as tensor<4x3x3x3x!quant.uniform<i8:f32:0, {1.000000e-01,2.000000e-01,3.000000e-01,4.000000e-01}>>
  %b = graph.constant dense<[1, 2, 3, 4]> : tensor<4xi32>
  %bq = graph.constant dense<0> : tensor<4xi32> as tensor<4x!quant.uniform<i32:f32, 5.000000e-03>>
  %0 = graph.conv2d %x, %w, %b {layout = "NHWC", activation = "relu6"} : (tensor<1x8x8x3x!quant.uniform<i8:f32, 5.000000e-02:-3>>, tensor<4x3x3x3x!quant.uniform<i8:f32:0, {1.000000e-01,2.000000e-01,3.000000e-01,4.000000e-01}>>, tensor<4xi32>) -> tensor<1x6x6x4x!quant.uniform<i8:f32, 1.000000e-01:5>>
  %1 = graph.conv2d %x, %w, %bq {layout = "NHWC"} : (tensor<1x8x8x3x!quant.uniform<i8:f32, 5.000000e-02:-3>>, tensor<4x3x3x3x!quant.uniform<i8:f32:0, {1.000000e-01,2.000000e-01,3.000000e-01,4.000000e-01}>>, tensor<4x!quant.uniform<i32:f32, 5.000000e-03>>) -> tensor<1x6x6x4xi32>
  %2 = graph.add %0, %0 : (tensor<1x6x6x4x!quant.uniform<i8:f32, 1.000000e-01:5>>, tensor<1x6x6x4x!quant.uniform<i8:f32, 1.000000e-01:5>>) -> tensor<1x6x6x4x!quant.uniform<i8:f32, 2.000000e-01:-1>>
  %3 = graph.avg_pool %2 {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, layout = "NHWC"} : (tensor<1x6x6x4x!quant.uniform<i8:f32, 2.000000e-01:-1>>) -> tensor<1x3x3x4x!quant.uniform<i8:f32, 2.000000e-01:-1>>
  %4 = graph.max_pool %3 {kernel = array<i64: 3, 3>, layout = "NHWC"} : (tensor<1x3x3x4x!quant.uniform<i8:f32, 2.000000e-01:-1>>) -> tensor<1x1x1x4x!quant.uniform<i8:f32, 2.000000e-01:-1>>
  %5 = graph.relu %4 : (tensor<1x1x1x4x!quant.uniform<i8:f32, 2.000000e-01:-1>>) -> tensor<1x1x1x4x!quant.uniform<i8:f32, 2.000000e-01:-1>>
  %6 = graph.clip %5 {min = 0.000000e+00 : f32, max = 6.000000e+00 : f32} : (tensor<1x1x1x4x!quant.uniform<i8:f32, 2.000000e-01:-1>>) -> tensor<1x1x1x4x!quant.uniform<i8:f32, 2.000000e-01:-1>>
  %7 = graph.reshape %6 {shape = array<i64: 1, 4>} : (tensor<1x1x1x4x!quant.uniform<i8:f32, 2.000000e-01:-1>>) -> tensor<1x4x!quant.uniform<i8:f32, 2.000000e-01:-1>>
  %8 = graph.matmul %7, %u : (tensor<1x4x!quant.uniform<i8:f32, 2.000000e-01:-1>>, tensor<4x2x!quant.uniform<u8:f32, 1.000000e-01:128>>) -> tensor<1x2xi32>
  %9 = graph.gemm %7, %v {trans_b = true} : (tensor<1x4x!quant.uniform<i8:f32, 2.000000e-01:-1>>, tensor<2x4x!quant.uniform<u8:f32, 1.000000e-01:128>>) -> tensor<1x2x!quant.uniform<u8:f32, 5.000000e-01:10>>
  %10 = graph.quantize %f : (tensor<1x8x8x3xf32>) -> tensor<1x8x8x3x!quant.uniform<i8:f32, 5.000000e-02:-3>>
  %11 = graph.requantize %10 : (tensor<1x8x8x3x!quant.uniform<i8:f32, 5.000000e-02:-3>>) -> tensor<1x8x8x3x!quant.uniform<u8<0:254>:f32, 1.000000e-01:127>>
  %12 = graph.dequantize %11 : (tensor<1x8x8x3x!quant.uniform<u8<0:254>:f32, 1.000000e-01:127>>) -> tensor<1x8x8x3xf32>
  return
}
