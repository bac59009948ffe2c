// RUN: edge-opt %s --split-input-file --verify-diagnostics --allow-unregistered-dialect
// SSA dominance in SSACFG regions; graph regions and unreachable blocks
// are exempt.

func.func @same_block() {
  // expected-error@+1 {{operand #0 does not dominate this use}}
  %b = "arith.addi"(%a, %a) : (i32, i32) -> i32
  // expected-note@+1 {{operand defined here (op in the same block)}}
  %a = arith.constant 1 : i32
  return
}

// -----

func.func @other_branch(%c: i1) {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  // expected-note@+1 {{operand defined here (op in the same region)}}
  %a = arith.constant 1 : i32
  cf.br ^bb3
^bb2:
  cf.br ^bb3
^bb3:
  // expected-error@+1 {{operand #0 does not dominate this use}}
  %b = arith.addi %a, %a : i32
  return
}

// -----

// expected-note@+1 {{operand defined as a block argument (block #1 in the same region)}}
func.func @block_argument() {
  cf.br ^bb2
^bb1(%a: i32):
  return
^bb2:
  // expected-error@+1 {{operand #0 does not dominate this use}}
  %b = "arith.addi"(%a, %a) : (i32, i32) -> i32
  cf.br ^bb1(%b : i32)
}

// -----

func.func @forward_branch_is_fine() -> i32 {
  %a = arith.constant 1 : i32
  cf.br ^bb2
^bb1:
  %b = arith.addi %c, %c : i32
  return %b : i32
^bb2:
  %c = arith.addi %a, %a : i32
  cf.br ^bb1
}

// -----

func.func @unreachable_block_is_exempt() {
  return
^bb1:
  %b = arith.addi %a, %a : i32
  cf.br ^bb2
^bb2:
  %a = arith.constant 1 : i32
  cf.br ^bb1
}

// -----

// Module bodies and unregistered ops' regions are graph regions.
"test.graph"() ({
  %0 = "test.use"(%1) : (i32) -> i32
  %1 = "test.def"() : () -> i32
}) : () -> ()
%2 = "test.use"(%3) : (i32) -> i32
%3 = "test.def"() : () -> i32

// -----

func.func @nested_region(%c: i1) {
  %r = scf.if %c -> i32 {
    // expected-error@+1 {{operand #0 does not dominate this use}}
    %1 = arith.addi %2, %2 : i32
    // expected-note@+1 {{operand defined here (op in the same block)}}
    %2 = arith.constant 1 : i32
    scf.yield %1 : i32
  } else {
    %3 = arith.constant 1 : i32
    scf.yield %3 : i32
  }
  return
}

// -----

// Values of enclosing regions are visible in nested ones.
func.func @outer_values(%a: i32, %c: i1) -> i32 {
  %b = arith.addi %a, %a : i32
  %r = scf.if %c -> i32 {
    %1 = arith.addi %a, %b : i32
    scf.yield %1 : i32
  } else {
    scf.yield %b : i32
  }
  return %r : i32
}
