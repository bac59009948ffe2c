// scf.parallel run by the JIT on 1, 2 and 4 threads (edge-run
// --threads) and by the interpreter: the same bits every time. The
// loops read memref.dim sizes, a scalar argument and constants from
// outside, one is nested in an scf.for, one in another scf.parallel.
// RUN: %python %S/../dialects/graph/Inputs/npy-write.py %t.s.npy 1 "{'descr': '<f4', 'fortran_order': False, 'shape': (), }" 0000c03f
// RUN: edge-run --compile %s --input %t.s.npy --output %t.1.npy --print \
// RUN:   | FileCheck %s
// RUN: edge-run --compile %s --input %t.s.npy --output %t.2.npy --threads 2
// RUN: edge-run --compile %s --input %t.s.npy --output %t.4.npy --threads=4
// RUN: edge-run --interpret %s --input %t.s.npy --output %t.i.npy
// RUN: cmp %t.1.npy %t.2.npy
// RUN: cmp %t.1.npy %t.4.npy
// RUN: cmp %t.1.npy %t.i.npy

// out[i][j] = float((i * 31 + j * 7) mod 13) * s, then + 1 for every
// third row from 1, then the last column + 3 * 0.5.
// CHECK:      result 0: 50x30xf32
// CHECK-NEXT:   [0, 10.5, 1.5, 12, 3, 13.5, 4.5, 15, 6, 16.5, 7.5, 18, 9, 0, 10.5, 1.5, ... (1484 more)]

func.func @fill(%s: f32, %out: memref<50x30xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %c7 = arith.constant 7 : index
  %c13 = arith.constant 13 : index
  %c31 = arith.constant 31 : index
  %one = arith.constant 1.0 : f32
  %half = arith.constant 0.5 : f32
  %rows = memref.dim %out, %c0 : memref<50x30xf32>
  %cols = memref.dim %out, %c1 : memref<50x30xf32>
  scf.parallel (%i, %j) = (%c0, %c0) to (%rows, %cols) step (%c1, %c1) {
    %a = arith.muli %i, %c31 : index
    %b = arith.muli %j, %c7 : index
    %k = arith.addi %a, %b : index
    %r = arith.remsi %k, %c13 : index
    %ri = arith.index_cast %r : index to i32
    %x = arith.sitofp %ri : i32 to f32
    %y = arith.mulf %x, %s : f32
    memref.store %y, %out[%i, %j] : memref<50x30xf32>
  }
  scf.parallel (%i) = (%c1) to (%rows) step (%c3) {
    %x = memref.load %out[%i, %c0] : memref<50x30xf32>
    %y = arith.addf %x, %one : f32
    memref.store %y, %out[%i, %c0] : memref<50x30xf32>
  }
  %last = arith.subi %cols, %c1 : index
  scf.for %t = %c0 to %c3 step %c1 {
    scf.parallel (%i) = (%c0) to (%rows) step (%c1) {
      scf.parallel (%z) = (%c0) to (%c1) step (%c1) {
        %x = memref.load %out[%i, %last] : memref<50x30xf32>
        %y = arith.addf %x, %half : f32
        memref.store %y, %out[%i, %last] : memref<50x30xf32>
      }
    }
  }
  return
}
