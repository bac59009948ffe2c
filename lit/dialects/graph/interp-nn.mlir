// The interpreter's NN kernels (dialects/graph/interp_nn.c) and its
// driver through edge-run, on constants. Expected values are NumPy's.
//
// RUN: edge-run --interpret %s --func conv --print | FileCheck %s --check-prefix=CONV
// CONV:      result 0: 1x2x2x2xf32
// CONV-NEXT:   [12, 16, 24, 28, 6, 6, 6, 6]
// CONV-NEXT: result 1: 1x1x2x2xf32
// CONV-NEXT:   [1, 5, 11, 28]
//
// RUN: edge-run --interpret %s --func convt --print | FileCheck %s --check-prefix=CONVT
// CONVT:      result 0: 1x1x4x4xf32
// CONVT-NEXT:   [2, 2, 3, 3, 2, 2, 3, 3, 4, 4, 5, 5, 4, 4, 5, 5]
//
// RUN: edge-run --interpret %s --func mm --print | FileCheck %s --check-prefix=MM
// MM:      result 0: 2x2xf32
// MM-NEXT:   [19, 22, 43, 50]
// MM-NEXT: result 1: 2xf32
// MM-NEXT:   [7, 10]
// MM-NEXT: result 2: 2x2xf32
// MM-NEXT:   [9.5, 14.5, 20.5, 29.5]
//
// RUN: edge-run --interpret %s --func pool --print | FileCheck %s --check-prefix=POOL
// POOL:      result 0: 1x1x2x2xf32
// POOL-NEXT:   [5, 6, 8, 9]
// POOL-NEXT: result 1: 1x1x2x2xf32
// POOL-NEXT:   [3, 4.5, 7.5, 9]
// POOL-NEXT: result 2: 1x1x1x1xf32
// POOL-NEXT:   [5]
//
// RUN: edge-run --interpret %s --func norm --print | FileCheck %s --check-prefix=NORM
// NORM:      result 0: 1x2x1x2xf32
// NORM-NEXT:   [1, 3, 2, 1]
// NORM-NEXT: result 1: 2x2xf32
// NORM-NEXT:   [-0.99999{{[0-9]*}}, 1.99998{{[0-9]*}}, -0.99999{{[0-9]*}}, 1.99999{{[0-9]*}}]
// NORM-NEXT: result 2: 1x4xf32
// NORM-NEXT:   [0.25, 0.25, 0.25, 0.25]
// NORM-NEXT: result 3: 1x2xf32
// NORM-NEXT:   [-0.69314{{[0-9]*}}, -0.69314{{[0-9]*}}]
//
// Inputs are checked against the argument types.
// RUN: %python %S/../../tools/Inputs/edge-run-npy.py write %t.x.npy f4 3 1,2,3
// RUN: not edge-run --interpret %s --func arg --input %t.x.npy 2>&1 | FileCheck %s --check-prefix=ARG
// ARG: error: argument #0 expects f32 [2], got f32 [3]
//
// RUN: not edge-run --interpret %s --func unsupported 2>&1 | FileCheck %s --check-prefix=UNSUP
// UNSUP: error: 'arith.addf' op is unsupported by the interpreter

func.func @conv() -> (tensor<1x2x2x2xf32>, tensor<1x1x2x2xf32>) {
  %x = graph.constant dense<[[[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0],
                               [7.0, 8.0, 9.0]]]]> : tensor<1x1x3x3xf32>
  %w = graph.constant dense<[[[[1.0, 1.0], [1.0, 1.0]]],
                             [[[-1.0, 0.0], [0.0, 1.0]]]]>
      : tensor<2x1x2x2xf32>
  %b = graph.constant dense<[0.0, 2.0]> : tensor<2xf32>
  %y = graph.conv2d %x, %w, %b {activation = "relu"}
      : (tensor<1x1x3x3xf32>, tensor<2x1x2x2xf32>, tensor<2xf32>)
      -> tensor<1x2x2x2xf32>
  %w1 = graph.constant dense<1.0> : tensor<1x1x2x2xf32>
  %z = graph.conv2d %x, %w1 {strides = array<i64: 2, 2>,
      pads = array<i64: 1, 1, 1, 1>}
      : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  func.return %y, %z : tensor<1x2x2x2xf32>, tensor<1x1x2x2xf32>
}

