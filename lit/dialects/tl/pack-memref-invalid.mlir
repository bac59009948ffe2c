// A padded tl.pack on buffers verifies, but has no generic form (its
// masks are constant tensors): tl-generalize and tl-to-loops say so.
// RUN: edge-opt %s | FileCheck %s
// RUN: not edge-opt %s -tl-generalize 2>&1 | FileCheck %s --check-prefix=ERR
// RUN: not edge-opt %s -tl-to-loops 2>&1 | FileCheck %s --check-prefix=ERR
// CHECK: tl.pack {inner_dims_pos = array<i64: 0>, inner_tiles = array<i64: 4>, padding_value = 0.000000e+00 : f32}
// ERR: pack-memref-invalid.mlir:10:3: error: 'tl.pack' op unsupported: the generic form of a padded tl.pack needs tensors (generalize or fold it before bufferization)

func.func @pad_memref(%a: memref<10x6xf32>, %b: memref<3x6x4xf32>) {
  tl.pack {inner_dims_pos = array<i64: 0>, inner_tiles = array<i64: 4>, padding_value = 0.0 : f32} ins(%a : memref<10x6xf32>) outs(%b : memref<3x6x4xf32>)
  return
}
