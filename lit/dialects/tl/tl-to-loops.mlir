// tl-to-loops: each tl op on memrefs becomes a perfect scf.for nest, one
// loop per iterator in order, with memref.load of the ins at their maps,
// the body, and memref.store of the yielded values.
// RUN: edge-opt %s -tl-to-loops | FileCheck %s
// The output verifies again and holds no tl op.
// RUN: edge-opt %s -tl-to-loops | edge-opt | FileCheck %s --check-prefix=NOTL
// NOTL: module
// NOTL-NOT: tl.
// NOTL: func.func @pack

#id2 = affine_map<(d0, d1) -> (d0, d1)>
#md = affine_map<(d0) -> (d0 mod 3, d0 floordiv 3, d0 ceildiv 4)>
#id1 = affine_map<(d0) -> (d0)>
#s = affine_map<() -> ()>
#t = affine_map<(d0, d1) -> (d1, d0)>

// A copy writes the out without reading it.
// CHECK-LABEL: func.func @copy
// CHECK-SAME: (%[[A:.*]]: memref<2x3xf32>, %[[B:.*]]: memref<2x3xf32>)
// CHECK-DAG: %[[C0:.*]] = arith.constant 0 : index
// CHECK-DAG: %[[C1:.*]] = arith.constant 1 : index
// CHECK-DAG: %[[C2:.*]] = arith.constant 2 : index
// CHECK-DAG: %[[C3:.*]] = arith.constant 3 : index
// CHECK: scf.for %[[I:.*]] = %[[C0]] to %[[C2]] step %[[C1]] {
// CHECK-NEXT: scf.for %[[J:.*]] = %[[C0]] to %[[C3]] step %[[C1]] {
// CHECK-NEXT: %[[V:.*]] = memref.load %[[A]][%[[I]], %[[J]]] : memref<2x3xf32>
// CHECK-NEXT: memref.store %[[V]], %[[B]][%[[I]], %[[J]]] : memref<2x3xf32>
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: return
func.func @copy(%a: memref<2x3xf32>, %b: memref<2x3xf32>) {
  tl.copy ins(%a : memref<2x3xf32>) outs(%b : memref<2x3xf32>)
  return
}

// Elementwise add through a transposed map; the same load is not repeated.
// CHECK-LABEL: func.func @add
// CHECK-SAME: (%[[A:.*]]: memref<4x3xf32>, %[[B:.*]]: memref<3x4xf32>, %[[C:.*]]: memref<3x4xf32>)
// CHECK: scf.for %[[I:.*]] = %{{.*}} to %[[C3:.*]] step
// CHECK-NEXT: scf.for %[[J:.*]] = %{{.*}} to %[[C4:.*]] step
// CHECK-NEXT: %[[X:.*]] = memref.load %[[A]][%[[J]], %[[I]]] : memref<4x3xf32>
// CHECK-NEXT: %[[Y:.*]] = memref.load %[[B]][%[[I]], %[[J]]] : memref<3x4xf32>
// CHECK-NEXT: %[[S:.*]] = arith.addf %[[X]], %[[Y]] : f32
// CHECK-NEXT: %[[T:.*]] = arith.addf %[[S]], %[[Y]] : f32
// CHECK-NEXT: memref.store %[[T]], %[[C]][%[[I]], %[[J]]] : memref<3x4xf32>
func.func @add(%a: memref<4x3xf32>, %b: memref<3x4xf32>, %c: memref<3x4xf32>) {
  tl.generic {indexing_maps = [#t, #id2, #id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%a, %b, %b : memref<4x3xf32>, memref<3x4xf32>, memref<3x4xf32>) outs(%c : memref<3x4xf32>) {
  ^bb0(%x: f32, %y: f32, %z: f32, %o: f32):
    %s = arith.addf %x, %y : f32
    %t = arith.addf %s, %z : f32
    tl.yield %t : f32
  }
  return
}

// A matmul: the reduction loop is innermost and the out is read, updated
// and written back in it.
// CHECK-LABEL: func.func @matmul
// CHECK-SAME: (%[[A:.*]]: memref<4x8xf32>, %[[B:.*]]: memref<8x16xf32>, %[[C:.*]]: memref<4x16xf32>)
// CHECK-DAG: %[[C4:.*]] = arith.constant 4 : index
// CHECK-DAG: %[[C8:.*]] = arith.constant 8 : index
// CHECK-DAG: %[[C16:.*]] = arith.constant 16 : index
// CHECK: scf.for %[[M:.*]] = %{{.*}} to %[[C4]] step
// CHECK-NEXT: scf.for %[[N:.*]] = %{{.*}} to %[[C16]] step
// CHECK-NEXT: scf.for %[[K:.*]] = %{{.*}} to %[[C8]] step
// CHECK-NEXT: %[[X:.*]] = memref.load %[[A]][%[[M]], %[[K]]]
// CHECK-NEXT: %[[Y:.*]] = memref.load %[[B]][%[[K]], %[[N]]]
// CHECK-NEXT: %[[ACC:.*]] = memref.load %[[C]][%[[M]], %[[N]]]
// CHECK-NEXT: %[[P:.*]] = arith.mulf %[[X]], %[[Y]] : f32
// CHECK-NEXT: %[[S:.*]] = arith.addf %[[ACC]], %[[P]] : f32
// CHECK-NEXT: memref.store %[[S]], %[[C]][%[[M]], %[[N]]]
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: }
func.func @matmul(%a: memref<4x8xf32>, %b: memref<8x16xf32>, %c: memref<4x16xf32>) {
  tl.matmul ins(%a, %b : memref<4x8xf32>, memref<8x16xf32>) outs(%c : memref<4x16xf32>)
  return
}

