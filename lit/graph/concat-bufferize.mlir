// graph.concat through the default lowering (graph-optimize, graph-layout,
// graph-to-tl, tl-bufferize): an operand produced by a tl op used only by
// the concat is computed straight into its part of the concat's buffer (a
// memref.subview), any other operand (an argument, a value used twice) is
// copied there with tl.copy; a returned concat's buffer is the out-param;
// nested concats nest subviews. graph.slice / graph.gather (constant
// indices) / graph.resize (nearest) become tl.generic copies, or (a slice
// whose window starts at 0 along a shortened dim) a tl.copy from a strided
// subview. Then the compiled results must match the interpreter's.
//
// RUN: edge-opt %s --pass-pipeline='builtin.module(graph-optimize,func.func(graph-layout,graph-to-tl),tl-bufferize{report=true})' 2>%t.report | FileCheck %s
// RUN: FileCheck %s --check-prefix=REPORT < %t.report
// RUN: edge-opt %s --pass-pipeline='builtin.module(graph-optimize,func.func(graph-layout,graph-to-tl),tl-bufferize,func.func(tl-fuse,tl-to-loops))' | edge-opt -o /dev/null
//
// REPORT: tl-bufferize @axis1: allocs=0 in-place=1 copies=1 fills=0
// REPORT: tl-bufferize @last: allocs=1 in-place=2 copies=0 fills=0
// REPORT: tl-bufferize @nested: allocs=2 in-place=4 copies=2 fills=0
// REPORT: tl-bufferize @int8: allocs=1 in-place=2 copies=0 fills=0
// REPORT: tl-bufferize @moves: allocs=1 in-place=3 copies=4 fills=0
// REPORT: tl-bufferize @resize: allocs=0 in-place=2 copies=0 fills=0
//
// Numbers: each function compiled against the interpreter.
// RUN: %python %S/../dialects/graph/Inputs/npy-write.py %t.a.npy 1 "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3, 4), }" 9a9939c09a9929c09a9919c09a9909c03433f3bf3433d3bf3433b3bf343393bf686666bf686626bfd0ccccbea09919bec0cccc3d3033b33e9899193f9899593fcccc8c3fccccac3fcccccc3fccccec3f66660640666616406666264066663640
// RUN: %python %S/../dialects/graph/Inputs/npy-write.py %t.b.npy 1 "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3, 4), }" 3433734002006040cecc4c409a9939406866264034331340020000409c99d93f3433b33fd0cc8c3fd0cc4c3f0400003fe0cc4c3ec0ccccbdc8ccccbe303333bffcff7fbf6566a6bfccccccbf3233f3bfcccc0cc0000020c0333333c0666646c0
// RUN: %python %S/../dialects/graph/Inputs/npy-write.py %t.x.npy 1 "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2, 2, 3), }" 000020c0000000c00000c0bf000080bf000000bf000000000000003f0000803f0000c03f000000400000204000004040
// RUN: edge-run --interpret %s --func axis1 --input %t.a.npy --input %t.b.npy --output %t.axis1.npy > /dev/null
// RUN: edge-run --compile %s --func axis1 --input %t.a.npy --input %t.b.npy --check %t.axis1.npy --rtol 1e-6 --atol 1e-6 | FileCheck %s --check-prefix=OK
// RUN: edge-run --interpret %s --func last --input %t.a.npy --input %t.b.npy --output %t.last.npy > /dev/null
// RUN: edge-run --compile %s --func last --input %t.a.npy --input %t.b.npy --check %t.last.npy --rtol 1e-6 --atol 1e-6 | FileCheck %s --check-prefix=OK
// RUN: edge-run --interpret %s --func nested --input %t.a.npy --input %t.b.npy --output %t.nested.npy > /dev/null
// RUN: edge-run --compile %s --func nested --input %t.a.npy --input %t.b.npy --check %t.nested.npy --rtol 1e-6 --atol 1e-6 | FileCheck %s --check-prefix=OK
// RUN: edge-run --interpret %s --func int8 --input %t.a.npy --input %t.b.npy --output %t.int8.npy > /dev/null
// RUN: edge-run --compile %s --func int8 --input %t.a.npy --input %t.b.npy --check %t.int8.npy --rtol 1e-6 --atol 1e-6 | FileCheck %s --check-prefix=OK
// RUN: edge-run --interpret %s --func moves --input %t.a.npy --input %t.b.npy --output %t.moves.npy > /dev/null
// RUN: edge-run --compile %s --func moves --input %t.a.npy --input %t.b.npy --check %t.moves.npy --rtol 1e-6 --atol 1e-6 | FileCheck %s --check-prefix=OK
// RUN: edge-run --interpret %s --func resize --input %t.x.npy --output %t.resize.npy > /dev/null
// RUN: edge-run --compile %s --func resize --input %t.x.npy --check %t.resize.npy --rtol 0 --atol 0 | FileCheck %s --check-prefix=OK1
// OK: result 0: ok (
// OK1: result 0: ok (96 elements

