// Verifier messages of the named tl ops (one case per message).
// RUN: edge-opt %s --split-input-file --verify-diagnostics

func.func @mm_ins(%a: memref<2x3xf32>, %c: memref<2x2xf32>) {
  // expected-error@+1 {{'tl.matmul' op expects 2 ins, got 1}}
  tl.matmul ins(%a : memref<2x3xf32>) outs(%c : memref<2x2xf32>)
  return
}

// -----

func.func @mm_outs(%a: memref<2x3xf32>, %b: memref<3x2xf32>, %c: memref<2x2xf32>) {
  // expected-error@+1 {{'tl.matmul' op expects 1 outs, got 2}}
  tl.matmul ins(%a, %b : memref<2x3xf32>, memref<3x2xf32>) outs(%c, %c : memref<2x2xf32>, memref<2x2xf32>)
  return
}

// -----

func.func @mm_rank(%a: memref<2x3x1xf32>, %b: memref<3x2xf32>, %c: memref<2x2xf32>) {
  // expected-error@+1 {{'tl.matmul' op expects operand #0 to have rank 2}}
  tl.matmul ins(%a, %b : memref<2x3x1xf32>, memref<3x2xf32>) outs(%c : memref<2x2xf32>)
  return
}

// -----

func.func @mm_k(%a: memref<2x3xf32>, %b: memref<4x2xf32>, %c: memref<2x2xf32>) {
  // expected-error@+1 {{'tl.matmul' op expects matching K sizes, got 3 and 4}}
  tl.matmul ins(%a, %b : memref<2x3xf32>, memref<4x2xf32>) outs(%c : memref<2x2xf32>)
  return
}

// -----

func.func @mm_float(%a: memref<2x3xf16>, %b: memref<3x2xf32>, %c: memref<2x2xf32>) {
  // expected-error@+1 {{'tl.matmul' op expects float operands to have the same element type}}
  tl.matmul ins(%a, %b : memref<2x3xf16>, memref<3x2xf32>) outs(%c : memref<2x2xf32>)
  return
}

// -----

func.func @mm_zp_float(%a: memref<2x3xf32>, %b: memref<3x2xf32>, %c: memref<2x2xf32>) {
  // expected-error@+1 {{'tl.matmul' op expects zero points only with integer operands}}
  tl.matmul {lhs_zp = 1 : i64} ins(%a, %b : memref<2x3xf32>, memref<3x2xf32>) outs(%c : memref<2x2xf32>)
  return
}

// -----

func.func @mm_mixed(%a: memref<2x3xi8>, %b: memref<3x2xi8>, %c: memref<2x2xf32>) {
  // expected-error@+1 {{'tl.matmul' op expects all float or all integer element types}}
  tl.matmul ins(%a, %b : memref<2x3xi8>, memref<3x2xi8>) outs(%c : memref<2x2xf32>)
  return
}

// -----

func.func @mm_signed(%a: memref<2x3xsi8>, %b: memref<3x2xi8>, %c: memref<2x2xi32>) {
  // expected-error@+1 {{'tl.matmul' op expects signless integers}}
  tl.matmul ins(%a, %b : memref<2x3xsi8>, memref<3x2xi8>) outs(%c : memref<2x2xi32>)
  return
}

// -----

func.func @mm_wide(%a: memref<2x3xi32>, %b: memref<3x2xi8>, %c: memref<2x2xi16>) {
  // expected-error@+1 {{'tl.matmul' op expects integer ins no wider than the accumulator}}
  tl.matmul ins(%a, %b : memref<2x3xi32>, memref<3x2xi8>) outs(%c : memref<2x2xi16>)
  return
}

// -----

func.func @mm_zp_kind(%a: memref<2x3xi8>, %b: memref<3x2xi8>, %c: memref<2x2xi32>) {
  // expected-error@+1 {{'tl.matmul' op expects 'rhs_zp' to be an integer}}
  tl.matmul {rhs_zp = "x"} ins(%a, %b : memref<2x3xi8>, memref<3x2xi8>) outs(%c : memref<2x2xi32>)
  return
}

