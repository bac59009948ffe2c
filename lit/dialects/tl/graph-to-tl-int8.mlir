// RUN: edge-opt %s -graph-to-tl | FileCheck %s
// CHECK: #[[B:.*]] = affine_map<(d0, d1) -> (d1)>
// int8 quantize, dequantize, add and average pooling lowered to tl on the
// i8 storage: unrealized casts at the quantized boundary (tl-bufferize
// turns them into views), the interpreter's arithmetic in the bodies.

// ONNX QuantizeLinear: rint(x / scale) + zp, saturated, NaN -> zp.
// CHECK-LABEL: func.func @quantize
// CHECK: tl.generic {{.*}} ins(%arg0 : tensor<2x3xf32>) outs(%{{.*}} : tensor<2x3xi8>)
// CHECK: arith.divf
// CHECK: math.roundeven
// CHECK: arith.maximumf
// CHECK: arith.minimumf
// CHECK: arith.cmpf uno
// CHECK: arith.select
// CHECK: arith.fptosi {{.*}} : f32 to i32
// CHECK: arith.trunci {{.*}} : i32 to i8
// CHECK: builtin.unrealized_conversion_cast %{{.*}} : tensor<2x3xi8> to tensor<2x3x!quant.uniform<i8:f32, 2.500000e-02:-5>>
func.func @quantize(%x: tensor<2x3xf32>) -> tensor<2x3x!quant.uniform<i8:f32, 2.500000e-02:-5>> {
  %q = graph.quantize %x : (tensor<2x3xf32>) -> tensor<2x3x!quant.uniform<i8:f32, 2.500000e-02:-5>>
  return %q : tensor<2x3x!quant.uniform<i8:f32, 2.500000e-02:-5>>
}

// ONNX DequantizeLinear: (float)(q - zp) * scale.
// CHECK-LABEL: func.func @dequantize
// CHECK: %[[S:.*]] = builtin.unrealized_conversion_cast %arg0 : tensor<2x3x!quant.uniform<i8:f32, 2.500000e-02:-5>> to tensor<2x3xi8>
// CHECK: tl.generic {{.*}} ins(%[[S]] : tensor<2x3xi8>) outs(%{{.*}} : tensor<2x3xf32>)
// CHECK: arith.extsi {{.*}} : i8 to i32
// CHECK: arith.subi
// CHECK: arith.sitofp {{.*}} : i32 to f32
// CHECK: arith.mulf
func.func @dequantize(%x: tensor<2x3x!quant.uniform<i8:f32, 2.500000e-02:-5>>) -> tensor<2x3xf32> {
  %d = graph.dequantize %x : (tensor<2x3x!quant.uniform<i8:f32, 2.500000e-02:-5>>) -> tensor<2x3xf32>
  return %d : tensor<2x3xf32>
}

// TFLite's int8 ADD in one generic (broadcast map for %b): inputs shifted
// left by 20, three fixed-point multipliers, the zero point and the relu
// clamp (-128: real 0 at zero point -128).
// CHECK-LABEL: func.func @add
// CHECK: tl.generic {indexing_maps = [#{{.*}}, #[[B]], #{{.*}}], {{.*}} ins(%{{.*}}, %{{.*}} : tensor<1x4xi8>, tensor<4xi8>) outs(%{{.*}} : tensor<1x4xi8>)
// CHECK: arith.shli
// CHECK: arith.constant 1789569707 : i64
// CHECK: arith.constant 1073741824 : i64
// CHECK: arith.constant 1288490189 : i64
// CHECK: arith.constant 18 : i64
// CHECK: arith.constant -128 : i64
// CHECK: arith.trunci {{.*}} : i64 to i8
func.func @add(%a: tensor<1x4x!quant.uniform<i8:f32, 2.500000e-02:-5>>, %b: tensor<4x!quant.uniform<i8:f32, 6.000000e-02:7>>) -> tensor<1x4x!quant.uniform<i8:f32, 5.000000e-02:-128>> {
  %y = graph.add %a, %b {activation = "relu"} : (tensor<1x4x!quant.uniform<i8:f32, 2.500000e-02:-5>>, tensor<4x!quant.uniform<i8:f32, 6.000000e-02:7>>) -> tensor<1x4x!quant.uniform<i8:f32, 5.000000e-02:-128>>
  return %y : tensor<1x4x!quant.uniform<i8:f32, 5.000000e-02:-128>>
}

// Average pooling: widened to i32, a tl.pool "sum", then the division
// rounding half away from zero.
// CHECK-LABEL: func.func @avg_pool
// CHECK: tl.generic {{.*}} ins(%{{.*}} : tensor<1x2x4x4xi8>) outs(%{{.*}} : tensor<1x2x4x4xi32>)
// CHECK: tl.pool {{{.*}}kind = "sum"{{.*}}window = array<i64: 2, 2>} ins(%{{.*}} : tensor<1x2x4x4xi32>) outs(%{{.*}} : tensor<1x2x2x2xi32>)
// CHECK: tl.generic {{.*}} ins(%{{.*}} : tensor<1x2x2x2xi32>) outs(%{{.*}} : tensor<1x2x2x2xi8>)
// CHECK: arith.divsi
// CHECK: arith.divsi
// CHECK: arith.cmpi sge
func.func @avg_pool(%x: tensor<1x2x4x4x!quant.uniform<i8:f32, 2.500000e-02:-5>>) -> tensor<1x2x2x2x!quant.uniform<i8:f32, 2.500000e-02:-5>> {
  %y = graph.avg_pool %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x2x4x4x!quant.uniform<i8:f32, 2.500000e-02:-5>>) -> tensor<1x2x2x2x!quant.uniform<i8:f32, 2.500000e-02:-5>>
  return %y : tensor<1x2x2x2x!quant.uniform<i8:f32, 2.500000e-02:-5>>
}

// A per-axis quantize has no lowering: left as it is.
// CHECK-LABEL: func.func @per_axis
// CHECK: graph.quantize
func.func @per_axis(%x: tensor<2x2xf32>) -> tensor<2x2x!quant.uniform<i8:f32:1, {1.000000e-01, 2.000000e-01}>> {
  %q = graph.quantize %x : (tensor<2x2xf32>) -> tensor<2x2x!quant.uniform<i8:f32:1, {1.000000e-01, 2.000000e-01}>>
  return %q : tensor<2x2x!quant.uniform<i8:f32:1, {1.000000e-01, 2.000000e-01}>>
}
