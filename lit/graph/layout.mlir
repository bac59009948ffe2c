// graph-layout: the knob layout.<site> (NCHW or NHWC, default the op's
// own) switches convs and pools; transposes between switched layers
// cancel through elementwise ops.
// RUN: edge-opt %s -graph-layout | FileCheck %s --check-prefix=KEEP
// RUN: edge-opt %s -graph-layout --knob 'layout.*=NHWC' | FileCheck %s --check-prefix=ALL
// RUN: edge-opt %s -graph-layout --knob layout.c2=NHWC | FileCheck %s --check-prefix=ONE
// RUN: edge-opt %s -graph-layout --list-knobs | FileCheck %s --check-prefix=SPACE
// RUN: edge-opt %s -graph-layout --knob layout.c2=NHWC | edge-opt -graph-layout --knob layout.c2=NCHW | FileCheck %s --check-prefix=KEEP
// RUN: edge-opt %s -graph-layout --knob 'layout.*=NHWC' | FileCheck %s --check-prefix=CAT

// KEEP-NOT:  graph.transpose
// KEEP:      graph.conv2d %arg0, %{{.*}}, %{{.*}} {name = "c1"}

// ALL:       %[[X:.*]] = graph.transpose %arg0 {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x2x4x4xf32>) -> tensor<1x4x4x2xf32>
// ALL-NEXT:  %[[C1:.*]] = graph.conv2d %[[X]], %{{.*}}, %{{.*}} {layout = "NHWC", name = "c1"} : (tensor<1x4x4x2xf32>, tensor<2x1x1x2xf32>, tensor<2xf32>) -> tensor<1x4x4x2xf32>
// ALL-NEXT:  %[[R:.*]] = graph.relu %[[C1]] : (tensor<1x4x4x2xf32>)
// ALL-NEXT:  %[[C2:.*]] = graph.conv2d %[[R]], %{{.*}} {layout = "NHWC", name = "c2", pads = array<i64: 0, 0, 1, 1>} : (tensor<1x4x4x2xf32>, tensor<2x2x2x2xf32>)
// ALL-NEXT:  %[[S:.*]] = graph.add %[[C2]], %[[R]] : (tensor<1x4x4x2xf32>, tensor<1x4x4x2xf32>)
// ALL-NEXT:  %[[M:.*]] = graph.mul %[[S]], %{{.*}} : (tensor<1x4x4x2xf32>, tensor<1x1x1x2xf32>)
// ALL-NEXT:  %[[P:.*]] = graph.max_pool %[[M]] {kernel = array<i64: 2, 2>, layout = "NHWC", name = "p"
// ALL-NEXT:  %[[G:.*]] = graph.global_avg_pool %[[P]] {layout = "NHWC", name = "g"} : (tensor<1x2x2x2xf32>) -> tensor<1x1x1x2xf32>
// ALL-NEXT:  %[[Y:.*]] = graph.transpose %[[G]] {perm = array<i64: 0, 3, 1, 2>} : (tensor<1x1x1x2xf32>) -> tensor<1x2x1x1xf32>
// ALL-NEXT:  return %[[Y]]

// ONE:       %[[X:.*]] = graph.transpose %[[R:.*]] {perm = array<i64: 0, 2, 3, 1>}
// ONE-NEXT:  %[[C2:.*]] = graph.conv2d %[[X]], %{{.*}} {layout = "NHWC", name = "c2"
// ONE-NEXT:  %[[Y:.*]] = graph.transpose %[[C2]] {perm = array<i64: 0, 3, 1, 2>}
// ONE-NEXT:  graph.add %[[Y]], %[[R]]
// ONE-NOT:   graph.transpose

// SPACE:     "name": "layout.c1",
// SPACE-NEXT: "domain": {"kind": "enum", "names": ["NCHW", "NHWC"]},
// SPACE-NEXT: "default": "NCHW",
// SPACE:     "name": "layout.c2",
// SPACE:     "name": "layout.g",
// SPACE:     "name": "layout.p",
func.func @main(%x: tensor<1x2x4x4xf32>) -> tensor<1x2x1x1xf32> {
  %w1 = graph.constant dense<[[[[0.5]], [[-1.0]]], [[[2.0]], [[0.25]]]]> : tensor<2x2x1x1xf32>
  %w2 = graph.constant dense<[[[[0.5, 1.0], [-1.0, 0.5]], [[0.25, 0.5], [1.0, -2.0]]], [[[1.0, 0.0], [0.5, 0.5]], [[-0.5, 1.5], [0.25, 1.0]]]]> : tensor<2x2x2x2xf32>
  %b = graph.constant dense<[0.1, -0.2]> : tensor<2xf32>
  %k = graph.constant dense<[[[[1.0]], [[2.0]]]]> : tensor<1x2x1x1xf32>
  %c1 = graph.conv2d %x, %w1, %b {name = "c1"} : (tensor<1x2x4x4xf32>, tensor<2x2x1x1xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32>
  %r = graph.relu %c1 : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %c2 = graph.conv2d %r, %w2 {name = "c2", pads = array<i64: 0, 0, 1, 1>} : (tensor<1x2x4x4xf32>, tensor<2x2x2x2xf32>) -> tensor<1x2x4x4xf32>
  %s = graph.add %c2, %r : (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %m = graph.mul %s, %k : (tensor<1x2x4x4xf32>, tensor<1x2x1x1xf32>) -> tensor<1x2x4x4xf32>
  %p = graph.max_pool %m {name = "p", kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x2x4x4xf32>) -> tensor<1x2x2x2xf32>
  %g = graph.global_avg_pool %p {name = "g"} : (tensor<1x2x2x2xf32>) -> tensor<1x2x1x1xf32>
  return %g : tensor<1x2x1x1xf32>
}

// Two NHWC convs concatenated on channels: the concat moves to axis 3,
// one transpose remains after it.
// CAT-LABEL: func.func @cat
// CAT:         %[[A:.*]] = graph.conv2d {{.*}}name = "ca"
// CAT-NEXT:    %[[B:.*]] = graph.conv2d {{.*}}name = "cb"
// CAT-NEXT:    %[[C:.*]] = graph.concat %[[A]], %[[B]] {axis = 3 : i64} : (tensor<1x2x2x1xf32>, tensor<1x2x2x1xf32>) -> tensor<1x2x2x2xf32>
// CAT-NEXT:    %[[T:.*]] = graph.transpose %[[C]] {perm = array<i64: 0, 3, 1, 2>}
// CAT-NEXT:    return %[[T]]
func.func @cat(%x: tensor<1x1x2x2xf32>) -> tensor<1x2x2x2xf32> {
  %w = graph.constant dense<2.0> : tensor<1x1x1x1xf32>
  %a = graph.conv2d %x, %w {name = "ca"} : (tensor<1x1x2x2xf32>, tensor<1x1x1x1xf32>) -> tensor<1x1x2x2xf32>
  %b = graph.conv2d %x, %w {name = "cb"} : (tensor<1x1x2x2xf32>, tensor<1x1x1x1xf32>) -> tensor<1x1x2x2xf32>
  %c = graph.concat %a, %b {axis = 1 : i64} : (tensor<1x1x2x2xf32>, tensor<1x1x2x2xf32>) -> tensor<1x2x2x2xf32>
  return %c : tensor<1x2x2x2xf32>
}
