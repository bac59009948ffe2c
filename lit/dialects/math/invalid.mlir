// math verifier and parser errors, with MLIR 19's messages (this file also
// passes `mlir-opt --verify-diagnostics`).
// RUN: edge-opt %s --split-input-file --verify-diagnostics

func.func @float_operand(%x: i32) {
  // expected-error@+1 {{'math.exp' op operand #0 must be floating-point-like, but got 'i32'}}
  %0 = math.exp %x : i32
  return
}

// -----

func.func @int_operand(%x: f32) {
  // expected-error@+1 {{'math.absi' op operand #0 must be signless-integer-like, but got 'f32'}}
  %0 = math.absi %x : f32
  return
}

// -----

func.func @memref_operand(%x: memref<2xf32>) {
  // expected-error@+1 {{'math.sqrt' op operand #0 must be floating-point-like, but got 'memref<2xf32>'}}
  %0 = "math.sqrt"(%x) : (memref<2xf32>) -> memref<2xf32>
  return
}

// -----

func.func @same_type(%x: f32, %y: f64) {
  // expected-error@+1 {{'math.powf' op requires the same type for all operands and results}}
  %0 = "math.powf"(%x, %y) : (f32, f64) -> f32
  return
}

// -----

func.func @fpowi_result(%x: f32, %y: i64) {
  // expected-error@+1 {{'math.fpowi' op failed to verify that all of {lhs, result} have same type}}
  %0 = "math.fpowi"(%x, %y) : (f32, i64) -> f64
  return
}

// -----

func.func @fpowi_shape(%x: f32, %y: vector<2xi64>) {
  // expected-error@+1 {{'math.fpowi' op requires the same shape for all operands and results}}
  %0 = "math.fpowi"(%x, %y) : (f32, vector<2xi64>) -> f32
  return
}

// -----

func.func @fastmath_attr(%x: f32) {
  // expected-error@+1 {{'math.exp' op attribute 'fastmath' failed to satisfy constraint: Floating point fast math flags}}
  %0 = "math.exp"(%x) {fastmath = 1 : i32} : (f32) -> f32
  return
}

// -----

func.func @fastmath_keyword(%x: f32) {
  // expected-error@+2 {{custom op 'math.exp' expected ::mlir::arith::FastMathFlags to be one of: none, reassoc, nnan, ninf, nsz, arcp, contract, afn, fast}}
  // expected-error@+1 {{custom op 'math.exp' failed to parse Arith_FastMathAttr parameter 'value' which is to be a `::mlir::arith::FastMathFlags`}}
  %0 = math.exp %x fastmath<bogus> : f32
  return
}

// -----

func.func @operand_count(%x: f32) {
  // expected-error@+1 {{'math.fma' op expected 3 operands, but found 2}}
  %0 = "math.fma"(%x, %x) : (f32, f32) -> f32
  return
}

// -----

func.func @fastmath_in_dict(%x: f32) {
  // expected-error@+1 {{custom op 'math.exp' 'math.exp' op attribute 'fastmath' failed to satisfy constraint: Floating point fast math flags}}
  %0 = math.exp %x {fastmath = 1 : i32} : f32
  return
}
