// unroll-jam after tl-to-loops: register blocks of a tiled, vectorized
// matmul (rows i, i+1 x the two vectors of a 16-wide tile of j, carried
// in iter_args through k, multiply-adds contracted) and of a convolution
// (ow, ow+1 fused down through kh and kw to the c loop).
// RUN: edge-opt %s -pass-pipeline='builtin.module(tl-to-loops,canonicalize,unroll-jam,canonicalize)' --knob interchange.mm=d0,d2,d1 --knob vectorize.mm=8 --knob tile.mm.1=16 --knob interchange.cv=d0,d1,d2,d4,d5,d6,d3 --knob vectorize.cv=4 --knob unroll_jam.scf.for_1.factor=2 --knob unroll_jam.scf.for_5.factor=2 --knob unroll_jam.scf.for_1.contract=true | FileCheck %s
// RUN: edge-opt %s -pass-pipeline='builtin.module(tl-to-loops,canonicalize,unroll-jam)' --knob interchange.mm=d0,d2,d1 --knob vectorize.mm=8 --knob tile.mm.1=16 --knob interchange.cv=d0,d1,d2,d4,d5,d6,d3 --knob vectorize.cv=4 --list-knobs | FileCheck %s --check-prefix=KNOBS

// CHECK-LABEL: func.func @mm(
// CHECK-SAME:      %[[A:[^:]*]]: memref<8x12xf32>, %[[B:[^:]*]]: memref<12x32xf32>, %[[C:[^:]*]]: memref<8x32xf32>)
// CHECK:         scf.for %[[JT:.*]] = %{{.*}} to %{{.*}} step %c16 {
// CHECK-NEXT:      scf.for %[[I:.*]] = %{{.*}} to %{{.*}} step %c2 {
// CHECK-NEXT:        %[[I1:.*]] = arith.addi %[[I]], %c1 : index
// CHECK-NEXT:        %[[J1:.*]] = arith.addi %[[JT]], %c8 : index
// CHECK-NEXT:        %[[J1B:.*]] = arith.addi %[[JT]], %c8 : index
// CHECK-NEXT:        %[[C00:.*]] = vector.load %[[C]][%[[I]], %[[JT]]] : memref<8x32xf32>, vector<8xf32>
// CHECK-NEXT:        %[[C01:.*]] = vector.load %[[C]][%[[I]], %[[J1]]]
// CHECK-NEXT:        %[[C10:.*]] = vector.load %[[C]][%[[I1]], %[[JT]]]
// CHECK-NEXT:        %[[C11:.*]] = vector.load %[[C]][%[[I1]], %[[J1B]]]
// CHECK-NEXT:        %[[R:.*]]:4 = scf.for %{{.*}} = %c0 to %c12 step %c1 iter_args(%[[S0:.*]] = %[[C00]], %{{.*}} = %[[C01]], %{{.*}} = %[[C10]], %{{.*}} = %[[C11]]) -> (vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>) {
// CHECK:               arith.mulf %{{.*}} fastmath<contract> : vector<8xf32>
// CHECK-NEXT:          arith.addf %[[S0]], %{{.*}} fastmath<contract> : vector<8xf32>
// CHECK-NOT:           vector.store
// CHECK-COUNT-3:       arith.addf {{.*}} fastmath<contract>
// CHECK-NEXT:          scf.yield
// CHECK-NEXT:        }
// CHECK-NEXT:        vector.store %[[R]]#0, %[[C]][%[[I]], %[[JT]]]
// CHECK-NEXT:        vector.store %[[R]]#1, %[[C]][%[[I]], %[[J1]]]
// CHECK-NEXT:        vector.store %[[R]]#2, %[[C]][%[[I1]], %[[JT]]]
// CHECK-NEXT:        vector.store %[[R]]#3, %[[C]][%[[I1]], %[[J1B]]]
// CHECK-NEXT:      }
// CHECK-NEXT:    }

// The conv's copies for ow and ow+1 share the kh, kw and c loops; its
// multiply-adds are not contracted (contract left at its default).
// CHECK-LABEL: func.func @conv(
// CHECK:         scf.for %[[OH:.*]] = %c0 to %c4 step %c1 {
// CHECK-NEXT:      scf.for %[[OW:.*]] = %c0 to %c4 step %c2 {
// CHECK-NEXT:        %[[OW1:.*]] = arith.addi %[[OW]], %c1 : index
// CHECK-NEXT:        scf.for %{{.*}} = %c0 to %c3 step %c1 {
// CHECK:               scf.for %{{.*}} = %c0 to %c3 step %c1 {
// CHECK-COUNT-4:         vector.load %arg2
// CHECK-NEXT:            %[[Y:.*]]:4 = scf.for %{{.*}} = %c0 to %c2 step %c1 iter_args
// CHECK-NOT:               fastmath
// CHECK:                   scf.yield
// CHECK-NEXT:            }
// CHECK-NEXT:            vector.store %[[Y]]#0, %arg2[%c0, %[[OH]], %[[OW]], %c0]
// CHECK-NEXT:            vector.store %[[Y]]#1, %arg2[%c0, %[[OH]], %[[OW]], %c4]
// CHECK-NEXT:            vector.store %[[Y]]#2, %arg2[%c0, %[[OH]], %[[OW1]], %c0]
// CHECK-NEXT:            vector.store %[[Y]]#3, %arg2[%c0, %[[OH]], %[[OW1]], %c4]

// The matmul's row loop (over the reduction k) and the conv's oh and ow
// loops are the nests that can be jammed; with every factor at 1 no
// contract knob is asked.
// KNOBS-NOT:  contract
// KNOBS:      "name": "unroll_jam.scf.for_1.factor",
// KNOBS-NEXT: "domain": {"kind": "set", "values": [1, 2, 4, 8]},
// KNOBS:      "name": "unroll_jam.scf.for_4.factor",
// KNOBS-NEXT: "domain": {"kind": "set", "values": [1, 2, 4]},
// KNOBS:      "name": "unroll_jam.scf.for_5.factor",
// KNOBS-NEXT: "domain": {"kind": "set", "values": [1, 2, 4]},
// KNOBS-NOT:  contract

func.func @mm(%a: memref<8x12xf32>, %b: memref<12x32xf32>, %c: memref<8x32xf32>) {
  tl.matmul {name = "mm"} ins(%a, %b : memref<8x12xf32>, memref<12x32xf32>) outs(%c : memref<8x32xf32>)
  return
}

func.func @conv(%x: memref<1x6x6x2xf32>, %w: memref<3x3x2x8xf32>, %y: memref<1x4x4x8xf32>) {
  tl.conv2d {name = "cv", layout = "nhwc_hwcf"} ins(%x, %w : memref<1x6x6x2xf32>, memref<3x3x2x8xf32>) outs(%y : memref<1x4x4x8xf32>)
  return
}
