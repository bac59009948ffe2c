// Canonicalization of memref ops: memref.dim folds (static sizes, alloc,
// alloca and subview operands), memref.cast operands folded into their
// users (not from unranked sources), identity casts folded, self copies
// erased, constant alloc sizes made static, dead allocs erased, constant
// subview operands made static (canonical result type plus a cast),
// trivial subviews and reinterpret_cast chains folded. The CHECK lines are
// mlir-opt 19 -canonicalize output on this file, with result names
// normalized by canon_ssa_names.py.
// RUN: edge-opt %s -canonicalize | %python %S/../../interop/Inputs/canon_ssa_names.py | FileCheck %s

// CHECK-LABEL:   func.func @dim_fold(%arg0: index, %arg1: index, %arg2: memref<?x?xf32>) -> (index, index, index, index) {
// CHECK-NEXT:     %v0 = arith.constant 4 : index
// CHECK-NEXT:     return %v0, %arg0, %arg1, %arg1 : index, index, index, index
// CHECK-NEXT:   }
// CHECK-LABEL:   func.func @dim_kept(%arg0: memref<?x?xf32>, %arg1: index) -> (index, index, index) {
// CHECK-NEXT:     %v1 = arith.constant 1 : index
// CHECK-NEXT:     %v2 = arith.constant 7 : index
// CHECK-NEXT:     %v3 = memref.dim %arg0, %arg1 : memref<?x?xf32>
// CHECK-NEXT:     %v4 = memref.cast %arg0 : memref<?x?xf32> to memref<*xf32>
// CHECK-NEXT:     %v5 = memref.dim %v4, %v1 : memref<*xf32>
// CHECK-NEXT:     %v6 = memref.dim %arg0, %v2 : memref<?x?xf32>
// CHECK-NEXT:     return %v3, %v5, %v6 : index, index, index
// CHECK-NEXT:   }
// CHECK-LABEL:   func.func @cast_operands(%arg0: memref<4x4xf32>, %arg1: index, %arg2: f32) -> (f32, index) {
// CHECK-NEXT:     %v7 = arith.constant 4 : index
// CHECK-NEXT:     %v8 = memref.load %arg0[%arg1, %arg1] : memref<4x4xf32>
// CHECK-NEXT:     memref.store %arg2, %arg0[%arg1, %arg1] : memref<4x4xf32>
// CHECK-NEXT:     %v9 = memref.alloc() : memref<4x4xf32>
// CHECK-NEXT:     memref.copy %arg0, %v9 : memref<4x4xf32> to memref<4x4xf32>
// CHECK-NEXT:     memref.dealloc %v9 : memref<4x4xf32>
// CHECK-NEXT:     return %v8, %v7 : f32, index
// CHECK-NEXT:   }
// CHECK-LABEL:   func.func @cast_unranked_kept(%arg0: memref<*xf32>, %arg1: index, %arg2: f32) {
// CHECK-NEXT:     %v10 = memref.cast %arg0 : memref<*xf32> to memref<?xf32>
// CHECK-NEXT:     memref.store %arg2, %v10[%arg1] : memref<?xf32>
// CHECK-NEXT:     return
// CHECK-NEXT:   }
// CHECK-LABEL:   func.func @alloc_const(%arg0: index, %arg1: f32, %arg2: index) -> (memref<?x?xf32>, memref<?xf32, 1>) {
// CHECK-NEXT:     %v11 = memref.alloc(%arg0) {alignment = 32 : i64} : memref<4x?xf32>
// CHECK-NEXT:     %v12 = memref.cast %v11 : memref<4x?xf32> to memref<?x?xf32>
// CHECK-NEXT:     %v13 = memref.alloca() : memref<4xf32, 1>
// CHECK-NEXT:     %v14 = memref.cast %v13 : memref<4xf32, 1> to memref<?xf32, 1>
// CHECK-NEXT:     %v15 = memref.alloc() : memref<4xf32>
// CHECK-NEXT:     memref.store %arg1, %v15[%arg2] : memref<4xf32>
// CHECK-NEXT:     %v16 = memref.load %v15[%arg2] : memref<4xf32>
// CHECK-NEXT:     memref.store %v16, %v13[%arg2] : memref<4xf32, 1>
// CHECK-NEXT:     return %v12, %v14 : memref<?x?xf32>, memref<?xf32, 1>
// CHECK-NEXT:   }
// CHECK-LABEL:   func.func @cast_chain(%arg0: memref<4xf32>, %arg1: memref<*xf32>) -> (memref<4xf32>, memref<?xf32>, memref<4xf32>, memref<4xf32>) {
// CHECK-NEXT:     %v17 = memref.cast %arg0 : memref<4xf32> to memref<?xf32>
// CHECK-NEXT:     %v18 = memref.cast %arg1 : memref<*xf32> to memref<?xf32>
// CHECK-NEXT:     %v19 = memref.cast %v18 : memref<?xf32> to memref<4xf32>
// CHECK-NEXT:     return %arg0, %v17, %v19, %arg0 : memref<4xf32>, memref<?xf32>, memref<4xf32>, memref<4xf32>
// CHECK-NEXT:   }
// CHECK-LABEL:   func.func @subview_constants(%arg0: memref<8x16xf32>, %arg1: memref<?x?xf32>, %arg2: index) -> (memref<?xf32, strided<[1], offset: ?>>, memref<?x?xf32, strided<[?, 1], offset: ?>>, memref<8x16xf32, strided<[16, 1]>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<4x?xf32, strided<[?, 1], offset: ?>>, memref<?xf32, strided<[?], offset: ?>>) {
// CHECK-NEXT:     %v20 = arith.constant -1 : index
// CHECK-NEXT:     %v21 = memref.subview %arg0[%arg2, 0] [1, 4] [1, 1] : memref<8x16xf32> to memref<4xf32, strided<[1], offset: ?>>
// CHECK-NEXT:     %v22 = memref.cast %v21 : memref<4xf32, strided<[1], offset: ?>> to memref<?xf32, strided<[1], offset: ?>>
// CHECK-NEXT:     %v23 = memref.subview %arg1[0, 0] [%arg2, %arg2] [1, 1] : memref<?x?xf32> to memref<?x?xf32, strided<[?, 1]>>
// CHECK-NEXT:     %v24 = memref.cast %v23 : memref<?x?xf32, strided<[?, 1]>> to memref<?x?xf32, strided<[?, 1], offset: ?>>
// CHECK-NEXT:     %v25 = memref.cast %arg0 : memref<8x16xf32> to memref<8x16xf32, strided<[16, 1]>>
// CHECK-NEXT:     %v26 = memref.subview %arg1[0, 0] [4, %arg2] [1, -1] : memref<?x?xf32> to memref<4x?xf32, strided<[?, -1]>>
// CHECK-NEXT:     %v27 = memref.cast %v26 : memref<4x?xf32, strided<[?, -1]>> to memref<?x?xf32, strided<[?, ?], offset: ?>>
// CHECK-NEXT:     %v28 = memref.subview %arg1[%v20, 2] [4, %arg2] [1, 1] : memref<?x?xf32> to memref<4x?xf32, strided<[?, 1], offset: ?>>
// CHECK-NEXT:     %v29 = memref.subview %arg1[%arg2, 2] [1, 4] [4, 4] : memref<?x?xf32> to memref<4xf32, strided<[4], offset: ?>>
// CHECK-NEXT:     %v30 = memref.cast %v29 : memref<4xf32, strided<[4], offset: ?>> to memref<?xf32, strided<[?], offset: ?>>
// CHECK-NEXT:     return %v22, %v24, %v25, %v27, %v28, %v30 : memref<?xf32, strided<[1], offset: ?>>, memref<?x?xf32, strided<[?, 1], offset: ?>>, memref<8x16xf32, strided<[16, 1]>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<4x?xf32, strided<[?, 1], offset: ?>>, memref<?xf32, strided<[?], offset: ?>>
// CHECK-NEXT:   }
// CHECK-LABEL:   func.func @subview_trivial(%arg0: memref<8x16xf32>, %arg1: index) -> (memref<?x4xf32, strided<[?, 1], offset: ?>>, memref<8x16xf32>, memref<?x4xf32, strided<[16, 1], offset: ?>>, memref<?xf32, strided<[1], offset: ?>>) {
// CHECK-NEXT:     %v31 = arith.constant 2 : index
// CHECK-NEXT:     %v32 = arith.constant 4 : index
// CHECK-NEXT:     %v33 = memref.subview %arg0[2, %arg1] [4, 4] [16, 1] : memref<8x16xf32> to memref<4x4xf32, strided<[256, 1], offset: ?>>
// CHECK-NEXT:     %v34 = memref.cast %v33 : memref<4x4xf32, strided<[256, 1], offset: ?>> to memref<?x4xf32, strided<[?, 1], offset: ?>>
// CHECK-NEXT:     %v35 = memref.subview %arg0[%arg1, 0] [4, 4] [1, 1] : memref<8x16xf32> to memref<4x4xf32, strided<[16, 1], offset: ?>>
// CHECK-NEXT:     %v36 = memref.cast %v35 : memref<4x4xf32, strided<[16, 1], offset: ?>> to memref<?x4xf32, strided<[16, 1], offset: ?>>
// CHECK-NEXT:     %v37 = memref.reinterpret_cast %arg0 to offset: [%v31], sizes: [%v32], strides: [1] : memref<8x16xf32> to memref<?xf32, strided<[1], offset: ?>>
// CHECK-NEXT:     return %v34, %arg0, %v36, %v37 : memref<?x4xf32, strided<[?, 1], offset: ?>>, memref<8x16xf32>, memref<?x4xf32, strided<[16, 1], offset: ?>>, memref<?xf32, strided<[1], offset: ?>>
// CHECK-NEXT:   }
// CHECK-LABEL:   func.func @reinterpret_cast_folds(%arg0: memref<?xf32>, %arg1: memref<8x8xf32>, %arg2: index) -> (memref<4xf32>, memref<4xf32>, memref<2x2xf32, strided<[8, 1]>>, memref<8x8xf32>, memref<4xf32, strided<[1], offset: ?>>) {
// CHECK-NEXT:     %v38 = memref.reinterpret_cast %arg0 to offset: [0], sizes: [4], strides: [1] : memref<?xf32> to memref<4xf32>
// CHECK-NEXT:     %v39 = memref.reinterpret_cast %arg0 to offset: [0], sizes: [4], strides: [1] : memref<?xf32> to memref<4xf32>
// CHECK-NEXT:     %v40 = memref.reinterpret_cast %arg1 to offset: [0], sizes: [2, 2], strides: [8, 1] : memref<8x8xf32> to memref<2x2xf32, strided<[8, 1]>>
// CHECK-NEXT:     %v41 = memref.subview %arg1[1, 0] [4, 4] [1, 1] : memref<8x8xf32> to memref<4x4xf32, strided<[8, 1], offset: 8>>
// CHECK-NEXT:     %v42 = memref.reinterpret_cast %v41 to offset: [%arg2], sizes: [4], strides: [1] : memref<4x4xf32, strided<[8, 1], offset: 8>> to memref<4xf32, strided<[1], offset: ?>>
// CHECK-NEXT:     return %v38, %v39, %v40, %arg1, %v42 : memref<4xf32>, memref<4xf32>, memref<2x2xf32, strided<[8, 1]>>, memref<8x8xf32>, memref<4xf32, strided<[1], offset: ?>>
// CHECK-NEXT:   }

