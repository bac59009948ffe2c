// Canonicalization of scf ops (dialects/scf/scf_canon.c): scf.if (static
// conditions, unused results, empty else, trivial yields to select,
// condition propagation, combining, negated-condition fold), scf.for
// (trivial trip counts, iter_args folding), scf.execute_region inlining
// and constant scf.index_switch. The CHECK lines are mlir-opt 19
// -canonicalize output on this file (edge-opt prints the same names).
// RUN: edge-opt %s -allow-unregistered-dialect -canonicalize | FileCheck %s

func.func @if_static(%a: i32, %b: i32) -> i32 {
  %t = arith.constant true
  %f = arith.constant false
  %r = scf.if %t -> i32 {
    %x = arith.addi %a, %b : i32
    scf.yield %x : i32
  } else {
    scf.yield %b : i32
  }
  scf.if %f {
    "test.never"() : () -> ()
  }
  %r2 = scf.if %f -> i32 {
    scf.yield %a : i32
  } else {
    %y = arith.muli %a, %b : i32
    scf.yield %y : i32
  }
  %s = arith.addi %r, %r2 : i32
  return %s : i32
}
// CHECK-LABEL: func.func @if_static(
// CHECK-NEXT: %0 = arith.addi %arg0, %arg1 : i32
// CHECK-NEXT: %1 = arith.muli %arg0, %arg1 : i32
// CHECK-NEXT: %2 = arith.addi %0, %1 : i32
// CHECK-NEXT: return %2 : i32
// CHECK-NEXT: }

func.func @if_unused(%c: i1, %a: i32, %b: i32) -> i32 {
  %r:2 = scf.if %c -> (i32, i32) {
    %x = arith.addi %a, %b : i32
    %y = arith.muli %a, %b : i32
    scf.yield %x, %y : i32, i32
  } else {
    %x = arith.subi %a, %b : i32
    %y = arith.divsi %a, %b : i32
    scf.yield %x, %y : i32, i32
  }
  return %r#1 : i32
}
// CHECK-LABEL: func.func @if_unused(
// CHECK-NEXT: %0 = scf.if %arg0 -> (i32) {
// CHECK-NEXT: %1 = arith.muli %arg1, %arg2 : i32
// CHECK-NEXT: scf.yield %1 : i32
// CHECK-NEXT: } else {
// CHECK-NEXT: %1 = arith.divsi %arg1, %arg2 : i32
// CHECK-NEXT: scf.yield %1 : i32
// CHECK-NEXT: }
// CHECK-NEXT: return %0 : i32
// CHECK-NEXT: }

func.func @if_empty_else(%c: i1) {
  scf.if %c {
    "test.a"() : () -> ()
  } else {
  }
  return
}
// CHECK-LABEL: func.func @if_empty_else(
// CHECK-NEXT: scf.if %arg0 {
// CHECK-NEXT: "test.a"() : () -> ()
// CHECK-NEXT: }
// CHECK-NEXT: return
// CHECK-NEXT: }

func.func @if_cond(%c: i1) -> (i1, i1) {
  %t = arith.constant true
  %f = arith.constant false
  %r:2 = scf.if %c -> (i1, i1) {
    "test.a"(%c) : (i1) -> ()
    scf.yield %t, %f : i1, i1
  } else {
    "test.b"(%c) : (i1) -> ()
    scf.yield %f, %t : i1, i1
  }
  return %r#0, %r#1 : i1, i1
}
// CHECK-LABEL: func.func @if_cond(
// CHECK-NEXT: %false = arith.constant false
// CHECK-NEXT: %true = arith.constant true
// CHECK-NEXT: %0 = arith.xori %arg0, %true : i1
// CHECK-NEXT: scf.if %arg0 {
// CHECK-NEXT: "test.a"(%true) : (i1) -> ()
// CHECK-NEXT: } else {
// CHECK-NEXT: "test.b"(%false) : (i1) -> ()
// CHECK-NEXT: }
// CHECK-NEXT: return %arg0, %0 : i1, i1
// CHECK-NEXT: }