func.func @convt() -> tensor<1x1x4x4xf32> {
  %x = graph.constant dense<[[[[1.0, 2.0], [3.0, 4.0]]]]>
      : tensor<1x1x2x2xf32>
  %w = graph.constant dense<1.0> : tensor<1x1x2x2xf32>
  %b = graph.constant dense<1.0> : tensor<1xf32>
  %y = graph.conv_transpose2d %x, %w, %b {strides = array<i64: 2, 2>}
      : (tensor<1x1x2x2xf32>, tensor<1x1x2x2xf32>, tensor<1xf32>)
      -> tensor<1x1x4x4xf32>
  func.return %y : tensor<1x1x4x4xf32>
}

func.func @mm() -> (tensor<2x2xf32>, tensor<2xf32>, tensor<2x2xf32>) {
  %a = graph.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %b = graph.constant dense<[[5.0, 6.0], [7.0, 8.0]]> : tensor<2x2xf32>
  %v = graph.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %c = graph.constant dense<[0.5, 1.5]> : tensor<2xf32>
  %y = graph.matmul %a, %b : (tensor<2x2xf32>, tensor<2x2xf32>)
      -> tensor<2x2xf32>
  %z = graph.matmul %v, %a : (tensor<2xf32>, tensor<2x2xf32>)
      -> tensor<2xf32>
  %g = graph.gemm %a, %b, %c {trans_b = true, alpha = 0.5 : f32,
      beta = 2.0 : f32}
      : (tensor<2x2xf32>, tensor<2x2xf32>, tensor<2xf32>) -> tensor<2x2xf32>
  func.return %y, %z, %g : tensor<2x2xf32>, tensor<2xf32>, tensor<2x2xf32>
}

func.func @pool() -> (tensor<1x1x2x2xf32>, tensor<1x1x2x2xf32>,
                      tensor<1x1x1x1xf32>) {
  %x = graph.constant dense<[[[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0],
                               [7.0, 8.0, 9.0]]]]> : tensor<1x1x3x3xf32>
  %m = graph.max_pool %x {kernel = array<i64: 2, 2>}
      : (tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32>
  %a = graph.avg_pool %x {kernel = array<i64: 2, 2>,
      strides = array<i64: 2, 2>, ceil_mode = true}
      : (tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32>
  %g = graph.global_avg_pool %x
      : (tensor<1x1x3x3xf32>) -> tensor<1x1x1x1xf32>
  func.return %m, %a, %g : tensor<1x1x2x2xf32>, tensor<1x1x2x2xf32>,
      tensor<1x1x1x1xf32>
}

func.func @norm() -> (tensor<1x2x1x2xf32>, tensor<2x2xf32>, tensor<1x4xf32>,
                      tensor<1x2xf32>) {
  %x = graph.constant dense<[[[[1.0, 2.0]], [[3.0, 4.0]]]]>
      : tensor<1x2x1x2xf32>
  %s = graph.constant dense<[2.0, -2.0]> : tensor<2xf32>
  %b = graph.constant dense<[1.0, 1.0]> : tensor<2xf32>
  %m = graph.constant dense<[1.0, 4.0]> : tensor<2xf32>
  %v = graph.constant dense<[1.0, 4.0]> : tensor<2xf32>
  %y = graph.batch_norm %x, %s, %b, %m, %v {epsilon = 0.0 : f32}
      : (tensor<1x2x1x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>,
         tensor<2xf32>) -> tensor<1x2x1x2xf32>
  %l = graph.constant dense<[[1.0, 3.0], [0.0, 10.0]]> : tensor<2x2xf32>
  %ls = graph.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %n = graph.layer_norm %l, %ls
      : (tensor<2x2xf32>, tensor<2xf32>) -> tensor<2x2xf32>
  %one = graph.constant dense<1.0> : tensor<1x4xf32>
  %sm = graph.softmax %one : (tensor<1x4xf32>) -> tensor<1x4xf32>
  %two = graph.constant dense<3.0> : tensor<1x2xf32>
  %lsm = graph.log_softmax %two : (tensor<1x2xf32>) -> tensor<1x2xf32>
  func.return %y, %n, %sm, %lsm : tensor<1x2x1x2xf32>, tensor<2x2xf32>,
      tensor<1x4xf32>, tensor<1x2xf32>
}

func.func @arg(%x: tensor<2xf32>) -> tensor<2xf32> {
  func.return %x : tensor<2xf32>
}

func.func @unsupported() -> tensor<2xf32> {
  %x = graph.constant dense<1.0> : tensor<2xf32>
  %y = arith.addf %x, %x : tensor<2xf32>
  func.return %y : tensor<2xf32>
}
