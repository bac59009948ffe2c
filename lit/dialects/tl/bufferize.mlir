// tl-bufferize: tensors to memrefs, results as out-params, weights as
// memref.global, in-place reuse where the init dies, allocs freed.
// RUN: edge-opt %s --tl-bufferize | FileCheck %s
// RUN: edge-opt %s --tl-bufferize | edge-opt | FileCheck %s
// RUN: edge-opt %s --tl-bufferize=report=true -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT

// REPORT: tl-bufferize @chain: allocs=1 in-place=2 copies=0 fills=0
// REPORT: tl-bufferize @twice: allocs=2 in-place=0 copies=0 fills=0
// REPORT: tl-bufferize @matmul: allocs=1 in-place=1 copies=0 fills=1
// REPORT: tl-bufferize @keep_arg: allocs=0 in-place=0 copies=1 fills=0
// REPORT: tl-bufferize @live_init: allocs=2 in-place=0 copies=1 fills=0
// REPORT: tl-bufferize @passthrough: allocs=0 in-place=0 copies=3 fills=0
// REPORT: tl-bufferize @generic_reads_out: allocs=1 in-place=1 copies=0 fills=1
// REPORT: tl-bufferize @transpose: allocs=2 in-place=0 copies=0 fills=0
// REPORT: tl-bufferize @fresh_inits: allocs=1 in-place=2 copies=0 fills=0
// REPORT: tl-bufferize @ret_chain: allocs=0 in-place=1 copies=0 fills=0
// REPORT: tl-bufferize @pad: allocs=1 in-place=0 copies=1 fills=1
// REPORT: tl-bufferize @reshape: allocs=2 in-place=0 copies=0 fills=0
// REPORT: tl-bufferize @reshape_owned: allocs=2 in-place=1 copies=0 fills=0
// REPORT: tl-bufferize @transpose_op: allocs=1 in-place=0 copies=0 fills=0
// REPORT-NOT: @no_tensors

