// Verifier diagnostics of the npu dialect, one case per message.
// RUN: edge-opt %s -split-input-file -verify-diagnostics

func.func @f(%a: memref<4xi8>, %b: memref<4xi16>) {
  // expected-error @+1 {{'npu.dma' op destination (operand #1) must have i8 or i32 elements}}
  %t = npu.dma %a, %b : memref<4xi8>, memref<4xi16>
  return
}

// -----

func.func @f(%a: memref<4xi8>, %b: memref<4xi32>) {
  // expected-error @+1 {{'npu.dma' op source and destination element types differ}}
  %t = npu.dma %a, %b : memref<4xi8>, memref<4xi32>
  return
}

// -----

func.func @f(%a: memref<4x4xi8>, %b: memref<2x4xi8>) {
  // expected-error @+1 {{'npu.dma' op needs 'sizes' when the source and destination shapes differ}}
  %t = npu.dma %a, %b : memref<4x4xi8>, memref<2x4xi8>
  return
}

// -----

func.func @f(%a: memref<4x4xi8>, %b: memref<2x4xi8>) {
  // expected-error @+1 {{'npu.dma' op box [offset 3, size 2] exceeds the source in dim 0 (size 4)}}
  %t = npu.dma %a, %b {src_offsets = array<i64: 3, 0>, sizes = array<i64: 2, 4>} : memref<4x4xi8>, memref<2x4xi8>
  return
}

// -----

func.func @f(%a: memref<4x4xi8>, %b: memref<4xi8>) {
  // expected-error @+1 {{'npu.dma' op source and destination ranks differ (2 and 1)}}
  %t = npu.dma %a, %b : memref<4x4xi8>, memref<4xi8>
  return
}

// -----

func.func @f(%a: memref<4xi8>, %b: memref<4xi8>) {
  // expected-error @+1 {{'npu.dma' op attribute 'sizes' has 2 entries, expects 1}}
  %t = npu.dma %a, %b {sizes = array<i64: 1, 4>} : memref<4xi8>, memref<4xi8>
  return
}

// -----

func.func @f(%a: memref<4xi8>, %b: memref<?xi8>) {
  // expected-error @+1 {{'npu.dma' op destination (operand #1) must have a static shape}}
  %t = npu.dma %a, %b : memref<4xi8>, memref<?xi8>
  return
}

// -----

func.func @f(%a: memref<4xi8>, %b: memref<4xi8, 1>) {
  // expected-error @+1 {{'npu.dma' op destination (operand #1) has a memory space that is not a string naming a memory level}}
  %t = npu.dma %a, %b : memref<4xi8>, memref<4xi8, 1>
  return
}

// -----

func.func @f(%a: memref<4xi8>, %b: memref<4xi8>, %c: memref<4xi8>) {
  // expected-error @+1 {{'npu.dma' op expects 2 buffer operands, but found 3}}
  %t = "npu.dma"(%a, %b, %c) : (memref<4xi8>, memref<4xi8>, memref<4xi8>) -> !npu.token
  return
}

// -----

func.func @f(%a: memref<4xi8>, %b: memref<4xi8>, %t0: !npu.token) {
  // expected-error @+1 {{'npu.dma' op operand #2: buffers must come before the tokens it waits for}}
  %t = "npu.dma"(%a, %t0, %b) : (memref<4xi8>, !npu.token, memref<4xi8>) -> !npu.token
  return
}

// -----

func.func @f() {
  // expected-error @+1 {{'npu.wait' op expects at least one token}}
  npu.wait
  return
}

// -----

func.func @f(%x: memref<1x8x8x4xi8>, %w: memref<8x3x3x4xi8>, %y: memref<1x6x6x8xi8>) {
  // expected-error @+1 {{'npu.conv' op attribute 'kind' must be one of "conv2d", "depthwise", "pointwise", "fully_connected"}}
  %t = npu.conv %x, %w, %y {kind = "winograd"} : memref<1x8x8x4xi8>, memref<8x3x3x4xi8>, memref<1x6x6x8xi8>
  return
}

// -----

func.func @f(%x: memref<1x8x8x4xi8>, %w: memref<8x3x3x4xi8>, %y: memref<1x6x6x8xi8>) {
  // expected-error @+1 {{'npu.conv' op requires attribute 'kind'}}
  %t = npu.conv %x, %w, %y : memref<1x8x8x4xi8>, memref<8x3x3x4xi8>, memref<1x6x6x8xi8>
  return
}

// -----

