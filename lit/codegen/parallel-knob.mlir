// The parallel knob of tl-to-loops (pass option parallel=true): none, or
// one of the outermost loops whose iterations are independent (never a
// reduction, nor a loop of one iteration) becomes an scf.parallel; it
// composes with tile, interchange and vectorize.
// RUN: edge-opt %s --pass-pipeline='builtin.module(func.func(tl-to-loops))' --list-knobs | FileCheck %s --check-prefix=OFF
// RUN: edge-opt %s --pass-pipeline='builtin.module(func.func(tl-to-loops{parallel=true}))' --list-knobs | FileCheck %s --check-prefix=SPACE
// RUN: edge-opt %s --pass-pipeline='builtin.module(func.func(tl-to-loops{parallel=true}))' | FileCheck %s --check-prefix=NONE
// RUN: edge-opt %s --pass-pipeline='builtin.module(func.func(tl-to-loops{parallel=true}))' --knob parallel.mm=d1 --knob parallel.ew=d0 | FileCheck %s --check-prefix=D1
// RUN: edge-opt %s --pass-pipeline='builtin.module(func.func(tl-to-loops{parallel=true}))' --knob interchange.mm=d0,d1,d3,d2 --knob tile.mm.2=4 --knob parallel.mm=d2.tile --knob vectorize.mm=4 | FileCheck %s --check-prefix=TILE
// RUN: not edge-opt %s --pass-pipeline='builtin.module(func.func(tl-to-loops{parallel=true}))' --knob parallel.mm=d3 2>&1 | FileCheck %s --check-prefix=RED

// OFF-NOT: "parallel.

// The batch loop d0 of @mm has one iteration; d3 is the reduction.
// SPACE:      "name": "parallel.ew",
// SPACE-NEXT: "domain": {"kind": "enum", "names": ["none", "d0"]},
// SPACE-NEXT: "default": "none",
// SPACE:      "name": "parallel.mm",
// SPACE-NEXT: "domain": {"kind": "enum", "names": ["none", "d1", "d2"]},

// NONE-NOT: scf.parallel

// D1:      scf.for %[[B:.*]] = %c0 to %c1 step %c1 {
// D1-NEXT:   scf.parallel (%[[I:.*]]) = (%c0) to (%c6) step (%c1) {
// D1-NEXT:     scf.for %{{.*}} = %c0 to %c20 step %c1 {
// D1-NEXT:       scf.for %{{.*}} = %c0 to %c8 step %c1 {
// D1:          scf.reduce
// D1:      scf.parallel (%{{.*}}) = (%c0) to (%c37) step (%c1) {
// D1-NEXT:   memref.load
// D1-NOT:    vector

// Tiled, interchanged and vectorized: the tile loop of d2 is parallel
// (the tile loops go first), the innermost loop of d2 points vectorized.
// TILE:      scf.parallel (%[[T:.*]]) = (%c0) to (%c20) step (%c4) {
// TILE-NEXT:   %[[E:.*]] = arith.addi %[[T]], %c4 : index
// TILE-NEXT:   scf.for %{{.*}} = %c0 to %c1 step %c1 {
// TILE-NEXT:     scf.for %{{.*}} = %c0 to %c6 step %c1 {
// TILE-NEXT:       scf.for %{{.*}} = %c0 to %c8 step %c1 {
// TILE:              vector.load
// TILE:        scf.reduce

// RED: error: invalid value for knob 'parallel.mm': "d3" is not in the domain {"none", "d1", "d2"}

func.func @g(%a: memref<1x6x8xf32>, %b: memref<1x8x20xf32>,
             %c: memref<1x6x20xf32>, %x: memref<37xf32>,
             %y: memref<37xf32>) {
  tl.generic {name = "mm", indexing_maps = [
                affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>,
                affine_map<(d0, d1, d2, d3) -> (d0, d3, d2)>,
                affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>],
              iterator_types = ["parallel", "parallel", "parallel",
                                "reduction"]}
      ins(%a, %b : memref<1x6x8xf32>, memref<1x8x20xf32>)
      outs(%c : memref<1x6x20xf32>) {
  ^bb0(%u: f32, %v: f32, %acc: f32):
    %p = arith.mulf %u, %v : f32
    %s = arith.addf %acc, %p : f32
    tl.yield %s : f32
  }
  tl.generic {name = "ew", indexing_maps = [affine_map<(d0) -> (d0)>,
              affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]}
      ins(%x : memref<37xf32>) outs(%y : memref<37xf32>) {
  ^bb0(%in: f32, %o: f32):
    %m = arith.mulf %in, %in : f32
    tl.yield %m : f32
  }
  return
}
