// memref verifier and parser errors, with MLIR 19's messages (this file
// also passes `mlir-opt --verify-diagnostics`).
// RUN: edge-opt %s --split-input-file --verify-diagnostics

func.func @alloc_dyn_count(%d: index) {
  // expected-error@+1 {{'memref.alloc' op dimension operand count does not equal memref dynamic dimension count}}
  %0 = memref.alloc() : memref<?xf32>
  return
}

// -----

func.func @alloc_sym_count(%d: index) {
  // expected-error@+1 {{'memref.alloc' op symbol operand count does not equal memref symbol count: expected 0, got 1}}
  %0 = memref.alloc(%d)[%d] : memref<?xf32>
  return
}

// -----

func.func @alloca_dyn_count(%d: index) {
  // expected-error@+1 {{'memref.alloca' op dimension operand count does not equal memref dynamic dimension count}}
  %0 = memref.alloca(%d) : memref<4xf32>
  return
}

// -----

func.func @alloc_not_memref() {
  // expected-error@+1 {{'memref.alloc' op result #0 must be memref of any type values, but got 'tensor<4xf32>'}}
  %0 = "memref.alloc"() <{operandSegmentSizes = array<i32: 0, 0>}> : () -> tensor<4xf32>
  return
}

// -----

func.func @alloc_segments(%i: index) {
  // expected-error@+1 {{'memref.alloc' op operand count (1) does not match with the total size (0) specified in attribute 'operandSegmentSizes'}}
  %0 = "memref.alloc"(%i) : (index) -> memref<?xf32>
  return
}

// -----

func.func @load_indices(%m: memref<4x4xf32>, %i: index) {
  // expected-error@+1 {{'memref.load' op incorrect number of indices for load, expected 2 but got 1}}
  %0 = memref.load %m[%i] : memref<4x4xf32>
  return
}

// -----

func.func @load_result(%m: memref<4xf32>, %i: index) {
  // expected-error@+1 {{'memref.load' op failed to verify that result type matches element type of 'memref'}}
  %0 = "memref.load"(%m, %i) : (memref<4xf32>, index) -> f64
  return
}

// -----

func.func @load_index_type(%m: memref<4xf32>, %i: i32) {
  // expected-error@+1 {{'memref.load' op operand #1 must be variadic of index, but got 'i32'}}
  %0 = "memref.load"(%m, %i) : (memref<4xf32>, i32) -> f32
  return
}

// -----

func.func @store_value(%m: memref<4xf32>, %i: index, %v: f64) {
  // expected-error@+1 {{'memref.store' op failed to verify that type of 'value' matches element type of 'memref'}}
  "memref.store"(%v, %m, %i) : (f64, memref<4xf32>, index) -> ()
  return
}

// -----

func.func @store_indices(%m: memref<4x4xf32>, %i: index, %v: f32) {
  // expected-error@+1 {{'memref.store' op store index operand count not equal to memref rank}}
  memref.store %v, %m[%i] : memref<4x4xf32>
  return
}

// -----

func.func @cast_incompatible(%m: memref<4xf32>) {
  // expected-error@+1 {{'memref.cast' op operand type 'memref<4xf32>' and result type 'memref<5xf32>' are cast incompatible}}
  %0 = memref.cast %m : memref<4xf32> to memref<5xf32>
  return
}

// -----

func.func @cast_memspace(%m: memref<4xf32>) {
  // expected-error@+1 {{'memref.cast' op operand type 'memref<4xf32>' and result type 'memref<4xf32, 1>' are cast incompatible}}
  %0 = memref.cast %m : memref<4xf32> to memref<4xf32, 1>
  return
}

// -----

func.func @cast_unranked(%m: memref<*xf32>) {
  // expected-error@+1 {{'memref.cast' op operand type 'memref<*xf32>' and result type 'memref<*xf32>' are cast incompatible}}
  %0 = memref.cast %m : memref<*xf32> to memref<*xf32>
  return
}

// -----

func.func @get_global_missing() {
  // expected-error@+1 {{'memref.get_global' op 'nope' does not reference a valid global memref}}
  %0 = memref.get_global @nope : memref<4xf32>
  return
}

// -----

memref.global @g : memref<4xf32>
func.func @get_global_type() {
  // expected-error@+1 {{'memref.get_global' op result type 'memref<5xf32>' does not match type 'memref<4xf32>' of the global memref @g}}
  %0 = memref.get_global @g : memref<5xf32>
  return
}