// -----

func.func @conv_layout(%x: memref<1x2x5x5xf32>, %w: memref<4x2x3x3xf32>, %y: memref<1x4x3x3xf32>) {
  // expected-error@+1 {{'tl.conv2d' op expects 'layout' to be one of "nchw_fchw" or "nhwc_hwcf"}}
  tl.conv2d {layout = "nchw"} ins(%x, %w : memref<1x2x5x5xf32>, memref<4x2x3x3xf32>) outs(%y : memref<1x4x3x3xf32>)
  return
}

// -----

func.func @conv_strides(%x: memref<1x2x5x5xf32>, %w: memref<4x2x3x3xf32>, %y: memref<1x4x3x3xf32>) {
  // expected-error@+1 {{'tl.conv2d' op expects 'strides' to be an array<i64> of 2 positive values}}
  tl.conv2d {strides = array<i64: 1, 0>} ins(%x, %w : memref<1x2x5x5xf32>, memref<4x2x3x3xf32>) outs(%y : memref<1x4x3x3xf32>)
  return
}

// -----

func.func @conv_dilations(%x: memref<1x2x5x5xf32>, %w: memref<4x2x3x3xf32>, %y: memref<1x4x3x3xf32>) {
  // expected-error@+1 {{'tl.conv2d' op expects 'dilations' to be an array<i64> of 2 positive values}}
  tl.conv2d {dilations = array<i64: 1>} ins(%x, %w : memref<1x2x5x5xf32>, memref<4x2x3x3xf32>) outs(%y : memref<1x4x3x3xf32>)
  return
}

// -----

func.func @conv_channels(%x: memref<1x3x5x5xf32>, %w: memref<4x2x3x3xf32>, %y: memref<1x4x3x3xf32>) {
  // expected-error@+1 {{'tl.conv2d' op expects matching input channel sizes, got 3 and 2}}
  tl.conv2d ins(%x, %w : memref<1x3x5x5xf32>, memref<4x2x3x3xf32>) outs(%y : memref<1x4x3x3xf32>)
  return
}

// -----

func.func @conv_out(%x: memref<1x2x5x5xf32>, %w: memref<4x2x3x3xf32>, %y: memref<1x4x3x2xf32>) {
  // expected-error@+1 {{'tl.conv2d' op expects output width 3, got 2}}
  tl.conv2d ins(%x, %w : memref<1x2x5x5xf32>, memref<4x2x3x3xf32>) outs(%y : memref<1x4x3x2xf32>)
  return
}

// -----

func.func @conv_window(%x: memref<1x2x5x5xf32>, %w: memref<4x2x3x3xf32>, %y: memref<1x4x3x3xf32>) {
  // expected-error@+1 {{'tl.conv2d' op expects the input height (5) to be at least the dilated window (7)}}
  tl.conv2d {dilations = array<i64: 3, 1>} ins(%x, %w : memref<1x2x5x5xf32>, memref<4x2x3x3xf32>) outs(%y : memref<1x4x3x3xf32>)
  return
}

// -----

func.func @dw_rank(%x: memref<1x2x5x5xf32>, %w: memref<2x3x3x1xf32>, %y: memref<1x2x3x3xf32>) {
  // expected-error@+1 {{'tl.depthwise_conv2d' op expects operand #1 to have rank 3}}
  tl.depthwise_conv2d ins(%x, %w : memref<1x2x5x5xf32>, memref<2x3x3x1xf32>) outs(%y : memref<1x2x3x3xf32>)
  return
}

// -----

func.func @dw_layout(%x: memref<1x2x5x5xf32>, %w: memref<2x3x3xf32>, %y: memref<1x2x3x3xf32>) {
  // expected-error@+1 {{'tl.depthwise_conv2d' op expects 'layout' to be one of "nchw_chw" or "nhwc_hwc"}}
  tl.depthwise_conv2d {layout = "nhwc_hwcf"} ins(%x, %w : memref<1x2x5x5xf32>, memref<2x3x3xf32>) outs(%y : memref<1x2x3x3xf32>)
  return
}

