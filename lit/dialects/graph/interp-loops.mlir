// The interpreter below the graph level (dialects/graph/interp_loops.c):
// arith with MLIR's wrapping and rounding rules, math, scf.for/if/while,
// cf branches, memref buffers and views, func.call and tl ops on tensors
// and memrefs, run through edge-run on constants.
//
// RUN: edge-run --interpret %s --func ints --print | FileCheck %s --check-prefix=INTS
// INTS:      result 0: i32
// INTS-NEXT:   [-2147483648]
// INTS-NEXT: result 1: i8
// INTS-NEXT:   [16]
// INTS-NEXT: result 2: i32
// INTS-NEXT:   [-3]
// INTS-NEXT: result 3: i32
// INTS-NEXT:   [-4]
// INTS-NEXT: result 4: i32
// INTS-NEXT:   [-3]
// INTS-NEXT: result 5: i32
// INTS-NEXT:   [-1]
// INTS-NEXT: result 6: i8
// INTS-NEXT:   [44]
// INTS-NEXT: result 7: i32
// INTS-NEXT:   [255]
// INTS-NEXT: result 8: i8
// INTS-NEXT:   [-16]
// INTS-NEXT: result 9: i8
// INTS-NEXT:   [15]
// INTS-NEXT: result 10: i8
// INTS-NEXT:   [-1]
// INTS-NEXT: result 11: bool
// INTS-NEXT:   [true]
func.func @ints() -> (i32, i8, i32, i32, i32, i32, i8, i32, i8, i8, i8,
                      i1) {
  %max = arith.constant 2147483647 : i32
  %one = arith.constant 1 : i32
  %wrap = arith.addi %max, %one : i32
  %h = arith.constant 100 : i8
  %sq = arith.muli %h, %h : i8
  %m7 = arith.constant -7 : i32
  %two = arith.constant 2 : i32
  %div = arith.divsi %m7, %two : i32
  %floor = arith.floordivsi %m7, %two : i32
  %ceil = arith.ceildivsi %m7, %two : i32
  %rem = arith.remsi %m7, %two : i32
  %big = arith.constant 300 : i32
  %tr = arith.trunci %big : i32 to i8
  %m1 = arith.constant -1 : i8
  %zx = arith.extui %m1 : i8 to i32
  %s4 = arith.constant 4 : i8
  %shl = arith.shli %m1, %s4 : i8
  %shr = arith.shrui %shl, %s4 : i8
  %shr2 = arith.shrsi %shl, %s4 : i8
  %ult = arith.cmpi ugt, %m1, %s4 : i8
  return %wrap, %sq, %div, %floor, %ceil, %rem, %tr, %zx, %shl, %shr,
    %shr2, %ult : i32, i8, i32, i32, i32, i32, i8, i32, i8, i8, i8, i1
}

// RUN: edge-run --interpret %s --func floats --print | FileCheck %s --check-prefix=FLOATS
// FLOATS:      result 0: f32
// FLOATS-NEXT:   [nan]
// FLOATS-NEXT: result 1: f32
// FLOATS-NEXT:   [2]
// FLOATS-NEXT: result 2: i32
// FLOATS-NEXT:   [2147483647]
// FLOATS-NEXT: result 3: f32
// FLOATS-NEXT:   [0.5]
// FLOATS-NEXT: result 4: f32
// FLOATS-NEXT:   [0.8427{{[0-9]*}}]
// FLOATS-NEXT: result 5: bool
// FLOATS-NEXT:   [true]
func.func @floats() -> (f32, f32, i32, f32, f32, i1) {
  %nan = arith.constant 0x7FC00000 : f32
  %two = arith.constant 2.0 : f32
  %mx = arith.maximumf %nan, %two : f32
  %mn = arith.maxnumf %nan, %two : f32
  %huge = arith.constant 1.0e20 : f32
  %sat = arith.fptosi %huge : f32 to i32
  %four = arith.constant 4.0 : f32
  %r = math.rsqrt %four : f32
  %one = arith.constant 1.0 : f32
  %e = math.erf %one : f32
  %uno = arith.cmpf uno, %nan, %two : f32
  return %mx, %mn, %sat, %r, %e, %uno : f32, f32, i32, f32, f32, i1
}

