// Canonicalization of scf ops (dialects/scf/scf_canon.c): scf.if (static
// conditions, unused results, empty else, trivial yields to select,
// condition propagation, combining, nested ifs, negated-condition fold),
// scf.for (trivial trip counts, iter_args folding), scf.while (invariant
// arguments and values, condition truth, unused/duplicated results and
// arguments, argument order), scf.parallel (dimensions with zero or one
// iteration), scf.execute_region inlining and constant scf.index_switch.
// The CHECK lines are mlir-opt 19 -canonicalize output on this file
// (edge-opt prints the same names).
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

func.func @nest(%a: i1, %b: i1) {
  scf.if %a {
    scf.if %b {
      "test.op"() : () -> ()
    }
  }
  return
}
// CHECK-LABEL: func.func @nest(
// CHECK-NEXT: %0 = arith.andi %arg0, %arg1 : i1
// CHECK-NEXT: scf.if %0 {
// CHECK-NEXT: "test.op"() : () -> ()
// CHECK-NEXT: }
// CHECK-NEXT: return
// CHECK-NEXT: }

func.func @nest_res(%a: i1, %b: i1, %x: i32, %y: i32, %z: i32) -> (i32, i32) {
  %r:2 = scf.if %a -> (i32, i32) {
    %n = scf.if %b -> i32 {
      %v = "test.op"() : () -> i32
      scf.yield %v : i32
    } else {
      scf.yield %y : i32
    }
    scf.yield %n, %x : i32, i32
  } else {
    scf.yield %y, %z : i32, i32
  }
  return %r#0, %r#1 : i32, i32
}
// CHECK-LABEL: func.func @nest_res(
// CHECK-NEXT: %0 = arith.andi %arg0, %arg1 : i1
// CHECK-NEXT: %1 = arith.select %arg0, %arg2, %arg4 : i32
// CHECK-NEXT: %2 = scf.if %0 -> (i32) {
// CHECK-NEXT: %3 = "test.op"() : () -> i32
// CHECK-NEXT: scf.yield %3 : i32
// CHECK-NEXT: } else {
// CHECK-NEXT: scf.yield %arg3 : i32
// CHECK-NEXT: }
// CHECK-NEXT: return %2, %1 : i32, i32
// CHECK-NEXT: }

func.func @nest_bad(%a: i1, %b: i1, %x: i32, %y: i32) -> i32 {
  %r = scf.if %a -> (i32) {
    %n = scf.if %b -> i32 {
      %v = "test.op"() : () -> i32
      scf.yield %v : i32
    } else {
      scf.yield %x : i32
    }
    scf.yield %n : i32
  } else {
    scf.yield %y : i32
  }
  return %r : i32
}
// CHECK-LABEL: func.func @nest_bad(
// CHECK-NEXT: %0 = scf.if %arg0 -> (i32) {
// CHECK-NEXT: %1 = scf.if %arg1 -> (i32) {
// CHECK-NEXT: %2 = "test.op"() : () -> i32
// CHECK-NEXT: scf.yield %2 : i32
// CHECK-NEXT: } else {
// CHECK-NEXT: scf.yield %arg2 : i32
// CHECK-NEXT: }
// CHECK-NEXT: scf.yield %1 : i32
// CHECK-NEXT: } else {
// CHECK-NEXT: scf.yield %arg3 : i32
// CHECK-NEXT: }
// CHECK-NEXT: return %0 : i32
// CHECK-NEXT: }

func.func @nest_else(%a: i1, %b: i1) {
  scf.if %a {
    scf.if %b {
      "test.op"() : () -> ()
    } else {
      "test.other"() : () -> ()
    }
  }
  return
}
// CHECK-LABEL: func.func @nest_else(
// CHECK-NEXT: scf.if %arg0 {
// CHECK-NEXT: scf.if %arg1 {
// CHECK-NEXT: "test.op"() : () -> ()
// CHECK-NEXT: } else {
// CHECK-NEXT: "test.other"() : () -> ()
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: return
// CHECK-NEXT: }

