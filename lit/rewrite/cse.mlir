// RUN: edge-opt %s -cse --split-input-file --allow-unregistered-dialect | FileCheck %s
// RUN: edge-opt %s --pass-pipeline='builtin.module(func.func(cse))' --split-input-file --allow-unregistered-dialect | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s -cse --split-input-file --allow-unregistered-dialect | FileCheck %s %}

// CHECK-LABEL: func.func @simple
// CHECK-NEXT:    %[[A:.*]] = arith.addi %arg0, %arg0 : i32
// CHECK-NEXT:    %[[M:.*]] = arith.muli %[[A]], %[[A]] : i32
// CHECK-NEXT:    return %[[A]], %[[M]] : i32, i32
func.func @simple(%a: i32) -> (i32, i32) {
  %0 = arith.addi %a, %a : i32
  %1 = arith.addi %a, %a : i32
  %2 = arith.muli %0, %0 : i32
  %3 = arith.muli %1, %1 : i32
  return %1, %3 : i32, i32
}

// -----

// Attributes and result types are part of the key; locations are not.
// CHECK-LABEL: func.func @keys
// CHECK-NEXT:    arith.constant 1 : i32
// CHECK-NEXT:    arith.constant 1 : i64
// CHECK-NEXT:    arith.addi %arg0, %arg0 overflow<nsw> : i32
// CHECK-NEXT:    arith.addi %arg0, %arg0 : i32
// CHECK-NEXT:    "foo.use"
func.func @keys(%a: i32) {
  %0 = arith.constant 1 : i32
  %1 = arith.constant 1 : i64
  %2 = arith.constant 1 : i32 loc("elsewhere":3:4)
  %3 = arith.addi %a, %a overflow<nsw> : i32
  %4 = arith.addi %a, %a : i32
  "foo.use"(%0, %1, %2, %3, %4) : (i32, i64, i32, i32, i32) -> ()
  return
}

// -----

// Ops with side effects (unregistered ops have every effect) stay; a dead
// pure op met on the way goes, its producer stays (not iterated).
// CHECK-LABEL: func.func @effects
// CHECK-NEXT:    "foo.op"() : () -> i32
// CHECK-NEXT:    "foo.op"() : () -> i32
// CHECK-NEXT:    arith.addi
// CHECK-NEXT:    return
func.func @effects() {
  %0 = "foo.op"() : () -> i32
  %1 = "foo.op"() : () -> i32
  %2 = arith.addi %0, %1 : i32
  %3 = arith.muli %2, %2 : i32
  return
}

// -----

// A nested region sees the values of the enclosing one; its own ops are
// not visible after it.
// CHECK-LABEL: func.func @nested
// CHECK:         %[[A:.*]] = arith.addi %arg0, %arg0 : i32
// CHECK-NEXT:    %[[R:.*]] = scf.if %arg1 -> (i32) {
// CHECK-NEXT:      %[[M:.*]] = arith.muli %[[A]], %[[A]] : i32
// CHECK-NEXT:      scf.yield %[[M]] : i32
// CHECK-NEXT:    } else {
// CHECK-NEXT:      scf.yield %[[A]] : i32
// CHECK-NEXT:    }
// CHECK-NEXT:    %[[M2:.*]] = arith.muli %[[A]], %[[A]] : i32
// CHECK-NEXT:    return %[[R]], %[[M2]]
func.func @nested(%a: i32, %c: i1) -> (i32, i32) {
  %0 = arith.addi %a, %a : i32
  %1 = scf.if %c -> i32 {
    %2 = arith.addi %a, %a : i32
    %3 = arith.muli %2, %2 : i32
    scf.yield %3 : i32
  } else {
    %4 = arith.addi %a, %a : i32
    scf.yield %4 : i32
  }
  %5 = arith.muli %0, %0 : i32
  return %1, %5 : i32, i32
}

// -----

// Isolated-from-above ops start from an empty table.
// CHECK-LABEL: func.func @outer
// CHECK:         arith.addi
// CHECK-LABEL: func.func @other
// CHECK:         arith.addi
func.func @outer(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  return %0 : i32
}
func.func @other(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  return %0 : i32
}

// -----

// Across blocks only dominating ops are reused.
// CHECK-LABEL: func.func @blocks
// CHECK:         %[[A:.*]] = arith.addi %arg0, %arg0 : i32
// CHECK-NEXT:    cf.cond_br %arg1, ^bb1, ^bb2
// CHECK-NEXT:  ^bb1:
// CHECK-NEXT:    %[[S1:.*]] = arith.subi %[[A]], %arg0 : i32
// CHECK-NEXT:    cf.br ^bb3(%[[S1]] : i32)
// CHECK-NEXT:  ^bb2:
// CHECK-NEXT:    %[[S2:.*]] = arith.subi %[[A]], %arg0 : i32
// CHECK-NEXT:    cf.br ^bb3(%[[S2]] : i32)
// CHECK-NEXT:  ^bb3(%[[V:.*]]: i32):
// CHECK-NEXT:    %[[S3:.*]] = arith.subi %[[A]], %arg0 : i32
// CHECK-NEXT:    %[[R:.*]] = arith.addi %[[S3]], %[[V]] : i32
// CHECK-NEXT:    return %[[R]]
func.func @blocks(%a: i32, %c: i1) -> i32 {
  %0 = arith.addi %a, %a : i32
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  %1 = arith.addi %a, %a : i32
  %2 = arith.subi %1, %a : i32
  cf.br ^bb3(%2 : i32)
^bb2:
  %3 = arith.subi %0, %a : i32
  cf.br ^bb3(%3 : i32)
^bb3(%v: i32):
  %4 = arith.subi %0, %a : i32
  %5 = arith.addi %4, %v : i32
  return %5 : i32
}

// -----

// Ops with equal regions are equal.
// CHECK-LABEL: func.func @regions
// CHECK:         %[[R:.*]] = scf.if
// CHECK-NOT:     scf.if
// CHECK:         return %[[R]], %[[R]]
func.func @regions(%a: i32, %c: i1) -> (i32, i32) {
  %1 = scf.if %c -> i32 {
    %2 = arith.addi %a, %a : i32
    scf.yield %2 : i32
  } else {
    scf.yield %a : i32
  }
  %3 = scf.if %c -> i32 {
    %4 = arith.addi %a, %a : i32
    scf.yield %4 : i32
  } else {
    scf.yield %a : i32
  }
  return %1, %3 : i32, i32
}