// -----

func.func @dw_channel(%x: memref<1x2x5x5xf32>, %w: memref<3x3x3xf32>, %y: memref<1x2x3x3xf32>) {
  // expected-error@+1 {{'tl.depthwise_conv2d' op expects matching channel sizes, got 2 and 3}}
  tl.depthwise_conv2d ins(%x, %w : memref<1x2x5x5xf32>, memref<3x3x3xf32>) outs(%y : memref<1x2x3x3xf32>)
  return
}

// -----

func.func @pool_kind(%x: memref<1x2x4x4xf32>, %y: memref<1x2x2x2xf32>) {
  // expected-error@+1 {{'tl.pool' op expects 'kind' to be one of "max", "min", "sum" or "avg"}}
  tl.pool {kind = "mean", window = array<i64: 2, 2>, strides = array<i64: 2, 2>} ins(%x : memref<1x2x4x4xf32>) outs(%y : memref<1x2x2x2xf32>)
  return
}

// -----

func.func @pool_no_kind(%x: memref<1x2x4x4xf32>, %y: memref<1x2x2x2xf32>) {
  // expected-error@+1 {{'tl.pool' op requires attribute 'kind'}}
  tl.pool {window = array<i64: 2, 2>} ins(%x : memref<1x2x4x4xf32>) outs(%y : memref<1x2x2x2xf32>)
  return
}

// -----

func.func @pool_window(%x: memref<1x2x4x4xf32>, %y: memref<1x2x2x2xf32>) {
  // expected-error@+1 {{'tl.pool' op expects 'window' to be an array<i64> of 2 positive values}}
  tl.pool {kind = "max", window = array<i64: 2>} ins(%x : memref<1x2x4x4xf32>) outs(%y : memref<1x2x2x2xf32>)
  return
}

// -----

func.func @pool_elem(%x: memref<1x2x4x4xf32>, %y: memref<1x2x2x2xf16>) {
  // expected-error@+1 {{'tl.pool' op expects the in and out element types to be the same}}
  tl.pool {kind = "max", window = array<i64: 2, 2>, strides = array<i64: 2, 2>} ins(%x : memref<1x2x4x4xf32>) outs(%y : memref<1x2x2x2xf16>)
  return
}

// -----

func.func @pool_index(%x: memref<1x2x4x4xindex>, %y: memref<1x2x2x2xindex>) {
  // expected-error@+1 {{'tl.pool' op expects float or signless integer elements}}
  tl.pool {kind = "max", window = array<i64: 2, 2>, strides = array<i64: 2, 2>} ins(%x : memref<1x2x4x4xindex>) outs(%y : memref<1x2x2x2xindex>)
  return
}

// -----

func.func @pool_avg_int(%x: memref<1x2x4x4xi8>, %y: memref<1x2x2x2xi8>) {
  // expected-error@+1 {{'tl.pool' op expects float elements for 'avg' pooling (use 'sum' and tl.requantize for integers)}}
  tl.pool {kind = "avg", window = array<i64: 2, 2>, strides = array<i64: 2, 2>} ins(%x : memref<1x2x4x4xi8>) outs(%y : memref<1x2x2x2xi8>)
  return
}

// -----

func.func @pool_size(%x: memref<1x2x4x4xf32>, %y: memref<1x2x2x2xf32>) {
  // expected-error@+1 {{'tl.pool' op expects output height 3, got 2}}
  tl.pool {kind = "max", window = array<i64: 2, 2>} ins(%x : memref<1x2x4x4xf32>) outs(%y : memref<1x2x2x2xf32>)
  return
}

// -----

func.func @pool_batch(%x: memref<2x2x4x4xf32>, %y: memref<1x2x2x2xf32>) {
  // expected-error@+1 {{'tl.pool' op expects matching batch sizes, got 2 and 1}}
  tl.pool {kind = "max", window = array<i64: 2, 2>, strides = array<i64: 2, 2>} ins(%x : memref<2x2x4x4xf32>) outs(%y : memref<1x2x2x2xf32>)
  return
}