func.func @if_combine_not(%c: i1) {
  %t = arith.constant true
  %n = arith.xori %c, %t : i1
  scf.if %c {
    "test.a"() : () -> ()
  }
  scf.if %n {
    "test.b"() : () -> ()
  }
  return
}
// CHECK-LABEL: func.func @if_combine_not(
// CHECK-NEXT: scf.if %arg0 {
// CHECK-NEXT: "test.a"() : () -> ()
// CHECK-NEXT: } else {
// CHECK-NEXT: "test.b"() : () -> ()
// CHECK-NEXT: }
// CHECK-NEXT: return
// CHECK-NEXT: }

func.func @exec_in_loop(%lb: index, %ub: index, %s: index) {
  scf.for %i = %lb to %ub step %s {
    scf.execute_region {
      %c = "test.c"() : () -> i1
      cf.cond_br %c, ^bb1, ^bb2
    ^bb1:
      "test.a"() : () -> ()
      scf.yield
    ^bb2:
      scf.yield
    }
  }
  return
}
// CHECK-LABEL: func.func @exec_in_loop(
// CHECK-NEXT: scf.for %arg3 = %arg0 to %arg1 step %arg2 {
// CHECK-NEXT: scf.execute_region {
// CHECK-NEXT: %0 = "test.c"() : () -> i1
// CHECK-NEXT: cf.cond_br %0, ^bb1, ^bb2
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT: "test.a"() : () -> ()
// CHECK-NEXT: scf.yield
// CHECK-NEXT: ^bb2:  // pred: ^bb0
// CHECK-NEXT: scf.yield
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: return
// CHECK-NEXT: }

func.func @w_unused(%a: i32) -> i32 {
  %0:2 = scf.while (%x = %a) : (i32) -> (i32, i64) {
    %c = "test.condition"() : () -> i1
    %v1 = "test.get_some_value"() : () -> i32
    %v2 = "test.get_some_value2"() : () -> i64
    scf.condition(%c) %v1, %v2 : i32, i64
  } do {
  ^bb0(%arg0: i32, %arg1: i64):
    "test.use"(%arg0) : (i32) -> ()
    %n = "test.next"() : () -> i32
    scf.yield %n : i32
  }
  return %0#0 : i32
}
// CHECK-LABEL: func.func @w_unused(
// CHECK-NEXT: %0 = scf.while : () -> i32 {
// CHECK-NEXT: %1 = "test.condition"() : () -> i1
// CHECK-NEXT: %2 = "test.get_some_value"() : () -> i32
// CHECK-NEXT: %3 = "test.get_some_value2"() : () -> i64
// CHECK-NEXT: scf.condition(%1) %2 : i32
// CHECK-NEXT: } do {
// CHECK-NEXT: ^bb0(%arg1: i32):
// CHECK-NEXT: "test.use"(%arg1) : (i32) -> ()
// CHECK-NEXT: %1 = "test.next"() : () -> i32
// CHECK-NEXT: scf.yield
// CHECK-NEXT: }
// CHECK-NEXT: return %0 : i32
// CHECK-NEXT: }

func.func @w_truth(%a: i32) {
  %0:2 = scf.while (%x = %a) : (i32) -> (i1, i32) {
    %c = "test.condition"(%x) : (i32) -> i1
    scf.condition(%c) %c, %x : i1, i32
  } do {
  ^bb0(%b: i1, %y: i32):
    "test.use"(%b) : (i1) -> ()
    scf.yield %y : i32
  }
  return
}
// CHECK-LABEL: func.func @w_truth(
// CHECK-NEXT: %true = arith.constant true
// CHECK-NEXT: scf.while : () -> () {
// CHECK-NEXT: %0 = "test.condition"(%arg0) : (i32) -> i1
// CHECK-NEXT: scf.condition(%0)
// CHECK-NEXT: } do {
// CHECK-NEXT: "test.use"(%true) : (i1) -> ()
// CHECK-NEXT: scf.yield
// CHECK-NEXT: }
// CHECK-NEXT: return
// CHECK-NEXT: }