// int8 matmul: the zero-point constant is hoisted before the nest.
// CHECK-LABEL: func.func @matmul_i8
// CHECK: %[[ZP:.*]] = arith.constant -3 : i32
// CHECK-NEXT: scf.for
// CHECK: %[[E:.*]] = arith.extsi %{{.*}} : i8 to i32
// CHECK-NEXT: arith.subi %[[E]], %[[ZP]] : i32
func.func @matmul_i8(%a: memref<4x8xi8>, %b: memref<8x16xi8>, %c: memref<4x16xi32>) {
  tl.matmul {lhs_zp = -3 : i64} ins(%a, %b : memref<4x8xi8>, memref<8x16xi8>) outs(%c : memref<4x16xi32>)
  return
}

// A strided convolution: 7 loops (n, f, oh, ow, c, kh, kw); each index
// expression is computed in the outermost loop where it is defined.
// CHECK-LABEL: func.func @conv2d
// CHECK-SAME: (%[[X:.*]]: memref<1x3x9x9xf32>, %[[W:.*]]: memref<8x3x3x3xf32>, %[[Y:.*]]: memref<1x8x4x4xf32>)
// CHECK-DAG: %[[C2:.*]] = arith.constant 2 : index
// CHECK-DAG: %[[C3:.*]] = arith.constant 3 : index
// CHECK: scf.for %[[N:.*]] = %{{.*}} to %{{.*}} step
// CHECK-NEXT: scf.for %[[F:.*]] = %{{.*}} to %{{.*}} step
// CHECK-NEXT: scf.for %[[OH:.*]] = %{{.*}} to %{{.*}} step
// CHECK-NEXT: %[[OH2:.*]] = arith.muli %[[OH]], %[[C2]] : index
// CHECK-NEXT: scf.for %[[OW:.*]] = %{{.*}} to %{{.*}} step
// CHECK-NEXT: %[[OW2:.*]] = arith.muli %[[OW]], %[[C2]] : index
// CHECK-NEXT: scf.for %[[C:.*]] = %{{.*}} to %[[C3]] step
// CHECK-NEXT: scf.for %[[KH:.*]] = %{{.*}} to %[[C3]] step
// CHECK-NEXT: %[[H:.*]] = arith.addi %[[OH2]], %[[KH]] : index
// CHECK-NEXT: scf.for %[[KW:.*]] = %{{.*}} to %[[C3]] step
// CHECK-NEXT: %[[WW:.*]] = arith.addi %[[OW2]], %[[KW]] : index
// CHECK-NEXT: memref.load %[[X]][%[[N]], %[[C]], %[[H]], %[[WW]]]
// CHECK-NEXT: memref.load %[[W]][%[[F]], %[[C]], %[[KH]], %[[KW]]]
// CHECK-NEXT: memref.load %[[Y]][%[[N]], %[[F]], %[[OH]], %[[OW]]]
// CHECK-NEXT: arith.mulf
// CHECK-NEXT: arith.addf
// CHECK-NEXT: memref.store %{{.*}}, %[[Y]][%[[N]], %[[F]], %[[OH]], %[[OW]]]
func.func @conv2d(%x: memref<1x3x9x9xf32>, %w: memref<8x3x3x3xf32>, %y: memref<1x8x4x4xf32>) {
  tl.conv2d {strides = array<i64: 2, 2>} ins(%x, %w : memref<1x3x9x9xf32>, memref<8x3x3x3xf32>) outs(%y : memref<1x8x4x4xf32>)
  return
}