func.func @dim_fold(%d: index, %s: index, %m: memref<?x?xf32>) -> (index, index, index, index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %a = memref.alloc(%d) : memref<4x?xf32>
  %0 = memref.dim %a, %c0 : memref<4x?xf32>
  %1 = memref.dim %a, %c1 : memref<4x?xf32>
  %sv = memref.subview %m[0, 0][%s, 4][1, 1] : memref<?x?xf32> to memref<?x4xf32, strided<[?, 1]>>
  %2 = memref.dim %sv, %c0 : memref<?x4xf32, strided<[?, 1]>>
  %b = memref.alloca(%s) : memref<?xf32>
  %3 = memref.dim %b, %c0 : memref<?xf32>
  memref.dealloc %a : memref<4x?xf32>
  return %0, %1, %2, %3 : index, index, index, index
}

func.func @dim_kept(%m: memref<?x?xf32>, %i: index) -> (index, index, index) {
  %c1 = arith.constant 1 : index
  %c7 = arith.constant 7 : index
  %0 = memref.dim %m, %i : memref<?x?xf32>
  %u = memref.cast %m : memref<?x?xf32> to memref<*xf32>
  %1 = memref.dim %u, %c1 : memref<*xf32>
  %2 = memref.dim %m, %c7 : memref<?x?xf32>
  return %0, %1, %2 : index, index, index
}

