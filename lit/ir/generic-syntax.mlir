// RUN: edge-opt %s --split-input-file --allow-unregistered-dialect --mlir-print-op-generic | FileCheck %s --check-prefix=GEN
// RUN: edge-opt %s --split-input-file --allow-unregistered-dialect | FileCheck %s
// RUN: edge-opt %s --split-input-file --allow-unregistered-dialect | edge-opt --split-input-file --allow-unregistered-dialect --mlir-print-op-generic | FileCheck %s --check-prefix=GEN
// The generic op syntax: result groups, operands with result numbers,
// successors, properties, regions with entry and labeled blocks, forward
// references, and MLIR's value numbering in both printing modes.

// GEN-LABEL: "builtin.module"() ({
// GEN-NEXT:   %0:2 = "foo.pair"() <{p = "x"}> {a = 1 : i32} : () -> (i32, f32)
// GEN-NEXT:   %1 = "foo.use"(%0#1, %0#0, %2) : (f32, i32, i64) -> i64
// GEN-NEXT:   %2 = "foo.late"() : () -> i64
// GEN-NEXT:   "foo.regions"(%1) ({
// GEN-NEXT:   ^bb0(%arg0: i64):
// GEN-NEXT:     "foo.br"(%arg0)[^bb2] : (i64) -> ()
// GEN-NEXT:   ^bb1(%4: i64):  // pred: ^bb2
// GEN-NEXT:     "foo.end"(%4) : (i64) -> ()
// GEN-NEXT:   ^bb2:  // pred: ^bb0
// GEN-NEXT:     "foo.br"(%arg0)[^bb1] : (i64) -> ()
// GEN-NEXT:   }, {
// GEN-NEXT:   }, {
// GEN-NEXT:   ^bb0:
// GEN-NEXT:   }) : (i64) -> ()
// GEN-NEXT:   %3:3 = "foo.three"() : () -> (i1, i8, i16)
// GEN-NEXT:   "foo.sink"(%3#2, %3#0) : (i16, i1) -> ()
// GEN-NEXT: }) : () -> ()

// CHECK-LABEL: module {
// CHECK-NEXT:   %0:2 = "foo.pair"() <{p = "x"}> {a = 1 : i32} : () -> (i32, f32)
// CHECK-NEXT:   %1 = "foo.use"(%0#1, %0#0, %2) : (f32, i32, i64) -> i64
// CHECK:        "foo.regions"(%1) ({
// CHECK-NEXT:   ^bb0(%arg0: i64):
// CHECK:        %3:3 = "foo.three"() : () -> (i1, i8, i16)
// CHECK-NEXT:   "foo.sink"(%3#2, %3#0) : (i16, i1) -> ()
// CHECK-NEXT: }

%a:2 = "foo.pair"() <{p = "x"}> {a = 1 : i32} : () -> (i32, f32)
%b = "foo.use"(%a#1, %a#0, %late) : (f32, i32, i64) -> i64
%late = "foo.late"() : () -> i64
"foo.regions"(%b) ({
^entry(%x: i64):
  "foo.br"(%x)[^exit] : (i64) -> ()
^body(%y: i64):
  "foo.end"(%y) : (i64) -> ()
^exit:
  "foo.br"(%x)[^body] : (i64) -> ()
}, {
}, {
^bb0:
}) : (i64) -> ()
%p, %q:2 = "foo.three"() : () -> (i1, i8, i16)
"foo.sink"(%q#1, %p) : (i16, i1) -> ()

// -----

// Numbering: in the custom form a nested region starts where its parent
// region ended, sibling regions alike; in the generic form the counters
// run on, regions taken from a stack (the last function comes first).

// RUN: edge-opt %s --split-input-file --allow-unregistered-dialect | FileCheck %s --check-prefix=NUM
// RUN: edge-opt %s --split-input-file --allow-unregistered-dialect --mlir-print-op-generic | FileCheck %s --check-prefix=NUMGEN

// NUM-LABEL: func.func @f(%arg0: i32, %arg1: i1) -> i32 {
// NUM-NEXT:    %0 = scf.if %arg1 -> (i32) {
// NUM-NEXT:      %2 = "foo.x"(%arg0) : (i32) -> i32
// NUM-NEXT:      scf.yield %2 : i32
// NUM-NEXT:    } else {
// NUM-NEXT:      %2 = "foo.y"(%arg0) : (i32) -> i32
// NUM-NEXT:      scf.yield %2 : i32
// NUM-NEXT:    }
// NUM-NEXT:    %1 = "foo.z"(%0) : (i32) -> i32
// NUM-NEXT:    return %1 : i32
// NUM-LABEL: func.func @g() {
// NUM-NEXT:    %0 = "foo.w"() : () -> i32

// NUMGEN:      ^bb0(%arg0: i32, %arg1: i1):
// NUMGEN-NEXT:   %1 = "scf.if"(%arg1) ({
// NUMGEN-NEXT:     %4 = "foo.x"(%arg0) : (i32) -> i32
// NUMGEN:          %3 = "foo.y"(%arg0) : (i32) -> i32
// NUMGEN:        %2 = "foo.z"(%1) : (i32) -> i32
// NUMGEN:        %0 = "foo.w"() : () -> i32

func.func @f(%a: i32, %c: i1) -> i32 {
  %0 = scf.if %c -> (i32) {
    %1 = "foo.x"(%a) : (i32) -> i32
    scf.yield %1 : i32
  } else {
    %1 = "foo.y"(%a) : (i32) -> i32
    scf.yield %1 : i32
  }
  %2 = "foo.z"(%0) : (i32) -> i32
  return %2 : i32
}
func.func @g() {
  %0 = "foo.w"() : () -> i32
  return
}

// -----

// Names with characters that need quoting, unit attributes, and a
// single function-typed result keeps its parentheses.

// RUN: edge-opt %s --split-input-file --allow-unregistered-dialect | FileCheck %s --check-prefix=QUOTE
// QUOTE: %0 = "foo.q"() {"a b" = 1 : i64, c, d} : () -> ((i32) -> i32)
// QUOTE: "foo.name\22with\\escapes"() : () -> ()
%f = "foo.q"() {"a b" = 1, c, d = unit} : () -> ((i32) -> i32)
"foo.name\"with\\escapes"() : () -> ()