// A chain of elementwise ops: one buffer, reused in place; the last op
// writes the out-param; no copies.
// CHECK-LABEL: func.func @chain(%arg0: memref<2x3xf32>, %arg1: memref<2x3xf32>) {
// CHECK-NEXT:    %[[B:.*]] = memref.alloc() : memref<2x3xf32>
// CHECK-NEXT:    tl.elementwise {kind = "relu"} ins(%arg0 : memref<2x3xf32>) outs(%[[B]] : memref<2x3xf32>)
// CHECK-NEXT:    tl.elementwise {kind = "neg"} ins(%[[B]] : memref<2x3xf32>) outs(%[[B]] : memref<2x3xf32>)
// CHECK-NEXT:    tl.elementwise {kind = "add"} ins(%[[B]], %[[B]] : memref<2x3xf32>, memref<2x3xf32>) outs(%[[B]] : memref<2x3xf32>)
// CHECK-NEXT:    tl.elementwise {kind = "exp"} ins(%[[B]] : memref<2x3xf32>) outs(%arg1 : memref<2x3xf32>)
// CHECK-NEXT:    memref.dealloc %[[B]] : memref<2x3xf32>
// CHECK-NEXT:    return
// CHECK-NEXT:  }
func.func @chain(%a: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %z = graph.constant dense<0.0> : tensor<2x3xf32>
  %0 = tl.elementwise {kind = "relu"} ins(%a : tensor<2x3xf32>) outs(%z : tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = tl.elementwise {kind = "neg"} ins(%0 : tensor<2x3xf32>) outs(%0 : tensor<2x3xf32>) -> tensor<2x3xf32>
  %2 = tl.elementwise {kind = "add"} ins(%1, %1 : tensor<2x3xf32>, tensor<2x3xf32>) outs(%1 : tensor<2x3xf32>) -> tensor<2x3xf32>
  %3 = tl.elementwise {kind = "exp"} ins(%2 : tensor<2x3xf32>) outs(%2 : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %3 : tensor<2x3xf32>
}

// %0 is used after the relu that takes it as init: the relu gets a second
// buffer (no copy: an elementwise op does not read its out).
// CHECK-LABEL: func.func @twice(%arg0: memref<4xf32>, %arg1: memref<4xf32>) {
// CHECK-NEXT:    %[[A:.*]] = memref.alloc() : memref<4xf32>
// CHECK-NEXT:    tl.elementwise {kind = "neg"} ins(%arg0 : memref<4xf32>) outs(%[[A]] : memref<4xf32>)
// CHECK-NEXT:    %[[B:.*]] = memref.alloc() : memref<4xf32>
// CHECK-NEXT:    tl.elementwise {kind = "relu"} ins(%[[A]] : memref<4xf32>) outs(%[[B]] : memref<4xf32>)
// CHECK-NEXT:    tl.elementwise {kind = "add"} ins(%[[A]], %[[B]] : memref<4xf32>, memref<4xf32>) outs(%arg1 : memref<4xf32>)
// CHECK-NEXT:    memref.dealloc %[[B]] : memref<4xf32>
// CHECK-NEXT:    memref.dealloc %[[A]] : memref<4xf32>
// CHECK-NEXT:    return
func.func @twice(%a: tensor<4xf32>) -> tensor<4xf32> {
  %z = graph.constant dense<0.0> : tensor<4xf32>
  %0 = tl.elementwise {kind = "neg"} ins(%a : tensor<4xf32>) outs(%z : tensor<4xf32>) -> tensor<4xf32>
  %1 = tl.elementwise {kind = "relu"} ins(%0 : tensor<4xf32>) outs(%0 : tensor<4xf32>) -> tensor<4xf32>
  %2 = tl.elementwise {kind = "add"} ins(%0, %1 : tensor<4xf32>, tensor<4xf32>) outs(%1 : tensor<4xf32>) -> tensor<4xf32>
  return %2 : tensor<4xf32>
}

// Weights become read-only globals (dense_resource kept, dense too); the
// matmul's zero init is an alloc + tl.fill; the bias add runs in place.
// CHECK:       memref.global "private" constant @__constant_fc_w : memref<3x4xf32> = dense_resource<fc_w>
// CHECK-NEXT:  memref.global "private" constant @__constant_4xf32 : memref<4xf32> = dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]>
// CHECK-LABEL: func.func @matmul(%arg0: memref<2x3xf32>, %arg1: memref<2x4xf32>) {
// CHECK-NEXT:    %[[W:.*]] = memref.get_global @__constant_fc_w : memref<3x4xf32>
// CHECK-NEXT:    %[[BIAS:.*]] = memref.get_global @__constant_4xf32 : memref<4xf32>
// CHECK-NEXT:    %[[ACC:.*]] = memref.alloc() : memref<2x4xf32>
// CHECK-NEXT:    %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT:    tl.fill ins(%[[ZERO]] : f32) outs(%[[ACC]] : memref<2x4xf32>)
// CHECK-NEXT:    tl.matmul ins(%arg0, %[[W]] : memref<2x3xf32>, memref<3x4xf32>) outs(%[[ACC]] : memref<2x4xf32>)
// CHECK-NEXT:    tl.generic
// CHECK-SAME:      ins(%[[ACC]], %[[BIAS]] : memref<2x4xf32>, memref<4xf32>) outs(%[[ACC]] : memref<2x4xf32>) {
// CHECK:         tl.elementwise {kind = "relu"} ins(%[[ACC]] : memref<2x4xf32>) outs(%arg1 : memref<2x4xf32>)
// CHECK-NEXT:    memref.dealloc %[[ACC]] : memref<2x4xf32>
// CHECK-NEXT:    return
func.func @matmul(%a: tensor<2x3xf32>) -> tensor<2x4xf32> {
  %w = graph.constant {name = "fc.w"} dense_resource<fc_w> : tensor<3x4xf32>
  %b = graph.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %z = graph.constant dense<0.0> : tensor<2x4xf32>
  %0 = tl.matmul ins(%a, %w : tensor<2x3xf32>, tensor<3x4xf32>) outs(%z : tensor<2x4xf32>) -> tensor<2x4xf32>
  %1 = tl.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%0, %b : tensor<2x4xf32>, tensor<4xf32>) outs(%0 : tensor<2x4xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %s = arith.addf %x, %y : f32
    tl.yield %s : f32
  } -> tensor<2x4xf32>
  %2 = tl.elementwise {kind = "relu"} ins(%1 : tensor<2x4xf32>) outs(%1 : tensor<2x4xf32>) -> tensor<2x4xf32>
  return %2 : tensor<2x4xf32>
}

// An argument used as an accumulating init is not overwritten: the
// matmul accumulates in the out-param, after a copy of the argument; the
// neg, whose init is still returned, writes the second out-param.
// CHECK-LABEL: func.func @keep_arg(%arg0: memref<2x3xf32>, %arg1: memref<3x4xf32>, %arg2: memref<2x4xf32>, %arg3: memref<2x4xf32>, %arg4: memref<2x4xf32>) {
// CHECK-NEXT:    memref.copy %arg2, %arg3 : memref<2x4xf32> to memref<2x4xf32>
// CHECK-NEXT:    tl.matmul ins(%arg0, %arg1 : memref<2x3xf32>, memref<3x4xf32>) outs(%arg3 : memref<2x4xf32>)
// CHECK-NEXT:    tl.elementwise {kind = "neg"} ins(%arg3 : memref<2x4xf32>) outs(%arg4 : memref<2x4xf32>)
// CHECK-NEXT:    return
func.func @keep_arg(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>, %c: tensor<2x4xf32>) -> (tensor<2x4xf32>, tensor<2x4xf32>) {
  %0 = tl.matmul ins(%a, %b : tensor<2x3xf32>, tensor<3x4xf32>) outs(%c : tensor<2x4xf32>) -> tensor<2x4xf32>
  %1 = tl.elementwise {kind = "neg"} ins(%0 : tensor<2x4xf32>) outs(%0 : tensor<2x4xf32>) -> tensor<2x4xf32>
  return %0, %1 : tensor<2x4xf32>, tensor<2x4xf32>
}

// An accumulating init that is still live later: alloc + copy, and the
// copy's source survives for its later use.
// CHECK-LABEL: func.func @live_init(%arg0: memref<2x3xf32>, %arg1: memref<3x4xf32>, %arg2: memref<2x4xf32>, %arg3: memref<2x4xf32>) {
// CHECK-NEXT:    %[[N:.*]] = memref.alloc() : memref<2x4xf32>
// CHECK-NEXT:    tl.elementwise {kind = "neg"} ins(%arg2 : memref<2x4xf32>) outs(%[[N]] : memref<2x4xf32>)
// CHECK-NEXT:    %[[M:.*]] = memref.alloc() : memref<2x4xf32>
// CHECK-NEXT:    memref.copy %[[N]], %[[M]] : memref<2x4xf32> to memref<2x4xf32>
// CHECK-NEXT:    tl.matmul ins(%arg0, %arg1 : memref<2x3xf32>, memref<3x4xf32>) outs(%[[M]] : memref<2x4xf32>)
// CHECK-NEXT:    tl.elementwise {kind = "add"} ins(%[[M]], %[[N]] : memref<2x4xf32>, memref<2x4xf32>) outs(%arg3 : memref<2x4xf32>)
// CHECK-NEXT:    memref.dealloc %[[M]] : memref<2x4xf32>
// CHECK-NEXT:    memref.dealloc %[[N]] : memref<2x4xf32>
// CHECK-NEXT:    return
func.func @live_init(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>, %c: tensor<2x4xf32>) -> tensor<2x4xf32> {
  %n = tl.elementwise {kind = "neg"} ins(%c : tensor<2x4xf32>) outs(%c : tensor<2x4xf32>) -> tensor<2x4xf32>
  %0 = tl.matmul ins(%a, %b : tensor<2x3xf32>, tensor<3x4xf32>) outs(%n : tensor<2x4xf32>) -> tensor<2x4xf32>
  %1 = tl.elementwise {kind = "add"} ins(%0, %n : tensor<2x4xf32>, tensor<2x4xf32>) outs(%0 : tensor<2x4xf32>) -> tensor<2x4xf32>
  return %1 : tensor<2x4xf32>
}

// Returned arguments, constants and a value returned twice are copied;
// scalar results stay results.
// CHECK:       memref.global "private" constant @__constant_2xi8 : memref<2xi8> = dense<[1, -2]>
// CHECK-LABEL: func.func @passthrough(%arg0: memref<2xi8>, %arg1: f32, %arg2: memref<2xi8>, %arg3: memref<2xi8>, %arg4: memref<2xi8>, %arg5: memref<2xi8>) -> f32 {
// CHECK-NEXT:    %[[G:.*]] = memref.get_global @__constant_2xi8 : memref<2xi8>
// CHECK-NEXT:    tl.elementwise {kind = "abs"} ins(%arg0 : memref<2xi8>) outs(%arg4 : memref<2xi8>)
// CHECK-NEXT:    memref.copy %arg0, %arg2 : memref<2xi8> to memref<2xi8>
// CHECK-NEXT:    memref.copy %[[G]], %arg3 : memref<2xi8> to memref<2xi8>
// CHECK-NEXT:    memref.copy %arg4, %arg5 : memref<2xi8> to memref<2xi8>
// CHECK-NEXT:    return %arg1 : f32
func.func @passthrough(%a: tensor<2xi8>, %s: f32) -> (tensor<2xi8>, f32, tensor<2xi8>, tensor<2xi8>, tensor<2xi8>) {
  %c = graph.constant dense<[1, -2]> : tensor<2xi8>
  %0 = tl.elementwise {kind = "abs"} ins(%a : tensor<2xi8>) outs(%c : tensor<2xi8>) -> tensor<2xi8>
  return %a, %s, %c, %0, %0 : tensor<2xi8>, f32, tensor<2xi8>, tensor<2xi8>, tensor<2xi8>
}

// A parallel tl.generic whose body reads its out needs the init: a splat
// init becomes alloc + tl.fill; the next op runs in place.
// CHECK-LABEL: func.func @generic_reads_out(%arg0: memref<4xi32>, %arg1: memref<4xi32>) {
// CHECK-NEXT:    %[[A:.*]] = memref.alloc() : memref<4xi32>
// CHECK-NEXT:    %[[C:.*]] = arith.constant 7 : i32
// CHECK-NEXT:    tl.fill ins(%[[C]] : i32) outs(%[[A]] : memref<4xi32>)
// CHECK-NEXT:    tl.generic {{.*}} ins(%arg0 : memref<4xi32>) outs(%[[A]] : memref<4xi32>) {
// CHECK:         tl.elementwise {kind = "neg"} ins(%[[A]] : memref<4xi32>) outs(%[[A]] : memref<4xi32>)
// CHECK-NEXT:    tl.copy ins(%[[A]] : memref<4xi32>) outs(%arg1 : memref<4xi32>)
// CHECK-NEXT:    memref.dealloc %[[A]] : memref<4xi32>
func.func @generic_reads_out(%a: tensor<4xi32>) -> tensor<4xi32> {
  %z = graph.constant dense<7> : tensor<4xi32>
  %0 = tl.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%a : tensor<4xi32>) outs(%z : tensor<4xi32>) {
  ^bb0(%x: i32, %o: i32):
    %s = arith.addi %x, %o : i32
    tl.yield %s : i32
  } -> tensor<4xi32>
  %1 = tl.elementwise {kind = "neg"} ins(%0 : tensor<4xi32>) outs(%0 : tensor<4xi32>) -> tensor<4xi32>
  %2 = tl.copy ins(%1 : tensor<4xi32>) outs(%1 : tensor<4xi32>) -> tensor<4xi32>
  return %2 : tensor<4xi32>
}