func.func @if_not(%c: i1, %a: i32, %b: i32) -> i32 {
  %t = arith.constant true
  %n = arith.xori %c, %t : i1
  %r = scf.if %n -> i32 {
    %x = arith.addi %a, %b : i32
    scf.yield %x : i32
  } else {
    %y = arith.muli %a, %b : i32
    scf.yield %y : i32
  }
  return %r : i32
}
// CHECK-LABEL: func.func @if_not(
// CHECK-NEXT: %0 = scf.if %arg0 -> (i32) {
// CHECK-NEXT: %1 = arith.muli %arg1, %arg2 : i32
// CHECK-NEXT: scf.yield %1 : i32
// CHECK-NEXT: } else {
// CHECK-NEXT: %1 = arith.addi %arg1, %arg2 : i32
// CHECK-NEXT: scf.yield %1 : i32
// CHECK-NEXT: }
// CHECK-NEXT: return %0 : i32
// CHECK-NEXT: }

func.func @if_combine(%c: i1, %a: i32) -> (i32, i32) {
  %r = scf.if %c -> i32 {
    %x = "test.a"() : () -> i32
    scf.yield %x : i32
  } else {
    %x = "test.b"() : () -> i32
    scf.yield %x : i32
  }
  %r2 = scf.if %c -> i32 {
    %y = "test.c"(%r) : (i32) -> i32
    scf.yield %y : i32
  } else {
    %y = "test.d"(%r) : (i32) -> i32
    scf.yield %y : i32
  }
  return %r, %r2 : i32, i32
}
// CHECK-LABEL: func.func @if_combine(
// CHECK-NEXT: %0:2 = scf.if %arg0 -> (i32, i32) {
// CHECK-NEXT: %1 = "test.a"() : () -> i32
// CHECK-NEXT: %2 = "test.c"(%1) : (i32) -> i32
// CHECK-NEXT: scf.yield %1, %2 : i32, i32
// CHECK-NEXT: } else {
// CHECK-NEXT: %1 = "test.b"() : () -> i32
// CHECK-NEXT: %2 = "test.d"(%1) : (i32) -> i32
// CHECK-NEXT: scf.yield %1, %2 : i32, i32
// CHECK-NEXT: }
// CHECK-NEXT: return %0#0, %0#1 : i32, i32
// CHECK-NEXT: }

func.func @for_zero(%a: i32) -> i32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c10 = arith.constant 10 : index
  %r = scf.for %i = %c10 to %c0 step %c1 iter_args(%x = %a) -> (i32) {
    %y = arith.addi %x, %x : i32
    scf.yield %y : i32
  }
  %r2 = scf.for %i = %c0 to %c0 step %c1 iter_args(%x = %r) -> (i32) {
    %y = arith.addi %x, %x : i32
    scf.yield %y : i32
  }
  return %r2 : i32
}
// CHECK-LABEL: func.func @for_zero(
// CHECK-NEXT: return %arg0 : i32
// CHECK-NEXT: }

func.func @for_one(%lb: index, %a: i32) -> i32 {
  %c4 = arith.constant 4 : index
  %c8 = arith.constant 8 : index
  %ub = arith.addi %lb, %c4 : index
  %r = scf.for %i = %lb to %ub step %c8 iter_args(%x = %a) -> (i32) {
    "test.use"(%i) : (index) -> ()
    %y = arith.addi %x, %x : i32
    scf.yield %y : i32
  }
  return %r : i32
}
// CHECK-LABEL: func.func @for_one(
// CHECK-NEXT: "test.use"(%arg0) : (index) -> ()
// CHECK-NEXT: %0 = arith.addi %arg1, %arg1 : i32
// CHECK-NEXT: return %0 : i32
// CHECK-NEXT: }

func.func @for_empty(%a: i32, %b: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %c10 = arith.constant 10 : i32
  %r = scf.for %i = %c0 to %c10 step %c1 iter_args(%x = %a) -> (i32) : i32 {
    scf.yield %b : i32
  }
  return %r : i32
}
// CHECK-LABEL: func.func @for_empty(
// CHECK-NEXT: return %arg1 : i32
// CHECK-NEXT: }

