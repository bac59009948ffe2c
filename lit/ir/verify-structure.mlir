// RUN: edge-opt %s --split-input-file --verify-diagnostics --allow-unregistered-dialect
// Region and block structure: entry blocks, single-block regions, symbol
// visibility.

// expected-error@+1 {{entry block of region may not have predecessors}}
func.func @branch_to_entry() {
^bb0:
  cf.br ^bb0
}

// -----

// expected-error@+1 {{'builtin.module' op expects region #0 to have 0 or 1 blocks}}
module {
^bb0:
  "test.a"() : () -> ()
^bb1:
  "test.a"() : () -> ()
}

// -----

// expected-error@+1 {{'func.func' op visibility expected to be one of ["public", "private", "nested"], but got "bad"}}
"func.func"() <{function_type = () -> (), sym_name = "g", sym_visibility = "bad"}> ({
}) : () -> ()

// -----

// expected-error@+1 {{'func.func' op requires attribute 'sym_name'}}
"func.func"() <{function_type = () -> ()}> ({
}) : () -> ()
