// vector custom forms print exactly as mlir-opt 19 prints them (the CHECK
// lines are mlir-opt's output: default nontemporal, in_bounds, minor
// identity permutation maps and fastmath<none> left out, iterator types
// as strings), our output is a fixed point, and the generic form keeps
// the defaults MLIR fills in.
// RUN: edge-opt %s | FileCheck %s --strict-whitespace
// RUN: edge-opt %s | edge-opt | FileCheck %s --strict-whitespace
// RUN: edge-opt %s --mlir-print-op-generic | edge-opt | FileCheck %s --strict-whitespace
// RUN: edge-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC

// CHECK: #map = affine_map<(d0, d1) -> (d0)>
// CHECK-NEXT: #map1 = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-NEXT: #map2 = affine_map<(d0, d1, d2) -> (d2, d1)>
// CHECK-NEXT: #map3 = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: module {
// CHECK-LABEL: func.func @forms(%arg0: memref<?x?xf32>, %arg1: memref<8xf32>, %arg2: tensor<?x?xf32>, %arg3: index, %arg4: index, %arg5: f32, %arg6: vector<4xf32>, %arg7: vector<4xi1>, %arg8: vector<4x8xf32>, %arg9: vector<8x2xf32>, %arg10: vector<4x2xf32>, %arg11: vector<8xi32>) -> vector<4x2xf32> {
// CHECK-NEXT: %0 = vector.load %arg0[%arg3, %arg4] : memref<?x?xf32>, vector<4xf32>
// CHECK-NEXT: %1 = vector.load %arg0[%arg3, %arg4] {nontemporal = true, tag} : memref<?x?xf32>, vector<4xf32>
// CHECK-NEXT: vector.store %1, %arg0[%arg3, %arg4] : memref<?x?xf32>, vector<4xf32>
// CHECK-NEXT: %2 = vector.transfer_read %arg0[%arg3, %arg4], %arg5 : memref<?x?xf32>, vector<4xf32>
// CHECK-NEXT: %3 = vector.transfer_read %arg0[%arg3, %arg4], %arg5, %arg7 {in_bounds = [true], permutation_map = #map} : memref<?x?xf32>, vector<4xf32>
// CHECK-NEXT: vector.transfer_write %2, %arg0[%arg3, %arg4], %arg7 {tag} : vector<4xf32>, memref<?x?xf32>
// CHECK-NEXT: %4 = vector.transfer_write %3, %arg2[%arg3, %arg4] {in_bounds = [true]} : vector<4xf32>, tensor<?x?xf32>
// CHECK-NEXT: %5 = vector.reduction <minimumf>, %arg6, %arg5 fastmath<nnan,ninf> : vector<4xf32> into f32
// CHECK-NEXT: %6 = vector.reduction <add>, %arg6 : vector<4xf32> into f32
// CHECK-NEXT: %7 = vector.reduction <xor>, %arg11 : vector<8xi32> into i32
// CHECK-NEXT: %8 = vector.contract {indexing_maps = [#map1, #map2, #map3], iterator_types = ["parallel", "parallel", "reduction"], kind = #vector.kind<mul>} %arg8, %arg9, %arg10 {tag} : vector<4x8xf32>, vector<8x2xf32> into vector<4x2xf32>
// CHECK-NEXT: %9 = vector.extract %arg8[%arg3, 7] : f32 from vector<4x8xf32>
// CHECK-NEXT: %10 = vector.insert %arg5, %arg8 [1, %arg4] : f32 into vector<4x8xf32>
// CHECK-NEXT: %11 = vector.extractelement %arg6[%arg3 : index] : vector<4xf32>
// CHECK-NEXT: %12 = vector.insertelement %arg5, %arg6[%arg3 : index] : vector<4xf32>
// CHECK-NEXT: %13 = vector.shape_cast %arg8 {tag} : vector<4x8xf32> to vector<32xf32>
// CHECK-NEXT: %14 = vector.broadcast %arg6 : vector<4xf32> to vector<2x4xf32>
// CHECK-NEXT: %15 = vector.splat %arg5 : vector<[4]xf32>
// CHECK-NEXT: %16 = vector.fma %arg6, %arg6, %arg6 : vector<4xf32>
// CHECK-NEXT: %17 = vector.constant_mask [2, 8] : vector<4x8xi1>
// CHECK-NEXT: %18 = vector.create_mask %arg3, %arg4 : vector<4x8xi1>
// CHECK-NEXT: %19 = vector.maskedload %arg1[%arg3], %arg7, %arg6 : memref<8xf32>, vector<4xi1>, vector<4xf32> into vector<4xf32>
// CHECK-NEXT: vector.maskedstore %arg1[%arg3], %arg7, %19 : memref<8xf32>, vector<4xi1>, vector<4xf32>
// CHECK-NEXT: return %8 : vector<4x2xf32>
// CHECK-NEXT: }
// CHECK-NEXT: }