// Pooling: the window loops take their bounds from loop_bounds.
// CHECK-LABEL: func.func @pool
// CHECK-DAG: %[[C3:.*]] = arith.constant 3 : index
// CHECK-COUNT-4: scf.for
// CHECK: scf.for %[[KH:.*]] = %{{.*}} to %[[C3]] step
// CHECK-NEXT: %[[H:.*]] = arith.addi %{{.*}}, %[[KH]] : index
// CHECK-NEXT: scf.for %[[KW:.*]] = %{{.*}} to %[[C3]] step
// CHECK-NEXT: %[[W:.*]] = arith.addi %{{.*}}, %[[KW]] : index
// CHECK-NEXT: %[[X:.*]] = memref.load %{{.*}}[%{{.*}}, %{{.*}}, %[[H]], %[[W]]]
// CHECK-NEXT: %[[ACC:.*]] = memref.load
// CHECK-NEXT: arith.maximumf %[[ACC]], %[[X]] : f32
func.func @pool(%x: memref<1x2x7x7xf32>, %y: memref<1x2x5x5xf32>) {
  tl.pool {kind = "max", window = array<i64: 3, 3>} ins(%x : memref<1x2x7x7xf32>) outs(%y : memref<1x2x5x5xf32>)
  return
}

// A scalar in is used directly.
// CHECK-LABEL: func.func @fill
// CHECK-SAME: (%[[V:.*]]: f32, %[[A:.*]]: memref<2x3xf32>)
// CHECK: memref.store %[[V]], %[[A]][%{{.*}}, %{{.*}}] : memref<2x3xf32>
func.func @fill(%v: f32, %a: memref<2x3xf32>) {
  tl.fill ins(%v : f32) outs(%a : memref<2x3xf32>)
  return
}

// Dynamic sizes come from memref.dim.
// CHECK-LABEL: func.func @dynamic
// CHECK-SAME: (%[[A:.*]]: memref<?x4xf32>, %[[B:.*]]: memref<?x4xf32>)
// CHECK: %[[D:.*]] = memref.dim %[[A]], %[[C0:.*]] : memref<?x4xf32>
// CHECK: scf.for %{{.*}} = %[[C0]] to %[[D]] step
func.func @dynamic(%a: memref<?x4xf32>, %b: memref<?x4xf32>) {
  tl.elementwise {kind = "relu"} ins(%a : memref<?x4xf32>) outs(%b : memref<?x4xf32>)
  return
}

