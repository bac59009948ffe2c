// The bufferized, loop-lowered output is valid MLIR 19: mlir-opt parses
// and verifies it and lowers it to the LLVM dialect.
// REQUIRES: mlir-opt
// RUN: edge-opt %s --tl-bufferize --tl-to-loops | %mlir_opt | FileCheck %s
// RUN: edge-opt %s --tl-bufferize --tl-to-loops | %mlir_opt --convert-scf-to-cf --expand-strided-metadata --finalize-memref-to-llvm --convert-arith-to-llvm --convert-func-to-llvm --reconcile-unrealized-casts | FileCheck %s --check-prefix=LLVM

// CHECK:       memref.global "private" constant @__constant_fc_w : memref<3x4xf32> = dense<
// CHECK-LABEL: func.func @mlp(%arg0: memref<2x3xf32>, %arg1: memref<2x4xf32>) {
// CHECK:         memref.get_global @__constant_fc_w : memref<3x4xf32>
// CHECK:         memref.alloc() : memref<2x4xf32>
// CHECK:         scf.for
// CHECK:         memref.dealloc
// CHECK:         return
// LLVM:        llvm.mlir.global private constant @__constant_fc_w
// LLVM:        llvm.func @mlp(
func.func @mlp(%a: tensor<2x3xf32>) -> tensor<2x4xf32> {
  %w = graph.constant {name = "fc.w"} dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0]]> : tensor<3x4xf32>
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

// CHECK-LABEL: func.func @padded(%arg0: memref<1x2x3x3xf32>, %arg1: memref<1x2x5x5xf32>) {
// CHECK:         memref.subview
// LLVM:        llvm.func @padded(
func.func @padded(%a: tensor<1x2x3x3xf32>) -> tensor<1x2x5x5xf32> {
  %0 = graph.pad %a {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>} : (tensor<1x2x3x3xf32>) -> tensor<1x2x5x5xf32>
  %z = graph.constant dense<0.0> : tensor<1x2x5x5xf32>
  %1 = tl.elementwise {kind = "neg"} ins(%0 : tensor<1x2x5x5xf32>) outs(%z : tensor<1x2x5x5xf32>) -> tensor<1x2x5x5xf32>
  return %1 : tensor<1x2x5x5xf32>
}