func.func @for_iter(%lb: index, %ub: index, %s: index, %a: i32, %b: i32) -> (i32, i32, i32) {
  %r:4 = scf.for %i = %lb to %ub step %s iter_args(%x = %a, %y = %b, %z = %a, %w = %b) -> (i32, i32, i32, i32) {
    %n = arith.addi %x, %y : i32
    "test.use"(%n) : (i32) -> ()
    scf.yield %n, %y, %a, %w : i32, i32, i32, i32
  }
  return %r#0, %r#1, %r#2 : i32, i32, i32
}
// CHECK-LABEL: func.func @for_iter(
// CHECK-NEXT: %0 = scf.for %arg5 = %arg0 to %arg1 step %arg2 iter_args(%arg6 = %arg3) -> (i32) {
// CHECK-NEXT: %1 = arith.addi %arg6, %arg4 : i32
// CHECK-NEXT: "test.use"(%1) : (i32) -> ()
// CHECK-NEXT: scf.yield %1 : i32
// CHECK-NEXT: }
// CHECK-NEXT: return %0, %arg4, %arg3 : i32, i32, i32
// CHECK-NEXT: }

func.func @exec(%a: i32) -> i32 {
  %r = scf.execute_region -> i32 {
    %c = "test.c"() : () -> i1
    cf.cond_br %c, ^bb1, ^bb2
  ^bb1:
    scf.yield %a : i32
  ^bb2:
    %x = "test.x"() : () -> i32
    scf.yield %x : i32
  }
  "test.use"(%r) : (i32) -> ()
  return %r : i32
}
// CHECK-LABEL: func.func @exec(
// CHECK-NEXT: %0 = "test.c"() : () -> i1
// CHECK-NEXT: cf.cond_br %0, ^bb2(%arg0 : i32), ^bb1
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT: %1 = "test.x"() : () -> i32
// CHECK-NEXT: cf.br ^bb2(%1 : i32)
// CHECK-NEXT: ^bb2(%2: i32):  // 2 preds: ^bb0, ^bb1
// CHECK-NEXT: "test.use"(%2) : (i32) -> ()
// CHECK-NEXT: return %2 : i32
// CHECK-NEXT: }

func.func @iswitch(%a: i32) -> i32 {
  %c = arith.constant 2 : index
  %r = scf.index_switch %c -> i32
  case 1 {
    %x = "test.one"() : () -> i32
    scf.yield %x : i32
  }
  case 2 {
    %x = "test.two"() : () -> i32
    scf.yield %x : i32
  }
  default {
    scf.yield %a : i32
  }
  return %r : i32
}
// CHECK-LABEL: func.func @iswitch(
// CHECK-NEXT: %0 = "test.two"() : () -> i32
// CHECK-NEXT: return %0 : i32
// CHECK-NEXT: }

func.func @for_init_yielded_used(%lb: index, %ub: index, %st: index) -> i1 {
  %false = arith.constant false
  %r = scf.for %i = %lb to %ub step %st iter_args(%x = %false) -> (i1) {
    func.call @s(%x) : (i1) -> ()
    scf.yield %false : i1
  }
  return %r : i1
}
// CHECK-LABEL: func.func @for_init_yielded_used(
// CHECK-NEXT: %false = arith.constant false
// CHECK-NEXT: %0 = scf.for %arg3 = %arg0 to %arg1 step %arg2 iter_args(%arg4 = %false) -> (i1) {
// CHECK-NEXT: func.call @s(%arg4) : (i1) -> ()
// CHECK-NEXT: scf.yield %false : i1
// CHECK-NEXT: }
// CHECK-NEXT: return %0 : i1
// CHECK-NEXT: }

func.func private @s(i1)
// CHECK-LABEL: func.func private @s(

func.func @for_init_yielded_unused(%lb: index, %ub: index, %st: index, %a: i32) -> i32 {
  %r = scf.for %i = %lb to %ub step %st iter_args(%x = %a) -> (i32) {
    "test.use"() : () -> ()
    scf.yield %a : i32
  }
  return %r : i32
}
// CHECK-LABEL: func.func @for_init_yielded_unused(
// CHECK-NEXT: scf.for %arg4 = %arg0 to %arg1 step %arg2 {
// CHECK-NEXT: "test.use"() : () -> ()
// CHECK-NEXT: }
// CHECK-NEXT: return %arg3 : i32
// CHECK-NEXT: }