// -----

func.func @ew_kind(%a: memref<4xf32>, %b: memref<4xf32>) {
  // expected-error@+1 {{'tl.elementwise' op expects 'kind' to be one of}}
  tl.elementwise {kind = "pow"} ins(%a, %a : memref<4xf32>, memref<4xf32>) outs(%b : memref<4xf32>)
  return
}

// -----

func.func @ew_arity(%a: memref<4xf32>, %b: memref<4xf32>) {
  // expected-error@+1 {{'tl.elementwise' op expects 1 ins, got 2}}
  tl.elementwise {kind = "relu"} ins(%a, %a : memref<4xf32>, memref<4xf32>) outs(%b : memref<4xf32>)
  return
}

// -----

func.func @ew_elem(%a: memref<4xf16>, %b: memref<4xf32>) {
  // expected-error@+1 {{'tl.elementwise' op expects in #0 to have the element type of the out}}
  tl.elementwise {kind = "neg"} ins(%a : memref<4xf16>) outs(%b : memref<4xf32>)
  return
}

// -----

func.func @ew_shape(%a: memref<5xf32>, %b: memref<4xf32>) {
  // expected-error@+1 {{'tl.elementwise' op expects matching elementwise sizes, got 5 and 4}}
  tl.elementwise {kind = "neg"} ins(%a : memref<5xf32>) outs(%b : memref<4xf32>)
  return
}

// -----

func.func @ew_rank(%a: memref<4x1xf32>, %b: memref<4xf32>) {
  // expected-error@+1 {{'tl.elementwise' op expects operand #0 to have rank 1}}
  tl.elementwise {kind = "neg"} ins(%a : memref<4x1xf32>) outs(%b : memref<4xf32>)
  return
}

// -----

func.func @ew_index(%a: memref<4xindex>, %b: memref<4xindex>) {
  // expected-error@+1 {{'tl.elementwise' op expects float or signless integer elements}}
  tl.elementwise {kind = "neg"} ins(%a : memref<4xindex>) outs(%b : memref<4xindex>)
  return
}

// -----

func.func @ew_float_only(%a: memref<4xi32>, %b: memref<4xi32>) {
  // expected-error@+1 {{'tl.elementwise' op expects float elements for kind 'exp'}}
  tl.elementwise {kind = "exp"} ins(%a : memref<4xi32>) outs(%b : memref<4xi32>)
  return
}

// -----

func.func @fill_shaped(%a: memref<4xf32>, %b: memref<4xf32>) {
  // expected-error@+1 {{'tl.fill' op expects a scalar value}}
  tl.fill ins(%a : memref<4xf32>) outs(%b : memref<4xf32>)
  return
}

// -----

func.func @fill_type(%v: f16, %b: memref<4xf32>) {
  // expected-error@+1 {{'tl.fill' op expects the value to have the element type of the out}}
  tl.fill ins(%v : f16) outs(%b : memref<4xf32>)
  return
}

// -----

func.func @copy_elem(%a: memref<4xf16>, %b: memref<4xf32>) {
  // expected-error@+1 {{'tl.copy' op expects the in and out element types to be the same}}
  tl.copy ins(%a : memref<4xf16>) outs(%b : memref<4xf32>)
  return
}

// -----

func.func @copy_shape(%a: memref<5xf32>, %b: memref<4xf32>) {
  // expected-error@+1 {{'tl.copy' op expects matching copied sizes, got 5 and 4}}
  tl.copy ins(%a : memref<5xf32>) outs(%b : memref<4xf32>)
  return
}

// -----

func.func @pack_scalar(%a: f32, %b: memref<1xf32>) {
  // expected-error@+1 {{'tl.pack' op expects a shaped source}}
  tl.pack {inner_dims_pos = array<i64>, inner_tiles = array<i64>} ins(%a : f32) outs(%b : memref<1xf32>)
  return
}

// -----

