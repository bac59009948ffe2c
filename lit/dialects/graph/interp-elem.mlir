// The interpreter's elementwise, reduction, data-movement and resize
// kernels (dialects/graph/interp_elem.c) through edge-run, on constants.
// Expected values are NumPy's (ONNX's reference Resize for resize).
//
// RUN: edge-run --interpret %s --func bcast --print | FileCheck %s --check-prefix=BCAST
// BCAST:      result 0: 2x3xf32
// BCAST-NEXT:   [0, 1, 2, 3.5, 0, 5.5]
// BCAST-NEXT: result 1: 2x3xf32
// BCAST-NEXT:   [-1, 0, 1, 2, 9, 2]
//
// RUN: edge-run --interpret %s --func ints --print | FileCheck %s --check-prefix=INTS
// INTS:      result 0: 4xi8
// INTS-NEXT:   [-3, -3, -128, 2]
// INTS-NEXT: result 1: 4xi8
// INTS-NEXT:   [-56, -14, 2, 6]
// INTS-NEXT: result 2: 4xi8
// INTS-NEXT:   [-7, -7, -128, 3]
//
// RUN: not edge-run --interpret %s --func divzero 2>&1 | FileCheck %s --check-prefix=DIVZERO
// DIVZERO: error: 'graph.div' op integer division by zero
//
// RUN: edge-run --interpret %s --func act --print | FileCheck %s --check-prefix=ACT
// ACT:      result 0: 4xf32
// ACT-NEXT:   [-0.004049{{[0-9]*}}, -0.15426{{[0-9]*}}, 0.84134{{[0-9]*}}, 3.9998{{[0-9]*}}]
// ACT-NEXT: result 1: 4xf32
// ACT-NEXT:   [0, 0.25, 0.700000{{[0-9]*}}, 1]
// ACT-NEXT: result 2: 4xf32
// ACT-NEXT:   [-0, -0.208333{{[0-9]*}}, 0.666666{{[0-9]*}}, 4]
//
// RUN: edge-run --interpret %s --func reduce --print | FileCheck %s --check-prefix=REDUCE
// REDUCE:      result 0: 2x1xf32
// REDUCE-NEXT:   [2, 5]
// REDUCE-NEXT: result 1: 3xf32
// REDUCE-NEXT:   [4, 5, 6]
//
// RUN: edge-run --interpret %s --func move --print | FileCheck %s --check-prefix=MOVE
// MOVE:      result 0: 2x2xi32
// MOVE-NEXT:   [6, 4, 3, 1]
// MOVE-NEXT: result 1: 4x7xi32
// MOVE-NEXT:   [6, 5, 4, 5, 6, 5, 4, 3, 2, 1, 2, 3, 2, 1, 6, 5, ... (12 more)]
// MOVE-NEXT: result 2: 2x2xi32
// MOVE-NEXT:   [3, 1, 6, 4]
// MOVE-NEXT: result 3: 3x2xi32
// MOVE-NEXT:   [1, 4, 2, 5, 3, 6]
//
// RUN: not edge-run --interpret %s --func badindex 2>&1 | FileCheck %s --check-prefix=BADINDEX
// BADINDEX: error: 'graph.gather' op index -4 is out of range for axis 1 of size 3
//
// RUN: edge-run --interpret %s --func resize --print | FileCheck %s --check-prefix=RESIZE
// RESIZE:      result 0: 1x1x2x4xf32
// RESIZE-NEXT:   [1, 1, 2, 2, 3, 3, 4, 4]
// RESIZE-NEXT: result 1: 1x1x1x2xf32
// RESIZE-NEXT:   [1, 3.14285{{[0-9]*}}]

func.func @bcast() -> (tensor<2x3xf32>, tensor<2x3xf32>) {
  %a = graph.constant dense<[[-1.0, 0.0, 1.0], [2.0, -3.0, 4.0]]> : tensor<2x3xf32>
  %b = graph.constant dense<[[1.0], [1.5]]> : tensor<2x1xf32>
  %c = graph.constant dense<[1.0, 2.0, 0.5]> : tensor<3xf32>
  %ab = graph.add %a, %b {activation = "relu"}
      : (tensor<2x3xf32>, tensor<2x1xf32>) -> tensor<2x3xf32>
  %ac = graph.mul %a, %c : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %m = graph.max %ac, %a : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %p = graph.pow %m, %c : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  func.return %ab, %p : tensor<2x3xf32>, tensor<2x3xf32>
}