func.func @for_arg_yielded(%lb: index, %ub: index, %st: index, %a: i32) -> i32 {
  %r = scf.for %i = %lb to %ub step %st iter_args(%x = %a) -> (i32) {
    "test.use"(%x) : (i32) -> ()
    scf.yield %x : i32
  }
  return %r : i32
}
// CHECK-LABEL: func.func @for_arg_yielded(
// CHECK-NEXT: scf.for %arg4 = %arg0 to %arg1 step %arg2 {
// CHECK-NEXT: "test.use"(%arg3) : (i32) -> ()
// CHECK-NEXT: }
// CHECK-NEXT: return %arg3 : i32
// CHECK-NEXT: }

func.func @for_unused_result(%lb: index, %ub: index, %st: index, %a: i32) {
  %r = scf.for %i = %lb to %ub step %st iter_args(%x = %a) -> (i32) {
    "test.use"(%x) : (i32) -> ()
    %y = "test.y"() : () -> (i32)
    scf.yield %y : i32
  }
  return
}
// CHECK-LABEL: func.func @for_unused_result(
// CHECK-NEXT: %0 = scf.for %arg4 = %arg0 to %arg1 step %arg2 iter_args(%arg5 = %arg3) -> (i32) {
// CHECK-NEXT: "test.use"(%arg5) : (i32) -> ()
// CHECK-NEXT: %1 = "test.y"() : () -> i32
// CHECK-NEXT: scf.yield %1 : i32
// CHECK-NEXT: }
// CHECK-NEXT: return
// CHECK-NEXT: }

func.func @exec_and_select(%a: i32, %b: i32, %c: i1) -> i32 {
  %r = scf.execute_region -> i32 {
    %x = arith.addi %a, %b : i32
    scf.yield %x : i32
  }
  %r2 = scf.if %c -> i32 {
    scf.yield %a : i32
  } else {
    scf.yield %b : i32
  }
  %s = arith.addi %r, %r2 : i32
  return %s : i32
}
// CHECK-LABEL: func.func @exec_and_select(
// CHECK-NEXT: %0 = arith.addi %arg0, %arg1 : i32
// CHECK-NEXT: %1 = arith.select %arg2, %arg0, %arg1 : i32
// CHECK-NEXT: %2 = arith.addi %0, %1 : i32
// CHECK-NEXT: return %2 : i32
// CHECK-NEXT: }

func.func @for_mixed(%lb: index, %a: i32) -> i32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c10 = arith.constant 10 : index
  %r:2 = scf.for %i = %c0 to %c10 step %c1 iter_args(%x = %a, %y = %a) -> (i32, i32) {
    %z = arith.addi %x, %x : i32
    "test.use"(%y) : (i32) -> ()
    scf.yield %z, %y : i32, i32
  }
  %r3 = scf.for %i = %c0 to %c1 step %c1 iter_args(%x = %a) -> (i32) {
    %ii = arith.index_cast %i : index to i32
    %z = arith.addi %x, %ii : i32
    scf.yield %z : i32
  }
  %s = arith.addi %r#0, %r3 : i32
  return %s : i32
}
// CHECK-LABEL: func.func @for_mixed(
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: %c10 = arith.constant 10 : index
// CHECK-NEXT: %0 = scf.for %arg2 = %c0 to %c10 step %c1 iter_args(%arg3 = %arg1) -> (i32) {
// CHECK-NEXT: %2 = arith.addi %arg3, %arg3 : i32
// CHECK-NEXT: "test.use"(%arg1) : (i32) -> ()
// CHECK-NEXT: scf.yield %2 : i32
// CHECK-NEXT: }
// CHECK-NEXT: %1 = arith.addi %0, %arg1 : i32
// CHECK-NEXT: return %1 : i32
// CHECK-NEXT: }
