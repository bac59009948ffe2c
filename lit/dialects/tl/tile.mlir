// The tile and interchange knobs of tl-to-loops. Each tl op asks
// tile.<site>.<d> per loop d that has a choice (a set of legal tile sizes,
// 0 = untiled) and interchange.<site> (an enum of loop orders that keep
// the reductions in order). With every knob at its default the nest is
// the plain one (tl-to-loops.mlir).
// RUN: edge-opt %s -tl-to-loops --list-knobs | FileCheck %s --check-prefix=SPACE
// RUN: edge-opt %s -tl-to-loops --knob 'tile.*.0=4' | FileCheck %s --check-prefix=TILE
// RUN: edge-opt %s -tl-to-loops --knob 'tile.mm.2=4' --knob 'interchange.mm=d2,d1,d0' | FileCheck %s --check-prefix=SWAP
// RUN: edge-opt %s -tl-to-loops --knob 'tile.mm.1=2' --knob 'tile.mm.2=4' --knob 'interchange.mm=d1,d2,d0' | edge-opt | FileCheck %s --check-prefix=BOTH
// A value outside a domain is an error naming the knob.
// RUN: not edge-opt %s -tl-to-loops --knob 'tile.mm.0=3' 2>&1 | FileCheck %s --check-prefix=BAD
// An order that swaps two reductions is not in the domain.
// RUN: not edge-opt %s -tl-to-loops --knob 'interchange.cv=d0,d1,d2,d3,d5,d4,d6' 2>&1 | FileCheck %s --check-prefix=BADORDER

// SPACE: "name": "interchange.cv"
// SPACE-NEXT: "domain": {"kind": "enum", "names": ["d0,d1,d2,d3,d4,d5,d6", "d1,d0,d2,d3,d4,d5,d6",
// SPACE: "default": "d0,d1,d2,d3,d4,d5,d6"
// SPACE: "name": "interchange.mm"
// SPACE-NEXT: "domain": {"kind": "enum", "names": ["d0,d1,d2", "d0,d2,d1", "d1,d0,d2", "d1,d2,d0", "d2,d0,d1", "d2,d1,d0"]}
// SPACE-NEXT: "default": "d0,d1,d2"
// Only the first reduction of the conv (c, loop 4) may be tiled; n has
// extent 1 and no choice.
// SPACE-NOT: "tile.cv.0"
// SPACE: "name": "tile.cv.1"
// SPACE-NEXT: "domain": {"kind": "set", "values": [0, 2, 4]}
// SPACE: "name": "tile.cv.4"
// SPACE-NEXT: "domain": {"kind": "set", "values": [0, 2]}
// SPACE-NOT: "tile.cv.5"
// SPACE-NOT: "tile.cv.6"
// SPACE: "name": "tile.mm.0"
// SPACE-NEXT: "domain": {"kind": "set", "values": [0, 2, 4]}
// SPACE-NEXT: "default": 0
// SPACE: "name": "tile.mm.1"
// SPACE-NEXT: "domain": {"kind": "set", "values": [0, 2, 3, 4]}
// SPACE: "name": "tile.mm.2"
// SPACE-NEXT: "domain": {"kind": "set", "values": [0, 2, 4, 5, 8]}

// 'tile.*.0=4': the matmul's 8-long i loop in whole tiles of 4 (no
// clamp), the conv's 8 filters likewise.
// TILE-LABEL: func.func @mm
// TILE-DAG: %[[C0:.*]] = arith.constant 0 : index
// TILE-DAG: %[[C1:.*]] = arith.constant 1 : index
// TILE-DAG: %[[C8:.*]] = arith.constant 8 : index
// TILE-DAG: %[[C4:.*]] = arith.constant 4 : index
// TILE: scf.for %[[IT:.*]] = %[[C0]] to %[[C8]] step %[[C4]] {
// TILE-NEXT: %[[HI:.*]] = arith.addi %[[IT]], %[[C4]] : index
// TILE-NEXT: scf.for %[[I:.*]] = %[[IT]] to %[[HI]] step %[[C1]] {
// TILE-NEXT: scf.for %[[J:.*]] = %[[C0]] to %{{.*}} step %[[C1]] {
// TILE-NEXT: scf.for %[[K:.*]] = %[[C0]] to %{{.*}} step %[[C1]] {
// TILE-NEXT: memref.load %{{.*}}[%[[I]], %[[K]]]
// TILE-NOT: arith.minsi
// TILE-LABEL: func.func @conv

// k tiled by 4 and outermost, then the order k, j, i: the 10-long k
// has a partial last tile, clamped by arith.minsi.
// SWAP-LABEL: func.func @mm
// SWAP-DAG: %[[C0:.*]] = arith.constant 0 : index
// SWAP-DAG: %[[C10:.*]] = arith.constant 10 : index
// SWAP-DAG: %[[C4:.*]] = arith.constant 4 : index
// SWAP: scf.for %[[KT:.*]] = %[[C0]] to %[[C10]] step %[[C4]] {
// SWAP-NEXT: %[[S:.*]] = arith.addi %[[KT]], %[[C4]] : index
// SWAP-NEXT: %[[HI:.*]] = arith.minsi %[[S]], %[[C10]] : index
// SWAP-NEXT: scf.for %[[K:.*]] = %[[KT]] to %[[HI]] step
// SWAP-NEXT: scf.for %[[J:.*]] = %[[C0]] to
// SWAP-NEXT: scf.for %[[I:.*]] = %[[C0]] to
// SWAP-NEXT: memref.load %{{.*}}[%[[I]], %[[K]]]
// SWAP-NEXT: memref.load %{{.*}}[%[[K]], %[[J]]]
// SWAP-NEXT: memref.load %{{.*}}[%[[I]], %[[J]]]

// Two tile loops in the chosen order (j, k), then the point loops; the
// output verifies again.
// BOTH-LABEL: func.func @mm
// BOTH: scf.for %[[JT:.*]] = {{.*}} step %c2 {
// BOTH: scf.for %[[KT:.*]] = {{.*}} step %c4 {
// BOTH: scf.for %{{.*}} = %[[JT]] to
// BOTH-NEXT: scf.for %{{.*}} = %[[KT]] to
// BOTH-NEXT: scf.for %{{.*}} = %c0 to %c8 step %c1

// BAD: tile.mm.0
// BAD-SAME: 3
// BADORDER: interchange.cv

func.func @mm(%a: memref<8x10xf32>, %b: memref<10x6xf32>, %c: memref<8x6xf32>) {
  tl.matmul {name = "mm"} ins(%a, %b : memref<8x10xf32>, memref<10x6xf32>) outs(%c : memref<8x6xf32>)
  return
}

func.func @conv(%x: memref<1x3x9x9xf32>, %w: memref<8x3x3x3xf32>, %y: memref<1x8x4x4xf32>) {
  tl.conv2d {name = "cv", strides = array<i64: 2, 2>} ins(%x, %w : memref<1x3x9x9xf32>, memref<8x3x3x3xf32>) outs(%y : memref<1x8x4x4xf32>)
  return
}
