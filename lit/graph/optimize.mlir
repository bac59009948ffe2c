// graph-optimize: fold-qdq, graph-const-fold, graph-fold-batchnorm,
// graph-fuse-activation and canonicalize on each function.
// RUN: edge-opt %s -graph-optimize | FileCheck %s
// RUN: edge-opt %s --pass-pipeline='builtin.module(graph-optimize{qdq=false})' | FileCheck %s
// RUN: edge-opt %s -graph-optimize --dump-pass-pipeline -o /dev/null 2>&1 | FileCheck %s --check-prefix=PIPE

// PIPE: builtin.module(graph-optimize{qdq=true})

// The transposed weights fold, the batch_norm folds into them, the relu
// fuses.
// CHECK-LABEL: func.func @main
// CHECK-NEXT:    %[[W:.*]] = graph.constant dense<{{.*}}> : tensor<2x1x1x2xf32>
// CHECK-NEXT:    %[[B:.*]] = graph.constant dense<{{.*}}> : tensor<2xf32>
// CHECK-NEXT:    %[[C:.*]] = graph.conv2d %arg0, %[[W]], %[[B]] {activation = "relu", name = "c"}
// CHECK-NEXT:    return %[[C]]
func.func @main(%x: tensor<1x1x3x3xf32>) -> tensor<1x2x3x2xf32> {
  %w = graph.constant dense<[[[[1.0], [2.0]]], [[[3.0], [-4.0]]]]> : tensor<2x1x2x1xf32>
  %wt = graph.transpose %w {perm = array<i64: 0, 1, 3, 2>} : (tensor<2x1x2x1xf32>) -> tensor<2x1x1x2xf32>
  %s = graph.constant dense<[2.0, 0.5]> : tensor<2xf32>
  %z = graph.constant dense<[0.0, 1.0]> : tensor<2xf32>
  %v = graph.constant dense<[1.0, 1.0]> : tensor<2xf32>
  %c = graph.conv2d %x, %wt {name = "c"} : (tensor<1x1x3x3xf32>, tensor<2x1x1x2xf32>) -> tensor<1x2x3x2xf32>
  %n = graph.batch_norm %c, %s, %z, %z, %v : (tensor<1x2x3x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x3x2xf32>
  %r = graph.relu %n : (tensor<1x2x3x2xf32>) -> tensor<1x2x3x2xf32>
  return %r : tensor<1x2x3x2xf32>
}
