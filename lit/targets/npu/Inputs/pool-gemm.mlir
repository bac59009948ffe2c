// Input of lit/targets/npu/tiling.test: two int8 pools and a gemm of 8 rows.
!qx = !quant.uniform<i8:f32, 0.1:3>
!qa = !quant.uniform<i8:f32, 0.05:-2>
!qw = !quant.uniform<i8:f32, 0.02:0>
!qb = !quant.uniform<i32:f32, 0.001:0>
!qy = !quant.uniform<i8:f32, 0.2:1>
func.func @syn(%x: tensor<1x4x12x6x!qx>, %a: tensor<8x16x!qa>) -> (tensor<1x4x5x3x!qx>, tensor<8x4x!qy>) {
  %p = graph.avg_pool %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x4x12x6x!qx>) -> tensor<1x4x6x3x!qx>
  %q = graph.max_pool %p {kernel = array<i64: 2, 1>, strides = array<i64: 1, 1>} : (tensor<1x4x6x3x!qx>) -> tensor<1x4x5x3x!qx>
  %w = graph.constant dense<[[1, -2, 3, 4], [5, 6, -7, 8], [9, 10, 11, -12], [13, 14, 15, 16], [-1, 2, 3, 4], [5, -6, 7, 8], [9, 10, -11, 12], [13, 14, 15, -16], [1, 2, 3, 4], [5, 6, 7, 8], [-9, 10, 11, 12], [13, -14, 15, 16], [1, 2, -3, 4], [5, 6, 7, -8], [9, 10, 11, 12], [-13, 14, 15, 16]]> : tensor<16x4xi8> as tensor<16x4x!qw>
  %b = graph.constant dense<[100, -200, 300, -400]> : tensor<4xi32> as tensor<4x!qb>
  %y = graph.gemm %a, %w, %b : (tensor<8x16x!qa>, tensor<16x4x!qw>, tensor<4x!qb>) -> tensor<8x4x!qy>
  return %q, %y : tensor<1x4x5x3x!qx>, tensor<8x4x!qy>
}