// The maps of the data movement copies (printed first).
// CHECK-DAG: #[[REV:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2 * -2 + 3)>
// CHECK-DAG: #[[G:.*]] = affine_map<(d0, d1, d2) -> (d0, 1, d2)>
// CHECK-DAG: #[[UP:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2 floordiv 2, d3 floordiv 2)>

// Returned: the out-param is the concat's buffer; the relu writes its
// first half, the argument is copied into the second.
// CHECK-LABEL: func.func @axis1(%arg0: memref<2x3x4xf32>, %arg1: memref<2x3x4xf32>, %arg2: memref<2x6x4xf32>) {
// CHECK-NEXT:    %[[S0:.*]] = memref.subview %arg2[0, 0, 0] [2, 3, 4] [1, 1, 1] : memref<2x6x4xf32> to memref<2x3x4xf32, strided<[24, 4, 1]>>
// CHECK-NEXT:    tl.elementwise {kind = "relu"{{.*}}} ins(%arg0 : memref<2x3x4xf32>) outs(%[[S0]] : memref<2x3x4xf32, strided<[24, 4, 1]>>)
// CHECK-NEXT:    %[[S1:.*]] = memref.subview %arg2[0, 3, 0] [2, 3, 4] [1, 1, 1] : memref<2x6x4xf32> to memref<2x3x4xf32, strided<[24, 4, 1], offset: 12>>
// CHECK-NEXT:    tl.copy ins(%arg1 : memref<2x3x4xf32>) outs(%[[S1]] : memref<2x3x4xf32, strided<[24, 4, 1], offset: 12>>)
// CHECK-NEXT:    return
func.func @axis1(%a: tensor<2x3x4xf32>, %b: tensor<2x3x4xf32>) -> tensor<2x6x4xf32> {
  %r = graph.relu %a : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  %c = graph.concat %r, %b {axis = 1 : i64} : (tensor<2x3x4xf32>, tensor<2x3x4xf32>) -> tensor<2x6x4xf32>
  return %c : tensor<2x6x4xf32>
}

// Negative axis, both operands computed in place; the buffer is allocated
// before the first producer and freed after its reader.
// CHECK-LABEL: func.func @last(
// CHECK-NEXT:    %[[B:.*]] = memref.alloc() : memref<2x3x8xf32>
// CHECK-NEXT:    %[[S0:.*]] = memref.subview %[[B]][0, 0, 0] [2, 3, 4] [1, 1, 1] : memref<2x3x8xf32> to memref<2x3x4xf32, strided<[24, 8, 1]>>
// CHECK-NEXT:    tl.elementwise {kind = "relu"{{.*}}} ins(%arg0 : memref<2x3x4xf32>) outs(%[[S0]] :
// CHECK-NEXT:    %[[S1:.*]] = memref.subview %[[B]][0, 0, 4] [2, 3, 4] [1, 1, 1] : memref<2x3x8xf32> to memref<2x3x4xf32, strided<[24, 8, 1], offset: 4>>
// CHECK-NEXT:    tl.elementwise {kind = "neg"{{.*}}} ins(%arg1 : memref<2x3x4xf32>) outs(%[[S1]] :
// CHECK-NEXT:    tl.elementwise {kind = "tanh"{{.*}}} ins(%[[B]] : memref<2x3x8xf32>) outs(%arg2 : memref<2x3x8xf32>)
// CHECK-NEXT:    memref.dealloc %[[B]] : memref<2x3x8xf32>
// CHECK-NEXT:    return
func.func @last(%a: tensor<2x3x4xf32>, %b: tensor<2x3x4xf32>) -> tensor<2x3x8xf32> {
  %r = graph.relu %a : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  %n = graph.neg %b : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  %c = graph.concat %r, %n {axis = -1 : i64} : (tensor<2x3x4xf32>, tensor<2x3x4xf32>) -> tensor<2x3x8xf32>
  %t = graph.tanh %c : (tensor<2x3x8xf32>) -> tensor<2x3x8xf32>
  return %t : tensor<2x3x8xf32>
}

