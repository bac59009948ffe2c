func.func @conv(%x: tensor<1x3x96x96xf32>, %w: tensor<8x3x3x3xf32>, %b: tensor<8xf32>) -> tensor<1x8x48x48xf32> {
  %y = graph.conv2d %x, %w, %b {name = "conv_1", strides = array<i64: 2, 2>,
         pads = array<i64: 1, 1, 1, 1>, activation = "relu"}
         : (tensor<1x3x96x96xf32>, tensor<8x3x3x3xf32>, tensor<8xf32>)
         -> tensor<1x8x48x48xf32>
  return %y : tensor<1x8x48x48xf32>
}
func.func @split(%y: tensor<1x8x48x48xf32>) -> (tensor<1x4x48x48xf32>, tensor<1x4x48x48xf32>) {
  %a, %b = graph.split %y {axis = 1 : i64, sizes = array<i64: 4, 4>}
         : (tensor<1x8x48x48xf32>) -> (tensor<1x4x48x48xf32>, tensor<1x4x48x48xf32>)
  return %a, %b : tensor<1x4x48x48xf32>, tensor<1x4x48x48xf32>
}
func.func @constants() -> (tensor<8x3x3x3xf32>, tensor<2x!quant.uniform<i8:f32, 5.000000e-02:-3>>) {
  %w = graph.constant dense_resource<conv_1.weight> : tensor<8x3x3x3xf32>
  %q = graph.constant dense<[1, -2]> : tensor<2xi8>
         as tensor<2x!quant.uniform<i8:f32, 5.000000e-02:-3>>
  return %w, %q : tensor<8x3x3x3xf32>, tensor<2x!quant.uniform<i8:f32, 5.000000e-02:-3>>
}
