// Plain -inline runs its default pipeline (canonicalize) on every function
// after inlining into it, as mlir-opt's inliner does.
// RUN: edge-opt %s -inline | FileCheck %s

// CHECK-NOT:   func.func private @add_zero
// CHECK-LABEL: func.func @f(
// CHECK-SAME:      %[[X:.*]]: i32) -> i32 {
// CHECK-NEXT:    return %[[X]] : i32
// CHECK-NEXT:  }
// CHECK-LABEL: func.func @nocalls(
// CHECK-SAME:      %[[Y:.*]]: i32) -> i32 {
// CHECK-NEXT:    return %[[Y]] : i32
func.func private @add_zero(%x: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %0 = arith.addi %x, %c0 : i32
  return %0 : i32
}
func.func @f(%x: i32) -> i32 {
  %0 = call @add_zero(%x) : (i32) -> i32
  return %0 : i32
}
func.func @nocalls(%x: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %0 = arith.addi %x, %c0 : i32
  return %0 : i32
}
