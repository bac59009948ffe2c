// scf custom forms round-trip exactly as mlir-opt 19 prints them (the
// CHECK lines are mlir-opt's output, implicit terminators and stray
// spaces included), and our output is a fixed point.
// RUN: edge-opt %s | FileCheck %s --strict-whitespace
// RUN: edge-opt %s | edge-opt | FileCheck %s --strict-whitespace
// RUN: edge-opt %s --mlir-print-op-generic | edge-opt | FileCheck %s --strict-whitespace

// CHECK-LABEL: module {
// CHECK-LABEL: func.func @loops(%arg0: index, %arg1: index, %arg2: index, %arg3: f32, %arg4: i32) -> f32 {
// CHECK-NEXT: scf.for %arg5 = %arg0 to %arg1 step %arg2 {
// CHECK-NEXT: %4 = arith.addi %arg5, %arg5 : index
// CHECK-NEXT: }
// CHECK-NEXT: scf.for %arg5 = %arg0 to %arg1 step %arg2 {
// CHECK-NEXT: } {tag = 1 : i64}
// CHECK-NEXT: %0 = scf.for %arg5 = %arg0 to %arg1 step %arg2 iter_args(%arg6 = %arg3) -> (f32) {
// CHECK-NEXT: %4 = arith.addf %arg6, %arg6 : f32
// CHECK-NEXT: scf.yield %4 : f32
// CHECK-NEXT: }
// CHECK-NEXT: %1:2 = scf.for %arg5 = %arg0 to %arg1 step %arg2 iter_args(%arg6 = %arg3, %arg7 = %arg0) -> (f32, index) {
// CHECK-NEXT: scf.yield %arg6, %arg7 : f32, index
// CHECK-NEXT: }
// CHECK-NEXT: %c0_i32 = arith.constant 0 : i32
// CHECK-NEXT: %c1_i32 = arith.constant 1 : i32
// CHECK-NEXT: %2 = scf.for %arg5 = %c0_i32 to %arg4 step %c1_i32 iter_args(%arg6 = %c0_i32) -> (i32)  : i32 {
// CHECK-NEXT: scf.yield %arg5 : i32
// CHECK-NEXT: }
// CHECK-NEXT: scf.for %arg5 = %c0_i32 to %arg4 step %c1_i32  : i32 {
// CHECK-NEXT: %4 = arith.addi %arg5, %arg5 : i32
// CHECK-NEXT: }
// CHECK-NEXT: %3 = scf.for %arg5 = %arg0 to %arg1 step %arg2 iter_args(%arg6 = %arg3) -> (f32) {
// CHECK-NEXT: %4 = scf.for %arg7 = %arg0 to %arg1 step %arg2 iter_args(%arg8 = %arg6) -> (f32) {
// CHECK-NEXT: %5 = arith.mulf %arg8, %arg8 : f32
// CHECK-NEXT: scf.yield %5 : f32
// CHECK-NEXT: }
// CHECK-NEXT: scf.yield %4 : f32
// CHECK-NEXT: }
// CHECK-NEXT: return %0 : f32
// CHECK-NEXT: }
// CHECK-LABEL: func.func @ifs(%arg0: i1, %arg1: i32, %arg2: i32) -> i32 {
// CHECK-NEXT: scf.if %arg0 {
// CHECK-NEXT: %3 = arith.addi %arg1, %arg2 : i32
// CHECK-NEXT: }
// CHECK-NEXT: scf.if %arg0 {
// CHECK-NEXT: %3 = arith.addi %arg1, %arg2 : i32
// CHECK-NEXT: } else {
// CHECK-NEXT: %3 = arith.subi %arg1, %arg2 : i32
// CHECK-NEXT: }
// CHECK-NEXT: scf.if %arg0 {
// CHECK-NEXT: } else {
// CHECK-NEXT: } {note}
// CHECK-NEXT: scf.if %arg0 {
// CHECK-NEXT: }
// CHECK-NEXT: %0 = scf.if %arg0 -> (i32) {
// CHECK-NEXT: scf.yield %arg1 : i32
// CHECK-NEXT: } else {
// CHECK-NEXT: scf.yield %arg2 : i32
// CHECK-NEXT: }
// CHECK-NEXT: %1:2 = scf.if %arg0 -> (i32, i32) {
// CHECK-NEXT: scf.yield %arg1, %arg2 : i32, i32
// CHECK-NEXT: } else {
// CHECK-NEXT: scf.yield %arg2, %arg1 : i32, i32
// CHECK-NEXT: } {x = "y"}
// CHECK-NEXT: %2 = scf.if %arg0 -> (i32) {
// CHECK-NEXT: %3 = scf.if %arg0 -> (i32) {
// CHECK-NEXT: scf.yield %arg1 : i32
// CHECK-NEXT: } else {
// CHECK-NEXT: scf.yield %arg2 : i32
// CHECK-NEXT: }
// CHECK-NEXT: scf.yield %3 : i32
// CHECK-NEXT: } else {
// CHECK-NEXT: scf.yield %arg2 : i32
// CHECK-NEXT: }
// CHECK-NEXT: return %0 : i32
// CHECK-NEXT: }
// CHECK-LABEL: func.func @whiles(%arg0: i32, %arg1: i32) -> i32 {
// CHECK-NEXT: %0 = scf.while (%arg2 = %arg0) : (i32) -> i32 {
// CHECK-NEXT: %3 = arith.cmpi slt, %arg2, %arg1 : i32
// CHECK-NEXT: scf.condition(%3) %arg2 : i32
// CHECK-NEXT: } do {
// CHECK-NEXT: ^bb0(%arg2: i32):
// CHECK-NEXT: %c1_i32 = arith.constant 1 : i32
// CHECK-NEXT: %3 = arith.addi %arg2, %c1_i32 : i32
// CHECK-NEXT: scf.yield %3 : i32
// CHECK-NEXT: }
// CHECK-NEXT: %1:2 = scf.while (%arg2 = %arg0, %arg3 = %arg1) : (i32, i32) -> (i32, i32) {
// CHECK-NEXT: %3 = arith.cmpi ne, %arg2, %arg3 : i32
// CHECK-NEXT: scf.condition(%3) {tag} %arg2, %arg3 : i32, i32
// CHECK-NEXT: } do {
// CHECK-NEXT: ^bb0(%arg2: i32, %arg3: i32):
// CHECK-NEXT: scf.yield %arg3, %arg2 : i32, i32
// CHECK-NEXT: } attributes {w = 2 : i64}
// CHECK-NEXT: %true = arith.constant true
// CHECK-NEXT: scf.while : () -> () {
// CHECK-NEXT: scf.condition(%true)
// CHECK-NEXT: } do {
// CHECK-NEXT: scf.yield
// CHECK-NEXT: }
// CHECK-NEXT: %2 = scf.while (%arg2 = %arg0) : (i32) -> f32 {
// CHECK-NEXT: %3 = arith.sitofp %arg2 : i32 to f32
// CHECK-NEXT: scf.condition(%true) %3 : f32
// CHECK-NEXT: } do {
// CHECK-NEXT: ^bb0(%arg2: f32):
// CHECK-NEXT: %3 = arith.fptosi %arg2 : f32 to i32
// CHECK-NEXT: scf.yield %3 : i32
// CHECK-NEXT: }
// CHECK-NEXT: return %0 : i32
// CHECK-NEXT: }
// CHECK-LABEL: func.func @regions(%arg0: index, %arg1: i32) -> i32 {
// CHECK-NEXT: %0 = scf.execute_region -> i32 {
// CHECK-NEXT: %c1_i32 = arith.constant 1 : i32
// CHECK-NEXT: cf.br ^bb1(%c1_i32 : i32)
// CHECK-NEXT: ^bb1(%4: i32):  // pred: ^bb0
// CHECK-NEXT: scf.yield %4 : i32
// CHECK-NEXT: }
// CHECK-NEXT: %1:2 = scf.execute_region -> (i32, i32) {
// CHECK-NEXT: scf.yield %arg1, %arg1 : i32, i32
// CHECK-NEXT: } {attr}
// CHECK-NEXT: scf.execute_region {
// CHECK-NEXT: scf.yield
// CHECK-NEXT: }
// CHECK-NEXT: %2 = scf.index_switch %arg0 -> i32
// CHECK-NEXT: case 0 {
// CHECK-NEXT: scf.yield %arg1 : i32
// CHECK-NEXT: }
// CHECK-NEXT: case -5 {
// CHECK-NEXT: %c2_i32 = arith.constant 2 : i32
// CHECK-NEXT: scf.yield %c2_i32 : i32
// CHECK-NEXT: }
// CHECK-NEXT: default {
// CHECK-NEXT: scf.yield %0 : i32
// CHECK-NEXT: }
// CHECK-NEXT: scf.index_switch %arg0 {a}
// CHECK-NEXT: case 1 {
// CHECK-NEXT: scf.yield
// CHECK-NEXT: }
// CHECK-NEXT: default {
// CHECK-NEXT: }
// CHECK-NEXT: %3:2 = scf.index_switch %arg0 -> i32, index
// CHECK-NEXT: default {
// CHECK-NEXT: scf.yield %arg1, %arg0 : i32, index
// CHECK-NEXT: }
// CHECK-NEXT: return %2 : i32
// CHECK-NEXT: }
// CHECK-LABEL: func.func @parallel(%arg0: index, %arg1: index, %arg2: index, %arg3: f32, %arg4: i32) -> f32 {
// CHECK-NEXT: scf.parallel (%arg5, %arg6) = (%arg0, %arg0) to (%arg1, %arg1) step (%arg2, %arg2) {
// CHECK-NEXT: %2 = arith.addi %arg5, %arg6 : index
// CHECK-NEXT: scf.reduce
// CHECK-NEXT: }
// CHECK-NEXT: scf.parallel (%arg5) = (%arg0) to (%arg1) step (%arg2) {
// CHECK-NEXT: scf.reduce
// CHECK-NEXT: } {p}
// CHECK-NEXT: %0 = scf.parallel (%arg5) = (%arg0) to (%arg1) step (%arg2) init (%arg3) -> f32 {
// CHECK-NEXT: %cst = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: scf.reduce(%cst : f32) {
// CHECK-NEXT: ^bb0(%arg6: f32, %arg7: f32):
// CHECK-NEXT: %2 = arith.addf %arg6, %arg7 : f32
// CHECK-NEXT: scf.reduce.return %2 : f32
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: %1:2 = scf.parallel (%arg5) = (%arg0) to (%arg1) step (%arg2) init (%arg3, %arg4) -> (f32, i32) {
// CHECK-NEXT: scf.reduce(%arg3, %arg4 : f32, i32) {
// CHECK-NEXT: ^bb0(%arg6: f32, %arg7: f32):
// CHECK-NEXT: scf.reduce.return %arg6 : f32
// CHECK-NEXT: }, {
// CHECK-NEXT: ^bb0(%arg6: i32, %arg7: i32):
// CHECK-NEXT: %2 = arith.maxsi %arg6, %arg7 : i32
// CHECK-NEXT: scf.reduce.return %2 {k} : i32
// CHECK-NEXT: } {rr}
// CHECK-NEXT: }
// CHECK-NEXT: return %0 : f32
// CHECK-NEXT: }
// CHECK-NEXT: }

func.func @loops(%lb: index, %ub: index, %st: index, %init: f32, %n: i32) -> f32 {
  scf.for %i = %lb to %ub step %st {
    %0 = arith.addi %i, %i : index
  }
  scf.for %i = %lb to %ub step %st {
  } {tag = 1 : i64}
  %sum = scf.for %i = %lb to %ub step %st iter_args(%acc = %init) -> (f32) {
    %1 = arith.addf %acc, %acc : f32
    scf.yield %1 : f32
  }
  %r:2 = scf.for %i = %lb to %ub step %st iter_args(%a = %init, %b = %lb) -> (f32, index) {
    scf.yield %a, %b : f32, index
  }
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %ri = scf.for %j = %c0 to %n step %c1 iter_args(%k = %c0) -> i32 : i32 {
    scf.yield %j : i32
  }
  scf.for %j = %c0 to %n step %c1 : i32 {
    %2 = arith.addi %j, %j : i32
  }
  %outer = scf.for %i = %lb to %ub step %st iter_args(%o = %init) -> (f32) {
    %inner = scf.for %j = %lb to %ub step %st iter_args(%q = %o) -> (f32) {
      %3 = arith.mulf %q, %q : f32
      scf.yield %3 : f32
    }
    scf.yield %inner : f32
  }
  return %sum : f32
}

func.func @ifs(%c: i1, %a: i32, %b: i32) -> i32 {
  scf.if %c {
    %0 = arith.addi %a, %b : i32
  }
  scf.if %c {
    %0 = arith.addi %a, %b : i32
  } else {
    %1 = arith.subi %a, %b : i32
  }
  scf.if %c {
  } else {
  } {note}
  scf.if %c {
    scf.yield
  }
  %r = scf.if %c -> (i32) {
    scf.yield %a : i32
  } else {
    scf.yield %b : i32
  }
  %p:2 = scf.if %c -> (i32, i32) {
    scf.yield %a, %b : i32, i32
  } else {
    scf.yield %b, %a : i32, i32
  } {x = "y"}
  %s = scf.if %c -> i32 {
    %n = scf.if %c -> (i32) {
      scf.yield %a : i32
    } else {
      scf.yield %b : i32
    }
    scf.yield %n : i32
  } else {
    scf.yield %b : i32
  }
  return %r : i32
}

func.func @whiles(%init: i32, %lim: i32) -> i32 {
  %res = scf.while (%x = %init) : (i32) -> i32 {
    %cond = arith.cmpi slt, %x, %lim : i32
    scf.condition(%cond) %x : i32
  } do {
  ^bb0(%y: i32):
    %c1 = arith.constant 1 : i32
    %next = arith.addi %y, %c1 : i32
    scf.yield %next : i32
  }
  %r2:2 = scf.while (%a = %init, %b = %lim) : (i32, i32) -> (i32, i32) {
    %c = arith.cmpi ne, %a, %b : i32
    scf.condition(%c) {tag} %a, %b : i32, i32
  } do {
  ^bb0(%p: i32, %q: i32):
    scf.yield %q, %p : i32, i32
  } attributes {w = 2 : i64}
  %t = arith.constant true
  scf.while : () -> () {
    scf.condition(%t)
  } do {
    scf.yield
  }
  %r3 = scf.while (%a = %init) : (i32) -> f32 {
    %f = arith.sitofp %a : i32 to f32
    scf.condition(%t) %f : f32
  } do {
  ^bb0(%g: f32):
    %h = arith.fptosi %g : f32 to i32
    scf.yield %h : i32
  }
  return %res : i32
}

func.func @regions(%i: index, %a: i32) -> i32 {
  %0 = scf.execute_region -> i32 {
    %c = arith.constant 1 : i32
    cf.br ^bb1(%c : i32)
  ^bb1(%x: i32):
    scf.yield %x : i32
  }
  %e:2 = scf.execute_region -> (i32, i32) {
    scf.yield %a, %a : i32, i32
  } {attr}
  scf.execute_region {
    scf.yield
  }
  %1 = scf.index_switch %i -> i32
  case 0 {
    scf.yield %a : i32
  }
  case -5 {
    %c2 = arith.constant 2 : i32
    scf.yield %c2 : i32
  }
  default {
    scf.yield %0 : i32
  }
  scf.index_switch %i {a}
  case 1 {
    scf.yield
  }
  default {
  }
  %2:2 = scf.index_switch %i -> i32, index
  default {
    scf.yield %a, %i : i32, index
  }
  return %1 : i32
}

func.func @parallel(%lb: index, %ub: index, %st: index, %init: f32, %n: i32) -> f32 {
  scf.parallel (%i, %j) = (%lb, %lb) to (%ub, %ub) step (%st, %st) {
    %0 = arith.addi %i, %j : index
  }
  scf.parallel (%i) = (%lb) to (%ub) step (%st) {
    scf.reduce
  } {p}
  %r = scf.parallel (%i) = (%lb) to (%ub) step (%st) init (%init) -> f32 {
    %one = arith.constant 1.0 : f32
    scf.reduce(%one : f32) {
    ^bb0(%l: f32, %rr: f32):
      %s = arith.addf %l, %rr : f32
      scf.reduce.return %s : f32
    }
  }
  %r2:2 = scf.parallel (%i) = (%lb) to (%ub) step (%st) init (%init, %n) -> (f32, i32) {
    scf.reduce(%init, %n : f32, i32) {
    ^bb0(%l: f32, %rr: f32):
      scf.reduce.return %l : f32
    }, {
    ^bb0(%l: i32, %rr: i32):
      %m = arith.maxsi %l, %rr : i32
      scf.reduce.return %m {k} : i32
    } {rr}
  }
  return %r : f32
}
