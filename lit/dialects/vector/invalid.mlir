// vector verifier and parser errors, with MLIR 19's messages (this file
// also passes `mlir-opt --verify-diagnostics`).
// RUN: edge-opt %s --split-input-file --verify-diagnostics

func.func @load_base(%f: f32, %i: index) {
  // expected-error@+1 {{'vector.load' op operand #0 must be memref of any type values, but got 'f32'}}
  %0 = "vector.load"(%f, %i) : (f32, index) -> vector<4xf32>
  return
}

// -----

func.func @load_index(%m: memref<?xf32>, %i: i32) {
  // expected-error@+1 {{'vector.load' op operand #1 must be variadic of index, but got 'i32'}}
  %0 = "vector.load"(%m, %i) : (memref<?xf32>, i32) -> vector<4xf32>
  return
}

// -----

func.func @load_result(%m: memref<?xf32>, %i: index) {
  // expected-error@+1 {{'vector.load' op result #0 must be vector of any type values, but got 'f32'}}
  %0 = "vector.load"(%m, %i) : (memref<?xf32>, index) -> f32
  return
}

// -----

func.func @load_nontemporal(%m: memref<?xf32>, %i: index) {
  // expected-error@+1 {{'vector.load' op attribute 'nontemporal' failed to satisfy constraint: bool attribute}}
  %0 = "vector.load"(%m, %i) {nontemporal = 1 : i32} : (memref<?xf32>, index) -> vector<4xf32>
  return
}

// -----

func.func @load_elem(%m: memref<?xf32>, %i: index) {
  // expected-error@+1 {{'vector.load' op base and result element types should match}}
  %0 = vector.load %m[%i] : memref<?xf32>, vector<4xi32>
  return
}

// -----

func.func @load_indices(%m: memref<?x?xf32>, %i: index) {
  // expected-error@+1 {{'vector.load' op requires 2 indices}}
  %0 = vector.load %m[%i] : memref<?x?xf32>, vector<4xf32>
  return
}

// -----

func.func @load_vector_memref(%m: memref<?xvector<4xf32>>, %i: index) {
  // expected-error@+1 {{'vector.load' op base memref and result vector types should match}}
  %0 = vector.load %m[%i] : memref<?xvector<4xf32>>, vector<8xf32>
  return
}

// -----

func.func @load_stride(%m: memref<4x4xf32, strided<[8, 2]>>, %i: index) {
  // expected-error@+1 {{'vector.load' op most minor memref dim must have unit stride}}
  %0 = vector.load %m[%i, %i] : memref<4x4xf32, strided<[8, 2]>>, vector<4xf32>
  return
}

// -----

func.func @load_type_kind(%m: memref<?xf32>, %i: index) {
  // expected-error@+1 {{custom op 'vector.load' invalid kind of type specified}}
  %0 = vector.load %m[%i] : tensor<?xf32>, vector<4xf32>
  return
}

// -----

func.func @store_elem(%m: memref<?xf32>, %i: index, %v: vector<4xi32>) {
  // expected-error@+1 {{'vector.store' op base and valueToStore element type should match}}
  vector.store %v, %m[%i] : memref<?xf32>, vector<4xi32>
  return
}

// -----

func.func @store_indices(%m: memref<?xf32>, %i: index, %v: vector<4xf32>) {
  // expected-error@+1 {{'vector.store' op requires 1 indices}}
  "vector.store"(%v, %m) : (vector<4xf32>, memref<?xf32>) -> ()
  return
}

// -----

func.func @maskedload_dim(%m: memref<?xf32>, %i: index, %mk: vector<4xi1>, %v: vector<4xf32>) {
  // expected-error@+1 {{'vector.maskedload' op expected result dim to match mask dim}}
  %0 = "vector.maskedload"(%m, %i, %mk, %v) : (memref<?xf32>, index, vector<4xi1>, vector<4xf32>) -> vector<8xf32>
  return
}

// -----

