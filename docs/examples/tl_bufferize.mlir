func.func @g(%a: tensor<2x3xf32>, %w: tensor<3x4xf32>) -> tensor<2x4xf32> {
  %z = graph.constant dense<0.0> : tensor<2x4xf32>
  %0 = tl.matmul ins(%a, %w : tensor<2x3xf32>, tensor<3x4xf32>) outs(%z : tensor<2x4xf32>) -> tensor<2x4xf32>
  %1 = tl.elementwise {kind = "tanh"} ins(%0 : tensor<2x4xf32>) outs(%z : tensor<2x4xf32>) -> tensor<2x4xf32>
  %2 = tl.elementwise {kind = "relu"} ins(%1 : tensor<2x4xf32>) outs(%1 : tensor<2x4xf32>) -> tensor<2x4xf32>
  return %2 : tensor<2x4xf32>
}
