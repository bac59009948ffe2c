// RUN: edge-opt %s --split-input-file --verify-diagnostics
// Required inherent attributes and builtin.module's attribute rule.

func.func @no_value() -> i32 {
  // expected-error@+1 {{'arith.constant' op requires attribute 'value'}}
  %0 = "arith.constant"() : () -> i32
  return %0 : i32
}

// -----

// expected-error@+1 {{'builtin.module' op can only contain attributes with dialect-prefixed names, found: 'foo'}}
module attributes {foo = 1} {
}

// -----

// expected-error@+1 {{'builtin.module' op region should have no arguments}}
module {
^bb0(%a: i32):
}
