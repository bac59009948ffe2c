// RUN: edge-opt %s -graph-to-tl | FileCheck %s
// CHECK: #[[B:.*]] = affine_map<(d0, d1) -> (d1)>
// int8 quantize, dequantize (per tensor and per axis), add, average and
// max pooling and requantize lowered to tl on the i8 storage: unrealized
// casts at the quantized boundary (tl-bufferize turns them into views),
// the interpreter's arithmetic in the bodies.

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

// A per-axis quantize reads its channel's scale and zero point (as f32)
// from tables; 16-bit storage has no lowering and stays.
// CHECK-LABEL: func.func @per_axis
// CHECK: %[[S:.*]] = graph.constant dense<[1.000000e-01, 2.000000e-01]> : tensor<2xf32>
// CHECK: tl.generic {{.*}} ins(%arg0, %[[S]], %{{.*}} : tensor<2x2xf32>, tensor<2xf32>, tensor<2xf32>) outs(%{{.*}} : tensor<2x2xi8>)
// CHECK: math.roundeven
// CHECK-LABEL: func.func @quantize_i16
// CHECK: graph.quantize
func.func @per_axis(%x: tensor<2x2xf32>) -> tensor<2x2x!quant.uniform<i8:f32:1, {1.000000e-01, 2.000000e-01}>> {
  %q = graph.quantize %x : (tensor<2x2xf32>) -> tensor<2x2x!quant.uniform<i8:f32:1, {1.000000e-01, 2.000000e-01}>>
  return %q : tensor<2x2x!quant.uniform<i8:f32:1, {1.000000e-01, 2.000000e-01}>>
}
func.func @quantize_i16(%x: tensor<2x2xf32>) -> tensor<2x2x!quant.uniform<i16:f32, 1.000000e-01>> {
  %q = graph.quantize %x : (tensor<2x2xf32>) -> tensor<2x2x!quant.uniform<i16:f32, 1.000000e-01>>
  return %q : tensor<2x2x!quant.uniform<i16:f32, 1.000000e-01>>
}

// max_pool in one quantization: padding with the storage minimum, tl.pool
// max on i8 into a tl.fill of -128; no rescale.
// CHECK-LABEL: func.func @qmax_pool
// CHECK: graph.pad %{{.*}} {pads = array<i64: 0, 0, 1, 1, 0, 0, 0, 0>, value = -1.280000e+02 : f32}
// CHECK: %[[M:.*]] = arith.constant -128 : i8
// CHECK: %[[F:.*]] = tl.fill ins(%[[M]] : i8) outs(%{{.*}} : tensor<1x2x3x3xi8>)
// CHECK: tl.pool {{{.*}}kind = "max"{{.*}}} ins(%{{.*}} : tensor<1x2x5x5xi8>) outs(%[[F]] : tensor<1x2x3x3xi8>)
func.func @qmax_pool(%x: tensor<1x2x4x4x!quant.uniform<i8:f32, 2.500000e-02:-5>>) -> tensor<1x2x3x3x!quant.uniform<i8:f32, 2.500000e-02:-5>> {
  %y = graph.max_pool %x {kernel = array<i64: 3, 3>, pads = array<i64: 1, 1, 0, 0>} : (tensor<1x2x4x4x!quant.uniform<i8:f32, 2.500000e-02:-5>>) -> tensor<1x2x3x3x!quant.uniform<i8:f32, 2.500000e-02:-5>>
  return %y : tensor<1x2x3x3x!quant.uniform<i8:f32, 2.500000e-02:-5>>
}

// requantize: one output stage on the i8 values less the input zero
// point (0.025 / 0.06: q = 1789569707, shift -1, so K = 2^30 + 2^31
// + 7 * 2^32 = 33285996544 and a shift by 32).
// CHECK-LABEL: func.func @qrequantize
// CHECK: tl.generic {{.*}} ins(%{{.*}} : tensor<5xi8>) outs(%{{.*}} : tensor<5xi8>)
// CHECK: arith.extsi %{{.*}} : i8 to i64
// CHECK: arith.constant -5 : i64
// CHECK: arith.subi
// CHECK: arith.constant 1789569707 : i64
// CHECK: arith.constant 32 : i64
// CHECK: arith.constant 33285996544 : i64
// CHECK: arith.muli
// CHECK: arith.shrsi
func.func @qrequantize(%x: tensor<5x!quant.uniform<i8:f32, 2.500000e-02:-5>>) -> tensor<5x!quant.uniform<i8:f32, 6.000000e-02:7>> {
  %y = graph.requantize %x : (tensor<5x!quant.uniform<i8:f32, 2.500000e-02:-5>>) -> tensor<5x!quant.uniform<i8:f32, 6.000000e-02:7>>
  return %y : tensor<5x!quant.uniform<i8:f32, 6.000000e-02:7>>
}

// Per-axis dequantize: scale and zero point tables indexed by the axis.
// CHECK-LABEL: func.func @dequantize_axis
// CHECK: %[[S:.*]] = graph.constant dense<[2.500000e-02, 1.000000e-01]> : tensor<2xf32>
// CHECK: %[[Z:.*]] = graph.constant dense<[-5, 3]> : tensor<2xi32>
// CHECK: tl.generic {indexing_maps = [#{{.*}}, #[[B]], #[[B]], #{{.*}}], {{.*}} ins(%{{.*}}, %[[S]], %[[Z]] : tensor<3x2xi8>, tensor<2xf32>, tensor<2xi32>) outs(%{{.*}} : tensor<3x2xf32>)
// CHECK: arith.sitofp
func.func @dequantize_axis(%x: tensor<3x2x!quant.uniform<i8:f32:1, {2.500000e-02:-5, 1.000000e-01:3}>>) -> tensor<3x2xf32> {
  %y = graph.dequantize %x : (tensor<3x2x!quant.uniform<i8:f32:1, {2.500000e-02:-5, 1.000000e-01:3}>>) -> tensor<3x2xf32>
  return %y : tensor<3x2xf32>
}
