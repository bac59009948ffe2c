// Folds and canonicalization patterns of vector ops, constants
// materialized as arith.constant: broadcast/splat of constants and
// same-type casts, broadcast chains, extract of insert/broadcast/splat/
// constants, extractelement of splats and constants, shape_cast and
// bitcast chains, identity transposes, splat constants through transpose
// and bitcast, empty positions, constant create_mask; transfer ops made
// in-bounds by constant indices, tensor write-after-read and
// read-init-write folds; memref.cast operands folded into loads, stores
// and transfers. The CHECK lines are mlir-opt 19 -canonicalize output on
// this file, which edge-opt reproduces exactly.
// RUN: edge-opt %s -canonicalize | FileCheck %s --strict-whitespace

// CHECK: #map = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @folds(%arg0: f32, %arg1: vector<4xf32>, %arg2: vector<4x8xf32>, %arg3: vector<8xf32>, %arg4: index) -> (vector<4xf32>, vector<4xf32>, vector<4x8xf32>, f32, f32, vector<8xf32>, f32, vector<4x8xf32>, vector<4x8xf32>, vector<32xf32>, f32) {
// CHECK-NEXT: %cst = arith.constant 5.000000e+00 : f32
// CHECK-NEXT: %cst_0 = arith.constant dense<2.000000e+00> : vector<32xf32>
// CHECK-NEXT: %cst_1 = arith.constant dense<2.000000e+00> : vector<4xf32>
// CHECK-NEXT: %0 = vector.splat %arg0 : vector<4xf32>
// CHECK-NEXT: %1 = vector.extractelement %0[%arg4 : index] : vector<4xf32>
// CHECK-NEXT: return %arg1, %cst_1, %arg2, %cst, %arg0, %arg3, %1, %arg2, %arg2, %cst_0, %arg0 : vector<4xf32>, vector<4xf32>, vector<4x8xf32>, f32, f32, vector<8xf32>, f32, vector<4x8xf32>, vector<4x8xf32>, vector<32xf32>, f32
// CHECK-LABEL: func.func @const_extract() -> (vector<2xi32>, i32, i1, vector<3xi8>) {
// CHECK-NEXT: %cst = arith.constant dense<[3, 4]> : vector<2xi32>
// CHECK-NEXT: %c6_i32 = arith.constant 6 : i32
// CHECK-NEXT: %false = arith.constant false
// CHECK-NEXT: %cst_0 = arith.constant dense<7> : vector<3xi8>
// CHECK-NEXT: return %cst, %c6_i32, %false, %cst_0 : vector<2xi32>, i32, i1, vector<3xi8>
// CHECK-LABEL: func.func @dyn(%arg0: f32, %arg1: vector<8xf32>, %arg2: index, %arg3: vector<4x8xf32>) -> (f32, vector<8xf32>, vector<8xf32>, f32, vector<8xf32>) {
// CHECK-NEXT: %cst = arith.constant dense<1.000000e+00> : vector<8xf32>
// CHECK-NEXT: %0 = vector.broadcast %arg0 : f32 to vector<4x8xf32>
// CHECK-NEXT: %1 = vector.extract %0[%arg2, 1] : f32 from vector<4x8xf32>
// CHECK-NEXT: %2 = vector.broadcast %arg1 : vector<8xf32> to vector<4x8xf32>
// CHECK-NEXT: %3 = vector.extract %2[%arg2] : vector<8xf32> from vector<4x8xf32>
// CHECK-NEXT: %4 = vector.insert %arg0, %arg3 [%arg2, 2] : f32 into vector<4x8xf32>
// CHECK-NEXT: %5 = vector.extract %4[%arg2, 2] : f32 from vector<4x8xf32>
// CHECK-NEXT: return %1, %3, %arg1, %5, %cst : f32, vector<8xf32>, vector<8xf32>, f32, vector<8xf32>
// CHECK-LABEL: func.func @inb(%arg0: memref<8x16xf32>, %arg1: memref<?x16xf32>, %arg2: f32, %arg3: index, %arg4: vector<4xf32>, %arg5: tensor<4x8xf32>) -> (vector<4xf32>, vector<4xf32>, vector<4x8xf32>, vector<8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, vector<4x8xf32>, vector<4xf32>) {
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c12 = arith.constant 12 : index
// CHECK-NEXT: %c13 = arith.constant 13 : index
// CHECK-NEXT: %0 = vector.transfer_read %arg0[%c0, %c12], %arg2 {in_bounds = [true]} : memref<8x16xf32>, vector<4xf32>
// CHECK-NEXT: %1 = vector.transfer_read %arg0[%c0, %c13], %arg2 : memref<8x16xf32>, vector<4xf32>
// CHECK-NEXT: %2 = vector.transfer_read %arg0[%c0, %c0], %arg2 {in_bounds = [true, true]} : memref<8x16xf32>, vector<4x8xf32>
// CHECK-NEXT: %3 = vector.transfer_read %arg1[%c0, %arg3], %arg2 {permutation_map = #map} : memref<?x16xf32>, vector<8xf32>
// CHECK-NEXT: vector.transfer_write %arg4, %arg0[%c0, %c12] {in_bounds = [true]} : vector<4xf32>, memref<8x16xf32>
// CHECK-NEXT: vector.transfer_write %arg4, %arg0[%arg3, %c13] : vector<4xf32>, memref<8x16xf32>
// CHECK-NEXT: %4 = vector.transfer_read %arg5[%c0, %c0], %arg2 {in_bounds = [true, true]} : tensor<4x8xf32>, vector<4x8xf32>
// CHECK-NEXT: %5 = vector.transfer_read %arg5[%arg3, %c0], %arg2 {in_bounds = [true]} : tensor<4x8xf32>, vector<4xf32>
// CHECK-NEXT: %6 = vector.transfer_read %arg5[%c0, %arg3], %arg2 : tensor<4x8xf32>, vector<4xf32>
// CHECK-NEXT: %7 = vector.transfer_write %6, %arg5[%arg3, %c0] {in_bounds = [true]} : vector<4xf32>, tensor<4x8xf32>
// CHECK-NEXT: return %0, %1, %2, %3, %arg5, %arg5, %7, %4, %5 : vector<4xf32>, vector<4xf32>, vector<4x8xf32>, vector<8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, vector<4x8xf32>, vector<4xf32>
// CHECK-LABEL: func.func @casts(%arg0: memref<8xf32>, %arg1: index, %arg2: f32, %arg3: vector<4xf32>, %arg4: vector<4xi1>) -> (vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>) {
// CHECK-NEXT: %0 = vector.load %arg0[%arg1] : memref<8xf32>, vector<4xf32>
// CHECK-NEXT: vector.store %arg3, %arg0[%arg1] : memref<8xf32>, vector<4xf32>
// CHECK-NEXT: %1 = vector.maskedload %arg0[%arg1], %arg4, %arg3 : memref<8xf32>, vector<4xi1>, vector<4xf32> into vector<4xf32>
// CHECK-NEXT: vector.maskedstore %arg0[%arg1], %arg4, %arg3 : memref<8xf32>, vector<4xi1>, vector<4xf32>
// CHECK-NEXT: %2 = vector.transfer_read %arg0[%arg1], %arg2 : memref<8xf32>, vector<4xf32>
// CHECK-NEXT: vector.transfer_write %arg3, %arg0[%arg1] : vector<4xf32>, memref<8xf32>
// CHECK-NEXT: %3 = vector.load %arg0[%arg1] : memref<8xf32>, vector<4xf32>
// CHECK-NEXT: return %0, %1, %2, %3 : vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>
// CHECK-LABEL: func.func @pats(%arg0: f32, %arg1: vector<4xf32>, %arg2: vector<f32>, %arg3: index) -> (vector<2x3x4xf32>, vector<4xf32>, vector<8xf32>, f32, vector<4x8xi1>, vector<4x8xi1>, vector<4x8xi1>, vector<4x8xi1>, vector<[4]xi1>, vector<[4]xi1>) {
// CHECK-NEXT: %c2 = arith.constant 2 : index
// CHECK-NEXT: %0 = vector.broadcast %arg1 : vector<4xf32> to vector<2x3x4xf32>
// CHECK-NEXT: %1 = vector.broadcast %arg0 : f32 to vector<4xf32>
// CHECK-NEXT: %2 = vector.broadcast %arg0 : f32 to vector<8xf32>
// CHECK-NEXT: %3 = vector.extractelement %arg2[] : vector<f32>
// CHECK-NEXT: %4 = vector.constant_mask [2, 8] : vector<4x8xi1>
// CHECK-NEXT: %5 = vector.constant_mask [0, 0] : vector<4x8xi1>
// CHECK-NEXT: %6 = vector.constant_mask [0, 0] : vector<4x8xi1>
// CHECK-NEXT: %7 = vector.create_mask %arg3, %c2 : vector<4x8xi1>
// CHECK-NEXT: %8 = vector.constant_mask [0] : vector<[4]xi1>
// CHECK-NEXT: %9 = vector.create_mask %c2 : vector<[4]xi1>
// CHECK-NEXT: return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9 : vector<2x3x4xf32>, vector<4xf32>, vector<8xf32>, f32, vector<4x8xi1>, vector<4x8xi1>, vector<4x8xi1>, vector<4x8xi1>, vector<[4]xi1>, vector<[4]xi1>
// CHECK-LABEL: func.func @casts2(%arg0: vector<4x8xf32>, %arg1: vector<4x16xf16>, %arg2: index) -> (vector<4x8xf32>, vector<8x4xf32>, vector<4x8xf32>, vector<4x8xf32>, vector<2x8xi32>, vector<4xf32>, vector<4xi32>, vector<8xi16>, vector<2x4xi8>) {
// CHECK-NEXT: %cst = arith.constant dense<-1> : vector<8xi16>
// CHECK-NEXT: %cst_0 = arith.constant dense<117901063> : vector<4xi32>
// CHECK-NEXT: %cst_1 = arith.constant dense<0.125236511> : vector<4xf32>
// CHECK-NEXT: %cst_2 = arith.constant dense<{{\[\[}}1, 2, 3, 4], [5, 6, 7, 8{{\]\]}}> : vector<2x4xi8>
// CHECK-NEXT: %cst_3 = arith.constant dense<3.000000e+00> : vector<8x4xf32>
// CHECK-NEXT: %0 = vector.bitcast %arg1 : vector<4x16xf16> to vector<4x8xi32>
// CHECK-NEXT: %1 = vector.shape_cast %0 : vector<4x8xi32> to vector<32xi32>
// CHECK-NEXT: %2 = vector.shape_cast %1 : vector<32xi32> to vector<2x16xi32>
// CHECK-NEXT: %3 = vector.extract %2[0] : vector<16xi32> from vector<2x16xi32>
// CHECK-NEXT: %4 = vector.shape_cast %3 : vector<16xi32> to vector<2x8xi32>
// CHECK-NEXT: return %arg0, %cst_3, %arg0, %arg0, %4, %cst_1, %cst_0, %cst, %cst_2 : vector<4x8xf32>, vector<8x4xf32>, vector<4x8xf32>, vector<4x8xf32>, vector<2x8xi32>, vector<4xf32>, vector<4xi32>, vector<8xi16>, vector<2x4xi8>
// CHECK-LABEL: func.func @chains(%arg0: vector<4x8xf32>, %arg1: vector<8xf32>) -> (vector<2x2x8xf32>, vector<8xf32>, vector<2x16xf32>, vector<1x8xf32>) {
// CHECK-NEXT: %0 = vector.shape_cast %arg0 : vector<4x8xf32> to vector<32xf32>
// CHECK-NEXT: %1 = vector.shape_cast %arg0 : vector<4x8xf32> to vector<2x2x8xf32>
// CHECK-NEXT: %2 = vector.shape_cast %0 : vector<32xf32> to vector<2x16xf32>
// CHECK-NEXT: %3 = vector.shape_cast %arg1 : vector<8xf32> to vector<1x8xf32>
// CHECK-NEXT: return %1, %arg1, %2, %3 : vector<2x2x8xf32>, vector<8xf32>, vector<2x16xf32>, vector<1x8xf32>

