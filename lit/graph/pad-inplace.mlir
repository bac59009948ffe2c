// graph.pad through tl-bufferize: a pad's source produced by tl ops and
// used only by the pad is computed straight into the interior of the
// padded buffer (a memref.subview), which is allocated and filled with the
// pad value before its first writer: no tl.copy, no buffer of its own. The
// chain up from the source moves along (the bias broadcast and the
// convolution accumulating into it, the activation over it in place),
// each writer and reader taking a view of its own. An argument or a value
// used elsewhere is still copied. Then the compiled results (with and
// without tl-fuse) must match the interpreter's.
//
// RUN: edge-opt %s --pass-pipeline='builtin.module(graph-optimize,func.func(graph-layout,graph-to-tl),tl-bufferize{report=true})' 2>%t.report | FileCheck %s
// RUN: FileCheck %s --check-prefix=REPORT < %t.report
//
// REPORT: tl-bufferize @chain: allocs=1 in-place=3 copies=0 fills=1
// REPORT: tl-bufferize @pool: allocs=1 in-place=2 copies=0 fills=2
// REPORT: tl-bufferize @arg: allocs=1 in-place=1 copies=1 fills=1
// REPORT: tl-bufferize @twice: allocs=3 in-place=1 copies=1 fills=1
//
// Numbers: each function compiled (default pipeline; every tl-fuse edge
// fused) against the interpreter.
// RUN: %python %S/../dialects/graph/Inputs/npy-write.py %t.x.npy 1 "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2, 5, 5), }" 000030c0000080bf0000403f000020400000c0bf0000803e00000040000000c0000080be0000c03f000020c0000040bf0000803f000030400000a0bf0000003f000010400000e0bf000000000000e03f000010c0000000bf0000a03f000030c0000080bf0000403f000020400000c0bf0000803e00000040000000c0000080be0000c03f000020c0000040bf0000803f000030400000a0bf0000003f000010400000e0bf000000000000e03f000010c0000000bf0000a03f000030c0000080bf0000403f00002040
// RUN: edge-opt %s --pass-pipeline='builtin.module(graph-optimize,func.func(graph-layout,graph-to-tl),tl-bufferize,func.func(tl-fuse,tl-to-loops))' --knob 'tl-fuse.*=true' -o %t.fused.mlir
// RUN: edge-run --interpret %s --func chain --input %t.x.npy --output %t.chain.npy > /dev/null
// RUN: edge-run --compile %s --func chain --input %t.x.npy --check %t.chain.npy --rtol 0 --atol 0 | FileCheck %s --check-prefix=OK
// RUN: edge-run --compile %t.fused.mlir --func chain --input %t.x.npy --check %t.chain.npy --rtol 0 --atol 0 | FileCheck %s --check-prefix=OK
// RUN: edge-run --interpret %s --func pool --input %t.x.npy --output %t.pool.npy > /dev/null
// RUN: edge-run --compile %s --func pool --input %t.x.npy --check %t.pool.npy --rtol 0 --atol 0 | FileCheck %s --check-prefix=OK
// RUN: edge-run --compile %t.fused.mlir --func pool --input %t.x.npy --check %t.pool.npy --rtol 0 --atol 0 | FileCheck %s --check-prefix=OK
// RUN: edge-run --interpret %s --func twice --input %t.x.npy --output %t.twice.npy > /dev/null
// RUN: edge-run --compile %s --func twice --input %t.x.npy --check %t.twice.npy --rtol 0 --atol 0 | FileCheck %s --check-prefix=OK
// OK: result 0: ok (

