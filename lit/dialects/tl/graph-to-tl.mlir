// graph-to-tl: graph ops on f32 tensors become tl ops on tensors, op by
// op; inits are graph.constant zeros (tl.fill for -inf), a convolution's
// out starts as its broadcast bias, padding stays a graph.pad.
// RUN: edge-opt %s -graph-to-tl | FileCheck %s
// RUN: edge-opt %s -graph-to-tl -tl-generalize | FileCheck %s --check-prefix=GEN


// CHECK-DAG: #[[C:.*]] = affine_map<(d0, d1, d2, d3) -> (d1)>
// CHECK-DAG: #[[ID4:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[MA:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[MB:.*]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG: #[[MC:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-DAG: #[[BC:.*]] = affine_map<(d0, d1) -> (0, d1)>
// CHECK-DAG: #[[ID2:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[RED:.*]] = affine_map<(d0, d1) -> (d0)>

// CHECK-LABEL: func.func @conv
// CHECK: %[[P:.*]] = graph.pad %arg0 {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>} : (tensor<1x2x5x5xf32>) -> tensor<1x2x7x7xf32>
// CHECK: %[[Z:.*]] = graph.constant dense<0.000000e+00> : tensor<1x3x3x3xf32>
// CHECK: %[[B:.*]] = tl.generic {indexing_maps = [#[[C]], #[[ID4]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg2 : tensor<3xf32>) outs(%[[Z]] : tensor<1x3x3x3xf32>)
// CHECK-NEXT: ^bb0(%[[A:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: tl.yield %[[A]] : f32
// CHECK: %[[Y:.*]] = tl.conv2d {dilations = array<i64: 1, 1>, layout = "nchw_fchw", strides = array<i64: 2, 2>} ins(%[[P]], %arg1 : tensor<1x2x7x7xf32>, tensor<3x2x3x3xf32>) outs(%[[B]] : tensor<1x3x3x3xf32>)
// CHECK: %[[Z2:.*]] = graph.constant dense<0.000000e+00> : tensor<1x3x3x3xf32>
// CHECK: %[[R:.*]] = tl.elementwise {kind = "relu"} ins(%[[Y]] : tensor<1x3x3x3xf32>) outs(%[[Z2]] : tensor<1x3x3x3xf32>)
// CHECK: return %[[R]]
func.func @conv(%x: tensor<1x2x5x5xf32>, %w: tensor<3x2x3x3xf32>, %b: tensor<3xf32>) -> tensor<1x3x3x3xf32> {
  %y = graph.conv2d %x, %w, %b {strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, activation = "relu"} : (tensor<1x2x5x5xf32>, tensor<3x2x3x3xf32>, tensor<3xf32>) -> tensor<1x3x3x3xf32>
  return %y : tensor<1x3x3x3xf32>
}

// The depthwise filter [C, 1, KH, KW] becomes a [C, KH, KW] constant; the
// old one is erased.
// CHECK-LABEL: func.func @depthwise
// CHECK-NOT: tensor<2x1x2x2xf32>
// CHECK: %[[W:.*]] = graph.constant dense<{{\[\[}}[1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00]], {{\[\[}}5.000000e+00, 6.000000e+00], [7.000000e+00, 8.000000e+00]]]> : tensor<2x2x2xf32>
// CHECK: tl.depthwise_conv2d {dilations = array<i64: 1, 1>, layout = "nchw_chw", strides = array<i64: 1, 1>} ins(%arg0, %[[W]] : tensor<1x2x4x4xf32>, tensor<2x2x2xf32>)
func.func @depthwise(%x: tensor<1x2x4x4xf32>) -> tensor<1x2x3x3xf32> {
  %w = graph.constant dense<[[[[1.0, 2.0], [3.0, 4.0]]], [[[5.0, 6.0], [7.0, 8.0]]]]> : tensor<2x1x2x2xf32>
  %y = graph.conv2d %x, %w {groups = 2 : i64} : (tensor<1x2x4x4xf32>, tensor<2x1x2x2xf32>) -> tensor<1x2x3x3xf32>
  return %y : tensor<1x2x3x3xf32>
}