func.func @folds(%f: f32, %v: vector<4xf32>, %m: vector<4x8xf32>, %row: vector<8xf32>, %i: index) -> (vector<4xf32>, vector<4xf32>, vector<4x8xf32>, f32, f32, vector<8xf32>, f32, vector<4x8xf32>, vector<4x8xf32>, vector<32xf32>, f32) {
  %0 = vector.broadcast %v : vector<4xf32> to vector<4xf32>
  %c = arith.constant 2.0 : f32
  %1 = vector.broadcast %c : f32 to vector<4xf32>
  %2 = vector.splat %c : vector<4x8xf32>
  %3 = vector.extract %2[1, 2] : f32 from vector<4x8xf32>
  %b = vector.broadcast %f : f32 to vector<4x8xf32>
  %4 = vector.extract %b[3, 1] : f32 from vector<4x8xf32>
  %ins = vector.insert %row, %m [2] : vector<8xf32> into vector<4x8xf32>
  %5 = vector.extract %ins[2] : vector<8xf32> from vector<4x8xf32>
  %s = vector.splat %f : vector<4xf32>
  %6 = vector.extractelement %s[%i : index] : vector<4xf32>
  %7 = vector.extract %m[] : vector<4x8xf32> from vector<4x8xf32>
  %8 = vector.insert %m, %m [] : vector<4x8xf32> into vector<4x8xf32>
  %sc = vector.shape_cast %m : vector<4x8xf32> to vector<32xf32>
  %sc2 = vector.shape_cast %sc : vector<32xf32> to vector<4x8xf32>
  %sc3 = vector.shape_cast %2 : vector<4x8xf32> to vector<32xf32>
  %cv = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : vector<4xf32>
  %c2 = arith.constant 2 : index
  %9 = vector.extractelement %cv[%c2 : index] : vector<4xf32>
  %s1 = arith.addf %3, %9 : f32
  return %0, %1, %sc2, %s1, %4, %5, %6, %7, %8, %sc3, %f : vector<4xf32>, vector<4xf32>, vector<4x8xf32>, f32, f32, vector<8xf32>, f32, vector<4x8xf32>, vector<4x8xf32>, vector<32xf32>, f32
}