func.func @f(%x: memref<1x8x8x4xi8>, %w: memref<8x3x3x4xi8>, %y: memref<1x8x8x8xi8>) {
  // expected-error @+1 {{'npu.conv' op output (operand #2) has size 8 in dim 1, expects 6}}
  %t = npu.conv %x, %w, %y {kind = "conv2d", multiplier = array<i64: 1073741824>, shift = array<i64: -1>} : memref<1x8x8x4xi8>, memref<8x3x3x4xi8>, memref<1x8x8x8xi8>
  return
}

// -----

func.func @f(%x: memref<1x8x8x4xi8>, %w: memref<8x3x3x4xi8>, %y: memref<1x6x6x8xi8>) {
  // expected-error @+1 {{'npu.conv' op an i8 result needs the requantization attributes 'multiplier' and 'shift'}}
  %t = npu.conv %x, %w, %y {kind = "conv2d"} : memref<1x8x8x4xi8>, memref<8x3x3x4xi8>, memref<1x6x6x8xi8>
  return
}

// -----

func.func @f(%x: memref<1x8x8x4xi8>, %w: memref<8x3x3x4xi8>, %y: memref<1x6x6x8xi8>) {
  // expected-error @+1 {{'npu.conv' op attribute 'multiplier' has 3 entries, expects 1 (per tensor) or 8 (per channel)}}
  %t = npu.conv %x, %w, %y {kind = "conv2d", multiplier = array<i64: 1, 2, 3>, shift = array<i64: 0>} : memref<1x8x8x4xi8>, memref<8x3x3x4xi8>, memref<1x6x6x8xi8>
  return
}

// -----

func.func @f(%x: memref<1x8x8x4xi8>, %w: memref<8x3x3x4xi8>, %y: memref<1x6x6x8xi8>) {
  // expected-error @+1 {{'npu.conv' op attribute 'shift' entry 0 is 40, expects a value in [-31, 30]}}
  %t = npu.conv %x, %w, %y {kind = "conv2d", multiplier = array<i64: 1>, shift = array<i64: 40>} : memref<1x8x8x4xi8>, memref<8x3x3x4xi8>, memref<1x6x6x8xi8>
  return
}

// -----

func.func @f(%x: memref<1x8x8x4xi8>, %w: memref<8x3x3x4xi8>, %y: memref<1x6x6x8xi8>) {
  // expected-error @+1 {{'npu.conv' op act_min 10 is above act_max 5}}
  %t = npu.conv %x, %w, %y {kind = "conv2d", multiplier = array<i64: 1>, shift = array<i64: 0>, act_min = 10, act_max = 5} : memref<1x8x8x4xi8>, memref<8x3x3x4xi8>, memref<1x6x6x8xi8>
  return
}

// -----

func.func @f(%x: memref<1x8x8x4xi8>, %w: memref<8x3x3x4xi8>, %y: memref<1x6x6x8xi32>) {
  // expected-error @+1 {{'npu.conv' op attribute 'output_zp' needs an i8 result (an i32 result is the raw accumulator)}}
  %t = npu.conv %x, %w, %y {kind = "conv2d", output_zp = 3} : memref<1x8x8x4xi8>, memref<8x3x3x4xi8>, memref<1x6x6x8xi32>
  return
}

// -----

func.func @f(%x: memref<1x8x8x4xi8>, %w: memref<8x3x3x4xi8>, %y: memref<1x6x6x8xi8>) {
  // expected-error @+1 {{'npu.conv' op attribute 'accumulate' needs an i32 result}}
  %t = npu.conv %x, %w, %y {kind = "conv2d", accumulate, multiplier = array<i64: 1>, shift = array<i64: 0>} : memref<1x8x8x4xi8>, memref<8x3x3x4xi8>, memref<1x6x6x8xi8>
  return
}

// -----

func.func @f(%x: memref<1x8x8x4xi8>, %w: memref<8x3x3x4xi8>, %y: memref<1x8x8x8xi32>) {
  // expected-error @+1 {{'npu.conv' op a pointwise convolution needs 1x1 weights, but they are 3x3}}
  %t = npu.conv %x, %w, %y {kind = "pointwise"} : memref<1x8x8x4xi8>, memref<8x3x3x4xi8>, memref<1x8x8x8xi32>
  return
}

// -----

func.func @f(%x: memref<1x8x8x4xi8>, %w: memref<6x3x3x1xi8>, %y: memref<1x6x6x6xi32>) {
  // expected-error @+1 {{'npu.conv' op depthwise output channels (6) must be a multiple of the input channels (4)}}
  %t = npu.conv %x, %w, %y {kind = "depthwise"} : memref<1x8x8x4xi8>, memref<6x3x3x1xi8>, memref<1x6x6x6xi32>
  return
}

// -----