// NHWC: the OHWI filter is transposed to HWCF at compile time.
// CHECK-LABEL: func.func @conv_nhwc
// CHECK: %[[W:.*]] = graph.constant dense<{{\[\[\[\[}}1.000000e+00, 3.000000e+00], [2.000000e+00, 4.000000e+00]]]]> : tensor<1x1x2x2xf32>
// CHECK: tl.conv2d {{.*}}layout = "nhwc_hwcf"{{.*}} ins(%arg0, %[[W]] : tensor<1x3x3x2xf32>, tensor<1x1x2x2xf32>)
func.func @conv_nhwc(%x: tensor<1x3x3x2xf32>) -> tensor<1x3x3x2xf32> {
  %w = graph.constant dense<[[[[1.0, 2.0]]], [[[3.0, 4.0]]]]> : tensor<2x1x1x2xf32>
  %y = graph.conv2d %x, %w {layout = "NHWC"} : (tensor<1x3x3x2xf32>, tensor<2x1x1x2xf32>) -> tensor<1x3x3x2xf32>
  return %y : tensor<1x3x3x2xf32>
}

// CHECK-LABEL: func.func @matmul
// CHECK: %[[Z:.*]] = graph.constant dense<0.000000e+00> : tensor<2x4xf32>
// CHECK: tl.matmul ins(%arg0, %arg1 : tensor<2x3xf32>, tensor<3x4xf32>) outs(%[[Z]] : tensor<2x4xf32>) -> tensor<2x4xf32>
func.func @matmul(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>) -> tensor<2x4xf32> {
  %y = graph.matmul %a, %b : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// gemm with trans_b and alpha: a tl.generic with the transposed map.
// CHECK-LABEL: func.func @gemm
// CHECK: tl.generic {indexing_maps = [#[[MA]], #[[MB]], #[[MC]]], iterator_types = ["parallel", "parallel", "reduction"]} ins(%arg0, %arg1 : tensor<2x3xf32>, tensor<4x3xf32>)
// CHECK: arith.mulf
// CHECK: arith.constant 2.000000e+00 : f32
// CHECK: arith.mulf
// CHECK: arith.addf
func.func @gemm(%a: tensor<2x3xf32>, %b: tensor<4x3xf32>) -> tensor<2x4xf32> {
  %y = graph.gemm %a, %b {trans_b = true, alpha = 2.0 : f32} : (tensor<2x3xf32>, tensor<4x3xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// Same shapes: tl.elementwise; broadcasting: tl.generic, the size-1 dim
// read at 0.
// CHECK-LABEL: func.func @binary
// CHECK: %[[S:.*]] = tl.elementwise {kind = "sub"} ins(%arg0, %arg0 : tensor<2x3xf32>, tensor<2x3xf32>)
// CHECK: tl.generic {indexing_maps = [#[[ID2]], #[[BC]], #[[ID2]]], iterator_types = ["parallel", "parallel"]} ins(%[[S]], %arg1 : tensor<2x3xf32>, tensor<1x3xf32>)
// CHECK: arith.mulf
func.func @binary(%a: tensor<2x3xf32>, %b: tensor<1x3xf32>) -> tensor<2x3xf32> {
  %0 = graph.sub %a, %a : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = graph.mul %0, %b : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
  return %1 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @pools
// CHECK: %[[P:.*]] = graph.pad %arg0 {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>, value = 0xFF800000 : f32}
// CHECK: %[[I:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[F:.*]] = tl.fill ins(%[[I]] : f32) outs(%{{.*}} : tensor<1x2x2x2xf32>)
// CHECK: %[[M:.*]] = tl.pool {dilations = array<i64: 1, 1>, kind = "max", layout = "nchw", strides = array<i64: 2, 2>, window = array<i64: 3, 3>} ins(%[[P]] : tensor<1x2x6x6xf32>) outs(%[[F]] : tensor<1x2x2x2xf32>)
// CHECK: tl.pool {dilations = array<i64: 1, 1>, kind = "avg", layout = "nchw", strides = array<i64: 1, 1>, window = array<i64: 2, 2>} ins(%[[M]] : tensor<1x2x2x2xf32>) outs(%{{.*}} : tensor<1x2x1x1xf32>)
func.func @pools(%x: tensor<1x2x4x4xf32>) -> tensor<1x2x1x1xf32> {
  %0 = graph.max_pool %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x2x4x4xf32>) -> tensor<1x2x2x2xf32>
  %1 = graph.global_avg_pool %0 : (tensor<1x2x2x2xf32>) -> tensor<1x2x1x1xf32>
  return %1 : tensor<1x2x1x1xf32>
}

// softmax: max and sum reductions into tensors without the axis.
// CHECK-LABEL: func.func @softmax
// CHECK: tl.generic {indexing_maps = [#[[ID2]], #[[RED]]], iterator_types = ["parallel", "reduction"]} ins(%arg0 : tensor<2x5xf32>) outs(%{{.*}} : tensor<2xf32>)
// CHECK: arith.maximumf
// CHECK: math.exp
// CHECK: arith.addf
// CHECK: arith.divf
func.func @softmax(%x: tensor<2x5xf32>) -> tensor<2x5xf32> {
  %0 = graph.softmax %x : (tensor<2x5xf32>) -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

// Partial lowering: ops without a lowering (and non-f32 ops) stay.
// CHECK-LABEL: func.func @partial
// CHECK: tl.elementwise {kind = "exp"}
// CHECK: graph.reduce_mean
// CHECK: graph.add {{.*}} : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
func.func @partial(%x: tensor<2x3xf32>, %i: tensor<2xi32>) -> (tensor<1x1xf32>, tensor<2xi32>) {
  %0 = graph.exp %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = graph.reduce_mean %0 : (tensor<2x3xf32>) -> tensor<1x1xf32>
  %2 = graph.add %i, %i : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  return %1, %2 : tensor<1x1xf32>, tensor<2xi32>
}

// After tl-generalize only tl.generic remains.
// GEN-NOT: tl.{{(conv2d|depthwise_conv2d|matmul|pool|elementwise|fill)}}
// GEN: tl.generic
// GEN-NOT: tl.{{(conv2d|depthwise_conv2d|matmul|pool|elementwise|fill)}}

// int8: storage casts, the i32 accumulator starting as the bias, the
// zero points on tl.conv2d (the bias is no constant: input_zp stays),
// then one tl.generic output stage: per channel q (i32 table) and the
// rounding constant packed with the shift (i64 table), one 64-bit
// product and shift, the relu clamp (zp_y = 2) and the truncation.
// CHECK-LABEL: func.func @qconv
// CHECK: %[[X:.*]] = builtin.unrealized_conversion_cast %arg0 : tensor<1x1x3x3x!quant.uniform<i8:f32, 5.000000e-02:-3>> to tensor<1x1x3x3xi8>
// CHECK: %[[W:.*]] = graph.constant dense<{{.*}}> : tensor<2x1x2x2xi8>
// CHECK: %[[B:.*]] = tl.generic {{.*}} ins(%arg1 : tensor<2xi32>) outs(%{{.*}} : tensor<1x2x2x2xi32>)
// CHECK: %[[A:.*]] = tl.conv2d {dilations = array<i64: 1, 1>, filter_zp = 0 : i64, input_zp = -3 : i64, layout = "nchw_fchw", strides = array<i64: 1, 1>} ins(%[[X]], %[[W]] : tensor<1x1x3x3xi8>, tensor<2x1x2x2xi8>) outs(%[[B]] : tensor<1x2x2x2xi32>)
// CHECK: %[[Q:.*]] = graph.constant dense<[1374389535, 2061584302]> : tensor<2xi32>
// CHECK: %[[K:.*]] = graph.constant dense<344671125605> : tensor<2xi64>
// CHECK: %[[C:.*]] = tl.generic {{.*}} ins(%[[A]], %[[Q]], %[[K]] : tensor<1x2x2x2xi32>, tensor<2xi32>, tensor<2xi64>) outs(%{{.*}} : tensor<1x2x2x2xi8>)
// CHECK: arith.muli %{{.*}}, %{{.*}} : i64
// CHECK: arith.shrsi
// CHECK: arith.constant 2 : i64
// CHECK: arith.maxsi
// CHECK: arith.trunci %{{.*}} : i64 to i8
// CHECK: builtin.unrealized_conversion_cast %[[C]] : tensor<1x2x2x2xi8> to tensor<1x2x2x2x!quant.uniform<i8:f32, 1.000000e-01:2>>
func.func @qconv(%x: tensor<1x1x3x3x!quant.uniform<i8:f32, 5.000000e-02:-3>>, %b: tensor<2xi32>) -> tensor<1x2x2x2x!quant.uniform<i8:f32, 1.000000e-01:2>> {
  %w = graph.constant dense<[[[[1, 2], [3, 4]]], [[[-1, 2], [-3, 4]]]]> : tensor<2x1x2x2xi8> as tensor<2x1x2x2x!quant.uniform<i8:f32:0, {2.000000e-02, 3.000000e-02}>>
  %y = graph.conv2d %x, %w, %b {activation = "relu"} : (tensor<1x1x3x3x!quant.uniform<i8:f32, 5.000000e-02:-3>>, tensor<2x1x2x2x!quant.uniform<i8:f32:0, {2.000000e-02, 3.000000e-02}>>, tensor<2xi32>) -> tensor<1x2x2x2x!quant.uniform<i8:f32, 1.000000e-01:2>>
  return %y : tensor<1x2x2x2x!quant.uniform<i8:f32, 1.000000e-01:2>>
}

// With a constant bias the input zero point (-3) is folded into it at
// compile time: b - zx * sum(w) per output channel, [5 + 3 * 10,
// -7 + 3 * 2]; the convolution multiplies the stored values (no
// input_zp) and the padding keeps the zero point as its value.
// CHECK-LABEL: func.func @qconv_fold
// CHECK: graph.constant dense<[35, -1]> : tensor<2xi32>
// CHECK: graph.pad %{{.*}} {pads = array<i64: 0, 0, 1, 1, 0, 0, 0, 0>, value = -3.000000e+00 : f32}
// CHECK: tl.conv2d {dilations = array<i64: 1, 1>, filter_zp = 0 : i64, input_zp = 0 : i64,
func.func @qconv_fold(%x: tensor<1x1x3x3x!quant.uniform<i8:f32, 5.000000e-02:-3>>) -> tensor<1x2x3x3x!quant.uniform<i8:f32, 1.000000e-01:2>> {
  %w = graph.constant dense<[[[[1, 2], [3, 4]]], [[[-1, 2], [-3, 4]]]]> : tensor<2x1x2x2xi8> as tensor<2x1x2x2x!quant.uniform<i8:f32:0, {2.000000e-02, 3.000000e-02}>>
  %b = graph.constant dense<[5, -7]> : tensor<2xi32>
  %y = graph.conv2d %x, %w, %b {pads = array<i64: 1, 1, 0, 0>} : (tensor<1x1x3x3x!quant.uniform<i8:f32, 5.000000e-02:-3>>, tensor<2x1x2x2x!quant.uniform<i8:f32:0, {2.000000e-02, 3.000000e-02}>>, tensor<2xi32>) -> tensor<1x2x3x3x!quant.uniform<i8:f32, 1.000000e-01:2>>
  return %y : tensor<1x2x3x3x!quant.uniform<i8:f32, 1.000000e-01:2>>
}
