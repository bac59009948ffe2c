// What graph-to-tl leaves of the data movement ops gets a diagnostic that
// says why at tl-bufferize: a gather of non-constant or irregular indices,
// a resize that is not nearest with an affine index map, a slice with a
// negative step that graph-to-tl cannot express.
// RUN: edge-opt %s -split-input-file -verify-diagnostics --pass-pipeline='builtin.module(func.func(graph-to-tl),tl-bufferize)'

func.func @gather_arg(%a: tensor<4x3xf32>, %i: tensor<2xi64>) -> tensor<2x3xf32> {
  // expected-error @+1 {{'graph.gather' op cannot bufferize: graph-to-tl lowers graph.gather only with constant indices (a scalar or a 1-D arithmetic sequence)}}
  %g = graph.gather %a, %i {axis = 0 : i64} : (tensor<4x3xf32>, tensor<2xi64>) -> tensor<2x3xf32>
  return %g : tensor<2x3xf32>
}

// -----

func.func @gather_irregular(%a: tensor<4x3xf32>) -> tensor<3x3xf32> {
  %i = graph.constant dense<[0, 3, 1]> : tensor<3xi64>
  // expected-error @+1 {{'graph.gather' op cannot bufferize: graph-to-tl lowers graph.gather only with constant indices}}
  %g = graph.gather %a, %i {axis = 0 : i64} : (tensor<4x3xf32>, tensor<3xi64>) -> tensor<3x3xf32>
  return %g : tensor<3x3xf32>
}

// -----

func.func @resize_linear(%x: tensor<1x1x2x2xf32>) -> tensor<1x1x4x4xf32> {
  // expected-error @+1 {{'graph.resize' op cannot bufferize: graph-to-tl lowers graph.resize only in mode nearest with an affine index map (integer scale factors)}}
  %y = graph.resize %x {mode = "linear", scales = array<f64: 2.0, 2.0>} : (tensor<1x1x2x2xf32>) -> tensor<1x1x4x4xf32>
  return %y : tensor<1x1x4x4xf32>
}

// -----

func.func @resize_fraction(%x: tensor<1x1x2x2xf32>) -> tensor<1x1x3x3xf32> {
  // expected-error @+1 {{'graph.resize' op cannot bufferize: graph-to-tl lowers graph.resize only in mode nearest}}
  %y = graph.resize %x {mode = "nearest"} : (tensor<1x1x2x2xf32>) -> tensor<1x1x3x3xf32>
  return %y : tensor<1x1x3x3xf32>
}

// -----

// Reversed along dim 0 (a tl.generic could read 1 - d0) but shortened
// from 0 along dim 1 (a plain d1 over 2 of 3 elements, which tl's loop
// bounds cannot express): left for tl-bufferize, whose strided subviews
// need positive steps.
func.func @slice_negative(%a: tensor<4x3xf32>) -> tensor<2x2xf32> {
  // expected-error @+1 {{'graph.slice' op cannot bufferize: only positive slice steps are supported}}
  %s = graph.slice %a {axes = array<i64: 0, 1>, starts = array<i64: 1, 0>, ends = array<i64: -5, 2>, steps = array<i64: -1, 1>} : (tensor<4x3xf32>) -> tensor<2x2xf32>
  return %s : tensor<2x2xf32>
}
