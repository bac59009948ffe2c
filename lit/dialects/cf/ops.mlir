// cf custom forms round-trip exactly as mlir-opt 19 prints them (the
// CHECK lines are mlir-opt's output), and our output is a fixed point.
// RUN: edge-opt %s | FileCheck %s
// RUN: edge-opt %s | edge-opt | FileCheck %s
// RUN: edge-opt %s --mlir-print-op-generic | edge-opt | FileCheck %s

// CHECK-LABEL: module {
// CHECK-LABEL: func.func @branches(%arg0: i1, %arg1: i32, %arg2: i32) -> i32 {
// CHECK-NEXT: cf.br ^bb1(%arg1 : i32)
// CHECK-NEXT: ^bb1(%0: i32):  // 2 preds: ^bb0, ^bb3
// CHECK-NEXT: cf.cond_br %arg0, ^bb2(%0, %arg2 : i32, i32), ^bb3
// CHECK-NEXT: ^bb2(%1: i32, %2: i32):  // pred: ^bb1
// CHECK-NEXT: cf.br ^bb4(%1 : i32)
// CHECK-NEXT: ^bb3:  // pred: ^bb1
// CHECK-NEXT: cf.cond_br %arg0, ^bb1(%arg2 : i32), ^bb4(%arg1 : i32) {branch_weights = array<i32: 3, 7>}
// CHECK-NEXT: ^bb4(%3: i32):  // 2 preds: ^bb2, ^bb3
// CHECK-NEXT: cf.assert %arg0, "must hold \22here\22\0A"
// CHECK-NEXT: cf.assert %arg0, "" {note = 1 : i64}
// CHECK-NEXT: return %3 : i32
// CHECK-NEXT: }
// CHECK-LABEL: func.func @no_operands(%arg0: i1) {
// CHECK-NEXT: cf.br ^bb1 {tag}
// CHECK-NEXT: ^bb1:  // 2 preds: ^bb0, ^bb1
// CHECK-NEXT: cf.cond_br %arg0, ^bb1, ^bb2
// CHECK-NEXT: ^bb2:  // pred: ^bb1
// CHECK-NEXT: return
// CHECK-NEXT: }
// CHECK-LABEL: func.func @switches(%arg0: i32, %arg1: i32, %arg2: i8, %arg3: i64) -> i32 {
// CHECK-NEXT: cf.switch %arg0 : i32, [
// CHECK-NEXT: default: ^bb1(%arg1 : i32),
// CHECK-NEXT: 42: ^bb1(%arg0 : i32),
// CHECK-NEXT: 4294967289: ^bb2,
// CHECK-NEXT: 0: ^bb3(%arg1, %arg1 : i32, i32)
// CHECK-NEXT: ]
// CHECK-NEXT: ^bb1(%0: i32):  // 3 preds: ^bb0, ^bb0, ^bb3
// CHECK-NEXT: return %0 : i32
// CHECK-NEXT: ^bb2:  // 5 preds: ^bb0, ^bb2, ^bb3, ^bb4, ^bb4
// CHECK-NEXT: cf.switch %arg2 : i8, [
// CHECK-NEXT: default: ^bb2] {attr = "x"}
// CHECK-NEXT: ^bb3(%1: i32, %2: i32):  // pred: ^bb0
// CHECK-NEXT: cf.switch %arg3 : i64, [
// CHECK-NEXT: default: ^bb1(%2 : i32),
// CHECK-NEXT: 18446744073709551615: ^bb2,
// CHECK-NEXT: 300: ^bb4
// CHECK-NEXT: ]
// CHECK-NEXT: ^bb4:  // 2 preds: ^bb3, ^bb4
// CHECK-NEXT: cf.switch %arg2 : i8, [
// CHECK-NEXT: default: ^bb2,
// CHECK-NEXT: 255: ^bb4,
// CHECK-NEXT: 128: ^bb2
// CHECK-NEXT: ]
// CHECK-NEXT: }
// CHECK-LABEL: func.func @generic_forms(%arg0: i1, %arg1: i32) {
// CHECK-NEXT: cf.br ^bb1(%arg1 : i32)
// CHECK-NEXT: ^bb1(%0: i32):  // 2 preds: ^bb0, ^bb1
// CHECK-NEXT: cf.cond_br %arg0, ^bb1(%0 : i32), ^bb2
// CHECK-NEXT: ^bb2:  // 2 preds: ^bb1, ^bb2
// CHECK-NEXT: cf.switch %arg1 : i32, [
// CHECK-NEXT: default: ^bb2]
// CHECK-NEXT: }
// CHECK-NEXT: }

func.func @branches(%c: i1, %a: i32, %b: i32) -> i32 {
  cf.br ^bb1(%a : i32)
^bb1(%x: i32):
  cf.cond_br %c, ^bb2(%x, %b : i32, i32), ^bb3
^bb2(%p: i32, %q: i32):
  cf.br ^bb4(%p : i32)
^bb3:
  cf.cond_br %c, ^bb1(%b : i32), ^bb4(%a : i32) {branch_weights = array<i32: 3, 7>}
^bb4(%r: i32):
  cf.assert %c, "must hold \"here\"\n"
  cf.assert %c, "" {note = 1 : i64}
  return %r : i32
}

func.func @no_operands(%c: i1) {
  cf.br ^bb1 {tag}
^bb1:
  cf.cond_br %c, ^bb1, ^bb2
^bb2:
  return
}

func.func @switches(%flag: i32, %a: i32, %i8: i8, %i64: i64) -> i32 {
  cf.switch %flag : i32, [
    default: ^bb1(%a : i32),
    42: ^bb1(%flag : i32),
    -7: ^bb2,
    0: ^bb3(%a, %a : i32, i32)
  ]
^bb1(%x: i32):
  return %x : i32
^bb2:
  cf.switch %i8 : i8, [
    default: ^bb2
  ] {attr = "x"}
^bb3(%y: i32, %z: i32):
  cf.switch %i64 : i64, [
    default: ^bb1(%z : i32),
    -1: ^bb2,
    300: ^bb4
  ]
^bb4:
  cf.switch %i8 : i8, [
    default: ^bb2,
    255: ^bb4,
    -128: ^bb2
  ]
}

func.func @generic_forms(%c: i1, %a: i32) {
  "cf.br"(%a)[^bb1] : (i32) -> ()
^bb1(%x: i32):
  "cf.cond_br"(%c, %x)[^bb1, ^bb2] <{operandSegmentSizes = array<i32: 1, 1, 0>}> : (i1, i32) -> ()
^bb2:
  "cf.switch"(%a)[^bb2] <{case_operand_segments = array<i32>, operandSegmentSizes = array<i32: 1, 0, 0>}> : (i32) -> ()
}