// A concat inside a concat: subviews of a subview. The second inner
// concat has argument operands (copies) and feeds a sigmoid that writes
// the outer concat's second half.
// CHECK-LABEL: func.func @nested(
// CHECK-NEXT:    %[[B:.*]] = memref.alloc() : memref<4x3x8xf32>
// CHECK-NEXT:    %[[I:.*]] = memref.subview %[[B]][0, 0, 0] [4, 3, 4] [1, 1, 1] : memref<4x3x8xf32> to memref<4x3x4xf32, strided<[24, 8, 1]>>
// CHECK-NEXT:    %[[I0:.*]] = memref.subview %[[I]][0, 0, 0] [2, 3, 4] [1, 1, 1] : memref<4x3x4xf32, strided<[24, 8, 1]>> to memref<2x3x4xf32, strided<[24, 8, 1]>>
// CHECK-NEXT:    tl.elementwise {kind = "relu"{{.*}}} ins(%arg0 : memref<2x3x4xf32>) outs(%[[I0]] :
// CHECK-NEXT:    %[[I1:.*]] = memref.subview %[[I]][2, 0, 0] [2, 3, 4] [1, 1, 1] : memref<4x3x4xf32, strided<[24, 8, 1]>> to memref<2x3x4xf32, strided<[24, 8, 1], offset: 48>>
// CHECK-NEXT:    tl.elementwise {kind = "neg"{{.*}}} ins(%arg1 : memref<2x3x4xf32>) outs(%[[I1]] :
// CHECK-NEXT:    %[[J:.*]] = memref.alloc() : memref<4x3x4xf32>
// CHECK-NEXT:    %[[J0:.*]] = memref.subview %[[J]][0, 0, 0] [2, 3, 4]
// CHECK-NEXT:    tl.copy ins(%arg1 : memref<2x3x4xf32>) outs(%[[J0]] :
// CHECK-NEXT:    %[[J1:.*]] = memref.subview %[[J]][2, 0, 0] [2, 3, 4]
// CHECK-NEXT:    tl.copy ins(%arg0 : memref<2x3x4xf32>) outs(%[[J1]] :
// CHECK-NEXT:    %[[O1:.*]] = memref.subview %[[B]][0, 0, 4] [4, 3, 4] [1, 1, 1] : memref<4x3x8xf32> to memref<4x3x4xf32, strided<[24, 8, 1], offset: 4>>
// CHECK-NEXT:    tl.elementwise {kind = "sigmoid"{{.*}}} ins(%[[J]] : memref<4x3x4xf32>) outs(%[[O1]] :
// CHECK-NEXT:    memref.dealloc %[[J]]
// CHECK-NEXT:    tl.elementwise {kind = "exp"{{.*}}} ins(%[[B]] : memref<4x3x8xf32>) outs(%arg2 : memref<4x3x8xf32>)
// CHECK-NEXT:    memref.dealloc %[[B]]
func.func @nested(%a: tensor<2x3x4xf32>, %b: tensor<2x3x4xf32>) -> tensor<4x3x8xf32> {
  %r = graph.relu %a : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  %n = graph.neg %b : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  %i = graph.concat %r, %n {axis = 0 : i64} : (tensor<2x3x4xf32>, tensor<2x3x4xf32>) -> tensor<4x3x4xf32>
  %j = graph.concat %b, %a {axis = 0 : i64} : (tensor<2x3x4xf32>, tensor<2x3x4xf32>) -> tensor<4x3x4xf32>
  %s = graph.sigmoid %j : (tensor<4x3x4xf32>) -> tensor<4x3x4xf32>
  %o = graph.concat %i, %s {axis = 2 : i64} : (tensor<4x3x4xf32>, tensor<4x3x4xf32>) -> tensor<4x3x8xf32>
  %e = graph.exp %o : (tensor<4x3x8xf32>) -> tensor<4x3x8xf32>
  return %e : tensor<4x3x8xf32>
}

