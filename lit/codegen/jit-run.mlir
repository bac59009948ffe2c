// edge-run --compile: loop-level functions JIT-compiled and called
// through libffi with inputs from .npy files; trailing memref arguments
// without an --input are out-params, written like results.
//
// RUN: %python %S/../dialects/graph/Inputs/npy-write.py %t.a.npy 1 "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }" 000000c0000080bf000000000000803f0000004000004040
// RUN: %python %S/../dialects/graph/Inputs/npy-write.py %t.b.npy 1 "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }" 0000803f000080bf000000400000003f000040c000008040
// RUN: %python %S/../dialects/graph/Inputs/npy-write.py %t.s.npy 1 "{'descr': '<f4', 'fortran_order': False, 'shape': (), }" 00002040
// RUN: %python %S/../dialects/graph/Inputs/npy-write.py %t.n.npy 1 "{'descr': '<i4', 'fortran_order': False, 'shape': (), }" 07000000
// RUN: edge-run --compile %s --func matmul --input %t.a.npy --input %t.b.npy \
// RUN:   --print --output %t.c.npy | FileCheck %s --check-prefix=MM
// MM:      result 0: 2x2xf32
// MM-NEXT:   [-4, 1.5, -4, 12]
//
// The written out-param reads back; scalar arguments and results.
// RUN: edge-run --compile %s --func scale --input %t.c.npy --input %t.s.npy \
// RUN:   --input %t.n.npy --print | FileCheck %s --check-prefix=SC
// SC:      result 0: f32
// SC-NEXT:   [2.5]
// SC-NEXT: result 1: i32
// SC-NEXT:   [49]
// SC-NEXT: result 2: 2x2xf32
// SC-NEXT:   [-10, 3.75, -10, 30]
//
// --time reports the compile time and times the compiled calls.
// RUN: edge-run --compile %s --func matmul --input %t.a.npy --input %t.b.npy \
// RUN:   --repeat 3 --time | FileCheck %s --check-prefix=TIME
// TIME: compile: {{[0-9.]+}} ms
// TIME: time: min {{[0-9.]+}} ms, median {{[0-9.]+}} ms over 3 runs

func.func @matmul(%a: memref<2x3xf32>, %b: memref<3x2xf32>,
                  %c: memref<2x2xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %z = arith.constant 0.0 : f32
  scf.for %i = %c0 to %c2 step %c1 {
    scf.for %j = %c0 to %c2 step %c1 {
      %s = scf.for %k = %c0 to %c3 step %c1 iter_args(%acc = %z) -> (f32) {
        %x = memref.load %a[%i, %k] : memref<2x3xf32>
        %y = memref.load %b[%k, %j] : memref<3x2xf32>
        %m = arith.mulf %x, %y : f32
        %n = arith.addf %acc, %m : f32
        scf.yield %n : f32
      }
      memref.store %s, %c[%i, %j] : memref<2x2xf32>
    }
  }
  return
}

// out = in * s; returns s and n * n.
func.func @scale(%in: memref<2x2xf32>, %s: f32, %n: i32,
                 %out: memref<2x2xf32>) -> (f32, i32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  scf.for %i = %c0 to %c2 step %c1 {
    scf.for %j = %c0 to %c2 step %c1 {
      %x = memref.load %in[%i, %j] : memref<2x2xf32>
      %y = arith.mulf %x, %s : f32
      memref.store %y, %out[%i, %j] : memref<2x2xf32>
    }
  }
  %nn = arith.muli %n, %n : i32
  return %s, %nn : f32, i32
}
