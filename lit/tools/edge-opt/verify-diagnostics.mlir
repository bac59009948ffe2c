// --verify-diagnostics: every diagnostic matches an expected-* comment on
// its line and every comment is matched, so the run succeeds and prints
// nothing to stderr.
// RUN: edge-opt --allow-unregistered-dialect --split-input-file --verify-diagnostics %s 2>&1 | FileCheck %s --allow-empty --check-prefix=QUIET
// RUN: edge-opt --allow-unregistered-dialect -split-input-file -verify-diagnostics=true %s > /dev/null
// QUIET-NOT: error

func.func @f() -> i32 {
  // expected-error@+1 {{use of undeclared SSA value name}}
  return %x : i32
}

// -----

func.func @g() -> i32 {
  return %y : i32 // expected-error {{use of undeclared}}
}

// -----

func.func @h() -> i32 {
  return %z : i32
  // expected-error@-1 {{undeclared SSA value}}
}

// -----

// expected-error@below {{undeclared SSA value name}}
"my.op"(%w) : (i32) -> ()

// -----

// Notes are checked like the rest.
%0 = "my.a"() : () -> i32
// expected-note@-1 {{previously defined here}}
// expected-error@+1 {{redefinition of SSA value '%0'}}
%0 = "my.b"() : () -> i32

// -----

"my.op"(%v) : (i32) -> ()
// expected-error@above {{use of undeclared SSA value name}}

// -----

// The substring may be empty, and a regex form exists.
// expected-error-re@+1 {{{{^}}use of {{[a-z]+}} SSA value{{ name$}}}}
"my.op"(%u) : (i32) -> ()

// -----

// A chunk without problems prints as usual; a chunk with only expected
// diagnostics is fine too.
func.func private @ok()
