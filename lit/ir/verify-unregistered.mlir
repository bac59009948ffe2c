// RUN: edge-opt %s --split-input-file --verify-diagnostics --allow-unregistered-dialect
// A registered dialect does not accept unknown ops, even when unregistered
// dialects are allowed.

// expected-error@+1 {{unregistered operation 'arith.foo' found in dialect ('arith') that does not allow unknown operations}}
"arith.foo"() : () -> ()

// -----

"foo.bar"() : () -> ()