// -----

// expected-error@+1 {{custom op 'memref.global' type should be static shaped memref, but got 'memref<?xf32>'}}
memref.global @dyn : memref<?xf32>

// -----

// expected-error@+1 {{alignment attribute value 3 is not a power of 2}}
memref.global @align : memref<4xf32> = dense<1.0> {alignment = 3 : i64}

// -----

// expected-error@+1 {{'memref.global' op initial value should be a unit or elements attribute, but got 3 : i32}}
"memref.global"() <{initial_value = 3 : i32, sym_name = "c", type = memref<2xf32>}> : () -> ()

// -----

// expected-error@+1 {{'memref.global' op initial value expected to be of type 'tensor<2xf32>', but was of type 'tensor<3xf32>'}}
"memref.global"() <{initial_value = dense<1.0> : tensor<3xf32>, sym_name = "c", type = memref<2xf32>}> : () -> ()

// -----

// expected-error@+1 {{'memref.global' op attribute 'type' failed to satisfy constraint: memref type attribute}}
"memref.global"() <{sym_name = "c", type = f32}> : () -> ()

// -----

// expected-error@+1 {{'memref.global' op visibility expected to be one of ["public", "private", "nested"], but got "priv"}}
"memref.global"() <{sym_name = "c", sym_visibility = "priv", type = memref<2xf32>}> : () -> ()

// -----

func.func @subview_layout(%m: memref<8x8xf32>) {
  // expected-error@+1 {{expected result type to be 'memref<4x4xf32, strided<[8, 1]>>' or a rank-reduced version. (mismatch of result layout)}}
  %0 = memref.subview %m[0, 0][4, 4][1, 1] : memref<8x8xf32> to memref<4x4xf32>
  return
}

// -----

func.func @subview_offset(%m: memref<8x8xf32>) {
  // expected-error@+1 {{expected result type to be 'memref<1x8xf32, strided<[8, 1], offset: 16>>' or a rank-reduced version. (mismatch of result layout)}}
  %0 = memref.subview %m[2, 0][1, 8][1, 1] : memref<8x8xf32> to memref<8xf32, strided<[1], offset: 15>>
  return
}

// -----

func.func @subview_sizes(%m: memref<8x8xf32>) {
  // expected-error@+1 {{expected result type to be 'memref<1x8xf32, strided<[8, 1], offset: 16>>' or a rank-reduced version. (mismatch of result sizes)}}
  %0 = memref.subview %m[2, 0][1, 8][1, 1] : memref<8x8xf32> to memref<7xf32, strided<[1], offset: 16>>
  return
}

// -----

func.func @subview_elem(%m: memref<8x8xf32>) {
  // expected-error@+1 {{expected result element type to be 'f32'}}
  %0 = memref.subview %m[2, 0][1, 8][1, 1] : memref<8x8xf32> to memref<8xf64, strided<[1], offset: 16>>
  return
}

// -----

func.func @subview_memspace(%m: memref<8x8xf32>) {
  // expected-error@+1 {{different memory spaces specified for base memref type 'memref<8x8xf32>' and subview memref type 'memref<8xf32, strided<[1], offset: 16>, 1>'}}
  %0 = memref.subview %m[2, 0][1, 8][1, 1] : memref<8x8xf32> to memref<8xf32, strided<[1], offset: 16>, 1>
  return
}

// -----

func.func @subview_ranks(%m: memref<8x8xf32>) {
  // expected-error@+1 {{expected mixed offsets rank to match mixed sizes rank (1 vs 2) so the rank of the result type is well-formed.}}
  %0 = memref.subview %m[0][4, 4][1, 1] : memref<8x8xf32> to memref<4x4xf32, strided<[8, 1]>>
  return
}

// -----

func.func @subview_not_strided(%m: memref<8x8xf32, affine_map<(d0, d1) -> (d1, d0)>>) {
  // expected-error@+1 {{base type 'memref<8x8xf32, affine_map<(d0, d1) -> (d1, d0)>>' is not strided}}
  %0 = memref.subview %m[1, 1][4, 4][1, 1] : memref<8x8xf32, affine_map<(d0, d1) -> (d1, d0)>> to memref<4x4xf32, strided<[?, ?], offset: ?>>
  return
}

// -----

