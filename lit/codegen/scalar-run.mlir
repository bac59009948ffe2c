// Numbers from compiled code: integer division semantics, casts, math,
// cf loops with block arguments and a strided matmul, linked with a C
// driver.
// RUN: edge-opt %s --emit=obj -o %t.o
// RUN: cc %S/Inputs/scalar_driver.c %t.o -o %t.exe -lm
// RUN: %t.exe | FileCheck %s
// RUN: edge-opt %s --emit=obj --target=host,O=0 -o %t0.o
// RUN: cc %S/Inputs/scalar_driver.c %t0.o -o %t0.exe -lm
// RUN: %t0.exe | FileCheck %s

// Pairs: (7,2) (-7,2) (7,-2) (-7,-2) (6,3) (-6,3)
// CHECK: ceildivsi: 4 -3 -3 4 2 -2
// CHECK: floordivsi: 3 -4 -4 3 2 -2
// CHECK: remsi: 1 -1 1 -1 0 0
// CHECK: maxsi: 7 2 7 -2 6 3
// CHECK: shrsi: 1 -2 1 -2 1 -2
// CHECK: fmix: 3.500000
// CHECK: count: 45 0
// CHECK: matmul: 58 64 139 154 (untouched 0)
// CHECK: views: 13 14 15 19 20 21 | 13 15 | 21 19 | 10
// CHECK: column: 4 10 16 22
// CHECK: collatz: 111 0

func.func @divs(%a: i32, %b: i32, %w: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %c2 = arith.constant 2 : i32
  %c3 = arith.constant 3 : i32
  %is0 = arith.cmpi eq, %w, %c0 : i32
  %r = scf.if %is0 -> (i32) {
    %q = arith.ceildivsi %a, %b : i32
    scf.yield %q : i32
  } else {
    %is1 = arith.cmpi eq, %w, %c1 : i32
    %r1 = scf.if %is1 -> (i32) {
      %q = arith.floordivsi %a, %b : i32
      scf.yield %q : i32
    } else {
      %is2 = arith.cmpi eq, %w, %c2 : i32
      %is3 = arith.cmpi eq, %w, %c3 : i32
      %rem = arith.remsi %a, %b : i32
      %max = arith.maxsi %a, %b : i32
      %sh = arith.shrsi %a, %c2 : i32
      %s1 = arith.select %is3, %max, %sh : i32
      %s2 = arith.select %is2, %rem, %s1 : i32
      scf.yield %s2 : i32
    }
    scf.yield %r1 : i32
  }
  return %r : i32
}

// sqrt(x) * sqrt(x) + extf(y) * 3 = 2 + 1.5
func.func @fmix(%x: f64, %y: f32) -> f64 {
  %s = math.sqrt %x : f64
  %p = arith.mulf %s, %s : f64
  %e = arith.extf %y : f32 to f64
  %c3 = arith.constant 3.0 : f64
  %t = math.fma %e, %c3, %p : f64
  return %t : f64
}

// Sum of 0..n-1 with an explicit cf loop.
func.func @count(%n: i64) -> i64 {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  cf.br ^head(%c0, %c0 : i64, i64)
^head(%i: i64, %acc: i64):
  %lt = arith.cmpi slt, %i, %n : i64
  cf.cond_br %lt, ^body, ^exit(%acc : i64)
^body:
  %a2 = arith.addi %acc, %i : i64
  %i2 = arith.addi %i, %c1 : i64
  cf.br ^head(%i2, %a2 : i64, i64)
^exit(%r: i64):
  return %r : i64
}

func.func @matmul(%a: memref<2x3xf32>, %b: memref<3x2xf32>,
                  %c: memref<2x2xf32, strided<[?, 1], offset: ?>>) {
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
        %p = arith.mulf %x, %y : f32
        %q = arith.addf %acc, %p : f32
        scf.yield %q : f32
      }
      memref.store %s, %c[%i, %j] : memref<2x2xf32, strided<[?, 1], offset: ?>>
    }
  }
  return
}