func.func @f(%x: memref<1x8x8x4xi8>, %w: memref<8x3x3x4xi8>, %y: memref<1x6x6x8xi32>, %b: memref<4xi32>) {
  // expected-error @+1 {{'npu.conv' op bias (operand #3) has size 4 in dim 0, expects 8}}
  %t = npu.conv %x, %w, %y, %b {kind = "conv2d"} : memref<1x8x8x4xi8>, memref<8x3x3x4xi8>, memref<1x6x6x8xi32>, memref<4xi32>
  return
}

// -----

func.func @f(%x: memref<4x16xi8>, %w: memref<10x16xi8>, %y: memref<4x10xi32>) {
  // expected-error @+1 {{'npu.conv' op attribute 'strides' does not apply to a fully connected layer}}
  %t = npu.conv %x, %w, %y {kind = "fully_connected", strides = array<i64: 2, 2>} : memref<4x16xi8>, memref<10x16xi8>, memref<4x10xi32>
  return
}

// -----

func.func @f(%x: memref<4x16xi32>, %w: memref<10x16xi8>, %y: memref<4x10xi32>) {
  // expected-error @+1 {{'npu.conv' op input and weights must have i8 elements}}
  %t = npu.conv %x, %w, %y {kind = "fully_connected"} : memref<4x16xi32>, memref<10x16xi8>, memref<4x10xi32>
  return
}

// -----

func.func @f(%x: memref<1x8x8x4xi8>, %w: memref<8x3x3x4xi8>, %y: memref<1x6x6x8xi32>) {
  // expected-error @+1 {{'npu.conv' op attribute 'input_zp' is 300, expects a value in [-128, 127]}}
  %t = npu.conv %x, %w, %y {kind = "conv2d", input_zp = 300} : memref<1x8x8x4xi8>, memref<8x3x3x4xi8>, memref<1x6x6x8xi32>
  return
}

// -----

func.func @f(%w: memref<4x8x2xi8>) {
  // expected-error @+1 {{'npu.imc_program' op weight block (operand #0) must be a 2-D [K, N] memref of i8}}
  %t = npu.imc_program %w {crossbar = 0} : memref<4x8x2xi8>
  return
}

// -----

func.func @f(%w: memref<4x8xi8>) {
  // expected-error @+1 {{'npu.imc_program' op attribute 'crossbar' is -1, expects a value in [0, 1048576]}}
  %t = npu.imc_program %w {crossbar = -1} : memref<4x8xi8>
  return
}

// -----

func.func @f(%x: memref<2x8xi8>, %y: memref<2x4xi32>) {
  // expected-error @+1 {{'npu.imc_mvm' op crossbar 1 is listed twice}}
  %t = npu.imc_mvm %x, %y {crossbars = array<i64: 1, 1>} : memref<2x8xi8>, memref<2x4xi32>
  return
}

// -----

func.func @f(%x: memref<2x8xi8>, %y: memref<2x4xi32>) {
  // expected-error @+1 {{'npu.imc_mvm' op attribute 'crossbars' must be a non-empty integer array}}
  %t = npu.imc_mvm %x, %y {crossbars = array<i64>} : memref<2x8xi8>, memref<2x4xi32>
  return
}

// -----

func.func @f(%x: memref<2x8xi8>, %y: memref<3x4xi32>) {
  // expected-error @+1 {{'npu.imc_mvm' op output has 3 rows, expects 2 (the input's)}}
  %t = npu.imc_mvm %x, %y {crossbars = array<i64: 0>} : memref<2x8xi8>, memref<3x4xi32>
  return
}

// -----

func.func @f(%a: memref<4xi8>, %y: memref<4xi8>) {
  // expected-error @+1 {{'npu.ew' op attribute 'op' must be one of "add", "sub", "mul", "min", "max", "relu", "clip", "requant", "maxpool", "avgpool"}}
  %t = npu.ew %a, %y {op = "gelu"} : memref<4xi8>, memref<4xi8>
  return
}

// -----

func.func @f(%a: memref<4xi8>, %y: memref<4xi8>) {
  // expected-error @+1 {{'npu.ew' op expects 3 buffer operands, but found 2}}
  %t = npu.ew %a, %y {op = "max"} : memref<4xi8>, memref<4xi8>
  return
}

// -----

func.func @f(%a: memref<4xi8>, %b: memref<4xi8>, %y: memref<4xi8>) {
  // expected-error @+1 {{'npu.ew' op op "add" needs its multiplier and shift attributes}}
  %t = npu.ew %a, %b, %y {op = "add"} : memref<4xi8>, memref<4xi8>, memref<4xi8>
  return
}

// -----