// GENERIC: %0 = "vector.load"(%arg0, %arg3, %arg4) <{nontemporal = false}> : (memref<?x?xf32>, index, index) -> vector<4xf32>
// GENERIC: %1 = "vector.load"(%arg0, %arg3, %arg4) <{nontemporal = true}> {tag} : (memref<?x?xf32>, index, index) -> vector<4xf32>
// GENERIC: %2 = "vector.transfer_read"(%arg0, %arg3, %arg4, %arg5) <{in_bounds = [false], operandSegmentSizes = array<i32: 1, 2, 1, 0>, permutation_map = #map}> : (memref<?x?xf32>, index, index, f32) -> vector<4xf32>
// GENERIC: %3 = "vector.transfer_read"(%arg0, %arg3, %arg4, %arg5, %arg7) <{in_bounds = [true], operandSegmentSizes = array<i32: 1, 2, 1, 1>, permutation_map = #map1}> : (memref<?x?xf32>, index, index, f32, vector<4xi1>) -> vector<4xf32>
// GENERIC: "vector.transfer_write"(%2, %arg0, %arg3, %arg4, %arg7) <{in_bounds = [false], operandSegmentSizes = array<i32: 1, 1, 2, 1>, permutation_map = #map}> {tag} : (vector<4xf32>, memref<?x?xf32>, index, index, vector<4xi1>) -> ()
// GENERIC: %4 = "vector.transfer_write"(%3, %arg2, %arg3, %arg4) <{in_bounds = [true], operandSegmentSizes = array<i32: 1, 1, 2, 0>, permutation_map = #map}> : (vector<4xf32>, tensor<?x?xf32>, index, index) -> tensor<?x?xf32>
// GENERIC: %5 = "vector.reduction"(%arg6, %arg5) <{fastmath = #arith.fastmath<nnan,ninf>, kind = #vector.kind<minimumf>}> : (vector<4xf32>, f32) -> f32
// GENERIC: %6 = "vector.reduction"(%arg6) <{fastmath = #arith.fastmath<none>, kind = #vector.kind<add>}> : (vector<4xf32>) -> f32
// GENERIC: %7 = "vector.reduction"(%arg11) <{fastmath = #arith.fastmath<none>, kind = #vector.kind<xor>}> : (vector<8xi32>) -> i32
// GENERIC: %8 = "vector.contract"(%arg8, %arg9, %arg10) <{indexing_maps = [#map2, #map3, #map4], iterator_types = [#vector.iterator_type<parallel>, #vector.iterator_type<parallel>, #vector.iterator_type<reduction>], kind = #vector.kind<mul>}> {tag} : (vector<4x8xf32>, vector<8x2xf32>, vector<4x2xf32>) -> vector<4x2xf32>
// GENERIC: %9 = "vector.extract"(%arg8, %arg3) <{static_position = array<i64: -9223372036854775808, 7>}> : (vector<4x8xf32>, index) -> f32
// GENERIC: %10 = "vector.insert"(%arg5, %arg8, %arg4) <{static_position = array<i64: 1, -9223372036854775808>}> : (f32, vector<4x8xf32>, index) -> vector<4x8xf32>
// GENERIC: %17 = "vector.constant_mask"() <{mask_dim_sizes = [2, 8]}> : () -> vector<4x8xi1>

func.func @forms(%m: memref<?x?xf32>, %m1: memref<8xf32>, %t: tensor<?x?xf32>,
                 %i: index, %j: index, %f: f32, %v: vector<4xf32>,
                 %mask: vector<4xi1>, %a: vector<4x8xf32>,
                 %b: vector<8x2xf32>, %c: vector<4x2xf32>,
                 %vi: vector<8xi32>) -> vector<4x2xf32> {
  %0 = vector.load %m[%i, %j] {nontemporal = false} : memref<?x?xf32>, vector<4xf32>
  %1 = vector.load %m[%i, %j] {nontemporal = true, tag} : memref<?x?xf32>, vector<4xf32>
  vector.store %1, %m[%i, %j] {nontemporal = false} : memref<?x?xf32>, vector<4xf32>
  %2 = vector.transfer_read %m[%i, %j], %f {in_bounds = [false], permutation_map = affine_map<(d0, d1) -> (d1)>} : memref<?x?xf32>, vector<4xf32>
  %3 = vector.transfer_read %m[%i, %j], %f, %mask {in_bounds = [true], permutation_map = affine_map<(d0, d1) -> (d0)>} : memref<?x?xf32>, vector<4xf32>
  vector.transfer_write %2, %m[%i, %j], %mask {tag} : vector<4xf32>, memref<?x?xf32>
  %4 = vector.transfer_write %3, %t[%i, %j] {in_bounds = [true]} : vector<4xf32>, tensor<?x?xf32>
  %5 = vector.reduction <minimumf>, %v, %f fastmath<nnan,ninf> : vector<4xf32> into f32
  %6 = vector.reduction <add>, %v fastmath<none> : vector<4xf32> into f32
  %7 = vector.reduction <xor>, %vi : vector<8xi32> into i32
  %8 = vector.contract {indexing_maps = [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (k, j)>, affine_map<(i, j, k) -> (i, j)>], iterator_types = ["parallel", "parallel", "reduction"], kind = #vector.kind<mul>} %a, %b, %c {tag} : vector<4x8xf32>, vector<8x2xf32> into vector<4x2xf32>
  %9 = vector.extract %a[%i, 7] : f32 from vector<4x8xf32>
  %10 = vector.insert %f, %a [1, %j] : f32 into vector<4x8xf32>
  %11 = vector.extractelement %v[%i : index] : vector<4xf32>
  %12 = vector.insertelement %f, %v[%i : index] : vector<4xf32>
  %13 = vector.shape_cast %a {tag} : vector<4x8xf32> to vector<32xf32>
  %14 = vector.broadcast %v : vector<4xf32> to vector<2x4xf32>
  %15 = vector.splat %f : vector<[4]xf32>
  %16 = vector.fma %v, %v, %v : vector<4xf32>
  %17 = vector.constant_mask [2, 8] : vector<4x8xi1>
  %18 = vector.create_mask %i, %j : vector<4x8xi1>
  %19 = vector.maskedload %m1[%i], %mask, %v : memref<8xf32>, vector<4xi1>, vector<4xf32> into vector<4xf32>
  vector.maskedstore %m1[%i], %mask, %19 : memref<8xf32>, vector<4xi1>, vector<4xf32>
  return %8 : vector<4x2xf32>
}