func.func @w_inv(%a: i32, %b: i32) -> (i32, i32) {
  %0:2 = scf.while (%x = %a, %y = %b) : (i32, i32) -> (i32, i32) {
    %c = "test.condition"(%x, %y) : (i32, i32) -> i1
    scf.condition(%c) %x, %y : i32, i32
  } do {
  ^bb0(%p: i32, %q: i32):
    %n = "test.next"(%p) : (i32) -> i32
    scf.yield %n, %q : i32, i32
  }
  return %0#0, %0#1 : i32, i32
}
// CHECK-LABEL: func.func @w_inv(
// CHECK-NEXT: %0 = scf.while (%arg2 = %arg0) : (i32) -> i32 {
// CHECK-NEXT: %1 = "test.condition"(%arg2, %arg1) : (i32, i32) -> i1
// CHECK-NEXT: scf.condition(%1) %arg2 : i32
// CHECK-NEXT: } do {
// CHECK-NEXT: ^bb0(%arg2: i32):
// CHECK-NEXT: %1 = "test.next"(%arg2) : (i32) -> i32
// CHECK-NEXT: scf.yield %1 : i32
// CHECK-NEXT: }
// CHECK-NEXT: return %0, %arg1 : i32, i32
// CHECK-NEXT: }

func.func @w_inv_yielded(%a: i32, %b: i32) -> (i32, i32) {
  %0:2 = scf.while (%x = %a) : (i32) -> (i32, i32) {
    %c = "test.condition"(%x) : (i32) -> i1
    scf.condition(%c) %x, %b : i32, i32
  } do {
  ^bb0(%p: i32, %q: i32):
    %n = "test.next"(%p, %q) : (i32, i32) -> i32
    scf.yield %n : i32
  }
  return %0#0, %0#1 : i32, i32
}
// CHECK-LABEL: func.func @w_inv_yielded(
// CHECK-NEXT: %0 = scf.while (%arg2 = %arg0) : (i32) -> i32 {
// CHECK-NEXT: %1 = "test.condition"(%arg2) : (i32) -> i1
// CHECK-NEXT: scf.condition(%1) %arg2 : i32
// CHECK-NEXT: } do {
// CHECK-NEXT: ^bb0(%arg2: i32):
// CHECK-NEXT: %1 = "test.next"(%arg2, %arg1) : (i32, i32) -> i32
// CHECK-NEXT: scf.yield %1 : i32
// CHECK-NEXT: }
// CHECK-NEXT: return %0, %arg1 : i32, i32
// CHECK-NEXT: }

func.func @w_dup(%a: i32) -> (i32, i32) {
  %0:2 = scf.while (%x = %a) : (i32) -> (i32, i32) {
    %c = "test.condition"(%x) : (i32) -> i1
    %v = "test.v"(%x) : (i32) -> i32
    scf.condition(%c) %v, %v : i32, i32
  } do {
  ^bb0(%p: i32, %q: i32):
    %n = "test.next"(%p, %q) : (i32, i32) -> i32
    scf.yield %n : i32
  }
  return %0#0, %0#1 : i32, i32
}
// CHECK-LABEL: func.func @w_dup(
// CHECK-NEXT: %0 = scf.while (%arg1 = %arg0) : (i32) -> i32 {
// CHECK-NEXT: %1 = "test.condition"(%arg1) : (i32) -> i1
// CHECK-NEXT: %2 = "test.v"(%arg1) : (i32) -> i32
// CHECK-NEXT: scf.condition(%1) %2 : i32
// CHECK-NEXT: } do {
// CHECK-NEXT: ^bb0(%arg1: i32):
// CHECK-NEXT: %1 = "test.next"(%arg1, %arg1) : (i32, i32) -> i32
// CHECK-NEXT: scf.yield %1 : i32
// CHECK-NEXT: }
// CHECK-NEXT: return %0, %0 : i32, i32
// CHECK-NEXT: }

