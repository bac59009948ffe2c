// Regressions found by comparing -cse with mlir-opt -cse on gen_mlir.py
// modules; every CHECK below holds for both tools.
// RUN: edge-opt %s -cse | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s -cse | FileCheck %s %}

// Commutative ops are equivalent whatever the order of their operands
// (OperationEquivalence); non-commutative ones are not.
// CHECK-LABEL: func.func @commutative
// CHECK-NEXT: %[[M:.*]] = arith.minsi %arg0, %arg1 : i32
// CHECK-NEXT: %[[A:.*]] = arith.addi %arg1, %arg0 : i32
// CHECK-NEXT: %[[S:.*]] = arith.subi %arg0, %arg1 : i32
// CHECK-NEXT: %[[T:.*]] = arith.subi %arg1, %arg0 : i32
// CHECK-NEXT: return %[[M]], %[[M]], %[[A]], %[[A]], %[[S]], %[[T]]
func.func @commutative(%a: i32, %b: i32)
    -> (i32, i32, i32, i32, i32, i32) {
  %0 = arith.minsi %a, %b : i32
  %1 = arith.minsi %b, %a : i32
  %2 = arith.addi %b, %a : i32
  %3 = arith.addi %a, %b : i32
  %4 = arith.subi %a, %b : i32
  %5 = arith.subi %b, %a : i32
  return %0, %1, %2, %3, %4, %5 : i32, i32, i32, i32, i32, i32
}
