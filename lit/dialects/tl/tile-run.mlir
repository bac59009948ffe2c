// tl-to-loops with tiling and interchange knobs, run through MLIR: the
// matmul, strided convolution and sum pooling of tl-to-loops-run.mlir,
// tiled (partial tiles included) and interchanged, lowered to the LLVM
// dialect by mlir-opt and run by mlir-cpu-runner; the checksum must be
// the untiled one (see tl-to-loops-run.mlir for how it is computed).
// REQUIRES: mlir-opt
// RUN: edge-opt %s -tl-to-loops --knob tile.mm.0=2 --knob tile.mm.1=4 \
// RUN:   --knob tile.mm.2=4 --knob interchange.mm=d2,d0,d1 \
// RUN:   --knob tile.cv.1=4 --knob tile.cv.2=2 --knob tile.cv.4=2 \
// RUN:   --knob interchange.cv=d0,d4,d1,d2,d3,d5,d6 \
// RUN:   --knob tile.pl.1=2 --knob tile.pl.3=2 \
// RUN:   --knob interchange.pl=d3,d0,d1,d2,d4,d5 \
// RUN:   | FileCheck %s --check-prefix=LOOPS
// The matmul's outermost loop is k's tile loop; conv and pool clamp the
// partial tiles of their 3-long loops.
// LOOPS: scf.for %{{.*}} = %{{.*}} to %c8 step %c4
// LOOPS-COUNT-2: arith.minsi
// RUN: edge-opt %s -tl-to-loops --knob tile.mm.0=2 --knob tile.mm.1=4 \
// RUN:   --knob tile.mm.2=4 --knob interchange.mm=d2,d0,d1 \
// RUN:   --knob tile.cv.1=4 --knob tile.cv.2=2 --knob tile.cv.4=2 \
// RUN:   --knob interchange.cv=d0,d4,d1,d2,d3,d5,d6 \
// RUN:   --knob tile.pl.1=2 --knob tile.pl.3=2 \
// RUN:   --knob interchange.pl=d3,d0,d1,d2,d4,d5 \
// RUN:   | %mlir_opt -convert-scf-to-cf -convert-cf-to-llvm \
// RUN:       -expand-strided-metadata -lower-affine -convert-arith-to-llvm \
// RUN:       -finalize-memref-to-llvm -convert-func-to-llvm \
// RUN:       -reconcile-unrealized-casts \
// RUN:   | mlir-cpu-runner -e main -entry-point-result=f32 | FileCheck %s
// CHECK: -6.013060e+05