func.func @f(%a: memref<4xi8>, %y: memref<4xi8>) {
  // expected-error @+1 {{'npu.ew' op attribute 'kernel' does not apply to op "relu"}}
  %t = npu.ew %a, %y {op = "relu", kernel = array<i64: 2, 2>} : memref<4xi8>, memref<4xi8>
  return
}

// -----

func.func @f(%a: memref<4xi8>, %y: memref<5xi8>) {
  // expected-error @+1 {{'npu.ew' op input (operand #0) and output shapes differ}}
  %t = npu.ew %a, %y {op = "relu"} : memref<4xi8>, memref<5xi8>
  return
}

// -----

func.func @f(%a: memref<1x4x4x2xi8>, %y: memref<1x2x2x2xi8>) {
  // expected-error @+1 {{'npu.ew' op a pool needs attribute 'kernel'}}
  %t = npu.ew %a, %y {op = "maxpool"} : memref<1x4x4x2xi8>, memref<1x2x2x2xi8>
  return
}

// -----

func.func @f(%a: memref<1x4x4x2xi8>, %y: memref<1x3x3x2xi8>) {
  // expected-error @+1 {{'npu.ew' op output (operand #1) has size 3 in dim 1, expects 2}}
  %t = npu.ew %a, %y {op = "avgpool", kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : memref<1x4x4x2xi8>, memref<1x3x3x2xi8>
  return
}

// -----

func.func @f(%a: memref<4xi8>, %y: memref<4xi32>) {
  // expected-error @+1 {{'npu.ew' op output (operand #1) must have i8 elements}}
  %t = npu.ew %a, %y {op = "relu"} : memref<4xi8>, memref<4xi32>
  return
}

// -----

func.func @f(%a: memref<2x4xi8>, %y: memref<2x4xi8>) {
  // expected-error @+1 {{'npu.cpu' op region argument #0 must be a tensor of input buffer #0's shape and element type (or a quantized type stored in it)}}
  %t = npu.cpu ins(%a) outs(%y) : memref<2x4xi8>, memref<2x4xi8> {
  ^bb0(%x: tensor<4x2xi8>):
    %n = graph.reshape %x {shape = array<i64: 2, 4>} : (tensor<4x2xi8>) -> tensor<2x4xi8>
    npu.yield %n : tensor<2x4xi8>
  }
  return
}

// -----

func.func @f(%a: memref<2x4xi8>, %y: memref<2x4xi8>) {
  // expected-error @+1 {{'npu.cpu' op region has 0 arguments, expects 1 (one tensor per input buffer)}}
  %t = npu.cpu ins(%a) outs(%y) : memref<2x4xi8>, memref<2x4xi8> {
    %c = graph.constant dense<0> : tensor<2x4xi8>
    npu.yield %c : tensor<2x4xi8>
  }
  return
}

// -----

func.func @f(%a: memref<2x4xi8>, %y: memref<2x4xi8>) {
  %t = npu.cpu ins(%a) outs(%y) : memref<2x4xi8>, memref<2x4xi8> {
  ^bb0(%x: tensor<2x4xi8>):
    // expected-error @+1 {{'npu.yield' op yields 2 values, expects 1 (one tensor per output buffer)}}
    npu.yield %x, %x : tensor<2x4xi8>, tensor<2x4xi8>
  }
  return
}

// -----

func.func @f(%x: tensor<2xi8>) {
  // expected-error @+1 {{'npu.yield' op expects parent op 'npu.cpu'}}
  npu.yield %x : tensor<2xi8>
}

// -----

// expected-error @+1 {{unknown npu type 'tok' (expected 'token')}}
func.func @f(%t: !npu.tok) {
  return
}

// -----

func.func @f(%t0: !npu.token) {
  // expected-error @+1 {{'npu.cpu' op expects at least one buffer operand}}
  %t = npu.cpu ins() outs() after %t0 {
    npu.yield
  }
  return
}

// -----

func.func @f(%a: memref<*xi8>, %b: memref<4xi8>) {
  // expected-error @+1 {{'npu.dma' op source (operand #0) must be a ranked memref}}
  %t = "npu.dma"(%a, %b) : (memref<*xi8>, memref<4xi8>) -> !npu.token
  return
}

// -----

func.func @f(%a: memref<2x4xi8>, %y: memref<2x4xi8>) {
  // expected-error @+1 {{'npu.cpu' op region argument #0 must be a tensor of input buffer #0's shape and element type (or a quantized type stored in it)}}
  %t = npu.cpu ins(%a) outs(%y) : memref<2x4xi8>, memref<2x4xi8> {
  ^bb0(%x: tensor<2x4x!quant.uniform<i16:f32, 1.0e-01>>):
    %c = graph.constant dense<0> : tensor<2x4xi8>
    npu.yield %c : tensor<2x4xi8>
  }
  return
}
