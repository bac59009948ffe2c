// Errors in the func dialect's custom syntax, worded (and placed) as
// MLIR 19 does (checked against mlir-opt --verify-diagnostics).
// RUN: edge-opt %s --split-input-file --verify-diagnostics

func.func @f() {
  %0 = arith.constant 1 : i32
  // expected-error@+1 {{custom op 'func.call' 1 operands present, but expected 2}}
  %1 = call @f(%0) : (i32, i32) -> i32
  return
}

// -----

func.func @f(%a: (i32) -> i32) {
  %0 = arith.constant 1 : i32
  // expected-error@+1 {{custom op 'func.call_indirect' 2 operands present, but expected 1}}
  %1 = call_indirect %a(%0, %0) : (i32) -> i32
  return
}

// -----

func.func @f(%a: (i32) -> i32) {
  %0 = arith.constant 1 : i32
  // expected-error@+1 {{custom op 'func.call_indirect' invalid kind of type specified}}
  %1 = call_indirect %a(%0) : i32
  return
}

// -----

func.func @f() {
  %0 = arith.constant 1 : i32
  // expected-error@+1 {{custom op 'func.call' invalid kind of type specified}}
  %1 = call @f(%0) : i32
  return
}

// -----

// expected-error@+1 {{custom op 'func.func' 'sym_visibility' is an inferred attribute and should not be specified in the explicit attribute dictionary}}
func.func @g() attributes {sym_visibility = "private"} {
  return
}