func.func @pack_pos_kind(%a: memref<8x6xf32>, %b: memref<2x6x4xf32>) {
  // expected-error@+1 {{'tl.pack' op expects 'inner_dims_pos' to be an array<i64>}}
  tl.pack {inner_dims_pos = [0], inner_tiles = array<i64: 4>} ins(%a : memref<8x6xf32>) outs(%b : memref<2x6x4xf32>)
  return
}

// -----

func.func @pack_too_many(%a: memref<8x6xf32>, %b: memref<2x6x4xf32>) {
  // expected-error@+1 {{'tl.pack' op expects at most one inner tile per source dimension}}
  tl.pack {inner_dims_pos = array<i64: 0, 1, 1>, inner_tiles = array<i64: 4, 2, 2>} ins(%a : memref<8x6xf32>) outs(%b : memref<2x6x4xf32>)
  return
}

// -----

func.func @pack_tiles(%a: memref<8x6xf32>, %b: memref<2x6x4xf32>) {
  // expected-error@+1 {{'tl.pack' op expects 'inner_tiles' to be an array<i64> of 1 positive values}}
  tl.pack {inner_dims_pos = array<i64: 0>, inner_tiles = array<i64: 0>} ins(%a : memref<8x6xf32>) outs(%b : memref<2x6x4xf32>)
  return
}

// -----

func.func @pack_pos(%a: memref<8x6xf32>, %b: memref<2x6x4xf32>) {
  // expected-error@+1 {{'tl.pack' op expects 'inner_dims_pos' to hold distinct source dimensions}}
  tl.pack {inner_dims_pos = array<i64: 2>, inner_tiles = array<i64: 4>} ins(%a : memref<8x6xf32>) outs(%b : memref<2x6x4xf32>)
  return
}

// -----

func.func @pack_perm(%a: memref<8x6xf32>, %b: memref<2x6x4xf32>) {
  // expected-error@+1 {{'tl.pack' op expects 'outer_dims_perm' to be a permutation of the source dimensions}}
  tl.pack {inner_dims_pos = array<i64: 0>, inner_tiles = array<i64: 4>, outer_dims_perm = array<i64: 0, 0>} ins(%a : memref<8x6xf32>) outs(%b : memref<2x6x4xf32>)
  return
}

// -----

func.func @pack_elem(%a: memref<8x6xf32>, %b: memref<2x6x4xf16>) {
  // expected-error@+1 {{'tl.pack' op expects the in and out element types to be the same}}
  tl.pack {inner_dims_pos = array<i64: 0>, inner_tiles = array<i64: 4>} ins(%a : memref<8x6xf32>) outs(%b : memref<2x6x4xf16>)
  return
}

// -----

func.func @pack_rank(%a: memref<8x6xf32>, %b: memref<2x6xf32>) {
  // expected-error@+1 {{'tl.pack' op expects the packed out to have rank 3, got 2}}
  tl.pack {inner_dims_pos = array<i64: 0>, inner_tiles = array<i64: 4>} ins(%a : memref<8x6xf32>) outs(%b : memref<2x6xf32>)
  return
}

// -----

func.func @pack_divide(%a: memref<8x6xf32>, %b: memref<2x6x3xf32>) {
  // expected-error@+1 {{'tl.pack' op expects inner tile 3 to divide source dimension 0 (8)}}
  tl.pack {inner_dims_pos = array<i64: 0>, inner_tiles = array<i64: 3>} ins(%a : memref<8x6xf32>) outs(%b : memref<2x6x3xf32>)
  return
}

// -----

func.func @pack_outer(%a: memref<8x6xf32>, %b: memref<2x5x4xf32>) {
  // expected-error@+1 {{'tl.pack' op expects out dimension 1 to be 6, got 5}}
  tl.pack {inner_dims_pos = array<i64: 0>, inner_tiles = array<i64: 4>} ins(%a : memref<8x6xf32>) outs(%b : memref<2x5x4xf32>)
  return
}

// -----