func.func @cast_operands(%m: memref<4x4xf32>, %i: index, %v: f32) -> (f32, index) {
  %c1 = arith.constant 1 : index
  %cast = memref.cast %m : memref<4x4xf32> to memref<?x?xf32>
  %0 = memref.load %cast[%i, %i] : memref<?x?xf32>
  memref.store %v, %cast[%i, %i] : memref<?x?xf32>
  %1 = memref.dim %cast, %c1 : memref<?x?xf32>
  %o = memref.alloc() : memref<4x4xf32>
  memref.copy %cast, %o : memref<?x?xf32> to memref<4x4xf32>
  memref.copy %o, %o : memref<4x4xf32> to memref<4x4xf32>
  %oc = memref.cast %o : memref<4x4xf32> to memref<?x?xf32>
  memref.dealloc %oc : memref<?x?xf32>
  return %0, %1 : f32, index
}

func.func @cast_unranked_kept(%m: memref<*xf32>, %i: index, %v: f32) {
  %cast = memref.cast %m : memref<*xf32> to memref<?xf32>
  memref.store %v, %cast[%i] : memref<?xf32>
  return
}

func.func @alloc_const(%d: index, %v: f32, %i: index) -> (memref<?x?xf32>, memref<?xf32, 1>) {
  %c4 = arith.constant 4 : index
  %0 = memref.alloc(%c4, %d) {alignment = 32 : i64} : memref<?x?xf32>
  %1 = memref.alloca(%c4) : memref<?xf32, 1>
  %2 = memref.alloc(%d) : memref<?xf32>
  memref.store %v, %2[%i] : memref<?xf32>
  memref.dealloc %2 : memref<?xf32>
  %3 = memref.alloc() : memref<4xf32>
  memref.store %v, %3[%i] : memref<4xf32>
  %l = memref.load %3[%i] : memref<4xf32>
  memref.store %l, %1[%i] : memref<?xf32, 1>
  return %0, %1 : memref<?x?xf32>, memref<?xf32, 1>
}