func.func @reinterpret_size(%m: memref<?xf32>) {
  // expected-error@+1 {{expected result type with size = 4 instead of 5 in dim = 1}}
  %0 = memref.reinterpret_cast %m to offset: [0], sizes: [4, 4], strides: [4, 1] : memref<?xf32> to memref<4x5xf32>
  return
}

// -----

func.func @reinterpret_elem(%m: memref<?xf32>) {
  // expected-error@+1 {{different element types specified for source type 'memref<?xf32>' and result memref type 'memref<4xf64>'}}
  %0 = memref.reinterpret_cast %m to offset: [0], sizes: [4], strides: [1] : memref<?xf32> to memref<4xf64>
  return
}

// -----

func.func @reinterpret_stride(%m: memref<?xf32>) {
  // expected-error@+1 {{expected result type with stride = 2 instead of 1 in dim = 0}}
  %0 = memref.reinterpret_cast %m to offset: [0], sizes: [4], strides: [2] : memref<?xf32> to memref<4xf32>
  return
}

// -----

func.func @reinterpret_offset(%m: memref<?xf32>) {
  // expected-error@+1 {{expected result type with offset = 1 instead of 0}}
  %0 = memref.reinterpret_cast %m to offset: [1], sizes: [4], strides: [1] : memref<?xf32> to memref<4xf32>
  return
}

// -----

func.func @reinterpret_memspace(%m: memref<?xf32, 1>) {
  // expected-error@+1 {{different memory spaces specified for source type 'memref<?xf32, 1>' and result memref type 'memref<4xf32>'}}
  %0 = memref.reinterpret_cast %m to offset: [0], sizes: [4], strides: [1] : memref<?xf32, 1> to memref<4xf32>
  return
}

// -----

func.func @copy_shape(%a: memref<4xf32>, %b: memref<5xf32>) {
  // expected-error@+1 {{'memref.copy' op requires the same shape for all operands}}
  memref.copy %a, %b : memref<4xf32> to memref<5xf32>
  return
}

// -----

func.func @copy_elem(%a: memref<4xf32>, %b: memref<4xf64>) {
  // expected-error@+1 {{'memref.copy' op requires the same element type for all operands}}
  memref.copy %a, %b : memref<4xf32> to memref<4xf64>
  return
}

// -----

func.func @collapse_size(%m: memref<4x5xf32>) {
  // expected-error@+1 {{'memref.collapse_shape' op collapsed dim size (21) must equal reassociation group size (20)}}
  %0 = memref.collapse_shape %m [[0, 1]] : memref<4x5xf32> into memref<21xf32>
  return
}

// -----

func.func @collapse_groups(%m: memref<4x5xf32>) {
  // expected-error@+1 {{'memref.collapse_shape' op invalid number of reassociation groups: found 2, expected 1}}
  %0 = memref.collapse_shape %m [[0], [1]] : memref<4x5xf32> into memref<20xf32>
  return
}

// -----

func.func @collapse_contiguous(%m: memref<4x5x6xf32>) {
  // expected-error@+1 {{'memref.collapse_shape' op reassociation indices must be contiguous}}
  %0 = memref.collapse_shape %m [[0, 2], [1]] : memref<4x5x6xf32> into memref<24x5xf32>
  return
}

// -----

func.func @collapse_type(%m: memref<4x5xf32>) {
  // expected-error@+1 {{'memref.collapse_shape' op expected collapsed type to be 'memref<20xf32>' but found 'memref<20xf64>'}}
  %0 = memref.collapse_shape %m [[0, 1]] : memref<4x5xf32> into memref<20xf64>
  return
}

// -----

func.func @collapse_dynamic(%m: memref<?x5xf32>) {
  // expected-error@+1 {{'memref.collapse_shape' op collapsed dim (0) must be dynamic if and only if reassociation group is dynamic}}
  %0 = memref.collapse_shape %m [[0, 1]] : memref<?x5xf32> into memref<20xf32>
  return
}

// -----

func.func @collapse_noncontiguous(%m: memref<4x5xf32, strided<[10, 1]>>) {
  // expected-error@+1 {{'memref.collapse_shape' op invalid source layout map or collapsing non-contiguous dims}}
  %0 = memref.collapse_shape %m [[0, 1]] : memref<4x5xf32, strided<[10, 1]>> into memref<20xf32>
  return
}

// -----