func.func @w_align(%a: i32, %b: i64) -> (i64, i32) {
  %0:2 = scf.while (%x = %a, %y = %b) : (i32, i64) -> (i64, i32) {
    %c = "test.condition"(%x, %y) : (i32, i64) -> i1
    scf.condition(%c) %y, %x : i64, i32
  } do {
  ^bb0(%p: i64, %q: i32):
    %n:2 = "test.next"(%p, %q) : (i64, i32) -> (i32, i64)
    scf.yield %n#0, %n#1 : i32, i64
  }
  return %0#0, %0#1 : i64, i32
}
// CHECK-LABEL: func.func @w_align(
// CHECK-NEXT: %0:2 = scf.while (%arg2 = %arg0, %arg3 = %arg1) : (i32, i64) -> (i32, i64) {
// CHECK-NEXT: %1 = "test.condition"(%arg2, %arg3) : (i32, i64) -> i1
// CHECK-NEXT: scf.condition(%1) %arg2, %arg3 : i32, i64
// CHECK-NEXT: } do {
// CHECK-NEXT: ^bb0(%arg2: i32, %arg3: i64):
// CHECK-NEXT: %1:2 = "test.next"(%arg3, %arg2) : (i64, i32) -> (i32, i64)
// CHECK-NEXT: scf.yield %1#0, %1#1 : i32, i64
// CHECK-NEXT: }
// CHECK-NEXT: return %0#1, %0#0 : i64, i32
// CHECK-NEXT: }

func.func @w_cmp(%a: i32, %lim: i32) -> i32 {
  %0 = scf.while (%x = %a) : (i32) -> (i32) {
    %c = arith.cmpi slt, %x, %lim : i32
    scf.condition(%c) %x : i32
  } do {
  ^bb0(%p: i32):
    %c2 = arith.cmpi slt, %p, %lim : i32
    %c3 = arith.cmpi sge, %p, %lim : i32
    "test.use"(%c2, %c3) : (i1, i1) -> ()
    %n = "test.next"(%p) : (i32) -> i32
    scf.yield %n : i32
  }
  return %0 : i32
}
// CHECK-LABEL: func.func @w_cmp(
// CHECK-NEXT: %false = arith.constant false
// CHECK-NEXT: %true = arith.constant true
// CHECK-NEXT: %0 = scf.while (%arg2 = %arg0) : (i32) -> i32 {
// CHECK-NEXT: %1 = arith.cmpi slt, %arg2, %arg1 : i32
// CHECK-NEXT: scf.condition(%1) %arg2 : i32
// CHECK-NEXT: } do {
// CHECK-NEXT: ^bb0(%arg2: i32):
// CHECK-NEXT: "test.use"(%true, %false) : (i1, i1) -> ()
// CHECK-NEXT: %1 = "test.next"(%arg2) : (i32) -> i32
// CHECK-NEXT: scf.yield %1 : i32
// CHECK-NEXT: }
// CHECK-NEXT: return %0 : i32
// CHECK-NEXT: }

func.func @for_one_yields_arg(%a: f32, %b: f32) -> (f32, f32) {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %r:2 = scf.for %i = %c0 to %c4 step %c4 iter_args(%x = %a, %y = %b) -> (f32, f32) {
    %d = arith.divf %y, %x : f32
    scf.yield %d, %x : f32, f32
  }
  %s = arith.subf %r#1, %r#0 : f32
  return %s, %r#1 : f32, f32
}
// CHECK-LABEL: func.func @for_one_yields_arg(
// CHECK-NEXT: %0 = arith.divf %arg1, %arg0 : f32
// CHECK-NEXT: %1 = arith.subf %arg0, %0 : f32
// CHECK-NEXT: return %1, %arg0 : f32, f32
// CHECK-NEXT: }

func.func @par_single(%lb: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.parallel (%i) = (%c0) to (%c1) step (%c1) {
    "test.use"(%i) : (index) -> ()
    scf.reduce
  }
  return
}
// CHECK-LABEL: func.func @par_single(
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: "test.use"(%c0) : (index) -> ()
// CHECK-NEXT: return
// CHECK-NEXT: }