// int8: the quantize generics write their i8 storage straight into the
// concat's i8 buffer (through the storage casts).
// CHECK-LABEL: func.func @int8(
// CHECK-NEXT:    %[[B:.*]] = memref.alloc() : memref<2x6x4xi8>
// CHECK-NEXT:    %[[S0:.*]] = memref.subview %[[B]][0, 0, 0] [2, 3, 4] [1, 1, 1] : memref<2x6x4xi8> to memref<2x3x4xi8, strided<[24, 4, 1]>>
// CHECK-NEXT:    tl.generic {{.*}} ins(%arg0 : memref<2x3x4xf32>) outs(%[[S0]] : memref<2x3x4xi8, strided<[24, 4, 1]>>)
// CHECK:         %[[S1:.*]] = memref.subview %[[B]][0, 3, 0] [2, 3, 4] [1, 1, 1] : memref<2x6x4xi8> to memref<2x3x4xi8, strided<[24, 4, 1], offset: 12>>
// CHECK-NEXT:    tl.generic {{.*}} ins(%arg1 : memref<2x3x4xf32>) outs(%[[S1]] :
// CHECK:         tl.generic {{.*}} ins(%[[B]] : memref<2x6x4xi8>) outs(%arg2 : memref<2x6x4xf32>)
// CHECK-NOT:     tl.copy
// CHECK:         return
func.func @int8(%a: tensor<2x3x4xf32>, %b: tensor<2x3x4xf32>) -> tensor<2x6x4xf32> {
  %qa = graph.quantize %a : (tensor<2x3x4xf32>) -> tensor<2x3x4x!quant.uniform<i8:f32, 2.500000e-02:-5>>
  %qb = graph.quantize %b : (tensor<2x3x4xf32>) -> tensor<2x3x4x!quant.uniform<i8:f32, 2.500000e-02:-5>>
  %c = graph.concat %qa, %qb {axis = 1 : i64} : (tensor<2x3x4x!quant.uniform<i8:f32, 2.500000e-02:-5>>, tensor<2x3x4x!quant.uniform<i8:f32, 2.500000e-02:-5>>) -> tensor<2x6x4x!quant.uniform<i8:f32, 2.500000e-02:-5>>
  %d = graph.dequantize %c : (tensor<2x6x4x!quant.uniform<i8:f32, 2.500000e-02:-5>>) -> tensor<2x6x4xf32>
  return %d : tensor<2x6x4xf32>
}

