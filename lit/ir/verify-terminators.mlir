// RUN: edge-opt %s --split-input-file --verify-diagnostics --allow-unregistered-dialect
// Blocks of SSACFG regions end with exactly one terminator.

func.func @no_terminator() {
  // expected-error@+1 {{block with no terminator, has}}
  %a = "arith.constant"() {value = 1 : i32} : () -> i32
}

// -----

func.func @terminator_not_last() {
  // expected-error@+1 {{'func.return' op must be the last operation in the parent block}}
  "func.return"() : () -> ()
  %a = "arith.constant"() {value = 1 : i32} : () -> i32
  "func.return"() : () -> ()
}

// -----

// expected-error@+1 {{empty block: expect at least a terminator}}
func.func @empty_block() {
^bb0:
  return
^bb1:
}

// -----

func.func @branch_in_the_middle() {
  // expected-error@+1 {{operation with block successors must terminate its parent block}}
  "cf.br"()[^bb1] : () -> ()
  return
^bb1:
  return
}

// -----

// Graph regions (module bodies) and unregistered ops need no terminator.
module {
  "test.region"() ({
    %0 = "test.op"() : () -> i32
  }) : () -> ()
}
