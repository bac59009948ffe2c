// Canonicalization of cf ops (dialects/cf/cf_canon.c): constant, identical
// and pass-through branches, block merging, truth propagation, switch
// simplifications and cf.assert. The CHECK lines are mlir-opt 19
// -canonicalize output on this file (edge-opt prints the same names).
// RUN: edge-opt %s -allow-unregistered-dialect -canonicalize | FileCheck %s

func.func @g(%c: i1, %a: i32) -> i32 {
  %t = arith.constant true
  cf.assert %t, "x"
  cf.cond_br %t, ^bb1(%a : i32), ^bb2
^bb1(%x: i32):
  return %x : i32
^bb2:
  return %a : i32
}
// CHECK-LABEL: func.func @g(
// CHECK-NEXT: return %arg1 : i32
// CHECK-NEXT: }

func.func @same(%c: i1, %a: i32, %b: i32) -> i32 {
  cf.cond_br %c, ^bb1(%a : i32), ^bb1(%b : i32)
^bb1(%x: i32):
  return %x : i32
}
// CHECK-LABEL: func.func @same(
// CHECK-NEXT: %0 = arith.select %arg0, %arg1, %arg2 : i32
// CHECK-NEXT: return %0 : i32
// CHECK-NEXT: }

func.func @same2(%c: i1, %a: i32) -> i32 {
  cf.cond_br %c, ^bb1(%a : i32), ^bb1(%a : i32)
^bb1(%x: i32):
  "test.x"(%x) : (i32) -> ()
  cf.br ^bb2
^bb2:
  return %x : i32
}
// CHECK-LABEL: func.func @same2(
// CHECK-NEXT: "test.x"(%arg1) : (i32) -> ()
// CHECK-NEXT: return %arg1 : i32
// CHECK-NEXT: }

func.func @pass(%c: i1, %a: i32, %b: i32) {
  cf.cond_br %c, ^bb1(%a : i32), ^bb2
^bb1(%x: i32):
  cf.br ^bb3(%x, %b : i32, i32)
^bb2:
  cf.br ^bb3(%b, %a : i32, i32)
^bb3(%p: i32, %q: i32):
  "test.use"(%p, %q) : (i32, i32) -> ()
  return
}
// CHECK-LABEL: func.func @pass(
// CHECK-NEXT: %0 = arith.select %arg0, %arg1, %arg2 : i32
// CHECK-NEXT: %1 = arith.select %arg0, %arg2, %arg1 : i32
// CHECK-NEXT: "test.use"(%0, %1) : (i32, i32) -> ()
// CHECK-NEXT: return
// CHECK-NEXT: }

func.func @truth(%c: i1) {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  "test.t"(%c) : (i1) -> ()
  cf.cond_br %c, ^bb3, ^bb4
^bb2:
  "test.f"(%c) : (i1) -> ()
  return
^bb3:
  "test.a"() : () -> ()
  return
^bb4:
  "test.b"() : () -> ()
  return
}
// CHECK-LABEL: func.func @truth(
// CHECK-NEXT: %true = arith.constant true
// CHECK-NEXT: %false = arith.constant false
// CHECK-NEXT: cf.cond_br %arg0, ^bb1, ^bb2
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT: "test.t"(%true) : (i1) -> ()
// CHECK-NEXT: "test.a"() : () -> ()
// CHECK-NEXT: return
// CHECK-NEXT: ^bb2:  // pred: ^bb0
// CHECK-NEXT: "test.f"(%false) : (i1) -> ()
// CHECK-NEXT: return
// CHECK-NEXT: }

func.func @s(%f: i32, %a: i32, %b: i32) {
  cf.switch %f : i32, [
    default: ^bb1(%a : i32),
    42: ^bb1(%a : i32),
    43: ^bb2(%b : i32),
    44: ^bb3
  ]
^bb1(%x: i32):
  "test.a"(%x) : (i32) -> ()
  return
^bb2(%y: i32):
  "test.b"(%y) : (i32) -> ()
  return
^bb3:
  cf.br ^bb1(%b : i32)
}
// CHECK-LABEL: func.func @s(
// CHECK-NEXT: cf.switch %arg0 : i32, [
// CHECK-NEXT: default: ^bb1(%arg1 : i32),
// CHECK-NEXT: 43: ^bb2(%arg2 : i32),
// CHECK-NEXT: 44: ^bb1(%arg2 : i32)
// CHECK-NEXT: ]
// CHECK-NEXT: ^bb1(%0: i32):  // 2 preds: ^bb0, ^bb0
// CHECK-NEXT: "test.a"(%0) : (i32) -> ()
// CHECK-NEXT: return
// CHECK-NEXT: ^bb2(%1: i32):  // pred: ^bb0
// CHECK-NEXT: "test.b"(%1) : (i32) -> ()
// CHECK-NEXT: return
// CHECK-NEXT: }

