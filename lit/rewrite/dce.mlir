// RUN: edge-opt %s -dce --split-input-file --allow-unregistered-dialect | FileCheck %s

// Chains of dead pure ops go, users first; ops with effects stay.
// CHECK-LABEL: func.func @chain
// CHECK-NEXT:    "foo.effect"() : () -> i32
// CHECK-NEXT:    %[[K:.*]] = arith.muli %arg0, %arg0 : i32
// CHECK-NEXT:    return %[[K]] : i32
func.func @chain(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  %1 = arith.muli %0, %0 : i32
  %2 = arith.subi %1, %0 : i32
  %3 = "foo.effect"() : () -> i32
  %k = arith.muli %a, %a : i32
  return %k : i32
}

// -----

// Producers in other blocks and ops with pure regions are reached too.
// CHECK-LABEL: func.func @blocks
// CHECK-NEXT:    cf.br ^bb1
// CHECK-NEXT:  ^bb1:
// CHECK-NEXT:    return
func.func @blocks(%a: i32, %c: i1) {
  %0 = arith.addi %a, %a : i32
  cf.br ^bb1
^bb1:
  %1 = arith.muli %0, %0 : i32
  %2 = scf.if %c -> i32 {
    %3 = arith.subi %1, %a : i32
    scf.yield %3 : i32
  } else {
    scf.yield %a : i32
  }
  return
}

// -----

// Symbols are left to symbol-dce.
// CHECK-LABEL: func.func private @unused
func.func private @unused() {
  return
}