// Slices and a gather into the concat's parts: [0, 2) of the last dim is
// a strided subview copied by tl.copy; a reversed slice (step -2) and a
// gather of index 1 (then reshaped, not placed: a view) are tl.generic
// copies with affine reads.
// CHECK-LABEL: func.func @moves(
// CHECK-NEXT:    %[[W:.*]] = memref.subview %arg0[0, 0, 0] [2, 3, 2] [1, 1, 1] : memref<2x3x4xf32> to memref<2x3x2xf32, strided<[12, 4, 1]>>
// CHECK-NEXT:    %[[S0:.*]] = memref.subview %arg2[0, 0, 0] [2, 3, 2] [1, 1, 1] : memref<2x3x8xf32> to memref<2x3x2xf32, strided<[24, 8, 1]>>
// CHECK-NEXT:    tl.copy ins(%[[W]] : memref<2x3x2xf32, strided<[12, 4, 1]>>) outs(%[[S0]] :
// CHECK-NEXT:    %[[S1:.*]] = memref.subview %arg2[0, 0, 2] [2, 3, 2]
// CHECK-NEXT:    tl.generic {indexing_maps = [#[[REV]], {{.*}}]{{.*}} ins(%arg1 : memref<2x3x4xf32>) outs(%[[S1]] :
// CHECK:         %[[GB:.*]] = memref.alloc() : memref<2x1x4xf32>
// CHECK-NEXT:    tl.generic {indexing_maps = [#[[G]], {{.*}}]{{.*}} ins(%arg0 : memref<2x3x4xf32>) outs(%[[GB]] : memref<2x1x4xf32>)
// CHECK:         tl.copy
// CHECK:         return
func.func @moves(%a: tensor<2x3x4xf32>, %b: tensor<2x3x4xf32>) -> tensor<2x3x8xf32> {
  %s1 = graph.slice %a {axes = array<i64: 2>, starts = array<i64: 0>, ends = array<i64: 2>} : (tensor<2x3x4xf32>) -> tensor<2x3x2xf32>
  %s2 = graph.slice %b {axes = array<i64: 2>, starts = array<i64: -1>, ends = array<i64: -9223372036854775807>, steps = array<i64: -2>} : (tensor<2x3x4xf32>) -> tensor<2x3x2xf32>
  %i = graph.constant dense<[1]> : tensor<1xi64>
  %g = graph.gather %a, %i {axis = 1 : i64} : (tensor<2x3x4xf32>, tensor<1xi64>) -> tensor<2x1x4xf32>
  %g4 = graph.reshape %g {shape = array<i64: 2, 4>} : (tensor<2x1x4xf32>) -> tensor<2x4xf32>
  %g3 = graph.reshape %g4 {shape = array<i64: 2, 1, 4>} : (tensor<2x4xf32>) -> tensor<2x1x4xf32>
  %t = graph.concat %g3, %g3, %g3 {axis = 1 : i64} : (tensor<2x1x4xf32>, tensor<2x1x4xf32>, tensor<2x1x4xf32>) -> tensor<2x3x4xf32>
  %c = graph.concat %s1, %s2, %t {axis = 2 : i64} : (tensor<2x3x2xf32>, tensor<2x3x2xf32>, tensor<2x3x4xf32>) -> tensor<2x3x8xf32>
  return %c : tensor<2x3x8xf32>
}

// Nearest resize by 2 (asymmetric, floor) reads x[.., h floordiv 2,
// w floordiv 2]; both resizes write the returned concat in place.
// CHECK-LABEL: func.func @resize(
// CHECK-NEXT:    memref.subview %arg1[0, 0, 0, 0] [1, 2, 4, 6]
// CHECK-NEXT:    tl.generic {indexing_maps = [#[[UP]],
// CHECK:         memref.subview %arg1[0, 2, 0, 0] [1, 2, 4, 6]
// CHECK-NEXT:    tl.generic {indexing_maps = [#[[UP]],
func.func @resize(%x: tensor<1x2x2x3xf32>) -> tensor<1x4x4x6xf32> {
  %u = graph.resize %x {mode = "nearest", coordinate_transformation_mode = "asymmetric", nearest_mode = "floor", scales = array<f64: 2.0, 2.0>} : (tensor<1x2x2x3xf32>) -> tensor<1x2x4x6xf32>
  %v = graph.resize %x {mode = "nearest", scales = array<f64: 2.0, 2.0>} : (tensor<1x2x2x3xf32>) -> tensor<1x2x4x6xf32>
  %c = graph.concat %u, %v {axis = 1 : i64} : (tensor<1x2x4x6xf32>, tensor<1x2x4x6xf32>) -> tensor<1x4x4x6xf32>
  return %c : tensor<1x4x4x6xf32>
}