func.func @maskedload_mask(%m: memref<?xf32>, %i: index, %v: vector<4xf32>) {
  // expected-error@+1 {{'vector.maskedload' op operand #2 must be vector of 1-bit signless integer values of ranks 1, but got 'vector<4xf32>'}}
  %0 = "vector.maskedload"(%m, %i, %v, %v) : (memref<?xf32>, index, vector<4xf32>, vector<4xf32>) -> vector<4xf32>
  return
}

// -----

func.func @maskedload_rank(%m: memref<?xf32>, %i: index, %mk: vector<4xi1>, %v: vector<f32>) {
  // expected-error@+1 {{'vector.maskedload' op operand #3 must be  of ranks 1, but got 'vector<f32>'}}
  %0 = vector.maskedload %m[%i], %mk, %v : memref<?xf32>, vector<4xi1>, vector<f32> into vector<4xf32>
  return
}

// -----

func.func @maskedload_pass(%m: memref<?xf32>, %i: index, %mk: vector<4xi1>, %v: vector<4xf16>) {
  // expected-error@+1 {{'vector.maskedload' op expected pass_thru of same type as result type}}
  %0 = vector.maskedload %m[%i], %mk, %v : memref<?xf32>, vector<4xi1>, vector<4xf16> into vector<4xf32>
  return
}

// -----

func.func @maskedstore_dim(%m: memref<?xf32>, %i: index, %mk: vector<8xi1>, %v: vector<4xf32>) {
  // expected-error@+1 {{'vector.maskedstore' op expected valueToStore dim to match mask dim}}
  vector.maskedstore %m[%i], %mk, %v : memref<?xf32>, vector<8xi1>, vector<4xf32>
  return
}

// -----

func.func @splat_operand(%v: vector<4xf32>) {
  // expected-error@+1 {{'vector.splat' op operand #0 must be integer/index/float type, but got 'vector<4xf32>'}}
  %0 = "vector.splat"(%v) : (vector<4xf32>) -> vector<4xf32>
  return
}

// -----

func.func @splat_type(%x: i32) {
  // expected-error@+1 {{'vector.splat' op failed to verify that operand type matches element type of result}}
  %0 = "vector.splat"(%x) : (i32) -> vector<4xf32>
  return
}

// -----

func.func @fma_types(%v: vector<4xf32>) {
  // expected-error@+1 {{'vector.fma' op failed to verify that all of {lhs, rhs, acc, result} have same type}}
  %0 = "vector.fma"(%v, %v, %v) : (vector<4xf32>, vector<4xf32>, vector<4xf32>) -> vector<8xf32>
  return
}

// -----

func.func @fma_int(%v: vector<4xi32>) {
  // expected-error@+1 {{'vector.fma' op operand #0 must be vector of floating-point values, but got 'vector<4xi32>'}}
  %0 = "vector.fma"(%v, %v, %v) : (vector<4xi32>, vector<4xi32>, vector<4xi32>) -> vector<4xi32>
  return
}

// -----

func.func @broadcast_elem(%v: vector<4xf32>) {
  // expected-error@+1 {{'vector.broadcast' op failed to verify that source operand and result have same element type}}
  %0 = "vector.broadcast"(%v) : (vector<4xf32>) -> vector<4xi32>
  return
}

// -----

func.func @broadcast_rank(%v: vector<2x4xf32>) {
  // expected-error@+1 {{'vector.broadcast' op source rank higher than destination rank}}
  %0 = vector.broadcast %v : vector<2x4xf32> to vector<4xf32>
  return
}

// -----

func.func @broadcast_dim(%v: vector<3xf32>) {
  // expected-error@+1 {{'vector.broadcast' op dimension mismatch (3 vs. 4)}}
  %0 = vector.broadcast %v : vector<3xf32> to vector<2x4xf32>
  return
}

// -----