// An in read through another map than the out's (a transpose of itself)
// is not overwritten in place.
// CHECK-LABEL: func.func @transpose(%arg0: memref<3x3xf32>, %arg1: memref<3x3xf32>) {
// CHECK-NEXT:    %[[A:.*]] = memref.alloc() : memref<3x3xf32>
// CHECK-NEXT:    tl.elementwise {kind = "neg"} ins(%arg0 : memref<3x3xf32>) outs(%[[A]] : memref<3x3xf32>)
// CHECK-NEXT:    %[[B:.*]] = memref.alloc() : memref<3x3xf32>
// CHECK-NEXT:    tl.generic {{.*}} ins(%[[A]] : memref<3x3xf32>) outs(%[[B]] : memref<3x3xf32>) {
// CHECK:         memref.dealloc %[[A]] : memref<3x3xf32>
// CHECK-NEXT:    tl.elementwise {kind = "exp"} ins(%[[B]] : memref<3x3xf32>) outs(%arg1 : memref<3x3xf32>)
// CHECK-NEXT:    memref.dealloc %[[B]] : memref<3x3xf32>
func.func @transpose(%a: tensor<3x3xf32>) -> tensor<3x3xf32> {
  %0 = tl.elementwise {kind = "neg"} ins(%a : tensor<3x3xf32>) outs(%a : tensor<3x3xf32>) -> tensor<3x3xf32>
  %1 = tl.generic {indexing_maps = [affine_map<(d0, d1) -> (d1, d0)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%0 : tensor<3x3xf32>) outs(%0 : tensor<3x3xf32>) {
  ^bb0(%x: f32, %o: f32):
    tl.yield %x : f32
  } -> tensor<3x3xf32>
  %2 = tl.elementwise {kind = "exp"} ins(%1 : tensor<3x3xf32>) outs(%1 : tensor<3x3xf32>) -> tensor<3x3xf32>
  return %2 : tensor<3x3xf32>
}

// graph-to-tl style: every op gets a fresh zero init; an op that does not
// read its out takes over the buffer of an in that dies there (same map,
// same type), so the chain still needs one buffer.
// CHECK-LABEL: func.func @fresh_inits(%arg0: memref<2x4xf32>, %arg1: memref<2x4xf32>) {
// CHECK-NEXT:    %[[A:.*]] = memref.alloc() : memref<2x4xf32>
// CHECK-NEXT:    tl.elementwise {kind = "tanh"} ins(%arg0 : memref<2x4xf32>) outs(%[[A]] : memref<2x4xf32>)
// CHECK-NEXT:    tl.elementwise {kind = "relu"} ins(%[[A]] : memref<2x4xf32>) outs(%[[A]] : memref<2x4xf32>)
// CHECK-NEXT:    tl.elementwise {kind = "mul"} ins(%[[A]], %[[A]] : memref<2x4xf32>, memref<2x4xf32>) outs(%[[A]] : memref<2x4xf32>)
// CHECK-NEXT:    tl.elementwise {kind = "neg"} ins(%[[A]] : memref<2x4xf32>) outs(%arg1 : memref<2x4xf32>)
// CHECK-NEXT:    memref.dealloc %[[A]] : memref<2x4xf32>
func.func @fresh_inits(%a: tensor<2x4xf32>) -> tensor<2x4xf32> {
  %z0 = graph.constant dense<0.0> : tensor<2x4xf32>
  %0 = tl.elementwise {kind = "tanh"} ins(%a : tensor<2x4xf32>) outs(%z0 : tensor<2x4xf32>) -> tensor<2x4xf32>
  %z1 = graph.constant dense<0.0> : tensor<2x4xf32>
  %1 = tl.elementwise {kind = "relu"} ins(%0 : tensor<2x4xf32>) outs(%z1 : tensor<2x4xf32>) -> tensor<2x4xf32>
  %2 = tl.elementwise {kind = "mul"} ins(%1, %1 : tensor<2x4xf32>, tensor<2x4xf32>) outs(%z1 : tensor<2x4xf32>) -> tensor<2x4xf32>
  %3 = tl.elementwise {kind = "neg"} ins(%2 : tensor<2x4xf32>) outs(%z0 : tensor<2x4xf32>) -> tensor<2x4xf32>
  return %3 : tensor<2x4xf32>
}

// A returned accumulation (gemm: broadcast bias, then matmul into it):
// the bias broadcast already writes the out-param, the matmul accumulates
// there; no buffer, no copy.
// CHECK-LABEL: func.func @ret_chain(%arg0: memref<1x3xf32>, %arg1: memref<3x4xf32>, %arg2: memref<4xf32>, %arg3: memref<1x4xf32>) {
// CHECK-NEXT:    tl.generic {{.*}} ins(%arg2 : memref<4xf32>) outs(%arg3 : memref<1x4xf32>) {
// CHECK:         tl.matmul ins(%arg0, %arg1 : memref<1x3xf32>, memref<3x4xf32>) outs(%arg3 : memref<1x4xf32>)
// CHECK-NEXT:    return
func.func @ret_chain(%a: tensor<1x3xf32>, %w: tensor<3x4xf32>, %b: tensor<4xf32>) -> tensor<1x4xf32> {
  %z = graph.constant dense<0.0> : tensor<1x4xf32>
  %0 = tl.generic {indexing_maps = [affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%b : tensor<4xf32>) outs(%z : tensor<1x4xf32>) {
  ^bb0(%x: f32, %o: f32):
    tl.yield %x : f32
  } -> tensor<1x4xf32>
  %1 = tl.matmul ins(%a, %w : tensor<1x3xf32>, tensor<3x4xf32>) outs(%0 : tensor<1x4xf32>) -> tensor<1x4xf32>
  return %1 : tensor<1x4xf32>
}

// graph.pad (left by graph-to-tl before convolutions): a buffer filled
// with the pad value and a tl.copy of the source into its interior view.
// CHECK-LABEL: func.func @pad(%arg0: memref<1x2x3x3xi8>, %arg1: memref<1x2x4x6xi8>) {
// CHECK-NEXT:    %[[P:.*]] = memref.alloc() : memref<1x2x4x6xi8>
// CHECK-NEXT:    %[[C:.*]] = arith.constant -3 : i8
// CHECK-NEXT:    tl.fill ins(%[[C]] : i8) outs(%[[P]] : memref<1x2x4x6xi8>)
// CHECK-NEXT:    %[[V:.*]] = memref.subview %[[P]][0, 0, 1, 2] [1, 2, 3, 3] [1, 1, 1, 1] : memref<1x2x4x6xi8> to memref<1x2x3x3xi8, strided<[48, 24, 6, 1], offset: 8>>
// CHECK-NEXT:    tl.copy ins(%arg0 : memref<1x2x3x3xi8>) outs(%[[V]] : memref<1x2x3x3xi8, strided<[48, 24, 6, 1], offset: 8>>)
// CHECK-NEXT:    tl.elementwise {kind = "abs"} ins(%[[P]] : memref<1x2x4x6xi8>) outs(%arg1 : memref<1x2x4x6xi8>)
// CHECK-NEXT:    memref.dealloc %[[P]] : memref<1x2x4x6xi8>
func.func @pad(%a: tensor<1x2x3x3xi8>) -> tensor<1x2x4x6xi8> {
  %0 = graph.pad %a {pads = array<i64: 0, 0, 1, 2, 0, 0, 0, 1>, value = -3.0 : f32} : (tensor<1x2x3x3xi8>) -> tensor<1x2x4x6xi8>
  %1 = tl.elementwise {kind = "abs"} ins(%0 : tensor<1x2x4x6xi8>) outs(%0 : tensor<1x2x4x6xi8>) -> tensor<1x2x4x6xi8>
  return %1 : tensor<1x2x4x6xi8>
}

// graph.reshape is a view (collapse to 1-D, expand): the dealloc waits
// for the view's last user; a view of an argument is read-only (the exp
// gets a new buffer).
// CHECK-LABEL: func.func @reshape(%arg0: memref<2x6xf32>, %arg1: memref<3x4xf32>, %arg2: memref<12xf32>) {
// CHECK-NEXT:    %[[A:.*]] = memref.alloc() : memref<2x6xf32>
// CHECK-NEXT:    tl.elementwise {kind = "neg"} ins(%arg0 : memref<2x6xf32>) outs(%[[A]] : memref<2x6xf32>)
// CHECK-NEXT:    %[[C:.*]] = memref.collapse_shape %[[A]] {{\[\[}}0, 1]] : memref<2x6xf32> into memref<12xf32>
// CHECK-NEXT:    %[[E:.*]] = memref.expand_shape %[[C]] {{\[\[}}0, 1]] output_shape [3, 4] : memref<12xf32> into memref<3x4xf32>
// CHECK-NEXT:    tl.elementwise {kind = "relu"} ins(%[[E]] : memref<3x4xf32>) outs(%arg1 : memref<3x4xf32>)
// CHECK-NEXT:    memref.dealloc %[[A]] : memref<2x6xf32>
// CHECK-NEXT:    %[[C2:.*]] = memref.collapse_shape %arg0 {{\[\[}}0, 1]] : memref<2x6xf32> into memref<12xf32>
// CHECK-NEXT:    %[[B:.*]] = memref.alloc() : memref<12xf32>
// CHECK-NEXT:    tl.elementwise {kind = "exp"} ins(%[[C2]] : memref<12xf32>) outs(%[[B]] : memref<12xf32>)
// CHECK-NEXT:    tl.elementwise {kind = "add"} ins(%[[B]], %[[C2]] : memref<12xf32>, memref<12xf32>) outs(%arg2 : memref<12xf32>)
// CHECK-NEXT:    memref.dealloc %[[B]] : memref<12xf32>
// CHECK-NEXT:    return
func.func @reshape(%a: tensor<2x6xf32>) -> (tensor<3x4xf32>, tensor<12xf32>) {
  %z = graph.constant dense<0.0> : tensor<2x6xf32>
  %0 = tl.elementwise {kind = "neg"} ins(%a : tensor<2x6xf32>) outs(%z : tensor<2x6xf32>) -> tensor<2x6xf32>
  %1 = graph.reshape %0 {shape = array<i64: 3, 4>} : (tensor<2x6xf32>) -> tensor<3x4xf32>
  %2 = tl.elementwise {kind = "relu"} ins(%1 : tensor<3x4xf32>) outs(%1 : tensor<3x4xf32>) -> tensor<3x4xf32>
  %3 = graph.reshape %a {shape = array<i64: 12>} : (tensor<2x6xf32>) -> tensor<12xf32>
  %4 = tl.elementwise {kind = "exp"} ins(%3 : tensor<12xf32>) outs(%3 : tensor<12xf32>) -> tensor<12xf32>
  %5 = tl.elementwise {kind = "add"} ins(%4, %3 : tensor<12xf32>, tensor<12xf32>) outs(%4 : tensor<12xf32>) -> tensor<12xf32>
  return %2, %5 : tensor<3x4xf32>, tensor<12xf32>
}

// A view that takes over a dying buffer is reused in place; a view of a
// live buffer makes both read-only (the later neg of %0 gets a buffer).
// CHECK-LABEL: func.func @reshape_owned(%arg0: memref<2x6xf32>, %arg1: memref<12xf32>, %arg2: memref<2x6xf32>) {
// CHECK-NEXT:    %[[A:.*]] = memref.alloc() : memref<2x6xf32>
// CHECK-NEXT:    tl.elementwise {kind = "neg"} ins(%arg0 : memref<2x6xf32>) outs(%[[A]] : memref<2x6xf32>)
// CHECK-NEXT:    %[[C:.*]] = memref.collapse_shape %[[A]] {{\[\[}}0, 1]] : memref<2x6xf32> into memref<12xf32>
// CHECK-NEXT:    %[[B:.*]] = memref.alloc() : memref<12xf32>
// CHECK-NEXT:    tl.elementwise {kind = "exp"} ins(%[[C]] : memref<12xf32>) outs(%[[B]] : memref<12xf32>)
// CHECK-NEXT:    %[[E:.*]] = memref.expand_shape %[[B]] {{\[\[}}0, 1]] output_shape [2, 6] : memref<12xf32> into memref<2x6xf32>
// CHECK-NEXT:    tl.elementwise {kind = "relu"} ins(%[[E]] : memref<2x6xf32>) outs(%[[E]] : memref<2x6xf32>)
// CHECK-NEXT:    %[[F:.*]] = memref.collapse_shape %[[E]] {{\[\[}}0, 1]] : memref<2x6xf32> into memref<12xf32>
// CHECK-NEXT:    tl.elementwise {kind = "add"} ins(%[[F]], %[[C]] : memref<12xf32>, memref<12xf32>) outs(%arg1 : memref<12xf32>)
// CHECK-NEXT:    memref.dealloc %[[B]] : memref<12xf32>
// CHECK-NEXT:    tl.elementwise {kind = "neg"} ins(%[[A]] : memref<2x6xf32>) outs(%arg2 : memref<2x6xf32>)
// CHECK-NEXT:    memref.dealloc %[[A]] : memref<2x6xf32>
// CHECK-NEXT:    return
func.func @reshape_owned(%a: tensor<2x6xf32>) -> (tensor<12xf32>, tensor<2x6xf32>) {
  %z = graph.constant dense<0.0> : tensor<2x6xf32>
  %0 = tl.elementwise {kind = "neg"} ins(%a : tensor<2x6xf32>) outs(%z : tensor<2x6xf32>) -> tensor<2x6xf32>
  %1 = graph.reshape %0 {shape = array<i64: 12>} : (tensor<2x6xf32>) -> tensor<12xf32>
  %2 = tl.elementwise {kind = "exp"} ins(%1 : tensor<12xf32>) outs(%1 : tensor<12xf32>) -> tensor<12xf32>
  %3 = graph.reshape %2 {shape = array<i64: 2, 6>} : (tensor<12xf32>) -> tensor<2x6xf32>
  %4 = tl.elementwise {kind = "relu"} ins(%3 : tensor<2x6xf32>) outs(%3 : tensor<2x6xf32>) -> tensor<2x6xf32>
  %5 = graph.reshape %4 {shape = array<i64: 12>} : (tensor<2x6xf32>) -> tensor<12xf32>
  %6 = tl.elementwise {kind = "add"} ins(%5, %1 : tensor<12xf32>, tensor<12xf32>) outs(%5 : tensor<12xf32>) -> tensor<12xf32>
  %7 = tl.elementwise {kind = "neg"} ins(%0 : tensor<2x6xf32>) outs(%0 : tensor<2x6xf32>) -> tensor<2x6xf32>
  return %6, %7 : tensor<12xf32>, tensor<2x6xf32>
}

// graph.transpose: a new buffer written by a tl.generic whose in map
// permutes the loops.
// CHECK-LABEL: func.func @transpose_op(%arg0: memref<2x3x4xf32>, %arg1: memref<4x2x3xf32>) {
// CHECK-NEXT:    %[[T:.*]] = memref.alloc() : memref<4x2x3xf32>
// CHECK-NEXT:    tl.generic {indexing_maps = [#[[PERM:.*]], #{{.*}}], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg0 : memref<2x3x4xf32>) outs(%[[T]] : memref<4x2x3xf32>) {
// CHECK-NEXT:    ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT:      tl.yield %[[X]] : f32
// CHECK-NEXT:    }
// CHECK-NEXT:    tl.elementwise {kind = "neg"} ins(%[[T]] : memref<4x2x3xf32>) outs(%arg1 : memref<4x2x3xf32>)
// CHECK-NEXT:    memref.dealloc %[[T]] : memref<4x2x3xf32>
func.func @transpose_op(%a: tensor<2x3x4xf32>) -> tensor<4x2x3xf32> {
  %0 = graph.transpose %a {perm = array<i64: 2, 0, 1>} : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
  %1 = tl.elementwise {kind = "neg"} ins(%0 : tensor<4x2x3xf32>) outs(%0 : tensor<4x2x3xf32>) -> tensor<4x2x3xf32>
  return %1 : tensor<4x2x3xf32>
}

// Functions without tensors are left alone.
// CHECK-LABEL: func.func @no_tensors(%arg0: memref<4xf32>) {
// CHECK-NEXT:    tl.elementwise {kind = "relu"} ins(%arg0 : memref<4xf32>) outs(%arg0 : memref<4xf32>)
func.func @no_tensors(%a: memref<4xf32>) {
  tl.elementwise {kind = "relu"} ins(%a : memref<4xf32>) outs(%a : memref<4xf32>)
  return
}