// mod, floordiv and ceildiv as MLIR's affine lowering computes them.
// CHECK-LABEL: func.func @moddiv
// CHECK-DAG: %[[C0:.*]] = arith.constant 0 : index
// CHECK-DAG: %[[C1:.*]] = arith.constant 1 : index
// CHECK-DAG: %[[C3:.*]] = arith.constant 3 : index
// CHECK-DAG: %[[CM1:.*]] = arith.constant -1 : index
// CHECK-DAG: %[[C4:.*]] = arith.constant 4 : index
// CHECK: scf.for %[[I:.*]] = %[[C0]] to
// CHECK-NEXT: %[[R:.*]] = arith.remsi %[[I]], %[[C3]] : index
// CHECK-NEXT: %[[N:.*]] = arith.cmpi slt, %[[R]], %[[C0]] : index
// CHECK-NEXT: %[[RA:.*]] = arith.addi %[[R]], %[[C3]] : index
// CHECK-NEXT: %[[MOD:.*]] = arith.select %[[N]], %[[RA]], %[[R]] : index
// CHECK-NEXT: %[[N2:.*]] = arith.cmpi slt, %[[I]], %[[C0]] : index
// CHECK-NEXT: %[[NI:.*]] = arith.subi %[[CM1]], %[[I]] : index
// CHECK-NEXT: %[[DD:.*]] = arith.select %[[N2]], %[[NI]], %[[I]] : index
// CHECK-NEXT: %[[Q:.*]] = arith.divsi %[[DD]], %[[C3]] : index
// CHECK-NEXT: %[[NQ:.*]] = arith.subi %[[CM1]], %[[Q]] : index
// CHECK-NEXT: %[[FD:.*]] = arith.select %[[N2]], %[[NQ]], %[[Q]] : index
// CHECK-NEXT: %[[NP:.*]] = arith.cmpi sle, %[[I]], %[[C0]] : index
// CHECK-NEXT: %[[NEG:.*]] = arith.subi %[[C0]], %[[I]] : index
// CHECK-NEXT: %[[POS:.*]] = arith.subi %[[I]], %[[C1]] : index
// CHECK-NEXT: %[[D2:.*]] = arith.select %[[NP]], %[[NEG]], %[[POS]] : index
// CHECK-NEXT: %[[Q2:.*]] = arith.divsi %[[D2]], %[[C4]] : index
// CHECK-NEXT: %[[NQ2:.*]] = arith.subi %[[C0]], %[[Q2]] : index
// CHECK-NEXT: %[[PQ2:.*]] = arith.addi %[[Q2]], %[[C1]] : index
// CHECK-NEXT: %[[CD:.*]] = arith.select %[[NP]], %[[NQ2]], %[[PQ2]] : index
// CHECK-NEXT: memref.load %{{.*}}[%[[MOD]], %[[FD]], %[[CD]]] : memref<3x4x4xf32>
func.func @moddiv(%a: memref<3x4x4xf32>, %b: memref<12xf32>) {
  tl.generic {indexing_maps = [#md, #id1], iterator_types = ["parallel"]} ins(%a : memref<3x4x4xf32>) outs(%b : memref<12xf32>) {
  ^bb0(%x: f32, %y: f32):
    tl.yield %x : f32
  }
  return
}

// No iterators: no loops.
// CHECK-LABEL: func.func @zero_d
// CHECK-SAME: (%[[A:.*]]: memref<f32>, %[[B:.*]]: memref<f32>)
// CHECK-NEXT: %[[X:.*]] = memref.load %[[A]][] : memref<f32>
// CHECK-NEXT: %[[Y:.*]] = memref.load %[[B]][] : memref<f32>
// CHECK-NEXT: %[[Z:.*]] = arith.addf %[[X]], %[[Y]] : f32
// CHECK-NEXT: memref.store %[[Z]], %[[B]][] : memref<f32>
// CHECK-NEXT: return
func.func @zero_d(%a: memref<f32>, %b: memref<f32>) {
  tl.generic {indexing_maps = [#s, #s], iterator_types = []} ins(%a : memref<f32>) outs(%b : memref<f32>) {
  ^bb0(%x: f32, %y: f32):
    %z = arith.addf %x, %y : f32
    tl.yield %z : f32
  }
  return
}

// Packing to NCHW4c: the source channel is outer * 4 + inner.
// CHECK-LABEL: func.func @pack
// CHECK: scf.for %{{.*}} = %{{.*}} to %{{.*}} step
// CHECK-NEXT: scf.for %[[CO:.*]] = %{{.*}} to %[[C8:.*]] step
// CHECK-NEXT: %[[B:.*]] = arith.muli %[[CO]], %[[C4:.*]] : index
// CHECK-COUNT-3: scf.for
// CHECK-NEXT: %[[CH:.*]] = arith.addi %[[B]], %{{.*}} : index
// CHECK-NEXT: memref.load %{{.*}}[%{{.*}}, %[[CH]], %{{.*}}, %{{.*}}] : memref<1x32x8x8xf32>
func.func @pack(%x: memref<1x32x8x8xf32>, %y: memref<1x8x8x8x4xf32>) {
  tl.pack {inner_dims_pos = array<i64: 1>, inner_tiles = array<i64: 4>} ins(%x : memref<1x32x8x8xf32>) outs(%y : memref<1x8x8x8x4xf32>)
  return
}
