// tl.pack's padding_value: required for a partial last tile, a scalar of
// the element type, static tiled dimensions; a padded pack has a generic
// form on tensors only (its masks are constant tensors).
// RUN: edge-opt %s -split-input-file -verify-diagnostics
// RUN: edge-opt %s -split-input-file -verify-diagnostics -tl-generalize

func.func @pad_type(%a: tensor<10x6xf32>, %b: tensor<3x6x4xf32>) -> tensor<3x6x4xf32> {
  // expected-error@+1 {{'tl.pack' op expects 'padding_value' to be a scalar of the element type}}
  %0 = tl.pack {inner_dims_pos = array<i64: 0>, inner_tiles = array<i64: 4>, padding_value = 0 : i32} ins(%a : tensor<10x6xf32>) outs(%b : tensor<3x6x4xf32>) -> tensor<3x6x4xf32>
  return %0 : tensor<3x6x4xf32>
}

// -----

func.func @pad_dynamic(%a: tensor<?x6xf32>, %b: tensor<3x6x4xf32>) -> tensor<3x6x4xf32> {
  // expected-error@+1 {{'tl.pack' op expects static tiled dimensions with 'padding_value'}}
  %0 = tl.pack {inner_dims_pos = array<i64: 0>, inner_tiles = array<i64: 4>, padding_value = 0.0 : f32} ins(%a : tensor<?x6xf32>) outs(%b : tensor<3x6x4xf32>) -> tensor<3x6x4xf32>
  return %0 : tensor<3x6x4xf32>
}

// -----

func.func @pad_outer(%a: tensor<10x6xf32>, %b: tensor<2x6x4xf32>) -> tensor<2x6x4xf32> {
  // expected-error@+1 {{'tl.pack' op expects out dimension 0 to be 3, got 2}}
  %0 = tl.pack {inner_dims_pos = array<i64: 0>, inner_tiles = array<i64: 4>, padding_value = 0.0 : f32} ins(%a : tensor<10x6xf32>) outs(%b : tensor<2x6x4xf32>) -> tensor<2x6x4xf32>
  return %0 : tensor<2x6x4xf32>
}

// -----

func.func @pad_missing(%a: tensor<10x6xf32>, %b: tensor<3x6x4xf32>) -> tensor<3x6x4xf32> {
  // expected-error@+1 {{'tl.pack' op expects inner tile 4 to divide source dimension 0 (10), or a 'padding_value'}}
  %0 = tl.pack {inner_dims_pos = array<i64: 0>, inner_tiles = array<i64: 4>} ins(%a : tensor<10x6xf32>) outs(%b : tensor<3x6x4xf32>) -> tensor<3x6x4xf32>
  return %0 : tensor<3x6x4xf32>
}
