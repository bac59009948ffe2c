// Affine map and integer set syntax errors, with mlir-opt 19's messages.
// RUN: edge-opt --allow-unregistered-dialect --split-input-file --verify-diagnostics %s

// expected-error@+1 {{non-affine expression: at least one of the multiply operands has to be either a constant or symbolic}}
"test.op"() {a = affine_map<(d0, d1) -> (d0 * d1)>} : () -> ()

// -----

// expected-error@+1 {{non-affine expression: right operand of floordiv has to be either a constant or symbolic}}
"test.op"() {a = affine_map<(d0, d1) -> (d0 floordiv d1)>} : () -> ()

// -----

// expected-error@+1 {{non-affine expression: right operand of ceildiv has to be either a constant or symbolic}}
"test.op"() {a = affine_map<(d0, d1) -> (d0 ceildiv d1)>} : () -> ()

// -----

// expected-error@+1 {{non-affine expression: right operand of mod has to be either a constant or symbolic}}
"test.op"() {a = affine_map<(d0, d1) -> (d0 mod d1)>} : () -> ()

// -----

// expected-error@+1 {{use of undeclared identifier}}
"test.op"() {a = affine_map<(d0) -> (d1)>} : () -> ()

// -----

// expected-error@+1 {{missing right operand of binary operator}}
"test.op"() {a = affine_map<(d0) -> (d0 +)>} : () -> ()

// -----

// expected-error@+1 {{missing left operand of binary operator}}
"test.op"() {a = affine_map<(d0) -> (+ d0)>} : () -> ()

// -----

// expected-error@+1 {{expected affine expression}}
"test.op"() {a = affine_map<(d0) -> (d0, )>} : () -> ()

// -----

// expected-error@+1 {{no expression inside parentheses}}
"test.op"() {a = affine_map<(d0) -> (())>} : () -> ()

// -----

// expected-error@+1 {{expected '(' in affine map range}}
"test.op"() {a = affine_map<(d0) -> d0>} : () -> ()

// -----

// expected-error@+1 {{expected '->' or ':'}}
"test.op"() {a = affine_map<(d0)>} : () -> ()

// -----

// expected-error@+1 {{redefinition of identifier 'd0'}}
"test.op"() {a = affine_map<(d0, d0) -> (d0)>} : () -> ()

// -----

// expected-error@+1 {{redefinition of identifier 'd0'}}
"test.op"() {a = affine_map<(d0)[d0] -> (d0)>} : () -> ()

// -----

// expected-error@+1 {{expected bare identifier}}
"test.op"() {a = affine_map<(1) -> (d0)>} : () -> ()

// -----

// expected-error@+1 {{expected ')' in dimensional identifier list}}
"test.op"() {a = affine_map<(d0 -> (d0)>} : () -> ()

// -----

// expected-error@+1 {{expected ']' in symbol list}}
"test.op"() {a = affine_map<(d0)[s0 -> (d0)>} : () -> ()

// -----

// expected-error@+1 {{constant too large for index}}
"test.op"() {a = affine_map<(d0) -> (9223372036854775808)>} : () -> ()

// -----

// expected-error@+1 {{expected '== affine-expr' or '>= affine-expr' at end of affine constraint}}
"test.op"() {a = affine_set<(d0) : (d0 > 0)>} : () -> ()

// -----

// expected-error@+1 {{expected '== affine-expr' or '>= affine-expr' at end of affine constraint}}
"test.op"() {a = affine_set<(d0) : (d0)>} : () -> ()

// -----

// A missing ')' is reported at the end of the line where it was due.
// expected-error@+1 {{expected ')' in affine map range}}
"test.op"() {a = affine_map<(d0) -> (d0
  >} : () -> ()