// A depthwise convolution with bias and relu, padded for the next
// convolution: the padded buffer is made and filled first, the bias, the
// convolution and the relu write its interior.
// CHECK-LABEL: func.func @chain(
// CHECK:         %[[B:.*]] = memref.alloc() : memref<1x2x6x6xf32>
// CHECK-NEXT:    %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT:    tl.fill ins(%[[Z]] : f32) outs(%[[B]] : memref<1x2x6x6xf32>)
// CHECK-NEXT:    %[[S0:.*]] = memref.subview %[[B]][0, 0, 1, 1] [1, 2, 4, 4] [1, 1, 1, 1] : memref<1x2x6x6xf32> to memref<1x2x4x4xf32, strided<[72, 36, 6, 1], offset: 7>>
// CHECK-NEXT:    tl.generic {{.*}} outs(%[[S0]] :
// CHECK:         %[[S1:.*]] = memref.subview %[[B]][0, 0, 1, 1] [1, 2, 4, 4]
// CHECK-NEXT:    tl.depthwise_conv2d {{.*}} ins(%arg0, %{{.*}} : memref<1x2x5x5xf32>, memref<2x2x2xf32>) outs(%[[S1]] :
// CHECK-NEXT:    %[[S2:.*]] = memref.subview %[[B]][0, 0, 1, 1] [1, 2, 4, 4]
// CHECK-NEXT:    %[[S3:.*]] = memref.subview %[[B]][0, 0, 1, 1] [1, 2, 4, 4]
// CHECK-NEXT:    tl.elementwise {kind = "relu"{{.*}}} ins(%[[S2]] : {{.*}}) outs(%[[S3]] :
// CHECK-NOT:     tl.copy
// CHECK:         tl.conv2d {{.*}} ins(%[[B]], %{{.*}} : memref<1x2x6x6xf32>, memref<3x2x3x3xf32>) outs(%arg1 :
// CHECK-NEXT:    memref.dealloc %[[B]] : memref<1x2x6x6xf32>
// CHECK-NEXT:    return
func.func @chain(%x: tensor<1x2x5x5xf32>) -> tensor<1x3x4x4xf32> {
  %w1 = graph.constant dense<[[[[0.5, -1.0], [2.0, 0.25]]], [[[1.5, -0.5], [0.75, -2.0]]]]> : tensor<2x1x2x2xf32>
  %b1 = graph.constant dense<[0.125, -0.25]> : tensor<2xf32>
  %w2 = graph.constant dense<0.375> : tensor<3x2x3x3xf32>
  %b2 = graph.constant dense<[1.0, -1.0, 0.5]> : tensor<3xf32>
  %c = graph.conv2d %x, %w1, %b1 {name = "c1", groups = 2 : i64, activation = "relu"} : (tensor<1x2x5x5xf32>, tensor<2x1x2x2xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32>
  %y = graph.conv2d %c, %w2, %b2 {name = "c2", pads = array<i64: 1, 1, 1, 1>} : (tensor<1x2x4x4xf32>, tensor<3x2x3x3xf32>, tensor<3xf32>) -> tensor<1x3x4x4xf32>
  return %y : tensor<1x3x4x4xf32>
}

// Max pooling pads with -inf: that fill comes first, then the zero init
// of the bias-free convolution in the interior.
// CHECK-LABEL: func.func @pool(
// CHECK:         %[[B:.*]] = memref.alloc() : memref<1x2x6x6xf32>
// CHECK-NEXT:    %[[NINF:.*]] = arith.constant 0xFF800000 : f32
// CHECK-NEXT:    tl.fill ins(%[[NINF]] : f32) outs(%[[B]] :
// CHECK-NEXT:    %[[S0:.*]] = memref.subview %[[B]][0, 0, 1, 1] [1, 2, 4, 4]
// CHECK-NEXT:    %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT:    tl.fill ins(%[[Z]] : f32) outs(%[[S0]] :
// CHECK-NEXT:    tl.depthwise_conv2d {{.*}} outs(%[[S0]] :
// CHECK-NOT:     tl.copy
// CHECK:         tl.pool {{.*}} ins(%[[B]] : memref<1x2x6x6xf32>)
// CHECK-NEXT:    memref.dealloc %[[B]]
func.func @pool(%x: tensor<1x2x5x5xf32>) -> tensor<1x2x2x2xf32> {
  %w1 = graph.constant dense<[[[[0.5, -1.0], [2.0, 0.25]]], [[[1.5, -0.5], [0.75, -2.0]]]]> : tensor<2x1x2x2xf32>
  %c = graph.conv2d %x, %w1 {name = "c1", groups = 2 : i64} : (tensor<1x2x5x5xf32>, tensor<2x1x2x2xf32>) -> tensor<1x2x4x4xf32>
  %n = graph.neg %c : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %p = graph.max_pool %n {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x2x4x4xf32>) -> tensor<1x2x2x2xf32>
  return %p : tensor<1x2x2x2xf32>
}

// An argument is copied into the interior.
// CHECK-LABEL: func.func @arg(
// CHECK:         %[[S:.*]] = memref.subview
// CHECK-NEXT:    tl.copy ins(%arg0 : memref<1x2x5x5xf32>) outs(%[[S]] :
func.func @arg(%x: tensor<1x2x5x5xf32>) -> tensor<1x2x3x3xf32> {
  %p = graph.max_pool %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x2x5x5xf32>) -> tensor<1x2x3x3xf32>
  return %p : tensor<1x2x3x3xf32>
}

// So is a value used after the pad too: the relu keeps its buffer.
// CHECK-LABEL: func.func @twice(
// CHECK-NEXT:    %[[R:.*]] = memref.alloc() : memref<1x2x5x5xf32>
// CHECK-NEXT:    tl.elementwise {kind = "relu"} ins(%arg0 : memref<1x2x5x5xf32>) outs(%[[R]] :
// CHECK:         %[[S:.*]] = memref.subview
// CHECK-NEXT:    tl.copy ins(%[[R]] : memref<1x2x5x5xf32>) outs(%[[S]] :
func.func @twice(%x: tensor<1x2x5x5xf32>) -> tensor<1x2x5x5xf32> {
  %r = graph.relu %x : (tensor<1x2x5x5xf32>) -> tensor<1x2x5x5xf32>
  %p = graph.max_pool %r {kernel = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x2x5x5xf32>) -> tensor<1x2x5x5xf32>
  %s = graph.add %p, %r : (tensor<1x2x5x5xf32>, tensor<1x2x5x5xf32>) -> tensor<1x2x5x5xf32>
  return %s : tensor<1x2x5x5xf32>
}