func.func @const_extract() -> (vector<2xi32>, i32, i1, vector<3xi8>) {
  %cst = arith.constant dense<[[1, 2], [3, 4], [5, 6]]> : vector<3x2xi32>
  %0 = vector.extract %cst[1] : vector<2xi32> from vector<3x2xi32>
  %1 = vector.extract %cst[2, 1] : i32 from vector<3x2xi32>
  %b = arith.constant dense<[true, false]> : vector<2xi1>
  %2 = vector.extract %b[1] : i1 from vector<2xi1>
  %c = arith.constant 7 : i8
  %3 = vector.broadcast %c : i8 to vector<3xi8>
  return %0, %1, %2, %3 : vector<2xi32>, i32, i1, vector<3xi8>
}
func.func @dyn(%f: f32, %v: vector<8xf32>, %i: index, %m: vector<4x8xf32>) -> (f32, vector<8xf32>, vector<8xf32>, f32, vector<8xf32>) {
  %b = vector.broadcast %f : f32 to vector<4x8xf32>
  %0 = vector.extract %b[%i, 1] : f32 from vector<4x8xf32>
  %b2 = vector.broadcast %v : vector<8xf32> to vector<4x8xf32>
  %1 = vector.extract %b2[%i] : vector<8xf32> from vector<4x8xf32>
  %2 = vector.extract %b2[2] : vector<8xf32> from vector<4x8xf32>
  %ins = vector.insert %f, %m [%i, 2] : f32 into vector<4x8xf32>
  %3 = vector.extract %ins[%i, 2] : f32 from vector<4x8xf32>
  %cst = arith.constant dense<1.0> : vector<4x8xf32>
  %4 = vector.extract %cst[%i] : vector<8xf32> from vector<4x8xf32>
  return %0, %1, %2, %3, %4 : f32, vector<8xf32>, vector<8xf32>, f32, vector<8xf32>
}
func.func @inb(%m: memref<8x16xf32>, %d: memref<?x16xf32>, %f: f32, %i: index, %v: vector<4xf32>, %t: tensor<4x8xf32>) -> (vector<4xf32>, vector<4xf32>, vector<4x8xf32>, vector<8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, vector<4x8xf32>, vector<4xf32>) {
  %c0 = arith.constant 0 : index
  %c12 = arith.constant 12 : index
  %c13 = arith.constant 13 : index
  %0 = vector.transfer_read %m[%c0, %c12], %f : memref<8x16xf32>, vector<4xf32>
  %1 = vector.transfer_read %m[%c0, %c13], %f : memref<8x16xf32>, vector<4xf32>
  %2 = vector.transfer_read %m[%c0, %c0], %f {permutation_map = affine_map<(d0, d1) -> (d0, d1)>} : memref<8x16xf32>, vector<4x8xf32>
  %3 = vector.transfer_read %d[%c0, %i], %f {permutation_map = affine_map<(d0, d1) -> (d0)>} : memref<?x16xf32>, vector<8xf32>
  vector.transfer_write %v, %m[%c0, %c12] : vector<4xf32>, memref<8x16xf32>
  vector.transfer_write %v, %m[%i, %c13] : vector<4xf32>, memref<8x16xf32>
  %r = vector.transfer_read %t[%c0, %c0], %f {in_bounds = [true, true]} : tensor<4x8xf32>, vector<4x8xf32>
  %w = vector.transfer_write %r, %t[%c0, %c0] {in_bounds = [true, true]} : vector<4x8xf32>, tensor<4x8xf32>
  %r2 = vector.transfer_read %t[%i, %c0], %f : tensor<4x8xf32>, vector<4xf32>
  %w2 = vector.transfer_write %r2, %t[%i, %c0] : vector<4xf32>, tensor<4x8xf32>
  %r3 = vector.transfer_read %t[%c0, %i], %f : tensor<4x8xf32>, vector<4xf32>
  %w3 = vector.transfer_write %r3, %t[%i, %c0] : vector<4xf32>, tensor<4x8xf32>
  return %0, %1, %2, %3, %w, %w2, %w3, %r, %r2 : vector<4xf32>, vector<4xf32>, vector<4x8xf32>, vector<8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, vector<4x8xf32>, vector<4xf32>
}