func.func @pack_inner(%a: memref<8x6xf32>, %b: memref<2x6x2xf32>) {
  // expected-error@+1 {{'tl.pack' op expects out dimension 2 to be the inner tile 4}}
  tl.pack {inner_dims_pos = array<i64: 0>, inner_tiles = array<i64: 4>} ins(%a : memref<8x6xf32>) outs(%b : memref<2x6x2xf32>)
  return
}

// -----

func.func @rq_arrays(%a: memref<4x2xi32>, %b: memref<4x2xi8>) {
  // expected-error@+1 {{'tl.requantize' op expects 'multiplier' and 'shift' to be non-empty array<i32> of the same size}}
  tl.requantize {multiplier = array<i32: 1, 2>, shift = array<i32: 0>} ins(%a : memref<4x2xi32>) outs(%b : memref<4x2xi8>)
  return
}

// -----

func.func @rq_mult(%a: memref<4x2xi32>, %b: memref<4x2xi8>) {
  // expected-error@+1 {{'tl.requantize' op expects non-negative multipliers}}
  tl.requantize {multiplier = array<i32: -1>, shift = array<i32: 0>} ins(%a : memref<4x2xi32>) outs(%b : memref<4x2xi8>)
  return
}

// -----

func.func @rq_shift(%a: memref<4x2xi32>, %b: memref<4x2xi8>) {
  // expected-error@+1 {{'tl.requantize' op expects shifts in [-31, 30]}}
  tl.requantize {multiplier = array<i32: 1>, shift = array<i32: 31>} ins(%a : memref<4x2xi32>) outs(%b : memref<4x2xi8>)
  return
}

// -----

func.func @rq_in(%a: memref<4x2xi16>, %b: memref<4x2xi8>) {
  // expected-error@+1 {{'tl.requantize' op expects i32 input elements}}
  tl.requantize {multiplier = array<i32: 1>, shift = array<i32: 0>} ins(%a : memref<4x2xi16>) outs(%b : memref<4x2xi8>)
  return
}

// -----

func.func @rq_out(%a: memref<4x2xi32>, %b: memref<4x2xi64>) {
  // expected-error@+1 {{'tl.requantize' op expects signless integer out elements of 2 to 32 bits}}
  tl.requantize {multiplier = array<i32: 1>, shift = array<i32: 0>} ins(%a : memref<4x2xi32>) outs(%b : memref<4x2xi64>)
  return
}

// -----

func.func @rq_zp(%a: memref<4x2xi32>, %b: memref<4x2xi8>) {
  // expected-error@+1 {{'tl.requantize' op expects 'output_zp' within the out element range [-128, 127]}}
  tl.requantize {multiplier = array<i32: 1>, shift = array<i32: 0>, output_zp = 128 : i64} ins(%a : memref<4x2xi32>) outs(%b : memref<4x2xi8>)
  return
}

// -----

func.func @rq_axis(%a: memref<4x2xi32>, %b: memref<4x2xi8>) {
  // expected-error@+1 {{'tl.requantize' op expects 'channel_dim' in [0, 2) with per-channel parameters}}
  tl.requantize {multiplier = array<i32: 1, 2>, shift = array<i32: 0, 0>} ins(%a : memref<4x2xi32>) outs(%b : memref<4x2xi8>)
  return
}

// -----

func.func @rq_count(%a: memref<4x2xi32>, %b: memref<4x2xi8>) {
  // expected-error@+1 {{'tl.requantize' op expects 4 multipliers (the size of dimension 0), got 2}}
  tl.requantize {channel_dim = 0 : i64, multiplier = array<i32: 1, 2>, shift = array<i32: 0, 0>} ins(%a : memref<4x2xi32>) outs(%b : memref<4x2xi8>)
  return
}

// -----

func.func @rq_no_mult(%a: memref<4x2xi32>, %b: memref<4x2xi8>) {
  // expected-error@+1 {{'tl.requantize' op requires attribute 'multiplier'}}
  tl.requantize {shift = array<i32: 0>} ins(%a : memref<4x2xi32>) outs(%b : memref<4x2xi8>)
  return
}
