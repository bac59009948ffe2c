// Every func verifier diagnostic, worded as MLIR 19 words it (checked
// against mlir-opt --verify-diagnostics).
// RUN: edge-opt %s --split-input-file --verify-diagnostics

func.func @f() {
  %0 = arith.constant 1 : i32
  // expected-error@+1 {{'func.return' op has 1 operands, but enclosing function (@f) returns 0}}
  return %0 : i32
}

// -----

func.func @f() -> (i32, i32) {
  %0 = arith.constant 1 : i32
  // expected-error@+1 {{'func.return' op has 1 operands, but enclosing function (@f) returns 2}}
  return %0 : i32
}

// -----

func.func @f() -> i32 {
  %0 = arith.constant 1 : i64
  // expected-error@+1 {{type of return operand 0 ('i64') doesn't match function result type ('i32') in function @f}}
  return %0 : i64
}

// -----

// expected-error@+1 {{'func.return' op expects parent op 'func.func'}}
"func.return"() : () -> ()

// -----

// expected-error@+1 {{'func.func' op entry block must have 2 arguments to match function signature}}
"func.func"() <{function_type = (i32, i32) -> (), sym_name = "f"}> ({
^bb0(%a: i32):
  "func.return"() : () -> ()
}) : () -> ()

// -----

// expected-error@+1 {{'func.func' op type of entry block argument #0('i64') must match the type of the corresponding argument in function signature('i32')}}
"func.func"() <{function_type = (i32) -> (), sym_name = "f"}> ({
^bb0(%a: i64):
  "func.return"() : () -> ()
}) : () -> ()

// -----

// expected-error@+1 {{'func.func' op symbol declaration cannot have public visibility}}
func.func @decl(i32)

// -----

// expected-error@+1 {{'func.func' op attribute 'function_type' failed to satisfy constraint: type attribute of function type}}
"func.func"() <{function_type = i32, sym_name = "f"}> ({
}) : () -> ()

// -----

// expected-error@+1 {{'func.func' op expects argument attribute array to have the same number of elements as the number of function arguments, got 1, but expected 0}}
"func.func"() <{function_type = () -> (), sym_name = "f", arg_attrs = [{}]}> ({
^bb0:
  "func.return"() : () -> ()
}) : () -> ()

// -----

// expected-error@+1 {{'func.func' op requires attribute 'sym_name'}}
"func.func"() <{function_type = () -> ()}> ({
^bb0:
  "func.return"() : () -> ()
}) : () -> ()

// -----

// expected-error@+1 {{'func.func' op visibility expected to be one of ["public", "private", "nested"], but got "foo"}}
"func.func"() <{function_type = () -> (), sym_name = "f", sym_visibility = "foo"}> ({
^bb0:
  "func.return"() : () -> ()
}) : () -> ()

// -----

func.func @f() {
  %0 = arith.constant 1 : i32
  // expected-error@+1 {{'func.call' op 'foo' does not reference a valid function}}
  %1 = call @foo(%0) : (i32) -> i32
  return
}

// -----

func.func private @foo(i64) -> i32
func.func @f() {
  %0 = arith.constant 1 : i32
  // expected-error@+1 {{'func.call' op operand type mismatch: expected operand type 'i64', but provided 'i32' for operand number 0}}
  %1 = call @foo(%0) : (i32) -> i32
  return
}

// -----

func.func private @foo(i32) -> i32
func.func @f() {
  %0 = arith.constant 1 : i32
  // expected-error@+1 {{'func.call' op incorrect number of operands for callee}}
  %1 = call @foo(%0, %0) : (i32, i32) -> i32
  return
}

// -----

func.func private @foo(i32) -> i32
func.func @f() {
  %0 = arith.constant 1 : i32
  // expected-error@+3 {{'func.call' op result type mismatch at index 0}}
  // expected-note@+2 {{      op result types: 'i64'}}
  // expected-note@+1 {{function result types: 'i32'}}
  %1 = call @foo(%0) : (i32) -> i64
  return
}

// -----

func.func private @foo(i32) -> i32
func.func @f() {
  %0 = arith.constant 1 : i32
  // expected-error@+1 {{'func.call' op incorrect number of results for callee}}
  call @foo(%0) : (i32) -> ()
  return
}

// -----

func.func @f() {
  // expected-error@+1 {{'func.call' op attribute 'callee' failed to satisfy constraint: flat symbol reference attribute}}
  %0 = "func.call"() {callee = "x"} : () -> i32
  return
}

// -----

func.func @f() {
  // expected-error@+1 {{'func.constant' op reference to undefined function 'nope'}}
  %0 = func.constant @nope : () -> ()
  return
}

// -----

func.func private @foo(i32) -> i32
func.func @f() {
  // expected-error@+1 {{'func.constant' op reference to function with mismatched type}}
  %0 = func.constant @foo : () -> ()
  return
}

// -----

func.func @f(%a: (i32) -> i32, %b: i64) {
  // expected-error@+1 {{'func.call_indirect' op failed to verify that callee input types match argument types}}
  %0 = "func.call_indirect"(%a, %b) : ((i32) -> i32, i64) -> i32
  return
}

// -----

func.func @f(%a: (i32) -> i32, %b: i32) {
  // expected-error@+1 {{'func.call_indirect' op failed to verify that callee result types match result types}}
  %0 = "func.call_indirect"(%a, %b) : ((i32) -> i32, i32) -> i64
  return
}

// -----

func.func @f() {
  // expected-error@+1 {{'func.func' op symbol's parent must have the SymbolTable trait}}
  "func.func"() <{function_type = () -> (), sym_name = "g"}> ({
    "func.return"() : () -> ()
  }) : () -> ()
  return
}