func.func @ints() -> (tensor<4xi8>, tensor<4xi8>, tensor<4xi8>) {
  %a = graph.constant dense<[-7, 7, -128, 5]> : tensor<4xi8>
  %b = graph.constant dense<[2, -2, -1, 2]> : tensor<4xi8>
  %c = graph.constant dense<[100, -7, 1, 3]> : tensor<4xi8>
  %q = graph.div %a, %b : (tensor<4xi8>, tensor<4xi8>) -> tensor<4xi8>
  %s = graph.add %c, %c : (tensor<4xi8>, tensor<4xi8>) -> tensor<4xi8>
  %m = graph.min %a, %c : (tensor<4xi8>, tensor<4xi8>) -> tensor<4xi8>
  func.return %q, %s, %m : tensor<4xi8>, tensor<4xi8>, tensor<4xi8>
}

func.func @divzero() -> tensor<2xi32> {
  %a = graph.constant dense<[1, 2]> : tensor<2xi32>
  %b = graph.constant dense<[1, 0]> : tensor<2xi32>
  %q = graph.div %a, %b : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  func.return %q : tensor<2xi32>
}

func.func @act() -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %x = graph.constant dense<[-3.0, -0.5, 1.0, 4.0]> : tensor<4xf32>
  %g = graph.gelu %x : (tensor<4xf32>) -> tensor<4xf32>
  %h = graph.hard_sigmoid %x {alpha = 3.0e-01 : f32, beta = 4.0e-01 : f32}
      : (tensor<4xf32>) -> tensor<4xf32>
  %s = graph.hard_swish %x : (tensor<4xf32>) -> tensor<4xf32>
  func.return %g, %h, %s : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

func.func @reduce() -> (tensor<2x1xf32>, tensor<3xf32>) {
  %x = graph.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %m = graph.reduce_mean %x {axes = array<i64: -1>}
      : (tensor<2x3xf32>) -> tensor<2x1xf32>
  %r = graph.reduce_max %x {axes = array<i64: 0>, keepdims = false}
      : (tensor<2x3xf32>) -> tensor<3xf32>
  func.return %m, %r : tensor<2x1xf32>, tensor<3xf32>
}

func.func @move() -> (tensor<2x2xi32>, tensor<4x7xi32>, tensor<2x2xi32>,
                      tensor<3x2xi32>) {
  %x = graph.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi32>
  %s = graph.slice %x {starts = array<i64: -1, 10>, ends = array<i64: -10, -4>,
                       steps = array<i64: -1, -2>}
      : (tensor<2x3xi32>) -> tensor<2x2xi32>
  %p = graph.pad %x {pads = array<i64: 1, 2, 1, 2>, mode = "reflect"}
      : (tensor<2x3xi32>) -> tensor<4x7xi32>
  %i = graph.constant dense<[-1, 0]> : tensor<2xi64>
  %g = graph.gather %x, %i {axis = 1 : i64}
      : (tensor<2x3xi32>, tensor<2xi64>) -> tensor<2x2xi32>
  %t = graph.transpose %x : (tensor<2x3xi32>) -> tensor<3x2xi32>
  func.return %s, %p, %g, %t : tensor<2x2xi32>, tensor<4x7xi32>,
      tensor<2x2xi32>, tensor<3x2xi32>
}

func.func @badindex() -> tensor<2x1xi32> {
  %x = graph.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi32>
  %i = graph.constant dense<[-4]> : tensor<1xi32>
  %g = graph.gather %x, %i {axis = 1 : i64}
      : (tensor<2x3xi32>, tensor<1xi32>) -> tensor<2x1xi32>
  func.return %g : tensor<2x1xi32>
}

func.func @resize() -> (tensor<1x1x2x4xf32>, tensor<1x1x1x2xf32>) {
  %x = graph.constant dense<[[[[1.0, 2.0], [3.0, 4.0]]]]> : tensor<1x1x2x2xf32>
  %n = graph.resize %x {coordinate_transformation_mode = "asymmetric",
                        nearest_mode = "floor"}
      : (tensor<1x1x2x2xf32>) -> tensor<1x1x2x4xf32>
  %y = graph.constant dense<[[[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]]]]>
      : tensor<1x1x2x4xf32>
  %l = graph.resize %y {mode = "linear",
                        coordinate_transformation_mode = "align_corners",
                        scales = array<f64: 0.6, 0.6>}
      : (tensor<1x1x2x4xf32>) -> tensor<1x1x1x2xf32>
  func.return %n, %l : tensor<1x1x2x4xf32>, tensor<1x1x1x2xf32>
}
