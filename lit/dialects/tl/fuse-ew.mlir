// tl-fuse on elementwise chains. Under a fused edge (tl-fuse.<c>.<p> =
// true) whose producer chain and consumer are all elementwise, the bool
// knob tl-fuse-ew.<c>.<p> merges them into one tl.generic (one loop nest,
// no intermediate buffer); the merged op is a consumer again, so add ->
// relu -> clip becomes one op. Otherwise tl-fuse-tile.<c>.<p> sets the
// tile size of the fused loop (the divisors of its extent below it). Both
// are asked only under tl-fuse = true: the default space and IR are
// unchanged.
// RUN: edge-opt %s -tl-fuse --list-knobs | FileCheck %s --check-prefix=DEFAULT
// RUN: edge-opt %s -tl-fuse --knob 'tl-fuse.*=true' --list-knobs | FileCheck %s --check-prefix=SPACE
// RUN: edge-opt %s -tl-fuse --knob 'tl-fuse.*=true' --knob 'tl-fuse-ew.*=true' | FileCheck %s --check-prefix=MERGED
// RUN: edge-opt %s -tl-fuse=report=true --knob 'tl-fuse.*=true' --knob 'tl-fuse-ew.*=true' -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT
// RUN: edge-opt %s -tl-fuse --knob 'tl-fuse.*=true' --knob 'tl-fuse-tile.clip.relu=2' | FileCheck %s --check-prefix=TILE
//
// The same results, bit for bit, on @h's constant inputs: unfused,
// merged, and tile-fused by 2.
// RUN: edge-opt %s -tl-to-loops -o %t.u.mlir
// RUN: edge-opt %s -tl-fuse -tl-to-loops --knob 'tl-fuse.*=true' --knob 'tl-fuse-ew.*=true' -o %t.m.mlir
// RUN: edge-opt %s -tl-fuse -tl-to-loops --knob 'tl-fuse.*=true' --knob 'tl-fuse-tile.clip.relu=2' -o %t.t.mlir
// RUN: edge-run --interpret %t.u.mlir --output=%t.u.npy
// RUN: edge-run --interpret %t.m.mlir --check=%t.u.npy --atol=0 --rtol=0 | FileCheck %s --check-prefix=EXACT
// RUN: edge-run --compile %t.m.mlir --check=%t.u.npy --atol=0 --rtol=0 | FileCheck %s --check-prefix=EXACT
// RUN: edge-run --interpret %t.t.mlir --check=%t.u.npy --atol=0 --rtol=0 | FileCheck %s --check-prefix=EXACT

// DEFAULT-NOT: "tl-fuse-

// SPACE: "name": "tl-fuse-ew.clip.relu",
// SPACE-NEXT: "domain": {"kind": "bool"}
// SPACE-NEXT: "default": false
// SPACE: "depends_on": [{"name": "tl-fuse.clip.relu", "value": true}]
// SPACE: "name": "tl-fuse-tile.clip.relu",
// SPACE-NEXT: "domain": {"kind": "set", "values": [1, 2]}
// SPACE-NEXT: "default": 1
// SPACE: "depends_on": [{"name": "tl-fuse.clip.relu", "value": true}, {"name": "tl-fuse-ew.clip.relu", "value": false}]

// MERGED-LABEL: func.func @h
// MERGED-NOT: memref.alloc
// MERGED: %[[A0:.*]] = memref.get_global @a
// MERGED: %[[B0:.*]] = memref.get_global @b
// MERGED: tl.generic {{.*}}name = "clip"} ins(%[[A0]], %[[B0]] : memref<4x8xf32>, memref<4x8xf32>) outs(%arg0 : memref<4x8xf32>) {
// MERGED-NEXT: ^bb0(%[[A:.*]]: f32, %[[B:.*]]: f32, %{{.*}}: f32):
// MERGED-NEXT: %[[S:.*]] = arith.addf %[[A]], %[[B]] : f32
// MERGED-NEXT: %[[Z:.*]] = arith.constant 0.0
// MERGED-NEXT: %[[R:.*]] = arith.maximumf %[[S]], %[[Z]] : f32
// MERGED-NEXT: %[[SIX:.*]] = arith.constant 6.0
// MERGED-NEXT: %[[C:.*]] = arith.minimumf %[[R]], %[[SIX]] : f32
// MERGED-NEXT: tl.yield %[[C]] : f32
// MERGED-NEXT: }
// MERGED-NEXT: return

// REPORT: tl-fuse: clip <- relu: merged (1 elementwise producer ops)
// REPORT-NEXT: tl-fuse: clip <- add: merged (1 elementwise producer ops)

// Tiles of 2 rows of the relu's buffer; the add's buffer stays whole.
// TILE: %[[T:.*]] = memref.alloc() : memref<2x8xf32>
// TILE: scf.for %{{.*}} = %{{.*}} to %{{.*}} step %c2
// TILE: tl.elementwise {kind = "relu", name = "relu"} {{.*}} outs(%[[T]] : memref<2x8xf32>)

// EXACT: result 0: ok (32 elements, max abs error 0

#id = affine_map<(d0, d1) -> (d0, d1)>
memref.global "private" constant @a : memref<4x8xf32> = dense<[[-4.717, 0.796, -2.341, 1.871, 2.263, -7.820, -8.763, 6.074], [-4.332, -4.782, 8.922, -0.535, 6.056, -0.426, 2.503, -6.289], [2.427, 6.625, 0.417, 4.343, 3.085, -7.847, 4.648, 1.640], [-3.577, -8.442, 6.579, -0.491, 3.939, 6.819, 3.854, 7.580]]>
memref.global "private" constant @b : memref<4x8xf32> = dense<[[-1.891, 5.416, -0.997, 7.841, 6.820, -7.246, -6.553, -5.094], [8.379, -1.149, 2.280, -3.582, 0.130, -2.054, -2.684, 1.531], [1.517, 7.276, 3.276, 7.721, 6.415, 8.838, 3.083, -6.064], [6.491, 8.363, 7.285, 1.244, 3.849, -5.200, 5.969, 1.324]]>

func.func @h(%y: memref<4x8xf32>) {
  %a = memref.get_global @a : memref<4x8xf32>
  %b = memref.get_global @b : memref<4x8xf32>
  %t0 = memref.alloc() : memref<4x8xf32>
  tl.elementwise {kind = "add", name = "add"} ins(%a, %b : memref<4x8xf32>, memref<4x8xf32>) outs(%t0 : memref<4x8xf32>)
  %t1 = memref.alloc() : memref<4x8xf32>
  tl.elementwise {kind = "relu", name = "relu"} ins(%t0 : memref<4x8xf32>) outs(%t1 : memref<4x8xf32>)
  memref.dealloc %t0 : memref<4x8xf32>
  tl.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"], name = "clip"} ins(%t1 : memref<4x8xf32>) outs(%y : memref<4x8xf32>) {
  ^bb0(%v: f32, %o: f32):
    %c6 = arith.constant 6.0 : f32
    %r = arith.minimumf %v, %c6 : f32
    tl.yield %r : f32
  }
  memref.dealloc %t1 : memref<4x8xf32>
  return
}