func.func @s2(%f: i32, %a: i32, %b: i32) {
  cf.switch %f : i32, [
    default: ^bb1(%a : i32),
    42: ^bb1(%a : i32)
  ]
^bb1(%x: i32):
  "test.a"(%x) : (i32) -> ()
  return
}
// CHECK-LABEL: func.func @s2(
// CHECK-NEXT: "test.a"(%arg1) : (i32) -> ()
// CHECK-NEXT: return
// CHECK-NEXT: }

func.func @sc() {
  %c = arith.constant 43 : i32
  cf.switch %c : i32, [
    default: ^bb1,
    42: ^bb2,
    43: ^bb3
  ]
^bb1:
  "test.a"() : () -> ()
  return
^bb2:
  "test.b"() : () -> ()
  return
^bb3:
  "test.c"() : () -> ()
  return
}
// CHECK-LABEL: func.func @sc(
// CHECK-NEXT: "test.c"() : () -> ()
// CHECK-NEXT: return
// CHECK-NEXT: }

func.func @ss(%f: i32) {
  cf.switch %f : i32, [
    default: ^bb1,
    42: ^bb2,
    43: ^bb3
  ]
^bb1:
  cf.switch %f : i32, [
    default: ^bb4,
    42: ^bb5,
    45: ^bb6
  ]
^bb2:
  cf.switch %f : i32, [
    default: ^bb4,
    42: ^bb5,
    45: ^bb6
  ]
^bb3:
  "test.c"() : () -> ()
  return
^bb4:
  "test.d"() : () -> ()
  return
^bb5:
  "test.e"() : () -> ()
  return
^bb6:
  "test.f"() : () -> ()
  return
}
// CHECK-LABEL: func.func @ss(
// CHECK-NEXT: cf.switch %arg0 : i32, [
// CHECK-NEXT: default: ^bb1,
// CHECK-NEXT: 42: ^bb2,
// CHECK-NEXT: 43: ^bb3
// CHECK-NEXT: ]
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT: cf.switch %arg0 : i32, [
// CHECK-NEXT: default: ^bb4,
// CHECK-NEXT: 45: ^bb5
// CHECK-NEXT: ]
// CHECK-NEXT: ^bb2:  // pred: ^bb0
// CHECK-NEXT: "test.e"() : () -> ()
// CHECK-NEXT: return
// CHECK-NEXT: ^bb3:  // pred: ^bb0
// CHECK-NEXT: "test.c"() : () -> ()
// CHECK-NEXT: return
// CHECK-NEXT: ^bb4:  // pred: ^bb1
// CHECK-NEXT: "test.d"() : () -> ()
// CHECK-NEXT: return
// CHECK-NEXT: ^bb5:  // pred: ^bb1
// CHECK-NEXT: "test.f"() : () -> ()
// CHECK-NEXT: return
// CHECK-NEXT: }

func.func @br_merge(%a: i32) -> i32 {
  cf.br ^bb1(%a : i32)
^bb1(%x: i32):
  %y = arith.addi %x, %x : i32
  cf.br ^bb2(%y : i32)
^bb2(%z: i32):
  return %z : i32
}
// CHECK-LABEL: func.func @br_merge(
// CHECK-NEXT: %0 = arith.addi %arg0, %arg0 : i32
// CHECK-NEXT: return %0 : i32
// CHECK-NEXT: }

func.func @br_pass(%c: i1, %a: i32, %b: i32) {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  "test.a"() : () -> ()
  cf.br ^bb3(%a : i32)
^bb2:
  "test.b"() : () -> ()
  cf.br ^bb3(%b : i32)
^bb3(%x: i32):
  cf.br ^bb4(%x, %a : i32, i32)
^bb4(%p: i32, %q: i32):
  "test.use"(%p, %q) : (i32, i32) -> ()
  return
}
// CHECK-LABEL: func.func @br_pass(
// CHECK-NEXT: cf.cond_br %arg0, ^bb1, ^bb2
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT: "test.a"() : () -> ()
// CHECK-NEXT: cf.br ^bb3(%arg1, %arg1 : i32, i32)
// CHECK-NEXT: ^bb2:  // pred: ^bb0
// CHECK-NEXT: "test.b"() : () -> ()
// CHECK-NEXT: cf.br ^bb3(%arg2, %arg1 : i32, i32)
// CHECK-NEXT: ^bb3(%0: i32, %1: i32):  // 2 preds: ^bb1, ^bb2
// CHECK-NEXT: "test.use"(%0, %1) : (i32, i32) -> ()
// CHECK-NEXT: return
// CHECK-NEXT: }

func.func @loop_kept(%c: i1) {
  cf.br ^bb1
^bb1:
  "test.body"() : () -> ()
  cf.cond_br %c, ^bb1, ^bb2
^bb2:
  return
}
// CHECK-LABEL: func.func @loop_kept(
// CHECK-NEXT: cf.br ^bb1
// CHECK-NEXT: ^bb1:  // 2 preds: ^bb0, ^bb1
// CHECK-NEXT: "test.body"() : () -> ()
// CHECK-NEXT: cf.cond_br %arg0, ^bb1, ^bb2
// CHECK-NEXT: ^bb2:  // pred: ^bb1
// CHECK-NEXT: return
// CHECK-NEXT: }

func.func @infinite() {
  cf.br ^bb1
^bb1:
  cf.br ^bb1
}
// CHECK-LABEL: func.func @infinite(
// CHECK-NEXT: cf.br ^bb1
// CHECK-NEXT: ^bb1:  // 2 preds: ^bb0, ^bb1
// CHECK-NEXT: cf.br ^bb1
// CHECK-NEXT: }

func.func @switch_pass(%f: i32, %a: i32) {
  cf.switch %f : i32, [
    default: ^bb1,
    1: ^bb2,
    2: ^bb3(%a : i32)
  ]
^bb1:
  "test.d"() : () -> ()
  return
^bb2:
  cf.br ^bb3(%f : i32)
^bb3(%x: i32):
  "test.use"(%x) : (i32) -> ()
  return
}
// CHECK-LABEL: func.func @switch_pass(
// CHECK-NEXT: cf.switch %arg0 : i32, [
// CHECK-NEXT: default: ^bb1,
// CHECK-NEXT: 1: ^bb2(%arg0 : i32),
// CHECK-NEXT: 2: ^bb2(%arg1 : i32)
// CHECK-NEXT: ]
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT: "test.d"() : () -> ()
// CHECK-NEXT: return
// CHECK-NEXT: ^bb2(%0: i32):  // 2 preds: ^bb0, ^bb0
// CHECK-NEXT: "test.use"(%0) : (i32) -> ()
// CHECK-NEXT: return
// CHECK-NEXT: }

func.func @switch_const_default() {
  %c = arith.constant 7 : i32
  cf.switch %c : i32, [
    default: ^bb1,
    42: ^bb2
  ]
^bb1:
  "test.d"() : () -> ()
  return
^bb2:
  "test.c"() : () -> ()
  return
}
// CHECK-LABEL: func.func @switch_const_default(
// CHECK-NEXT: "test.d"() : () -> ()
// CHECK-NEXT: return
// CHECK-NEXT: }

func.func @switch_i1(%f: i1) {
  cf.switch %f : i1, [
    default: ^bb1,
    1: ^bb2
  ]
^bb1:
  cf.switch %f : i1, [
    default: ^bb3,
    0: ^bb2,
    1: ^bb3
  ]
^bb2:
  "test.a"() : () -> ()
  return
^bb3:
  "test.b"() : () -> ()
  return
}
// CHECK-LABEL: func.func @switch_i1(
// CHECK-NEXT: cf.switch %arg0 : i1, [
// CHECK-NEXT: default: ^bb1,
// CHECK-NEXT: 1: ^bb2
// CHECK-NEXT: ]
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT: cf.switch %arg0 : i1, [
// CHECK-NEXT: default: ^bb3,
// CHECK-NEXT: 0: ^bb2
// CHECK-NEXT: ]
// CHECK-NEXT: ^bb2:  // 2 preds: ^bb0, ^bb1
// CHECK-NEXT: "test.a"() : () -> ()
// CHECK-NEXT: return
// CHECK-NEXT: ^bb3:  // pred: ^bb1
// CHECK-NEXT: "test.b"() : () -> ()
// CHECK-NEXT: return
// CHECK-NEXT: }

func.func @assert_kept(%c: i1) {
  %f = arith.constant false
  cf.assert %c, "kept"
  cf.assert %f, "always fails"
  return
}
// CHECK-LABEL: func.func @assert_kept(
// CHECK-NEXT: %false = arith.constant false
// CHECK-NEXT: cf.assert %arg0, "kept"
// CHECK-NEXT: cf.assert %false, "always fails"
// CHECK-NEXT: return
// CHECK-NEXT: }
