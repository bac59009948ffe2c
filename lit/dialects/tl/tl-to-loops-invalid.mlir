// tl-to-loops errors: ops on tensors, and named ops whose generic form
// needs tensors.
// RUN: edge-opt %s -tl-to-loops -split-input-file -verify-diagnostics

func.func @on_tensors(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{tl-to-loops needs buffers: bufferize first}}
  %0 = tl.copy ins(%a : tensor<4xf32>) outs(%b : tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

#id = affine_map<(d0) -> (d0)>
func.func @generic_on_tensors(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{tl-to-loops needs buffers: bufferize first}}
  %0 = tl.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]} ins(%a : tensor<4xf32>) outs(%b : tensor<4xf32>) {
  ^bb0(%x: f32, %y: f32):
    tl.yield %x : f32
  } -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @requantize_per_channel(%x: memref<4x2xi32>, %y: memref<4x2xi8>) {
  // expected-error @+1 {{unsupported}}
  tl.requantize {channel_dim = 1 : i64, multiplier = array<i32: 1073741824, 1518500250>, shift = array<i32: -4, 1>} ins(%x : memref<4x2xi32>) outs(%y : memref<4x2xi8>)
  return
}
