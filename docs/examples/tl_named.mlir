// The named tl ops of docs/tl-dialect.md. tl-generalize turns this file
// into docs/examples/tl_generic.mlir (test/dialects/test_tl.c checks it).
func.func @matmul(%a: tensor<4x8xf32>, %b: tensor<8x16xf32>, %c: tensor<4x16xf32>) -> tensor<4x16xf32> {
  %0 = tl.matmul ins(%a, %b : tensor<4x8xf32>, tensor<8x16xf32>) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  return %0 : tensor<4x16xf32>
}
func.func @matmul_i8(%a: memref<4x8xi8>, %b: memref<8x16xi8>, %c: memref<4x16xi32>) {
  tl.matmul {lhs_zp = -3 : i64, rhs_zp = 0 : i64} ins(%a, %b : memref<4x8xi8>, memref<8x16xi8>) outs(%c : memref<4x16xi32>)
  return
}
func.func @conv2d(%x: tensor<1x3x9x9xf32>, %w: tensor<8x3x3x3xf32>, %y: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  %0 = tl.conv2d {strides = array<i64: 2, 2>} ins(%x, %w : tensor<1x3x9x9xf32>, tensor<8x3x3x3xf32>) outs(%y : tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}
func.func @conv2d_nhwc_i8(%x: tensor<1x10x10x4xi8>, %w: tensor<3x3x4x16xi8>, %y: tensor<1x6x6x16xi32>) -> tensor<1x6x6x16xi32> {
  %0 = tl.conv2d {dilations = array<i64: 2, 2>, input_zp = 5 : i64, layout = "nhwc_hwcf"} ins(%x, %w : tensor<1x10x10x4xi8>, tensor<3x3x4x16xi8>) outs(%y : tensor<1x6x6x16xi32>) -> tensor<1x6x6x16xi32>
  return %0 : tensor<1x6x6x16xi32>
}
func.func @depthwise(%x: tensor<1x8x8x16xf32>, %w: tensor<3x3x16xf32>, %y: tensor<1x6x6x16xf32>) -> tensor<1x6x6x16xf32> {
  %0 = tl.depthwise_conv2d {layout = "nhwc_hwc"} ins(%x, %w : tensor<1x8x8x16xf32>, tensor<3x3x16xf32>) outs(%y : tensor<1x6x6x16xf32>) -> tensor<1x6x6x16xf32>
  return %0 : tensor<1x6x6x16xf32>
}
func.func @pool(%x: tensor<1x16x8x8xf32>, %y: tensor<1x16x4x4xf32>) -> tensor<1x16x4x4xf32> {
  %0 = tl.pool {kind = "avg", strides = array<i64: 2, 2>, window = array<i64: 2, 2>} ins(%x : tensor<1x16x8x8xf32>) outs(%y : tensor<1x16x4x4xf32>) -> tensor<1x16x4x4xf32>
  return %0 : tensor<1x16x4x4xf32>
}
func.func @elementwise(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>, %c: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = tl.elementwise {kind = "add"} ins(%a, %b : tensor<2x3xf32>, tensor<2x3xf32>) outs(%c : tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = tl.elementwise {kind = "relu"} ins(%0 : tensor<2x3xf32>) outs(%c : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %1 : tensor<2x3xf32>
}
func.func @fill_copy(%v: f32, %a: memref<2x3xf32>, %b: memref<2x3xf32>) {
  tl.fill ins(%v : f32) outs(%a : memref<2x3xf32>)
  tl.copy ins(%a : memref<2x3xf32>) outs(%b : memref<2x3xf32>)
  return
}
func.func @pack(%x: tensor<1x32x8x8xf32>, %y: tensor<1x8x8x8x4xf32>) -> tensor<1x8x8x8x4xf32> {
  %0 = tl.pack {inner_dims_pos = array<i64: 1>, inner_tiles = array<i64: 4>} ins(%x : tensor<1x32x8x8xf32>) outs(%y : tensor<1x8x8x8x4xf32>) -> tensor<1x8x8x8x4xf32>
  return %0 : tensor<1x8x8x8x4xf32>
}
func.func @requantize(%x: tensor<4x2xi32>, %y: tensor<4x2xi8>) -> tensor<4x2xi8> {
  %0 = tl.requantize {channel_dim = 1 : i64, multiplier = array<i32: 1073741824, 1518500250>, output_zp = -128 : i64, shift = array<i32: -4, 1>} ins(%x : tensor<4x2xi32>) outs(%y : tensor<4x2xi8>) -> tensor<4x2xi8>
  return %0 : tensor<4x2xi8>
}
