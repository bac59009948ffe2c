// Parse errors of attribute syntax; the messages are mlir-opt 19's.
// RUN: edge-opt %s --split-input-file --verify-diagnostics --allow-unregistered-dialect

// expected-error@+1 {{integer constant out of range for attribute}}
"test.op"() {a = -0 : i32} : () -> ()

// -----

// expected-error@+1 {{negative integer literal not valid for unsigned integer type}}
"test.op"() {a = -1 : ui8} : () -> ()

// -----

// expected-error@+1 {{integer constant out of range for attribute}}
"test.op"() {a = 128 : si8} : () -> ()

// -----

// expected-error@+1 {{integer constant out of range for attribute}}
"test.op"() {a = 1 : i0} : () -> ()

// -----

// expected-error@+1 {{integer constant out of range for attribute}}
"test.op"() {a = 2 : i1} : () -> ()

// -----

// expected-error@+1 {{integer constant out of range for attribute}}
"test.op"() {a = 0x100 : i8} : () -> ()

// -----

// expected-error@+1 {{integer constant out of range for attribute}}
"test.op"() {a = 9223372036854775808 : index} : () -> ()

// -----

// expected-error@+1 {{integer constant out of range for attribute}}
"test.op"() {a = -9223372036854775809} : () -> ()

// -----

// expected-error@+1 {{integer constant out of range for attribute}}
"test.op"() {a = 123456789012345678901234567890 : i64} : () -> ()

// -----

// expected-error@+1 {{floating point value not valid for specified type}}
"test.op"() {a = 1.5 : i32} : () -> ()

// -----

// expected-error@+2 {{unexpected decimal integer literal for a floating point value}}
// expected-note@+1 {{add a trailing dot to make the literal a float}}
"test.op"() {a = 1 : f32} : () -> ()

// -----

// expected-error@+1 {{hexadecimal float constant out of range for type}}
"test.op"() {a = 0x100000000 : f32} : () -> ()

// -----

// expected-error@+1 {{hexadecimal float literal should not have a leading minus}}
"test.op"() {a = -0x7FC00000 : f32} : () -> ()

// -----

