// Types of unregistered dialects need --allow-unregistered-dialect; the
// error is at the mnemonic (pretty form) or the '!' (verbose form).
// RUN: edge-opt --split-input-file --verify-diagnostics %s

func.func private @f(
  // expected-error@+1 {{`!"foo"<"bar<1>">` type created with unregistered dialect. If this is intended, please call allowUnregisteredDialects() on the MLIRContext, or use -allow-unregistered-dialect with the MLIR opt tool used}}
  !foo.bar<1>)

// -----

func.func private @g(
  // expected-error@+1 {{`!"foo"<""x"">` type created with unregistered dialect}}
  !foo<"x">)

// -----

// Registered dialects without type hooks reject their own syntax.
func.func private @h(
  // expected-error@+1 {{dialect 'arith' provides no type parsing hook}}
  !arith.foo)
