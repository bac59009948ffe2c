// RUN: edge-opt %s --split-input-file --verify-diagnostics --allow-unregistered-dialect
// Parser errors at the operation level, with MLIR's wording and position.

// expected-note@+1 {{previously defined here}}
%0 = "foo.a"() : () -> i32
// expected-error@+1 {{redefinition of SSA value '%0'}}
%0 = "foo.a"() : () -> i32

// -----

// expected-error@+1 {{use of undeclared SSA value name}}
"foo.a"(%x) : (i32) -> ()

// -----

// expected-note@+1 {{prior use here}}
"foo.a"(%x) : (i32) -> ()
// expected-error@+1 {{use of value '%x' expects different type than prior uses: 'i64' vs 'i32'}}
"foo.a"(%x) : (i64) -> ()

// -----

// expected-note@+1 {{previously used here with type 'i32'}}
"foo.a"(%x) : (i32) -> ()
// expected-error@+1 {{definition of SSA value '%x#0' has type 'i64'}}
%x = "foo.b"() : () -> i64

// -----

// expected-error@+1 {{operation defines 1 results but was provided 2 to bind}}
%a, %b = "foo.a"() : () -> (i32)

// -----

// expected-error@+1 {{cannot name an operation with no results}}
%a = "foo.a"() : () -> ()

// -----

%a = "foo.a"() : () -> i32
// expected-error@+1 {{reference to invalid result number}}
"foo.b"(%a#3) : (i32) -> ()

// -----

// expected-error@+1 {{reference to an undefined block}}
"foo.a"() [^bb1] : () -> ()

// -----

"foo.r"() ({
^bb0:
  "foo.a"() : () -> ()
// expected-error@+1 {{redefinition of block '^bb0'}}
^bb0:
  "foo.a"() : () -> ()
}) : () -> ()

// -----

// expected-error@+1 {{custom op 'foo' is unknown (tried 'builtin.foo' as well)}}
foo

// -----

func.func @f() {
  // expected-error@+1 {{custom op 'bar' is unknown (tried 'func.bar' as well)}}
  bar
}

// -----

// expected-error@+1 {{expected function type}}
"foo.a"() : i32

// -----

// expected-error@+1 {{expected operation name in quotes}}
42

// -----

// expected-error@+1 {{successors in non-terminator}}
"arith.addi"() [^bb1] : () -> ()

// -----

// expected-error@+1 {{operation location alias was never defined}}
"foo.a"() : () -> () loc(#nope)

// -----

// expected-error@+1 {{expected location, but found '3 : i64'}}
"foo.a"() : () -> () loc(#l)
#l = 3

// -----

#a = 1
// expected-error@+1 {{redefinition of attribute alias id 'a'}}
#a = 2

// -----

!a = i1
// expected-error@+1 {{redefinition of type alias id 'a'}}
!a = i2

// -----

// expected-error@+1 {{attribute names with a '.' are reserved for dialect-defined names}}
#a.b = 1
