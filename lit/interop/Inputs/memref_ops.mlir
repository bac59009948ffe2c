// memref custom forms (MLIR 19): every op of edge-opt's memref subset,
// static and dynamic index lists, layouts, memory spaces and globals.
#map = affine_map<(d0, d1)[s0] -> (d0 * s0 + d1)>
module {
  memref.global "private" constant @c : memref<2xf32> = dense<[1.0, 2.0]> {alignment = 64 : i64}
  memref.global @u : memref<4xi32> = uninitialized
  memref.global "private" @e : memref<3xf32>
  memref.global "nested" constant @s : memref<f64> = dense<2.5>
  memref.global @i : memref<2x2xi8, 1> = dense<[[1, 2], [3, 4]]>
  memref.global @r : memref<2xf32> = dense_resource<blob1>
  memref.global @t : memref<2xf32> = dense<0.0> {tag = "x"}
  func.func @alloc(%d: index, %s: index) -> memref<?x4xf32, #map> {
    %0 = memref.alloc(%d)[%s] : memref<?x4xf32, #map>
    %1 = memref.alloc() {alignment = 16 : i64} : memref<4xf32, 1>
    %2 = memref.alloca(%d, %s) : memref<?x?xf32>
    %3 = memref.alloca() : memref<f32>
    %4 = memref.alloc() : memref<2xi1, "shared">
    memref.dealloc %1 : memref<4xf32, 1>
    %5 = memref.cast %2 : memref<?x?xf32> to memref<*xf32>
    memref.dealloc %5 : memref<*xf32>
    return %0 : memref<?x4xf32, #map>
  }
  func.func @access(%m: memref<?x?xf32>, %z: memref<f32>, %i: index, %j: index) -> f32 {
    %0 = memref.load %m[%i, %j] : memref<?x?xf32>
    %1 = memref.load %m[%i, %j] {nontemporal = true} : memref<?x?xf32>
    %2 = memref.load %z[] : memref<f32>
    memref.store %0, %m[%i, %j] : memref<?x?xf32>
    memref.store %1, %m[%j, %i] {nontemporal = true} : memref<?x?xf32>
    memref.store %2, %z[] {tag} : memref<f32>
    %3 = arith.addf %0, %1 : f32
    return %3 : f32
  }
  func.func @views(%m: memref<?x?xf32>, %s: memref<8x16xf32>, %i: index, %d: index) {
    %0 = memref.subview %m[%i, 2][4, %d][1, 1] : memref<?x?xf32> to memref<4x?xf32, strided<[?, 1], offset: ?>>
    %1 = memref.subview %s[0, 0][8, 16][1, 1] : memref<8x16xf32> to memref<8x16xf32>
    %2 = memref.subview %s[2, 4][1, 8][1, 2] : memref<8x16xf32> to memref<8xf32, strided<[2], offset: 36>>
    %3 = memref.subview %s[%i, %i][4, 4][%d, 1] : memref<8x16xf32> to memref<4x4xf32, strided<[?, 1], offset: ?>>
    %4 = memref.subview %s[1, 1][1, 1][1, 1] : memref<8x16xf32> to memref<f32, strided<[], offset: 17>>
    %a = memref.alloc(%d)[%i] : memref<?x4xf32, #map>
    %sa = memref.subview %a[1, 1][2, 2][1, 1] : memref<?x4xf32, #map> to memref<2x2xf32, strided<[?, 1], offset: ?>>
    %5 = memref.reinterpret_cast %m to offset: [0], sizes: [%d, 4], strides: [4, 1] : memref<?x?xf32> to memref<?x4xf32>
    %6 = memref.reinterpret_cast %m to offset: [%i], sizes: [2], strides: [%d] : memref<?x?xf32> to memref<2xf32, strided<[?], offset: ?>>
    %u = memref.cast %m : memref<?x?xf32> to memref<*xf32>
    %7 = memref.reinterpret_cast %u to offset: [3], sizes: [10], strides: [1] : memref<*xf32> to memref<10xf32, strided<[1], offset: 3>>
    %8 = memref.cast %s : memref<8x16xf32> to memref<?x16xf32>
    %9 = memref.cast %8 : memref<?x16xf32> to memref<8x?xf32>
    %10 = memref.cast %3 : memref<4x4xf32, strided<[?, 1], offset: ?>> to memref<4x4xf32, strided<[16, 1], offset: ?>>
    %11 = memref.cast %u : memref<*xf32> to memref<?x?xf32>
    memref.copy %1, %s : memref<8x16xf32> to memref<8x16xf32>
    memref.copy %u, %u : memref<*xf32> to memref<*xf32>
    %12 = memref.collapse_shape %m [[0, 1]] : memref<?x?xf32> into memref<?xf32>
    %13 = memref.collapse_shape %s [[0, 1]] : memref<8x16xf32> into memref<128xf32>
    %14 = memref.expand_shape %12 [[0, 1]] output_shape [%d, 4] : memref<?xf32> into memref<?x4xf32>
    %15 = memref.expand_shape %13 [[0, 1, 2]] output_shape [2, 4, 16] : memref<128xf32> into memref<2x4x16xf32>
    %16 = memref.collapse_shape %3 [[0, 1]] : memref<4x4xf32, strided<[?, 1], offset: ?>> into memref<16xf32, strided<[1], offset: ?>>
    %17 = memref.expand_shape %2 [[0, 1]] output_shape [2, 4] : memref<8xf32, strided<[2], offset: 36>> into memref<2x4xf32, strided<[8, 2], offset: 36>>
    %z = memref.alloca() : memref<1x1xf32>
    %18 = memref.collapse_shape %z [] : memref<1x1xf32> into memref<f32>
    %19 = memref.expand_shape %18 [] output_shape [1, 1, 1] : memref<f32> into memref<1x1x1xf32>
    return
  }
  func.func @misc(%m: memref<?x?xf32>, %i: index) -> (index, index, memref<2xf32>) {
    %c1 = arith.constant 1 : index
    %0 = memref.dim %m, %i : memref<?x?xf32>
    %u = memref.cast %m : memref<?x?xf32> to memref<*xf32>
    %1 = memref.dim {tag} %u, %c1 : memref<*xf32>
    %2 = memref.get_global @c : memref<2xf32>
    %3 = memref.get_global @i : memref<2x2xi8, 1> {tag}
    return %0, %1, %2 : index, index, memref<2xf32>
  }
}
{-#
  dialect_resources: {
    builtin: {
      blob1: "0x040000000000803F00000040"
    }
  }
#-}