// Loops, branches, buffers and views; func.call.
// RUN: edge-run --interpret %s --func loops --print | FileCheck %s --check-prefix=LOOPS
// LOOPS:      result 0: i64
// LOOPS-NEXT:   [45]
// LOOPS-NEXT: result 1: 2x2xf32
// LOOPS-NEXT:   [4.5, 4.5, 3, 3]
// LOOPS-NEXT: result 2: i64
// LOOPS-NEXT:   [6]
// LOOPS-NEXT: result 3: 2xf32
// LOOPS-NEXT:   [4.5, 3]
func.func @sum(%n: index) -> index {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %s = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %c0) -> (index) {
    %x = arith.addi %acc, %i : index
    scf.yield %x : index
  }
  return %s : index
}
func.func @loops() -> (index, memref<2x2xf32>, index, memref<2xf32, strided<[2], offset: 1>>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c10 = arith.constant 10 : index
  %s = func.call @sum(%c10) : (index) -> index
  %f = arith.constant 1.5 : f32
  %m = memref.alloc() : memref<4xf32>
  scf.for %i = %c0 to %c10 step %c1 {
    %j = arith.remui %i, %c4 : index
    %v = memref.load %m[%j] : memref<4xf32>
    %w = arith.addf %v, %f : f32
    memref.store %w, %m[%j] : memref<4xf32>
  }
  %e = memref.expand_shape %m [[0, 1]] output_shape [2, 2] : memref<4xf32> into memref<2x2xf32>
  %col = memref.subview %e[0, 1] [2, 1] [1, 1] : memref<2x2xf32> to memref<2xf32, strided<[2], offset: 1>>
  %w:2 = scf.while (%a = %c0, %b = %c1) : (index, index) -> (index, index) {
    %lt = arith.cmpi slt, %a, %c4 : index
    scf.condition(%lt) %a, %b : index, index
  } do {
  ^bb0(%a: index, %b: index):
    %a1 = arith.addi %a, %c1 : index
    %b1 = arith.addi %b, %a : index
    scf.yield %a1, %b1 : index, index
  }
  %z = arith.subi %w#1, %c1 : index
  %true = arith.constant true
  %r = scf.if %true -> index {
    scf.yield %z : index
  } else {
    scf.yield %c0 : index
  }
  return %s, %e, %r, %col : index, memref<2x2xf32>, index, memref<2xf32, strided<[2], offset: 1>>
}

// cf branches with block arguments: 5! = 120.
// RUN: edge-run --interpret %s --func fact --print | FileCheck %s --check-prefix=FACT
// FACT:      result 0: i64
// FACT-NEXT:   [120]
func.func @fact() -> i64 {
  %c1 = arith.constant 1 : i64
  %c5 = arith.constant 5 : i64
  cf.br ^loop(%c5, %c1 : i64, i64)
^loop(%n: i64, %acc: i64):
  %done = arith.cmpi sle, %n, %c1 : i64
  cf.cond_br %done, ^exit(%acc : i64), ^body
^body:
  %a = arith.muli %acc, %n : i64
  %m = arith.subi %n, %c1 : i64
  cf.br ^loop(%m, %a : i64, i64)
^exit(%r: i64):
  return %r : i64
}

// tl ops on tensors (named and generic) and on memrefs.
// RUN: edge-run --interpret %s --func tl --print | FileCheck %s --check-prefix=TL
// TL:      result 0: 2x2xf32
// TL-NEXT:   [19, 22, 43, 50]
// TL-NEXT: result 1: 2x2xf32
// TL-NEXT:   [20, 23, 44, 51]
// TL-NEXT: result 2: 2x2xf32
// TL-NEXT:   [0, 0, 0, 0]
#id = affine_map<(d0, d1) -> (d0, d1)>
func.func @tl() -> (tensor<2x2xf32>, tensor<2x2xf32>, tensor<2x2xf32>) {
  %a = arith.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %b = arith.constant dense<[[5.0, 6.0], [7.0, 8.0]]> : tensor<2x2xf32>
  %z = arith.constant dense<0.0> : tensor<2x2xf32>
  %mm = tl.matmul ins(%a, %b : tensor<2x2xf32>, tensor<2x2xf32>) outs(%z : tensor<2x2xf32>) -> tensor<2x2xf32>
  %one = arith.constant 1.0 : f32
  %p = tl.generic {indexing_maps = [#id, affine_map<(d0, d1) -> ()>, #id], iterator_types = ["parallel", "parallel"]}
      ins(%mm, %one : tensor<2x2xf32>, f32) outs(%z : tensor<2x2xf32>) {
    ^bb0(%x: f32, %y: f32, %o: f32):
      %s = arith.addf %x, %y : f32
      tl.yield %s : f32
    } -> tensor<2x2xf32>
  return %mm, %p, %z : tensor<2x2xf32>, tensor<2x2xf32>, tensor<2x2xf32>
}

// RUN: not edge-run --interpret %s --func divzero 2>&1 | FileCheck %s --check-prefix=DIVZERO
// DIVZERO: error: 'arith.divsi' op divides by zero
func.func @divzero() -> i32 {
  %a = arith.constant 7 : i32
  %z = arith.constant 0 : i32
  %d = arith.divsi %a, %z : i32
  return %d : i32
}

// RUN: not edge-run --interpret %s --func oob 2>&1 | FileCheck %s --check-prefix=OOB
// OOB: error: 'memref.load' op accesses out of bounds
func.func @oob() -> f32 {
  %m = memref.alloc() : memref<4xf32>
  %c4 = arith.constant 4 : index
  %v = memref.load %m[%c4] : memref<4xf32>
  return %v : f32
}

// RUN: not edge-run --interpret %s --func rec 2>&1 | FileCheck %s --check-prefix=REC
// REC: error: 'func.call' op is a recursive call, unsupported by the interpreter
func.func @rec() -> i32 {
  %r = func.call @rec() : () -> i32
  return %r : i32
}
