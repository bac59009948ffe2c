// tl-bufferize errors: ops it does not know, shapes it cannot allocate.
// RUN: edge-opt %s --tl-bufferize --split-input-file --verify-diagnostics

func.func @other_op(%a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'graph.relu' op cannot bufferize: only tl ops, graph.constant, graph.pad, graph.reshape, graph.transpose and func.return are supported}}
  %0 = graph.relu %a : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @tensor_arith(%a: tensor<4xf32>) -> tensor<4xf32> {
  %z = graph.constant dense<0.0> : tensor<4xf32>
  %0 = tl.elementwise {kind = "neg"} ins(%a : tensor<4xf32>) outs(%z : tensor<4xf32>) -> tensor<4xf32>
  // expected-error @+1 {{'arith.addf' op cannot bufferize}}
  %1 = arith.addf %0, %0 : tensor<4xf32>
  return %1 : tensor<4xf32>
}

// -----

// expected-error @+1 {{cannot bufferize 'tensor<?xf32>': only static shapes without encoding are supported}}
func.func @dynamic(%a: tensor<?xf32>) -> tensor<?xf32> {
  %0 = tl.elementwise {kind = "neg"} ins(%a : tensor<?xf32>) outs(%a : tensor<?xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

func.func @quantized() -> tensor<2x!quant.uniform<i8:f32, 5.000000e-02:-3>> {
  // expected-error @+1 {{cannot bufferize: the result type differs from the value's type}}
  %q = graph.constant dense<[1, -2]> : tensor<2xi8> as tensor<2x!quant.uniform<i8:f32, 5.000000e-02:-3>>
  return %q : tensor<2x!quant.uniform<i8:f32, 5.000000e-02:-3>>
}

// -----

func.func @reflect(%a: tensor<1x4xf32>) -> tensor<1x6xf32> {
  // expected-error @+1 {{'graph.pad' op cannot bufferize: only constant padding is supported}}
  %0 = graph.pad %a {pads = array<i64: 0, 1, 0, 1>, mode = "reflect"} : (tensor<1x4xf32>) -> tensor<1x6xf32>
  return %0 : tensor<1x6xf32>
}
