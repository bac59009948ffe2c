// graph-to-tl full=true: a graph op without a lowering is an error naming
// it (ops with a lowering before it are still lowered).
// RUN: edge-opt %s -split-input-file -verify-diagnostics -pass-pipeline='builtin.module(func.func(graph-to-tl{full=true}))'

func.func @softmax_ok_reduce_not(%x: tensor<2x3xf32>) -> tensor<1x1xf32> {
  %0 = graph.softmax %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // expected-error @+1 {{'graph.reduce_mean' op has no lowering to tl (graph-to-tl full=true)}}
  %1 = graph.reduce_mean %0 : (tensor<2x3xf32>) -> tensor<1x1xf32>
  return %1 : tensor<1x1xf32>
}

// -----

func.func @int_add(%i: tensor<2xi32>) -> tensor<2xi32> {
  // expected-error @+1 {{'graph.add' op has no lowering to tl}}
  %0 = graph.add %i, %i : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  return %0 : tensor<2xi32>
}

// -----

// avg_pool with padding excluded from the count has no tl form.
func.func @avg_pad(%x: tensor<1x1x4x4xf32>) -> tensor<1x1x4x4xf32> {
  // expected-error @+1 {{'graph.avg_pool' op has no lowering to tl}}
  %0 = graph.avg_pool %x {kernel = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x1x4x4xf32>) -> tensor<1x1x4x4xf32>
  return %0 : tensor<1x1x4x4xf32>
}
