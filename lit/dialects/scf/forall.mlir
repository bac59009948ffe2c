// scf.forall custom forms round-trip as mlir-opt 19 prints them, with
// the implicit scf.forall.in_parallel terminator. A loop whose lower
// bounds and steps are the constants 0 and 1 prints in the normalized
// "in (...)" form, even when they are SSA constants (as MLIR does).
// RUN: edge-opt %s | FileCheck %s --strict-whitespace
// RUN: edge-opt %s | edge-opt | FileCheck %s --strict-whitespace
// RUN: edge-opt %s --mlir-print-op-generic | edge-opt | FileCheck %s --strict-whitespace

// CHECK-LABEL: module {
// CHECK-LABEL: func.func @forall(%arg0: tensor<8xf32>, %arg1: index) -> tensor<8xf32> {
// CHECK-NEXT: scf.forall (%arg2, %arg3) in (4, %arg1) {
// CHECK-NEXT: %1 = arith.addi %arg2, %arg3 : index
// CHECK-NEXT: }
// CHECK-NEXT: scf.forall (%arg2) = (0) to (8) step (2) {
// CHECK-NEXT: %1 = arith.muli %arg2, %arg2 : index
// CHECK-NEXT: }
// CHECK-NEXT: scf.forall (%arg2) = (%arg1) to (8) step (%arg1) {
// CHECK-NEXT: } {foo = 1 : i64}
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: scf.forall (%arg2) in (%arg1) {
// CHECK-NEXT: }
// CHECK-NEXT: %0 = scf.forall (%arg2) in (%arg1) shared_outs(%arg3 = %arg0) -> (tensor<8xf32>) {
// CHECK-NEXT: scf.forall.in_parallel {
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: scf.forall (%arg2) = (-4) to (%arg1) step (3) {
// CHECK-NEXT: }
// CHECK-NEXT: return %0 : tensor<8xf32>
// CHECK-NEXT: }
// CHECK-NEXT: }

func.func @forall(%t: tensor<8xf32>, %n: index) -> tensor<8xf32> {
  scf.forall (%i, %j) in (4, %n) {
    %0 = arith.addi %i, %j : index
  }
  scf.forall (%i) = (0) to (8) step (2) {
    %1 = arith.muli %i, %i : index
  }
  scf.forall (%i) = (%n) to (8) step (%n) {
  } {foo = 1 : i64}
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.forall (%i) = (%c0) to (%n) step (%c1) {
  }
  %r = scf.forall (%i) in (%n) shared_outs(%o = %t) -> (tensor<8xf32>) {
    scf.forall.in_parallel {
    }
  }
  scf.forall (%i) = (-4) to (%n) step (3) {
    scf.forall.in_parallel {
    }
  }
  return %r : tensor<8xf32>
}