func.func @reduction_kind(%v: vector<4xf32>) {
  // expected-error@+2 {{custom op 'vector.reduction' expected ::mlir::vector::CombiningKind to be one of: add, mul, minui, minsi, minnumf, maxui, maxsi, maxnumf, and, or, xor, maximumf, minimumf}}
  // expected-error@+1 {{custom op 'vector.reduction' failed to parse Vector_CombiningKindAttr parameter 'value' which is to be a `::mlir::vector::CombiningKind`}}
  %0 = vector.reduction <foo>, %v : vector<4xf32> into f32
  return
}

// -----

func.func @reduction_elem(%v: vector<4xf32>) {
  // expected-error@+1 {{'vector.reduction' op failed to verify that source operand and result have same element type}}
  %0 = vector.reduction <add>, %v : vector<4xf32> into i32
  return
}

// -----

func.func @reduction_acc(%v: vector<4xf32>, %x: i32) {
  // expected-error@+1 {{'vector.reduction' op failed to verify that dest and acc have the same type}}
  %0 = "vector.reduction"(%v, %x) <{kind = #vector.kind<add>}> : (vector<4xf32>, i32) -> f32
  return
}

// -----

func.func @reduction_no_kind(%v: vector<4xf32>) {
  // expected-error@+1 {{'vector.reduction' op requires attribute 'kind'}}
  %0 = "vector.reduction"(%v) : (vector<4xf32>) -> f32
  return
}

// -----

func.func @reduction_rank(%v: vector<2x4xf32>) {
  // expected-error@+1 {{'vector.reduction' op unsupported reduction rank: 2}}
  %0 = vector.reduction <add>, %v : vector<2x4xf32> into f32
  return
}

// -----

func.func @reduction_float_kind(%v: vector<4xf32>) {
  // expected-error@+1 {{'vector.reduction' op unsupported reduction type ''f32'' for kind 'xor'}}
  %0 = vector.reduction <xor>, %v : vector<4xf32> into f32
  return
}

// -----

func.func @reduction_int_kind(%v: vector<4xi32>) {
  // expected-error@+1 {{'vector.reduction' op unsupported reduction type ''i32'' for kind 'maximumf'}}
  %0 = vector.reduction <maximumf>, %v : vector<4xi32> into i32
  return
}

// -----

func.func @reduction_fastmath(%v: vector<4xf32>) {
  // expected-error@+2 {{custom op 'vector.reduction' expected ::mlir::arith::FastMathFlags to be one of: none, reassoc, nnan, ninf, nsz, arcp, contract, afn, fast}}
  // expected-error@+1 {{custom op 'vector.reduction' failed to parse Arith_FastMathAttr parameter 'value' which is to be a `::mlir::arith::FastMathFlags`}}
  %0 = vector.reduction <add>, %v fastmath<bogus> : vector<4xf32> into f32
  return
}

// -----

func.func @extract_infer(%v: vector<4xf32>) {
  // expected-error@+2 {{'vector.extract' op inferred type(s) 'f32' are incompatible with return type(s) of operation 'vector<4xf32>'}}
  // expected-error@+1 {{'vector.extract' op failed to infer returned types}}
  %1 = vector.extract %v[0] : vector<4xf32> from vector<4xf32>
  return
}

// -----

func.func @extract_rank(%v: vector<4xf32>) {
  // expected-error@+1 {{'vector.extract' op expected position attribute of rank no greater than vector rank}}
  %1 = vector.extract %v[0, 1] : vector<4xf32> from vector<4xf32>
  return
}

// -----

func.func @extract_dynamic(%v: vector<4xf32>) {
  // expected-error@+1 {{'vector.extract' op mismatch between dynamic and static positions (kDynamic marker but no corresponding dynamic position) -- this can only happen due to an incorrect fold/rewrite}}
  %1 = "vector.extract"(%v) <{static_position = array<i64: -9223372036854775808>}> : (vector<4xf32>) -> f32
  return
}

// -----

func.func @extract_bounds(%v: vector<4x8xf32>) {
  // expected-error@+1 {{'vector.extract' op expected position attribute #2 to be a non-negative integer smaller than the corresponding vector dimension}}
  %1 = vector.extract %v[1, 8] : f32 from vector<4x8xf32>
  return
}

// -----

func.func @extract_negative(%v: vector<4x8xf32>) {
  // expected-error@+1 {{'vector.extract' op expected position attribute #1 to be a non-negative integer smaller than the corresponding vector dimension}}
  %1 = vector.extract %v[-1] : vector<8xf32> from vector<4x8xf32>
  return
}

// -----

func.func @extract_position_operand(%v: vector<4x8xf32>, %i: i32) {
  // expected-error@+1 {{'vector.extract' op operand #1 must be variadic of index, but got 'i32'}}
  %1 = "vector.extract"(%v, %i) <{static_position = array<i64: -9223372036854775808>}> : (vector<4x8xf32>, i32) -> vector<8xf32>
  return
}

// -----

func.func @extract_list(%v: vector<4x8xf32>) {
  // expected-error@+2 {{custom op 'vector.extract' expected integer value}}
  // expected-error@+1 {{custom op 'vector.extract' expected SSA value or integer}}
  %1 = vector.extract %v[x] : vector<8xf32> from vector<4x8xf32>
  return
}

// -----

func.func @insert_types(%f: f32, %v: vector<4xf32>) {
  // expected-error@+1 {{'vector.insert' op failed to verify that all of {dest, result} have same type}}
  %0 = "vector.insert"(%f, %v) <{static_position = array<i64: 1>}> : (f32, vector<4xf32>) -> vector<8xf32>
  return
}

// -----

func.func @insert_elem(%x: i32, %v: vector<4xf32>) {
  // expected-error@+1 {{'vector.insert' op failed to verify that source operand and result have same element type}}
  %0 = "vector.insert"(%x, %v) <{static_position = array<i64: 1>}> : (i32, vector<4xf32>) -> vector<4xf32>
  return
}

// -----

func.func @insert_rank(%f: f32, %v: vector<4x8xf32>) {
  // expected-error@+1 {{'vector.insert' op expected position attribute rank to match the dest vector rank}}
  %0 = vector.insert %f, %v [1] : f32 into vector<4x8xf32>
  return
}

// -----

func.func @insert_vector_rank(%s: vector<8xf32>, %v: vector<4x8xf32>) {
  // expected-error@+1 {{'vector.insert' op expected position attribute rank + source rank to match dest vector rank}}
  %0 = vector.insert %s, %v [1, 2] : vector<8xf32> into vector<4x8xf32>
  return
}

// -----

func.func @insert_too_many(%f: f32, %v: vector<4xf32>) {
  // expected-error@+1 {{'vector.insert' op expected position attribute of rank no greater than dest vector rank}}
  %0 = vector.insert %f, %v [1, 2] : f32 into vector<4xf32>
  return
}

// -----

func.func @insert_bounds(%f: f32, %v: vector<4x8xf32>) {
  // expected-error@+1 {{'vector.insert' op expected position attribute #1 to be a non-negative integer smaller than the corresponding dest vector dimension}}
  %0 = vector.insert %f, %v [4, 0] : f32 into vector<4x8xf32>
  return
}

// -----

func.func @extractelement_position(%v: vector<4xf32>, %f: f32) {
  // expected-error@+1 {{'vector.extractelement' op operand #1 must be signless integer or index, but got 'f32'}}
  %0 = "vector.extractelement"(%v, %f) : (vector<4xf32>, f32) -> f32
  return
}

// -----

func.func @extractelement_result(%v: vector<4xf32>, %i: index) {
  // expected-error@+1 {{'vector.extractelement' op failed to verify that result type matches element type of vector operand}}
  %0 = "vector.extractelement"(%v, %i) : (vector<4xf32>, index) -> i32
  return
}

// -----

func.func @extractelement_missing(%v: vector<4xf32>) {
  // expected-error@+1 {{'vector.extractelement' op expected position for 1-D vector}}
  %0 = vector.extractelement %v[] : vector<4xf32>
  return
}

// -----

func.func @extractelement_0d(%v: vector<f32>, %i: index) {
  // expected-error@+1 {{'vector.extractelement' op expected position to be empty with 0-D vector}}
  %0 = vector.extractelement %v[%i : index] : vector<f32>
  return
}

// -----

func.func @extractelement_rank(%v: vector<2x4xf32>, %i: index) {
  // expected-error@+1 {{'vector.extractelement' op unexpected >1 vector rank}}
  %0 = vector.extractelement %v[%i : index] : vector<2x4xf32>
  return
}

// -----

func.func @insertelement_types(%f: f32, %v: vector<4xf32>, %i: index) {
  // expected-error@+1 {{'vector.insertelement' op failed to verify that all of {dest, result} have same type}}
  %0 = "vector.insertelement"(%f, %v, %i) : (f32, vector<4xf32>, index) -> vector<8xf32>
  return
}

// -----

func.func @insertelement_source(%x: i32, %v: vector<4xf32>, %i: index) {
  // expected-error@+1 {{'vector.insertelement' op failed to verify that source operand type matches element type of result}}
  %0 = "vector.insertelement"(%x, %v, %i) : (i32, vector<4xf32>, index) -> vector<4xf32>
  return
}

// -----

func.func @shape_cast_operand(%f: f32) {
  // expected-error@+1 {{'vector.shape_cast' op operand #0 must be vector of any type values, but got 'f32'}}
  %0 = "vector.shape_cast"(%f) : (f32) -> vector<4xf32>
  return
}

// -----

func.func @shape_cast_elem(%v: vector<4xf32>) {
  // expected-error@+1 {{'vector.shape_cast' op source/result vectors must have same element type}}
  %0 = vector.shape_cast %v : vector<4xf32> to vector<2x2xi32>
  return
}

// -----

func.func @shape_cast_count(%v: vector<4xf32>) {
  // expected-error@+1 {{'vector.shape_cast' op source/result number of elements must match}}
  %0 = vector.shape_cast %v : vector<4xf32> to vector<2x3xf32>
  return
}

// -----

func.func @shape_cast_invalid(%v: vector<2x3x4xf32>) {
  // expected-error@+1 {{'vector.shape_cast' op invalid shape cast}}
  %0 = vector.shape_cast %v : vector<2x3x4xf32> to vector<3x8xf32>
  return
}

// -----

func.func @constant_mask_result() {
  // expected-error@+1 {{'vector.constant_mask' op result #0 must be vector of 1-bit signless integer values, but got 'vector<4xi32>'}}
  %0 = "vector.constant_mask"() <{mask_dim_sizes = [3]}> : () -> vector<4xi32>
  return
}

// -----

func.func @constant_mask_size() {
  // expected-error@+1 {{'vector.constant_mask' op must specify array attr of size equal vector result rank}}
  %0 = vector.constant_mask [3] : vector<4x4xi1>
  return
}

// -----

func.func @constant_mask_bounds() {
  // expected-error@+1 {{'vector.constant_mask' op array attr of size out of bounds of vector result dimension size}}
  %0 = vector.constant_mask [5] : vector<4xi1>
  return
}

// -----

func.func @constant_mask_zero() {
  // expected-error@+1 {{'vector.constant_mask' op expected all mask dim sizes to be zeros, as a result of conjunction with zero mask dim}}
  %0 = vector.constant_mask [0, 2] : vector<4x4xi1>
  return
}

// -----

func.func @constant_mask_scalable() {
  // expected-error@+1 {{'vector.constant_mask' op only supports 'none set' or 'all set' scalable dimensions}}
  %0 = vector.constant_mask [2] : vector<[4]xi1>
  return
}

// -----

func.func @constant_mask_0d() {
  // expected-error@+1 {{mask dim size must be either 0 or 1 for 0-D vectors}}
  %0 = vector.constant_mask [2] : vector<i1>
  return
}

// -----

func.func @create_mask_count(%i: index) {
  // expected-error@+1 {{'vector.create_mask' op must specify an operand for each result vector dimension}}
  %0 = vector.create_mask %i : vector<4x4xi1>
  return
}

// -----

func.func @create_mask_result(%i: index) {
  // expected-error@+1 {{'vector.create_mask' op result #0 must be vector of 1-bit signless integer values, but got 'vector<4xi32>'}}
  %0 = "vector.create_mask"(%i) : (index) -> vector<4xi32>
  return
}

// -----

func.func @create_mask_0d(%i: index) {
  // expected-error@+1 {{'vector.create_mask' op must specify exactly one operand for 0-D create_mask}}
  %0 = "vector.create_mask"(%i, %i) : (index, index) -> vector<i1>
  return
}

// -----

func.func @transpose_rank(%a: vector<4x8xf32>) {
  // expected-error@+1 {{'vector.transpose' op vector result rank mismatch: 1}}
  %0 = vector.transpose %a, [1, 0] : vector<4x8xf32> to vector<32xf32>
  return
}

// -----

func.func @transpose_length(%a: vector<4x8xf32>) {
  // expected-error@+1 {{'vector.transpose' op transposition length mismatch: 1}}
  %0 = vector.transpose %a, [1] : vector<4x8xf32> to vector<8x4xf32>
  return
}

// -----

func.func @transpose_range(%a: vector<4x8xf32>) {
  // expected-error@+1 {{'vector.transpose' op transposition index out of range: 2}}
  %0 = vector.transpose %a, [2, 0] : vector<4x8xf32> to vector<8x4xf32>
  return
}

// -----

func.func @transpose_duplicate(%a: vector<4x8xf32>) {
  // expected-error@+1 {{'vector.transpose' op duplicate position index: 0}}
  %0 = vector.transpose %a, [0, 0] : vector<4x8xf32> to vector<4x8xf32>
  return
}

// -----

func.func @transpose_dims(%a: vector<4x8xf32>) {
  // expected-error@+1 {{'vector.transpose' op dimension size mismatch at: 1}}
  %0 = vector.transpose %a, [1, 0] : vector<4x8xf32> to vector<4x8xf32>
  return
}

// -----

func.func @transpose_elem(%a: vector<4x8xf32>) {
  // expected-error@+1 {{'vector.transpose' op failed to verify that operand and result have same element type}}
  %0 = vector.transpose %a, [1, 0] : vector<4x8xf32> to vector<8x4xi32>
  return
}

// -----

func.func @bitcast_rank(%a: vector<4x8xf32>) {
  // expected-error@+1 {{'vector.bitcast' op failed to verify that all of {source, result} have same rank}}
  %0 = vector.bitcast %a : vector<4x8xf32> to vector<32xf32>
  return
}

// -----

func.func @bitcast_dims(%a: vector<4x8xf32>) {
  // expected-error@+1 {{'vector.bitcast' op dimension size mismatch at: 0}}
  %0 = vector.bitcast %a : vector<4x8xf32> to vector<2x16xf32>
  return
}

// -----

func.func @bitcast_width(%a: vector<4x8xf32>) {
  // expected-error@+1 {{'vector.bitcast' op source/result bitwidth of the minor 1-D vectors must be equal}}
  %0 = vector.bitcast %a : vector<4x8xf32> to vector<4x8xf16>
  return
}

// -----

func.func @bitcast_0d(%a: vector<f32>) {
  // expected-error@+1 {{'vector.bitcast' op source/result bitwidth of the 0-D vector element types must be equal}}
  %0 = vector.bitcast %a : vector<f32> to vector<f16>
  return
}

// -----

func.func @vscale_type() {
  // expected-error@+1 {{'vector.vscale' op result #0 must be index, but got 'i32'}}
  %0 = "vector.vscale"() : () -> i32
  return
}