// expected-error@+1 {{undefined symbol alias id 'foo'}}
"test.op"() {a = #foo} : () -> ()

// -----

// expected-error@+1 {{expected integer literal}}
"test.op"() {a = array<i64: 1.0>} : () -> ()

// -----

// expected-error@+2 {{unexpected decimal integer literal for a floating point value}}
// expected-note@+1 {{add a trailing dot to make the literal a float}}
"test.op"() {a = array<f32: 1>} : () -> ()

// -----

// expected-error@+1 {{inferred shape of elements literal ([2]) does not match type ([3])}}
"test.op"() {a = dense<[1, 2]> : tensor<3xi32>} : () -> ()

// -----

// expected-error@+1 {{tensor literal is invalid; ranks are not consistent between elements}}
"test.op"() {a = dense<[[1, 2], [3]]> : tensor<2x2xi32>} : () -> ()

// -----

// expected-error@+1 {{inferred shape of elements literal ([2]) does not match type ([2, 2])}}
"test.op"() {a = dense<[1, 2]> : tensor<2x2xi32>} : () -> ()

// -----

// expected-error@+1 {{inferred shape of elements literal ([2, 2]) does not match type ([4])}}
"test.op"() {a = dense<[[1, 2], [3, 4]]> : tensor<4xi32>} : () -> ()

// -----

// expected-error@+1 {{integer constant out of range for type}}
"test.op"() {a = dense<300> : tensor<2xi8>} : () -> ()

// -----

// expected-error@+1 {{expected integer elements, but parsed floating-point}}
"test.op"() {a = dense<1.5> : tensor<2xi32>} : () -> ()

// -----

// expected-error@+1 {{expected floating-point elements, but parsed integer}}
"test.op"() {a = dense<1> : tensor<2xf32>} : () -> ()

// -----

// expected-error@+1 {{expected i1 type for 'true' or 'false' values}}
"test.op"() {a = dense<true> : tensor<2xi32>} : () -> ()

// -----

// expected-error@+1 {{elements literal type must have static shape}}
"test.op"() {a = dense<1> : tensor<?xi32>} : () -> ()

// -----

// expected-error@+1 {{hexadecimal float literal should not have a leading minus}}
"test.op"() {a = dense<[-0x7FC00000]> : tensor<1xf32>} : () -> ()

// -----

// expected-error@+1 {{expected unsigned integer elements, but parsed negative value}}
"test.op"() {a = dense<-1> : tensor<2xui8>} : () -> ()

// -----

// expected-error@+1 {{elements hex data size is invalid for provided type: 'tensor<2xi1>'}}
"test.op"() {a = dense<"0x0101"> : tensor<2xi1>} : () -> ()

// -----

// expected-error@+1 {{elements hex data size is invalid for provided type: 'tensor<4xi32>'}}
"test.op"() {a = dense<"0x0100000002000000"> : tensor<4xi32>} : () -> ()

// -----

// expected-error@+1 {{elements hex data size is invalid for provided type: 'tensor<1000000000xi8>'}}
"test.op"() {a = dense<"0x0102"> : tensor<1000000000xi8>} : () -> ()

// -----

// expected-error@+1 {{expected string containing hex digits starting with `0x`}}
"test.op"() {a = dense<"0x012"> : tensor<1xi8>} : () -> ()

// -----

// expected-error@+1 {{expected string containing hex digits starting with `0x`}}
"test.op"() {a = dense<"0xZZ"> : tensor<1xi8>} : () -> ()

// -----

// expected-error@+1 {{elements literal must be a shaped type}}
"test.op"() {a = dense<1> : i32} : () -> ()

// -----

// expected-error@+1 {{parsed zero elements, but type ('tensor<2xi32>') expected at least 1}}
"test.op"() {a = dense<> : tensor<2xi32>} : () -> ()

// -----

// expected-error@+1 {{expected identifier key for 'resource' entry}}
"test.op"() {a = dense_resource<"k"> : tensor<2xi32>} : () -> ()

// -----

// expected-error@+1 {{expected attribute name}}
"test.op"() {1 = 2} : () -> ()

// -----

// expected-error@+5 {{expected hex string blob for key 'k'}}
"test.op"() : () -> ()
{-#
  dialect_resources: {
    builtin: {
      k: "abc"
    }
  }
#-}

// -----

// expected-error@+5 {{expected identifier key for 'resource' entry}}
"test.op"() : () -> ()
{-#
  dialect_resources: {
    builtin: {
      "k": "0x01000000"
    }
  }
#-}

// -----

// expected-error@+1 {{duplicate key 'a' in dictionary attribute}}
"test.op"() {a = 1, a = 2} : () -> ()

// -----

// expected-error@+1 {{duplicate key 'b' in dictionary attribute}}
"test.op"() {a = {b, b}} : () -> ()

// -----

// expected-error@+1 {{expected ',' or ']'}}
"test.op"() {a = [1, 2} : () -> ()

// -----

// expected-error@+1 {{strides must not be zero}}
"test.op"() {a = strided<[0]>} : () -> ()

// -----

// expected-error@+1 {{element type bitwidth must be a multiple of 8}}
"test.op"() {a = array<i7: 3>} : () -> ()

// -----

// expected-error@+1 {{expected integer or float type, got: 'tensor<2xi32>'}}
"test.op"() {a = array<tensor<2xi32>: 1>} : () -> ()

// -----

// expected-error@+1 {{unbalanced '<' character in pretty dialect name}}
"test.op"() {a = #foo.bar<1} : () -> ()

// -----

// expected-error@+1 {{expected attribute value}}
"test.op"() {a = unknownkw} : () -> ()

// -----

// expected-error@+1 {{integer literal not valid for specified type}}
"test.op"() {a = 1 : tensor<2xi32>} : () -> ()

// -----

"test.op"() : () -> ()
// expected-error@+4 {{expected hex string blob for key 'k' to encode alignment in first 4 bytes, but got non-power-of-2 value: 3}}
{-#
  dialect_resources: {
    builtin: {
      k: "0x0300000001"
    }
  }
#-}

// -----

// A dialect namespace is [a-zA-Z_][a-zA-Z0-9_$]* (found by fuzzing).
// expected-error@+1 {{invalid dialect namespace '"ai--m--tl"'}}
"t.op"() {a = #ai--m--tl.matmul--} : () -> ()
