// memref custom forms round-trip exactly as mlir-opt 19 prints them (the
// CHECK lines are mlir-opt's output), and our output is a fixed point.
// RUN: edge-opt %s | FileCheck %s --strict-whitespace
// RUN: edge-opt %s | edge-opt | FileCheck %s --strict-whitespace
// RUN: edge-opt %s --mlir-print-op-generic | edge-opt | FileCheck %s --strict-whitespace

// CHECK-LABEL: #map = affine_map<(d0, d1)[s0] -> (d0 * s0 + d1)>
// CHECK-LABEL: module {
// CHECK-NEXT:   memref.global "private" constant @c : memref<2xf32> = dense<[1.000000e+00, 2.000000e+00]> {alignment = 64 : i64}
// CHECK-NEXT:   memref.global @u : memref<4xi32> = uninitialized
// CHECK-NEXT:   memref.global "private" @e : memref<3xf32>
// CHECK-NEXT:   func.func @ops(%arg0: index, %arg1: index, %arg2: memref<?x?xf32>, %arg3: index) -> f32 {
// CHECK-NEXT:     %alloc = memref.alloc(%arg0)[%arg1] : memref<?x4xf32, #map>
// CHECK-NEXT:     %alloc_0 = memref.alloc() {alignment = 16 : i64} : memref<4xf32, 1>
// CHECK-NEXT:     %alloca = memref.alloca(%arg0) : memref<?xf32>
// CHECK-NEXT:     %0 = memref.load %alloca[%arg3] : memref<?xf32>
// CHECK-NEXT:     %1 = memref.load %alloca[%arg3] : memref<?xf32>
// CHECK-NEXT:     memref.store %0, %alloca[%arg3] {nontemporal = true} : memref<?xf32>
// CHECK-NEXT:     %subview = memref.subview %arg2[%arg3, 2] [4, %arg0] [1, 1] : memref<?x?xf32> to memref<4x?xf32, strided<[?, 1], offset: ?>>
// CHECK-NEXT:     %2 = memref.get_global @c : memref<2xf32>
// CHECK-NEXT:     %dim = memref.dim %arg2, %arg3 : memref<?x?xf32>
// CHECK-NEXT:     %cast = memref.cast %alloca : memref<?xf32> to memref<4xf32>
// CHECK-NEXT:     %reinterpret_cast = memref.reinterpret_cast %alloca to offset: [0], sizes: [%arg0, 4], strides: [4, 1] : memref<?xf32> to memref<?x4xf32>
// CHECK-NEXT:     memref.copy %cast, %alloc_0 : memref<4xf32> to memref<4xf32, 1>
// CHECK-NEXT:     %collapse_shape = memref.collapse_shape %arg2 {{\[\[}}0, 1]] : memref<?x?xf32> into memref<?xf32>
// CHECK-NEXT:     %expand_shape = memref.expand_shape %alloca {{\[\[}}0, 1]] output_shape [%arg0, 4] : memref<?xf32> into memref<?x4xf32>
// CHECK-NEXT:     memref.dealloc %alloc_0 : memref<4xf32, 1>
// CHECK-NEXT:     return %0 : f32
// CHECK-NEXT:   }
// CHECK-NEXT: }
// CHECK-EMPTY:

memref.global "private" constant @c : memref<2xf32> = dense<[1.0, 2.0]> {alignment = 64 : i64}
memref.global @u : memref<4xi32> = uninitialized
memref.global "private" @e : memref<3xf32>

func.func @ops(%d: index, %s: index, %m: memref<?x?xf32>, %i: index) -> f32 {
  %0 = memref.alloc(%d)[%s] : memref<?x4xf32, affine_map<(d0, d1)[s0] -> (d0 * s0 + d1)>>
  %1 = memref.alloc() {alignment = 16 : i64} : memref<4xf32, 1>
  %2 = memref.alloca(%d) : memref<?xf32>
  %3 = memref.load %2[%i] : memref<?xf32>
  %4 = memref.load %2[%i] {nontemporal = false} : memref<?xf32>
  memref.store %3, %2[%i] {nontemporal = true} : memref<?xf32>
  %5 = memref.subview %m[%i, 2][4, %d][1, 1] : memref<?x?xf32> to memref<4x?xf32, strided<[?, 1], offset: ?>>
  %6 = memref.get_global @c : memref<2xf32>
  %7 = memref.dim %m, %i : memref<?x?xf32>
  %8 = memref.cast %2 : memref<?xf32> to memref<4xf32>
  %9 = memref.reinterpret_cast %2 to offset: [0], sizes: [%d, 4], strides: [4, 1] : memref<?xf32> to memref<?x4xf32>
  memref.copy %8, %1 : memref<4xf32> to memref<4xf32, 1>
  %10 = memref.collapse_shape %m [[0, 1]] : memref<?x?xf32> into memref<?xf32>
  %11 = memref.expand_shape %2 [[0, 1]] output_shape [%d, 4] : memref<?xf32> into memref<?x4xf32>
  memref.dealloc %1 : memref<4xf32, 1>
  return %3 : f32
}
