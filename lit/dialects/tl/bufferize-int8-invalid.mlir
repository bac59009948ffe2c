// tl-bufferize errors at the quantized boundary: a cast that changes the
// stored element type is not a view.
// RUN: edge-opt %s --tl-bufferize --split-input-file --verify-diagnostics

func.func @widening_cast(%a: tensor<4xi8>) -> tensor<4xi16> {
  // expected-error @+1 {{'builtin.unrealized_conversion_cast' op cannot bufferize: only tl ops, graph.constant, graph.pad, graph.reshape, graph.transpose and func.return are supported}}
  %0 = builtin.unrealized_conversion_cast %a : tensor<4xi8> to tensor<4xi16>
  return %0 : tensor<4xi16>
}

// -----

func.func @reshaping_cast(%a: tensor<4x!quant.uniform<i8:f32, 1.000000e-01>>) -> tensor<2x2xi8> {
  // expected-error @+1 {{'builtin.unrealized_conversion_cast' op cannot bufferize}}
  %0 = builtin.unrealized_conversion_cast %a : tensor<4x!quant.uniform<i8:f32, 1.000000e-01>> to tensor<2x2xi8>
  return %0 : tensor<2x2xi8>
}