func.func @collapse_layout(%m: memref<4x5xf32, strided<[5, 1], offset: ?>>) {
  // expected-error@+1 {{'memref.collapse_shape' op expected collapsed type to be 'memref<20xf32, strided<[1], offset: ?>>' but found 'memref<20xf32>'}}
  %0 = memref.collapse_shape %m [[0, 1]] : memref<4x5xf32, strided<[5, 1], offset: ?>> into memref<20xf32>
  return
}

// -----

func.func @collapse_rank0(%m: memref<4x5xf32>) {
  // expected-error@+1 {{'memref.collapse_shape' op rank 0 memrefs can only be extended/collapsed with/from ones}}
  %0 = memref.collapse_shape %m [] : memref<4x5xf32> into memref<f32>
  return
}

// -----

func.func @expand_size(%m: memref<20xf32>) {
  // expected-error@+1 {{'memref.expand_shape' op collapsed dim size (20) must equal reassociation group size (24)}}
  %0 = memref.expand_shape %m [[0, 1]] output_shape [4, 6] : memref<20xf32> into memref<4x6xf32>
  return
}

// -----

func.func @expand_output_shape(%m: memref<20xf32>) {
  // expected-error@+1 {{'memref.expand_shape' op invalid output shape provided at pos 1}}
  %0 = memref.expand_shape %m [[0, 1]] output_shape [4, 6] : memref<20xf32> into memref<4x5xf32>
  return
}

// -----

func.func @dealloc_type(%t: tensor<4xf32>) {
  // expected-error@+1 {{'memref.dealloc' op operand #0 must be ranked or unranked memref of any type values, but got 'tensor<4xf32>'}}
  "memref.dealloc"(%t) : (tensor<4xf32>) -> ()
  return
}

// -----

func.func @load_nontemporal(%m: memref<8xf32>, %i: index) {
  // expected-error@+1 {{custom op 'memref.load' 'memref.load' op attribute 'nontemporal' failed to satisfy constraint: bool attribute}}
  %0 = memref.load %m[%i] {nontemporal = 1 : i32} : memref<8xf32>
  return
}

// -----

func.func @alloc_alignment() {
  // expected-error@+1 {{custom op 'memref.alloc' 'memref.alloc' op attribute 'alignment' failed to satisfy constraint: 64-bit signless integer attribute whose minimum value is 0}}
  %0 = memref.alloc() {alignment = -1 : i64} : memref<4xf32>
  return
}

// -----

func.func @subview_negative_offset(%m: memref<8xf32>) {
  // expected-error@+1 {{expected offsets to be non-negative, but got -1}}
  %0 = memref.subview %m[-1][4][1] : memref<8xf32> to memref<4xf32, strided<[1], offset: -1>>
  return
}

// -----

func.func @subview_map_layout(%m: memref<8x4xf32, affine_map<(d0, d1) -> (d0 * 8 + d1 + 3)>>) {
  // expected-error@+1 {{expected result type to be 'memref<2x2xf32, strided<[8, 1], offset: 12>>' or a rank-reduced version. (mismatch of result layout)}}
  %0 = memref.subview %m[1, 1][2, 2][1, 1] : memref<8x4xf32, affine_map<(d0, d1) -> (d0 * 8 + d1 + 3)>> to memref<2x2xf32>
  return
}

// -----

func.func @subview_zero_stride_map(%m: memref<8x4xf32, affine_map<(d0, d1) -> (d1)>>) {
  // expected-error@+1 {{base type 'memref<8x4xf32, affine_map<(d0, d1) -> (d1)>>' is not strided}}
  %0 = memref.subview %m[1, 1][2, 2][1, 1] : memref<8x4xf32, affine_map<(d0, d1) -> (d1)>> to memref<2x2xf32, strided<[?, ?], offset: ?>>
  return
}

// -----

func.func @reinterpret_map_stride(%m: memref<?xf32>) {
  // expected-error@+1 {{expected result type with stride = 1 instead of 2 in dim = 0}}
  %0 = memref.reinterpret_cast %m to offset: [0], sizes: [4], strides: [1] : memref<?xf32> to memref<4xf32, affine_map<(d0) -> (d0 * 2)>>
  return
}

// -----

func.func @expand_rank(%m: memref<4x5xf32>) {
  // expected-error@+1 {{'memref.expand_shape' op has source rank 2 and result rank 1. This is not an expansion (2 > 1).}}
  %0 = memref.expand_shape %m [[0, 1]] output_shape [20] : memref<4x5xf32> into memref<20xf32>
  return
}
