// The inline pass (without its canonicalize pipeline, so the structure
// shows): callees first, multi-block bodies split the caller, calls in
// single-block regions only take single-block callees, recursive calls and
// declarations stay, dead private callees go.
// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(inline{default-pipeline=})' | FileCheck %s
// RUN: edge-opt %s --split-input-file -inline=default-pipeline= | FileCheck %s

// CHECK-LABEL: func.func @multi
// CHECK-NOT:   func.func private @add
// CHECK-LABEL: func.func @main(
// CHECK-SAME:      %[[X:.*]]: i32, %[[C:.*]]: i1)
// CHECK:         %[[A:.*]] = arith.addi %[[X]], %[[X]] : i32
// CHECK:         cf.cond_br %[[C]], ^bb1, ^bb2
// CHECK:       ^bb1:
// CHECK:         cf.br ^bb3(%[[A]] : i32)
// CHECK:       ^bb2:
// CHECK:         %[[M:.*]] = arith.muli %[[A]], %[[A]] : i32
// CHECK:         cf.br ^bb3(%[[M]] : i32)
// CHECK:       ^bb3(%[[R:.*]]: i32):
// CHECK:         %[[REC:.*]] = call @rec(%[[R]]) : (i32) -> i32
// CHECK:         scf.if %[[C]] -> (i32) {
// CHECK:           func.call @multi(%[[C]], %[[REC]]) : (i1, i32) -> i32
// CHECK:         } else {
// CHECK:           %[[S:.*]] = arith.addi %[[REC]], %[[REC]] : i32
// CHECK:           scf.yield %[[S]] : i32
func.func private @add(%a: i32, %b: i32) -> i32 {
  %0 = arith.addi %a, %b : i32
  return %0 : i32
}
func.func @multi(%c: i1, %a: i32) -> i32 {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  return %a : i32
^bb2:
  %1 = arith.muli %a, %a : i32
  return %1 : i32
}
func.func @rec(%a: i32) -> i32 {
  %0 = call @rec(%a) : (i32) -> i32
  return %0 : i32
}
func.func @main(%x: i32, %c: i1) -> i32 {
  %0 = call @add(%x, %x) : (i32, i32) -> i32
  %1 = call @multi(%c, %0) : (i1, i32) -> i32
  %2 = call @rec(%1) : (i32) -> i32
  %r = scf.if %c -> i32 {
    %5 = func.call @multi(%c, %2) : (i1, i32) -> i32
    scf.yield %5 : i32
  } else {
    %6 = func.call @add(%2, %2) : (i32, i32) -> i32
    scf.yield %6 : i32
  }
  return %r : i32
}

// -----

// Callees first: @mid already has @leaf inlined when it is inlined into
// @top; all private functions end up dead. Declarations and functions
// referenced by func.constant stay.
// CHECK-LABEL: module {
// CHECK-NEXT:    func.func private @decl(i32) -> i32
// CHECK-NEXT:    func.func private @kept(
// CHECK:         func.func @top(%[[X:.*]]: i32) -> i32 {
// CHECK-NEXT:      %[[A:.*]] = arith.addi %[[X]], %[[X]] : i32
// CHECK-NEXT:      %[[B:.*]] = arith.addi %[[A]], %[[A]] : i32
// CHECK-NEXT:      %[[D:.*]] = call @decl(%[[B]]) : (i32) -> i32
// CHECK-NEXT:      %[[F:.*]] = constant @kept : (i32) -> i32
// CHECK-NEXT:      return %[[D]] : i32
// CHECK-NOT:     func.func
func.func private @decl(i32) -> i32
func.func private @unused(%x: i32) -> i32 {
  return %x : i32
}
func.func private @kept(%x: i32) -> i32 {
  return %x : i32
}
func.func private @leaf(%x: i32) -> i32 {
  %0 = arith.addi %x, %x : i32
  return %0 : i32
}
func.func private @mid(%x: i32) -> i32 {
  %0 = call @leaf(%x) : (i32) -> i32
  %1 = call @leaf(%0) : (i32) -> i32
  return %1 : i32
}
func.func @top(%x: i32) -> i32 {
  %0 = call @mid(%x) : (i32) -> i32
  %1 = call @decl(%0) : (i32) -> i32
  %f = func.constant @kept : (i32) -> i32
  return %1 : i32
}

// -----

// Mutual recursion: nothing is inlined.
// CHECK-LABEL: func.func @a
// CHECK:         call @b
// CHECK-LABEL: func.func @b
// CHECK:         call @a
// CHECK-LABEL: func.func @user
// CHECK:         call @a
func.func @a(%x: i32) -> i32 {
  %0 = call @b(%x) : (i32) -> i32
  return %0 : i32
}
func.func @b(%x: i32) -> i32 {
  %0 = call @a(%x) : (i32) -> i32
  return %0 : i32
}
func.func @user(%x: i32) -> i32 {
  %0 = call @a(%x) : (i32) -> i32
  return %0 : i32
}