func.func @casts(%m: memref<8xf32>, %i: index, %f: f32, %v: vector<4xf32>, %k: vector<4xi1>) -> (vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>) {
  %c = memref.cast %m : memref<8xf32> to memref<?xf32>
  %0 = vector.load %c[%i] : memref<?xf32>, vector<4xf32>
  vector.store %v, %c[%i] : memref<?xf32>, vector<4xf32>
  %1 = vector.maskedload %c[%i], %k, %v : memref<?xf32>, vector<4xi1>, vector<4xf32> into vector<4xf32>
  vector.maskedstore %c[%i], %k, %v : memref<?xf32>, vector<4xi1>, vector<4xf32>
  %2 = vector.transfer_read %c[%i], %f : memref<?xf32>, vector<4xf32>
  vector.transfer_write %v, %c[%i] : vector<4xf32>, memref<?xf32>
  %u = memref.cast %m : memref<8xf32> to memref<*xf32>
  %s = memref.cast %m : memref<8xf32> to memref<8xf32, strided<[1], offset: ?>>
  %3 = vector.load %s[%i] : memref<8xf32, strided<[1], offset: ?>>, vector<4xf32>
  return %0, %1, %2, %3 : vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>
}
func.func @pats(%f: f32, %v: vector<4xf32>, %v0: vector<f32>, %i: index) -> (vector<2x3x4xf32>, vector<4xf32>, vector<8xf32>, f32, vector<4x8xi1>, vector<4x8xi1>, vector<4x8xi1>, vector<4x8xi1>, vector<[4]xi1>, vector<[4]xi1>) {
  %b = vector.broadcast %v : vector<4xf32> to vector<3x4xf32>
  %0 = vector.broadcast %b : vector<3x4xf32> to vector<2x3x4xf32>
  %s = vector.broadcast %f : f32 to vector<5x4xf32>
  %1 = vector.extract %s[2] : vector<4xf32> from vector<5x4xf32>
  %sp = vector.splat %f : vector<4x8xf32>
  %2 = vector.extract %sp[%i] : vector<8xf32> from vector<4x8xf32>
  %b0 = vector.broadcast %v0 : vector<f32> to vector<4xf32>
  %3 = vector.extract %b0[1] : f32 from vector<4xf32>
  %c2 = arith.constant 2 : index
  %c9 = arith.constant 9 : index
  %c0 = arith.constant 0 : index
  %cm = arith.constant -1 : index
  %4 = vector.create_mask %c2, %c9 : vector<4x8xi1>
  %5 = vector.create_mask %c0, %c9 : vector<4x8xi1>
  %6 = vector.create_mask %cm, %c2 : vector<4x8xi1>
  %7 = vector.create_mask %i, %c2 : vector<4x8xi1>
  %8 = vector.create_mask %c0 : vector<[4]xi1>
  %9 = vector.create_mask %c2 : vector<[4]xi1>
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9 : vector<2x3x4xf32>, vector<4xf32>, vector<8xf32>, f32, vector<4x8xi1>, vector<4x8xi1>, vector<4x8xi1>, vector<4x8xi1>, vector<[4]xi1>, vector<[4]xi1>
}
func.func @casts2(%a: vector<4x8xf32>, %h: vector<4x16xf16>, %i: index) -> (vector<4x8xf32>, vector<8x4xf32>, vector<4x8xf32>, vector<4x8xf32>, vector<2x8xi32>, vector<4xf32>, vector<4xi32>, vector<8xi16>, vector<2x4xi8>) {
  %0 = vector.transpose %a, [0, 1] : vector<4x8xf32> to vector<4x8xf32>
  %c = arith.constant dense<3.0> : vector<4x8xf32>
  %1 = vector.transpose %c, [1, 0] : vector<4x8xf32> to vector<8x4xf32>
  %2 = vector.bitcast %a : vector<4x8xf32> to vector<4x8xf32>
  %b1 = vector.bitcast %a : vector<4x8xf32> to vector<4x16xf16>
  %3 = vector.bitcast %b1 : vector<4x16xf16> to vector<4x8xf32>
  %b2 = vector.bitcast %h : vector<4x16xf16> to vector<4x8xf32>
  %4 = vector.bitcast %b2 : vector<4x8xf32> to vector<4x8xi32>
  %5 = vector.shape_cast %4 : vector<4x8xi32> to vector<32xi32>
  %6 = vector.shape_cast %5 : vector<32xi32> to vector<2x16xi32>
  %7 = vector.extract %6[0] : vector<16xi32> from vector<2x16xi32>
  %ch = arith.constant dense<1.5> : vector<8xf16>
  %8 = vector.bitcast %ch : vector<8xf16> to vector<4xf32>
  %ci = arith.constant dense<7> : vector<16xi8>
  %9 = vector.bitcast %ci : vector<16xi8> to vector<4xi32>
  %cj = arith.constant dense<-1> : vector<16xi8>
  %10 = vector.bitcast %cj : vector<16xi8> to vector<8xi16>
  %11 = vector.transpose %c, [1, 0] : vector<4x8xf32> to vector<8x4xf32>
  %ck = arith.constant dense<[[1, 2, 3, 4], [5, 6, 7, 8]]> : vector<2x4xi8>
  %12 = vector.transpose %ck, [0, 1] : vector<2x4xi8> to vector<2x4xi8>
  %r = vector.shape_cast %7 : vector<16xi32> to vector<2x8xi32>
  return %0, %1, %2, %3, %r, %8, %9, %10, %12 : vector<4x8xf32>, vector<8x4xf32>, vector<4x8xf32>, vector<4x8xf32>, vector<2x8xi32>, vector<4xf32>, vector<4xi32>, vector<8xi16>, vector<2x4xi8>
}
func.func @chains(%a: vector<4x8xf32>, %v: vector<8xf32>) -> (vector<2x2x8xf32>, vector<8xf32>, vector<2x16xf32>, vector<1x8xf32>) {
  %0 = vector.shape_cast %a : vector<4x8xf32> to vector<32xf32>
  %1 = vector.shape_cast %0 : vector<32xf32> to vector<2x2x8xf32>
  %b = vector.broadcast %v : vector<8xf32> to vector<1x8xf32>
  %2 = vector.shape_cast %b : vector<1x8xf32> to vector<8xf32>
  %3 = vector.shape_cast %0 : vector<32xf32> to vector<2x16xf32>
  %4 = vector.shape_cast %v : vector<8xf32> to vector<1x8xf32>
  return %1, %2, %3, %4 : vector<2x2x8xf32>, vector<8xf32>, vector<2x16xf32>, vector<1x8xf32>
}