func.func @cast_chain(%m: memref<4xf32>, %u: memref<*xf32>) -> (memref<4xf32>, memref<?xf32>, memref<4xf32>, memref<4xf32>) {
  %0 = memref.cast %m : memref<4xf32> to memref<?xf32>
  %1 = memref.cast %0 : memref<?xf32> to memref<4xf32>
  %2 = memref.cast %u : memref<*xf32> to memref<?xf32>
  %3 = memref.cast %2 : memref<?xf32> to memref<4xf32>
  %4 = memref.cast %m : memref<4xf32> to memref<4xf32>
  return %1, %0, %3, %4 : memref<4xf32>, memref<?xf32>, memref<4xf32>, memref<4xf32>
}

func.func @subview_constants(%m: memref<8x16xf32>, %d: memref<?x?xf32>, %i: index) -> (memref<?xf32, strided<[1], offset: ?>>, memref<?x?xf32, strided<[?, 1], offset: ?>>, memref<8x16xf32, strided<[16, 1]>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<4x?xf32, strided<[?, 1], offset: ?>>, memref<?xf32, strided<[?], offset: ?>>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %cm = arith.constant -1 : index
  %0 = memref.subview %m[%i, 0][1, %c4][1, 1] : memref<8x16xf32> to memref<?xf32, strided<[1], offset: ?>>
  %1 = memref.subview %d[0, 0][%i, %i][1, 1] : memref<?x?xf32> to memref<?x?xf32, strided<[?, 1]>>
  %2 = memref.subview %1[%c0, 0][%i, %i][%c1, 1] : memref<?x?xf32, strided<[?, 1]>> to memref<?x?xf32, strided<[?, 1], offset: ?>>
  %3 = memref.subview %m[0, 0][8, 16][1, 1] : memref<8x16xf32> to memref<8x16xf32, strided<[16, 1]>>
  %4 = memref.subview %d[%c0, %c0][%c4, %i][%c1, %cm] : memref<?x?xf32> to memref<?x?xf32, strided<[?, ?], offset: ?>>
  %5 = memref.subview %d[%cm, 2][4, %i][1, 1] : memref<?x?xf32> to memref<4x?xf32, strided<[?, 1], offset: ?>>
  %6 = memref.subview %d[%i, 2][1, %c4][%c4, %c4] : memref<?x?xf32> to memref<?xf32, strided<[?], offset: ?>>
  return %0, %2, %3, %4, %5, %6 : memref<?xf32, strided<[1], offset: ?>>, memref<?x?xf32, strided<[?, 1], offset: ?>>, memref<8x16xf32, strided<[16, 1]>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<4x?xf32, strided<[?, 1], offset: ?>>, memref<?xf32, strided<[?], offset: ?>>
}

