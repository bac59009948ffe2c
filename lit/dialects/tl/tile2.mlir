// Two tiling levels in tl-to-loops: a loop tiled by T > 2 asks
// tile2.<site>.<d>, the inner tile size (0, or the sizes a loop of extent
// T offers), conditional on its tile knob. The band is the tile loops,
// then the inner tile loops, then the point loops, each level in the
// interchange order; partial tiles at either level are clamped.
// RUN: edge-opt %s -tl-to-loops --list-knobs | FileCheck %s --check-prefix=DEFAULT
// RUN: edge-opt %s -tl-to-loops --knob tile.mm.0=4 --knob tile.mm.2=8 --list-knobs | FileCheck %s --check-prefix=SPACE
// RUN: edge-opt %s -tl-to-loops --knob tile.mm.0=4 --knob tile2.mm.0=2 --knob tile.mm.2=8 --knob tile2.mm.2=4 --knob interchange.mm=d2,d0,d1 | FileCheck %s --check-prefix=NEST
// RUN: edge-opt %s -tl-to-loops --knob tile.mm.0=4 --knob tile2.mm.0=2 --knob tile.mm.2=8 --knob tile2.mm.2=4 | edge-opt | FileCheck %s --check-prefix=VERIFY
// The parallel knob can name an inner tile loop.
// RUN: edge-opt %s '-tl-to-loops=parallel=true' --knob tile.mm.0=4 --knob tile2.mm.0=2 --knob interchange.mm=d0,d2,d1 --list-knobs | FileCheck %s --check-prefix=PAR
// RUN: edge-opt %s '-tl-to-loops=parallel=true' --knob tile.mm.0=4 --knob tile2.mm.0=2 --knob parallel.mm=d0.tile2 | FileCheck %s --check-prefix=PARLOOP
// An inner size above the outer tile is not in the domain; under an
// untiled loop the knob is not asked at all.
// RUN: not edge-opt %s -tl-to-loops --knob tile.mm.0=4 --knob tile2.mm.0=8 2>&1 | FileCheck %s --check-prefix=BAD
// RUN: not edge-opt %s -tl-to-loops --knob tile2.mm.0=2 2>&1 | FileCheck %s --check-prefix=UNASKED

// DEFAULT-NOT: "tile2.

// SPACE: {{^ +}}"name": "tile2.mm.0",{{$}}
// SPACE-NEXT: "domain": {"kind": "set", "values": [0, 2]}
// SPACE-NEXT: "default": 0
// SPACE: "depends_on": [{"name": "tile.mm.0", "value": 4}]
// SPACE: {{^ +}}"name": "tile2.mm.2",{{$}}
// SPACE-NEXT: "domain": {"kind": "set", "values": [0, 2, 4]}
// SPACE-NEXT: "default": 0
// SPACE: "depends_on": [{"name": "tile.mm.0", "value": 4}, {"name": "tile2.mm.0", "value": 0}, {"name": "tile.mm.1", "value": 0}, {"name": "tile.mm.2", "value": 8}]

// k (10) by 8 then 4, i (8) by 4 then 2: outer k is partial (10 % 8), and
// so are its inner tiles (2 % 4); i's tiles are all whole.
// NEST-LABEL: func.func @mm
// NEST-DAG: %[[C0:.*]] = arith.constant 0 : index
// NEST-DAG: %[[C1:.*]] = arith.constant 1 : index
// NEST-DAG: %[[C2:.*]] = arith.constant 2 : index
// NEST-DAG: %[[C4:.*]] = arith.constant 4 : index
// NEST-DAG: %[[C8:.*]] = arith.constant 8 : index
// NEST-DAG: %[[C10:.*]] = arith.constant 10 : index
// NEST: scf.for %[[KT:.*]] = %[[C0]] to %[[C10]] step %[[C8]] {
// NEST-NEXT: %[[KS:.*]] = arith.addi %[[KT]], %[[C8]] : index
// NEST-NEXT: %[[KE:.*]] = arith.minsi %[[KS]], %[[C10]] : index
// NEST-NEXT: scf.for %[[IT:.*]] = %[[C0]] to %[[C8]] step %[[C4]] {
// NEST-NEXT: %[[IE:.*]] = arith.addi %[[IT]], %[[C4]] : index
// NEST-NEXT: scf.for %[[KT2:.*]] = %[[KT]] to %[[KE]] step %[[C4]] {
// NEST-NEXT: %[[KS2:.*]] = arith.addi %[[KT2]], %[[C4]] : index
// NEST-NEXT: %[[KE2:.*]] = arith.minsi %[[KS2]], %[[KE]] : index
// NEST-NEXT: scf.for %[[IT2:.*]] = %[[IT]] to %[[IE]] step %[[C2]] {
// NEST-NEXT: %[[IE2:.*]] = arith.addi %[[IT2]], %[[C2]] : index
// NEST-NEXT: scf.for %[[K:.*]] = %[[KT2]] to %[[KE2]] step %[[C1]] {
// NEST-NEXT: scf.for %[[I:.*]] = %[[IT2]] to %[[IE2]] step %[[C1]] {
// NEST-NEXT: scf.for %[[J:.*]] = %[[C0]] to %{{.*}} step %[[C1]] {
// NEST-NEXT: memref.load %{{.*}}[%[[I]], %[[K]]]
// NEST-NEXT: memref.load %{{.*}}[%[[K]], %[[J]]]
// NEST-NOT: arith.minsi
// NEST: return

// VERIFY-LABEL: func.func @mm
// VERIFY-COUNT-7: scf.for

// PAR: "name": "parallel.mm",
// PAR-NEXT: "domain": {"kind": "enum", "names": ["none", "d0.tile", "d0.tile2", "d0"]}

// PARLOOP: scf.for %[[T:.*]] = %c0 to %c8 step %c4 {
// PARLOOP-NEXT: %[[E:.*]] = arith.addi %[[T]], %c4 : index
// PARLOOP-NEXT: scf.parallel (%{{.*}}) = (%[[T]]) to (%[[E]]) step (%c2) {

// BAD: tile2.mm.0
// BAD-SAME: value 8 is outside the domain {0, 2}
// UNASKED: unknown knob 'tile2.mm.0'

func.func @mm(%a: memref<8x10xf32>, %b: memref<10x6xf32>, %c: memref<8x6xf32>) {
  tl.matmul {name = "mm"} ins(%a, %b : memref<8x10xf32>, memref<10x6xf32>) outs(%c : memref<8x6xf32>)
  return
}
