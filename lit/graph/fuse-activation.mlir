// graph-fuse-activation: activations fuse into the op before them; the
// knob fuse.<site> (bool, default true) turns one site off, given on the
// command line or in a knob file.
// RUN: edge-opt %s -graph-fuse-activation | FileCheck %s
// RUN: edge-opt %s -graph-fuse-activation --knob fuse.c1=false | FileCheck %s --check-prefix=OFF
// RUN: echo '{"fuse.c1": false}' > %t.json
// RUN: edge-opt %s -graph-fuse-activation --knobs %t.json | FileCheck %s --check-prefix=OFF
// RUN: edge-opt %s -graph-fuse-activation --list-knobs | FileCheck %s --check-prefix=SPACE

// CHECK-LABEL: func.func @conv
// CHECK:         %[[C:.*]] = graph.conv2d %arg0, %{{.*}} {activation = "relu", name = "c1", pads
// CHECK:         %[[T:.*]] = graph.conv_transpose2d %arg0, %{{.*}} {activation = "relu6", name = "t1"
// CHECK:         return %[[C]], %[[T]]
// OFF-LABEL:   func.func @conv
// OFF:           %[[C:.*]] = graph.conv2d %arg0, %{{.*}} {name = "c1", pads
// OFF:           %[[R:.*]] = graph.relu %[[C]]
// OFF:           %[[T:.*]] = graph.conv_transpose2d %arg0, %{{.*}} {activation = "relu6", name = "t1"
// OFF:           return %[[R]], %[[T]]
// SPACE:         "name": "fuse.c1",
// SPACE-NEXT:    "domain": {"kind": "bool"},
// SPACE-NEXT:    "default": true,
// SPACE:         "asker": "graph.fuse-activation",
// SPACE:         "name": "fuse.t1",
func.func @conv(%x: tensor<1x1x3x3xf32>) -> (tensor<1x1x3x3xf32>, tensor<1x1x5x5xf32>) {
  %w = graph.constant dense<[[[[0.5, -1.0], [2.0, 0.25]]]]> : tensor<1x1x2x2xf32>
  %c = graph.conv2d %x, %w {name = "c1", pads = array<i64: 0, 0, 1, 1>} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x3x3xf32>
  %r = graph.relu %c : (tensor<1x1x3x3xf32>) -> tensor<1x1x3x3xf32>
  %t = graph.conv_transpose2d %x, %w {name = "t1", strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 1, 1>} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x5x5xf32>
  %s = graph.clip %t {min = 0.0 : f32, max = 6.0 : f32} : (tensor<1x1x5x5xf32>) -> tensor<1x1x5x5xf32>
  return %r, %s : tensor<1x1x3x3xf32>, tensor<1x1x5x5xf32>
}

// CHECK-LABEL: func.func @kinds
// CHECK:         graph.matmul %arg0, %arg1 {act_max = 5.000000e-01 : f32, act_min = -1.000000e+00 : f32, activation = "clip"}
// CHECK:         graph.gemm %arg0, %arg1 {act_alpha = 2.000000e-01 : f32, activation = "leaky_relu"}
// CHECK:         graph.add %arg0, %arg1 {activation = "sigmoid"}
// CHECK:         graph.add %arg1, %arg0 {activation = "tanh"}
// CHECK:         graph.add %arg0, %arg0 {activation = "hard_swish"}
// CHECK-NOT:     graph.clip
// CHECK-NOT:     graph.leaky_relu
// CHECK-NOT:     graph.sigmoid
// CHECK-NOT:     graph.tanh
// CHECK-NOT:     graph.hard_swish
func.func @kinds(%x: tensor<4x4xf32>, %y: tensor<4x4xf32>) -> (tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>) {
  %0 = graph.matmul %x, %y : (tensor<4x4xf32>, tensor<4x4xf32>) -> tensor<4x4xf32>
  %1 = graph.clip %0 {min = -1.0 : f32, max = 0.5 : f32} : (tensor<4x4xf32>) -> tensor<4x4xf32>
  %2 = graph.gemm %x, %y : (tensor<4x4xf32>, tensor<4x4xf32>) -> tensor<4x4xf32>
  %3 = graph.leaky_relu %2 {alpha = 0.2 : f32} : (tensor<4x4xf32>) -> tensor<4x4xf32>
  %4 = graph.add %x, %y : (tensor<4x4xf32>, tensor<4x4xf32>) -> tensor<4x4xf32>
  %5 = graph.sigmoid %4 : (tensor<4x4xf32>) -> tensor<4x4xf32>
  %6 = graph.add %y, %x : (tensor<4x4xf32>, tensor<4x4xf32>) -> tensor<4x4xf32>
  %7 = graph.tanh %6 : (tensor<4x4xf32>) -> tensor<4x4xf32>
  %8 = graph.add %x, %x : (tensor<4x4xf32>, tensor<4x4xf32>) -> tensor<4x4xf32>
  %9 = graph.hard_swish %8 : (tensor<4x4xf32>) -> tensor<4x4xf32>
  return %1, %3, %5, %7, %9 : tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>
}

// Not fused: the producer has two users, already has an activation, or is
// not a producer (sub).
// CHECK-LABEL: func.func @no_fuse
// CHECK:         graph.relu
// CHECK:         graph.sigmoid
// CHECK:         graph.relu
func.func @no_fuse(%x: tensor<4xf32>, %y: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %a = graph.add %x, %y : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %r = graph.relu %a : (tensor<4xf32>) -> tensor<4xf32>
  %b = graph.add %x, %y {activation = "relu"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %s = graph.sigmoid %b : (tensor<4xf32>) -> tensor<4xf32>
  %c = graph.sub %x, %y : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %t = graph.relu %c : (tensor<4xf32>) -> tensor<4xf32>
  return %a, %r, %s, %t : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}