func.func @subview_trivial(%m: memref<8x16xf32>, %i: index) -> (memref<?x4xf32, strided<[?, 1], offset: ?>>, memref<8x16xf32>, memref<?x4xf32, strided<[16, 1], offset: ?>>, memref<?xf32, strided<[1], offset: ?>>) {
  %c2 = arith.constant 2 : index
  %c4 = arith.constant 4 : index
  %c16 = arith.constant 16 : index
  %0 = memref.subview %m[%c2, %i][%c4, 4][%c16, 1] : memref<8x16xf32> to memref<?x4xf32, strided<[?, 1], offset: ?>>
  %1 = memref.subview %m[0, 0][8, 16][1, 1] : memref<8x16xf32> to memref<8x16xf32>
  %2 = memref.subview %m[%i, 0][%c4, 4][1, 1] : memref<8x16xf32> to memref<?x4xf32, strided<[16, 1], offset: ?>>
  %3 = memref.reinterpret_cast %m to offset: [%c2], sizes: [%c4], strides: [1] : memref<8x16xf32> to memref<?xf32, strided<[1], offset: ?>>
  return %0, %1, %2, %3 : memref<?x4xf32, strided<[?, 1], offset: ?>>, memref<8x16xf32>, memref<?x4xf32, strided<[16, 1], offset: ?>>, memref<?xf32, strided<[1], offset: ?>>
}
func.func @reinterpret_cast_folds(%m: memref<?xf32>, %s: memref<8x8xf32>, %i: index) -> (memref<4xf32>, memref<4xf32>, memref<2x2xf32, strided<[8, 1]>>, memref<8x8xf32>, memref<4xf32, strided<[1], offset: ?>>) {
  %0 = memref.reinterpret_cast %m to offset: [0], sizes: [8], strides: [1] : memref<?xf32> to memref<8xf32>
  %1 = memref.reinterpret_cast %0 to offset: [0], sizes: [4], strides: [1] : memref<8xf32> to memref<4xf32>
  %c = memref.cast %m : memref<?xf32> to memref<*xf32>
  %2 = memref.reinterpret_cast %c to offset: [0], sizes: [4], strides: [1] : memref<*xf32> to memref<4xf32>
  %sv = memref.subview %s[0, 0][4, 4][1, 1] : memref<8x8xf32> to memref<4x4xf32, strided<[8, 1]>>
  %3 = memref.reinterpret_cast %sv to offset: [0], sizes: [2, 2], strides: [8, 1] : memref<4x4xf32, strided<[8, 1]>> to memref<2x2xf32, strided<[8, 1]>>
  %4 = memref.reinterpret_cast %s to offset: [0], sizes: [8, 8], strides: [8, 1] : memref<8x8xf32> to memref<8x8xf32>
  %sv2 = memref.subview %s[1, 0][4, 4][1, 1] : memref<8x8xf32> to memref<4x4xf32, strided<[8, 1], offset: 8>>
  %5 = memref.reinterpret_cast %sv2 to offset: [%i], sizes: [4], strides: [1] : memref<4x4xf32, strided<[8, 1], offset: 8>> to memref<4xf32, strided<[1], offset: ?>>
  return %1, %2, %3, %4, %5 : memref<4xf32>, memref<4xf32>, memref<2x2xf32, strided<[8, 1]>>, memref<8x8xf32>, memref<4xf32, strided<[1], offset: ?>>
}
