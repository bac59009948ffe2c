// A nested pipeline runs on the ops directly inside its parent's regions:
// func.func(...) at the top does not reach the function of a nested
// module, builtin.module(func.func(...)) inside the top module does.
// RUN: edge-opt %s --pass-pipeline='builtin.module(func.func(cse))' | FileCheck %s --check-prefix=TOP
// RUN: edge-opt %s --pass-pipeline='builtin.module(builtin.module(func.func(cse)))' | FileCheck %s --check-prefix=INNER
// An op-agnostic pass runs on whatever it is placed under.
// RUN: edge-opt %s --pass-pipeline='builtin.module(cse)' | FileCheck %s --check-prefix=ALL

// TOP-LABEL: func.func @outer
// TOP-NEXT:    %[[A:.*]] = arith.addi %arg0, %arg0
// TOP-NEXT:    %[[B:.*]] = arith.muli %[[A]], %[[A]]
// TOP-LABEL: func.func @inner
// TOP-NEXT:    arith.addi
// TOP-NEXT:    arith.addi

// INNER-LABEL: func.func @outer
// INNER-NEXT:    arith.addi
// INNER-NEXT:    arith.addi
// INNER-LABEL: func.func @inner
// INNER-NEXT:    %[[A:.*]] = arith.addi %arg0, %arg0
// INNER-NEXT:    %[[B:.*]] = arith.muli %[[A]], %[[A]]

// ALL-LABEL: func.func @outer
// ALL-NEXT:    arith.addi
// ALL-NEXT:    arith.muli
// ALL-LABEL: func.func @inner
// ALL-NEXT:    arith.addi
// ALL-NEXT:    arith.muli
func.func @outer(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  %1 = arith.addi %a, %a : i32
  %2 = arith.muli %0, %1 : i32
  return %2 : i32
}
module @m {
  func.func @inner(%a: i32) -> i32 {
    %0 = arith.addi %a, %a : i32
    %1 = arith.addi %a, %a : i32
    %2 = arith.muli %0, %1 : i32
    return %2 : i32
  }
}
