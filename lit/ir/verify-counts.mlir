// RUN: edge-opt %s --split-input-file --verify-diagnostics
// Operand, result, region and successor counts from the op definition.

func.func @too_few_operands(%a: i32) -> i32 {
  // expected-error@+1 {{'arith.addi' op expected 2 operands, but found 1}}
  %0 = "arith.addi"(%a) : (i32) -> i32
  return %0 : i32
}

// -----

func.func @too_many_operands(%a: i32) -> i32 {
  // expected-error@+1 {{'arith.addi' op expected 2 operands, but found 3}}
  %0 = "arith.addi"(%a, %a, %a) : (i32, i32, i32) -> i32
  return %0 : i32
}

// -----

func.func @missing_result(%a: i32) {
  // expected-error@+1 {{'arith.addi' op requires one result}}
  "arith.addi"(%a, %a) : (i32, i32) -> ()
  return
}

// -----

func.func @extra_region() {
  // expected-error@+1 {{'func.return' op requires zero regions}}
  "func.return"() ({
  }) : () -> ()
}

// -----

func.func @missing_successor() {
  // expected-error@+1 {{'cf.br' op requires 1 successor but found 0}}
  "cf.br"() : () -> ()
}