// Views of a 4x6 buffer holding 0..23: a rank-reducing subview, a strided
// subview, a collapse of a 2-D subview and expand_shape/reinterpret_cast.
func.func @views(%m: memref<4x6xf32>, %o: memref<11xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %c5 = arith.constant 5 : index
  // rows 2..3, cols 1..3
  %s = memref.subview %m[2, 1] [2, 3] [1, 1] : memref<4x6xf32> to memref<2x3xf32, strided<[6, 1], offset: 13>>
  scf.for %i = %c0 to %c2 step %c1 {
    scf.for %j = %c0 to %c3 step %c1 {
      %v = memref.load %s[%i, %j] : memref<2x3xf32, strided<[6, 1], offset: 13>>
      %k0 = arith.muli %i, %c3 : index
      %k = arith.addi %k0, %j : index
      memref.store %v, %o[%k] : memref<11xf32>
    }
  }
  // Row 2 with stride 2 from column 1 (rank-reducing): 13, 15.
  %r = memref.subview %m[2, 1] [1, 2] [1, 2] : memref<4x6xf32> to memref<2xf32, strided<[2], offset: 13>>
  %a = memref.load %r[%c0] : memref<2xf32, strided<[2], offset: 13>>
  %b = memref.load %r[%c1] : memref<2xf32, strided<[2], offset: 13>>
  %c6 = arith.constant 6 : index
  %c7 = arith.constant 7 : index
  memref.store %a, %o[%c6] : memref<11xf32>
  memref.store %b, %o[%c7] : memref<11xf32>
  // Collapse then expand: [4x6] -> [24] -> [2x12]; element (1, 9) = 21.
  %f = memref.collapse_shape %m [[0, 1]] : memref<4x6xf32> into memref<24xf32>
  %e = memref.expand_shape %f [[0, 1]] output_shape [2, 12] : memref<24xf32> into memref<2x12xf32>
  %c9 = arith.constant 9 : index
  %x = memref.load %e[%c1, %c9] : memref<2x12xf32>
  %c8 = arith.constant 8 : index
  memref.store %x, %o[%c8] : memref<11xf32>
  // reinterpret_cast: a 3x2 view at offset 1 with strides [6, 6]:
  // element (3, 0) = 1 + 18 = 19.
  %rc = memref.reinterpret_cast %m to offset: [1], sizes: [4, 2], strides: [6, 6] : memref<4x6xf32> to memref<4x2xf32, strided<[6, 6], offset: 1>>
  %y = memref.load %rc[%c3, %c0] : memref<4x2xf32, strided<[6, 6], offset: 1>>
  %c10i = arith.constant 10 : index
  %c9i = arith.constant 9 : index
  memref.store %y, %o[%c9i] : memref<11xf32>
  // memref.dim of a dynamic-sized cast: 10.
  %dyn = memref.cast %o : memref<11xf32> to memref<?xf32>
  %n = memref.dim %dyn, %c0 : memref<?xf32>
  %n1 = arith.subi %n, %c1 : index
  %ni = arith.index_cast %n1 : index to i64
  %nf = arith.sitofp %ni : i64 to f32
  memref.store %nf, %o[%c10i] : memref<11xf32>
  return
}

// A strided copy (loops): column 4 of a 4x6 buffer into a 4-vector.
func.func @column(%m: memref<4x6xf32>, %o: memref<4xf32>) {
  %s = memref.subview %m[0, 4] [4, 1] [1, 1] : memref<4x6xf32> to memref<4xf32, strided<[6], offset: 4>>
  memref.copy %s, %o : memref<4xf32, strided<[6], offset: 4>> to memref<4xf32>
  return
}

// scf.while: the Collatz steps of n.
func.func @collatz(%n: i64) -> i64 {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %c2 = arith.constant 2 : i64
  %c3 = arith.constant 3 : i64
  %r:2 = scf.while (%x = %n, %k = %c0) : (i64, i64) -> (i64, i64) {
    %more = arith.cmpi sgt, %x, %c1 : i64
    scf.condition(%more) %x, %k : i64, i64
  } do {
  ^bb0(%y: i64, %j: i64):
    %odd = arith.remsi %y, %c2 : i64
    %isodd = arith.cmpi ne, %odd, %c0 : i64
    %t = arith.muli %y, %c3 : i64
    %t1 = arith.addi %t, %c1 : i64
    %h = arith.divsi %y, %c2 : i64
    %next = arith.select %isodd, %t1, %h : i64
    %j1 = arith.addi %j, %c1 : i64
    scf.yield %next, %j1 : i64, i64
  }
  return %r#1 : i64
}