// init: v[flat] = (flat * 7 mod 11) - 5
func.func @init2(%m: memref<?x?xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c7 = arith.constant 7 : index
  %c11 = arith.constant 11 : index
  %c5 = arith.constant 5 : index
  %d0 = memref.dim %m, %c0 : memref<?x?xf32>
  %d1 = memref.dim %m, %c1 : memref<?x?xf32>
  scf.for %i = %c0 to %d0 step %c1 {
    scf.for %j = %c0 to %d1 step %c1 {
      %r = arith.muli %i, %d1 : index
      %f = arith.addi %r, %j : index
      %m7 = arith.muli %f, %c7 : index
      %md = arith.remsi %m7, %c11 : index
      %v = arith.subi %md, %c5 : index
      %vi = arith.index_cast %v : index to i64
      %vf = arith.sitofp %vi : i64 to f32
      memref.store %vf, %m[%i, %j] : memref<?x?xf32>
    }
  }
  return
}
// checksum: sum v[flat] * (flat mod 7 + 1)
func.func @sum2(%m: memref<?x?xf32>) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c7 = arith.constant 7 : index
  %z = arith.constant 0.0 : f32
  %d0 = memref.dim %m, %c0 : memref<?x?xf32>
  %d1 = memref.dim %m, %c1 : memref<?x?xf32>
  %s = scf.for %i = %c0 to %d0 step %c1 iter_args(%a = %z) -> (f32) {
    %t = scf.for %j = %c0 to %d1 step %c1 iter_args(%b = %a) -> (f32) {
      %r = arith.muli %i, %d1 : index
      %f = arith.addi %r, %j : index
      %w = arith.remsi %f, %c7 : index
      %w1 = arith.addi %w, %c1 : index
      %wi = arith.index_cast %w1 : index to i64
      %wf = arith.sitofp %wi : i64 to f32
      %v = memref.load %m[%i, %j] : memref<?x?xf32>
      %p = arith.mulf %v, %wf : f32
      %n = arith.addf %b, %p : f32
      scf.yield %n : f32
    }
    scf.yield %t : f32
  }
  return %s : f32
}
func.func @main() -> f32 {
  %zero = arith.constant 0.0 : f32
  %a = memref.alloc() : memref<4x8xf32>
  %b = memref.alloc() : memref<8x16xf32>
  %c = memref.alloc() : memref<4x16xf32>
  %a2 = memref.cast %a : memref<4x8xf32> to memref<?x?xf32>
  %b2 = memref.cast %b : memref<8x16xf32> to memref<?x?xf32>
  %c2 = memref.cast %c : memref<4x16xf32> to memref<?x?xf32>
  func.call @init2(%a2) : (memref<?x?xf32>) -> ()
  func.call @init2(%b2) : (memref<?x?xf32>) -> ()
  tl.fill ins(%zero : f32) outs(%c : memref<4x16xf32>)
  tl.matmul {name = "mm"} ins(%a, %b : memref<4x8xf32>, memref<8x16xf32>) outs(%c : memref<4x16xf32>)
  %s1 = func.call @sum2(%c2) : (memref<?x?xf32>) -> f32
  // conv 1x3x9x9 * 8x3x3x3 stride 2 -> 1x8x4x4, viewed as 27x9 / 72x3 / 8x16
  %x = memref.alloc() : memref<27x9xf32>
  %w = memref.alloc() : memref<72x3xf32>
  %y = memref.alloc() : memref<8x16xf32>
  %x2 = memref.cast %x : memref<27x9xf32> to memref<?x?xf32>
  %w2 = memref.cast %w : memref<72x3xf32> to memref<?x?xf32>
  %y2 = memref.cast %y : memref<8x16xf32> to memref<?x?xf32>
  func.call @init2(%x2) : (memref<?x?xf32>) -> ()
  func.call @init2(%w2) : (memref<?x?xf32>) -> ()
  func.call @init2(%y2) : (memref<?x?xf32>) -> ()
  %x4 = memref.expand_shape %x [[0, 1, 2], [3]] output_shape [1, 3, 9, 9] : memref<27x9xf32> into memref<1x3x9x9xf32>
  %w4 = memref.expand_shape %w [[0, 1, 2], [3]] output_shape [8, 3, 3, 3] : memref<72x3xf32> into memref<8x3x3x3xf32>
  %y4 = memref.expand_shape %y [[0, 1], [2, 3]] output_shape [1, 8, 4, 4] : memref<8x16xf32> into memref<1x8x4x4xf32>
  tl.conv2d {name = "cv", strides = array<i64: 2, 2>} ins(%x4, %w4 : memref<1x3x9x9xf32>, memref<8x3x3x3xf32>) outs(%y4 : memref<1x8x4x4xf32>)
  %s2 = func.call @sum2(%y2) : (memref<?x?xf32>) -> f32
  // sum pooling 2x2 stride 2 over %x4 (loop_bounds): 1x3x4x4 as 3x16
  %p = memref.alloc() : memref<3x16xf32>
  %p2 = memref.cast %p : memref<3x16xf32> to memref<?x?xf32>
  %p4 = memref.expand_shape %p [[0, 1], [2, 3]] output_shape [1, 3, 4, 4] : memref<3x16xf32> into memref<1x3x4x4xf32>
  tl.fill ins(%zero : f32) outs(%p : memref<3x16xf32>)
  tl.pool {name = "pl", kind = "sum", strides = array<i64: 2, 2>, window = array<i64: 2, 2>} ins(%x4 : memref<1x3x9x9xf32>) outs(%p4 : memref<1x3x4x4xf32>)
  %s3 = func.call @sum2(%p2) : (memref<?x?xf32>) -> f32
  // s1 * 4096 + s2 * 16 + s3, exact in f32
  %k4096 = arith.constant 4096.0 : f32
  %k16 = arith.constant 16.0 : f32
  %t1 = arith.mulf %s1, %k4096 : f32
  %t2 = arith.mulf %s2, %k16 : f32
  %t3 = arith.addf %t1, %t2 : f32
  %r = arith.addf %t3, %s3 : f32
  return %r : f32
}
