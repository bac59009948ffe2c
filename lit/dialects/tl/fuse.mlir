// tl-fuse: tile-and-fuse on buffers. The pool is tiled by channel and the
// bias broadcast, conv and relu writing its input are computed per
// channel into a 1x1x8x8 tile; the 1x3x8x8 intermediate disappears. One
// bool knob per legal edge, tl-fuse.<consumer>.<producer>, default false
// (no change); illegal edges ask nothing (report=true says why).
// RUN: edge-opt %s -tl-fuse --list-knobs | FileCheck %s --check-prefix=SPACE
// RUN: edge-opt %s -tl-fuse | FileCheck %s --check-prefix=OFF
// RUN: edge-opt %s -tl-fuse --knob tl-fuse.pool.conv=true | FileCheck %s --check-prefix=ON
// RUN: edge-opt %s -tl-fuse=report=true -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT
// Composes with tl-to-loops' knobs (asked on the tile-sized ops):
// RUN: edge-opt %s -tl-fuse -tl-to-loops --knob tl-fuse.pool.conv=true --list-knobs | FileCheck %s --check-prefix=LOOPS

// SPACE: "name": "tl-fuse.pool.conv"
// SPACE-NEXT: "domain": {"kind": "bool"}
// SPACE-NEXT: "default": false
// SPACE-NOT: "tl-fuse.neg

// OFF-NOT: scf.for
// OFF: memref.alloc() : memref<1x3x8x8xf32>

// ON-LABEL: func.func @f
// ON-NOT: memref<1x3x8x8xf32>
// ON: %[[T:.*]] = memref.alloc() : memref<1x1x8x8xf32>
// ON: scf.for %[[C:.*]] = %{{.*}} to %{{.*}} step %{{.*}} {
// ON: memref.subview %arg2[%[[C]]] [1] [1] : memref<3xf32> to memref<1xf32, strided<[1], offset: ?>>
// ON: tl.generic {{.*}} outs(%[[T]] : memref<1x1x8x8xf32>)
// ON: memref.subview %arg1[%[[C]], 0, 0, 0] [1, 2, 3, 3] [1, 1, 1, 1]
// ON: tl.conv2d {{.*}} outs(%[[T]] : memref<1x1x8x8xf32>)
// ON: tl.elementwise {kind = "relu", name = "conv"} ins(%[[T]] : memref<1x1x8x8xf32>) outs(%[[T]] : memref<1x1x8x8xf32>)
// ON: %[[Y:.*]] = memref.subview %arg3[0, %[[C]], 0, 0] [1, 1, 4, 4] [1, 1, 1, 1]
// ON: tl.pool {{.*}} ins(%[[T]] : memref<1x1x8x8xf32>) outs(%[[Y]] :
// ON: }
// ON-NEXT: memref.dealloc %[[T]] : memref<1x1x8x8xf32>
// ON-NEXT: return

// REPORT: tl-fuse: pool <- conv: not fused (d1 by 1, 1 of 3 rows per tile, 3 producer ops)
// REPORT: tl-fuse: neg <- exp: illegal: the intermediate has another reader
// REPORT: tl-fuse: relu <- exp: illegal: the intermediate has another reader

// LOOPS-DAG: "name": "tl-fuse.pool.conv"
// LOOPS-DAG: "name": "tile.conv.1.2"
// LOOPS-DAG: "name": "interchange.pool"
// LOOPS-DAG: "name": "vectorize.conv.2"

#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#ch = affine_map<(d0, d1, d2, d3) -> (d1)>
func.func @f(%x: memref<1x2x10x10xf32>, %w: memref<3x2x3x3xf32>, %b: memref<3xf32>, %y: memref<1x3x4x4xf32>) {
  %t = memref.alloc() : memref<1x3x8x8xf32>
  tl.generic {indexing_maps = [#ch, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"], name = "conv"} ins(%b : memref<3xf32>) outs(%t : memref<1x3x8x8xf32>) {
  ^bb0(%v: f32, %o: f32):
    tl.yield %v : f32
  }
  tl.conv2d {name = "conv"} ins(%x, %w : memref<1x2x10x10xf32>, memref<3x2x3x3xf32>) outs(%t : memref<1x3x8x8xf32>)
  tl.elementwise {kind = "relu", name = "conv"} ins(%t : memref<1x3x8x8xf32>) outs(%t : memref<1x3x8x8xf32>)
  %ninf = arith.constant 0xFF800000 : f32
  tl.fill ins(%ninf : f32) outs(%y : memref<1x3x4x4xf32>)
  tl.pool {kind = "max", window = array<i64: 2, 2>, strides = array<i64: 2, 2>, name = "pool"} ins(%t : memref<1x3x8x8xf32>) outs(%y : memref<1x3x4x4xf32>)
  memref.dealloc %t : memref<1x3x8x8xf32>
  return
}

func.func @g(%a: memref<6x8xf32>, %y: memref<6x8xf32>, %u: memref<6x8xf32>) {
  %t = memref.alloc() : memref<6x8xf32>
  tl.elementwise {kind = "exp", name = "exp"} ins(%a : memref<6x8xf32>) outs(%t : memref<6x8xf32>)
  tl.elementwise {kind = "relu", name = "relu"} ins(%t : memref<6x8xf32>) outs(%y : memref<6x8xf32>)
  tl.elementwise {kind = "neg", name = "neg"} ins(%t : memref<6x8xf32>) outs(%u : memref<6x8xf32>)
  memref.dealloc %t : memref<6x8xf32>
  return
}