func.func @par_dims(%lb: index, %ub: index, %f: f32) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  scf.parallel (%i) = (%c0) to (%c1) step (%c1) {
    "test.use"(%i) : (index) -> ()
    scf.reduce
  }
  scf.parallel (%i, %j) = (%c0, %lb) to (%c1, %ub) step (%c1, %c1) {
    "test.use2"(%i, %j) : (index, index) -> ()
    scf.reduce
  }
  scf.parallel (%i, %j) = (%c0, %lb) to (%c0, %ub) step (%c1, %c1) {
    "test.never"(%i, %j) : (index, index) -> ()
    scf.reduce
  }
  %r = scf.parallel (%i) = (%c3) to (%c1) step (%c1) init (%f) -> f32 {
    %v = "test.v"(%i) : (index) -> f32
    scf.reduce(%v : f32) {
    ^bb0(%a: f32, %b: f32):
      %s = arith.addf %a, %b : f32
      scf.reduce.return %s : f32
    }
  }
  %r2 = scf.parallel (%i) = (%c1) to (%c3) step (%c3) init (%r) -> f32 {
    %v = "test.v"(%i) : (index) -> f32
    scf.reduce(%v : f32) {
    ^bb0(%a: f32, %b: f32):
      %s = arith.mulf %a, %b : f32
      scf.reduce.return %s : f32
    }
  }
  return %r2 : f32
}
// CHECK-LABEL: func.func @par_dims(
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: %c3 = arith.constant 3 : index
// CHECK-NEXT: "test.use"(%c0) : (index) -> ()
// CHECK-NEXT: scf.parallel (%arg3) = (%arg0) to (%arg1) step (%c1) {
// CHECK-NEXT: "test.use2"(%c0, %arg3) : (index, index) -> ()
// CHECK-NEXT: scf.reduce
// CHECK-NEXT: }
// CHECK-NEXT: %0 = scf.parallel (%arg3) = (%c3) to (%c1) step (%c1) init (%arg2) -> f32 {
// CHECK-NEXT: %3 = "test.v"(%arg3) : (index) -> f32
// CHECK-NEXT: scf.reduce(%3 : f32) {
// CHECK-NEXT: ^bb0(%arg4: f32, %arg5: f32):
// CHECK-NEXT: %4 = arith.addf %arg4, %arg5 : f32
// CHECK-NEXT: scf.reduce.return %4 : f32
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: %1 = "test.v"(%c1) : (index) -> f32
// CHECK-NEXT: %2 = arith.mulf %0, %1 : f32
// CHECK-NEXT: return %2 : f32
// CHECK-NEXT: }

func.func @p3(%lb: index, %ub: index, %f: f32, %g: i32) -> (f32, i32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c5 = arith.constant 5 : index
  %c6 = arith.constant 6 : index
  %r:2 = scf.parallel (%i, %j) = (%c5, %c0) to (%c6, %c1) step (%c1, %c1) init (%f, %g) -> (f32, i32) {
    %v = "test.v"(%i, %j) : (index, index) -> f32
    %w = "test.w"(%j) : (index) -> i32
    scf.reduce(%v, %w : f32, i32) {
    ^bb0(%a: f32, %b: f32):
      %s = arith.addf %a, %b : f32
      scf.reduce.return %s : f32
    }, {
    ^bb0(%a: i32, %b: i32):
      %s = arith.muli %a, %b : i32
      scf.reduce.return %s : i32
    }
  }
  %q = scf.parallel (%i, %j) = (%lb, %c0) to (%ub, %c1) step (%c1, %c1) init (%r#0) -> f32 {
    %v = "test.v"(%i, %j) : (index, index) -> f32
    scf.reduce(%v : f32) {
    ^bb0(%a: f32, %b: f32):
      %s = arith.maximumf %a, %b : f32
      scf.reduce.return %s : f32
    }
  }
  return %q, %r#1 : f32, i32
}
// CHECK-LABEL: func.func @p3(
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: %c5 = arith.constant 5 : index
// CHECK-NEXT: %0 = "test.v"(%c5, %c0) : (index, index) -> f32
// CHECK-NEXT: %1 = "test.w"(%c0) : (index) -> i32
// CHECK-NEXT: %2 = arith.addf %arg2, %0 : f32
// CHECK-NEXT: %3 = arith.muli %arg3, %1 : i32
// CHECK-NEXT: %4 = scf.parallel (%arg4) = (%arg0) to (%arg1) step (%c1) init (%2) -> f32 {
// CHECK-NEXT: %5 = "test.v"(%arg4, %c0) : (index, index) -> f32
// CHECK-NEXT: scf.reduce(%5 : f32) {
// CHECK-NEXT: ^bb0(%arg5: f32, %arg6: f32):
// CHECK-NEXT: %6 = arith.maximumf %arg5, %arg6 : f32
// CHECK-NEXT: scf.reduce.return %6 : f32
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: return %4, %3 : f32, i32
// CHECK-NEXT: }
