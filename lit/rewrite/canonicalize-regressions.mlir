// Regressions found by running -canonicalize on gen_mlir.py modules and
// comparing with mlir-opt -canonicalize; every CHECK below holds for both.
// RUN: edge-opt %s -canonicalize --split-input-file | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s -canonicalize --split-input-file | FileCheck %s %}

// arith.andi and arith.ori are Idempotent: op(x, x) folds to x.
// CHECK-LABEL: func.func @andi_same
// CHECK-NEXT: return %arg0 : i32
func.func @andi_same(%a: i32) -> i32 {
  %0 = arith.andi %a, %a : i32
  return %0 : i32
}

// CHECK-LABEL: func.func @ori_same
// CHECK-NEXT: return %arg0 : i64
func.func @ori_same(%a: i64) -> i64 {
  %0 = arith.ori %a, %a : i64
  return %0 : i64
}

// CHECK-LABEL: func.func @ori_andi_same_vec
// CHECK-NEXT: return %arg0 : vector<4xi8>
func.func @ori_andi_same_vec(%a: vector<4xi8>) -> vector<4xi8> {
  %0 = arith.ori %a, %a : vector<4xi8>
  %1 = arith.andi %0, %0 : vector<4xi8>
  return %1 : vector<4xi8>
}

// -----

// A one-trip scf.for whose body yields its iter_args swapped: the yielded
// values must be read after the body is inlined (no use of the erased block
// arguments).
// CHECK-LABEL: func.func @one_trip_swap
// CHECK-NEXT: return %arg1, %arg0 : i32, i32
func.func @one_trip_swap(%a: i32, %b: i32) -> (i32, i32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r:2 = scf.for %i = %c0 to %c1 step %c1 iter_args(%x = %a, %y = %b)
      -> (i32, i32) {
    scf.yield %y, %x : i32, i32
  }
  return %r#0, %r#1 : i32, i32
}
