// RUN: edge-opt %s -sccp -split-input-file | FileCheck %s

// Constants propagate through ops; folded values are materialized once,
// at the front of the function, and the ops they replace are erased.
// CHECK-LABEL: func.func @straight
// CHECK-NEXT:    %[[C3:.*]] = arith.constant 3 : i32
// CHECK:         %[[M:.*]] = arith.muli %[[C3]], %arg0 : i32
// CHECK-NEXT:    return %[[M]] : i32
func.func @straight(%arg0: i32) -> i32 {
  %c1 = arith.constant 1 : i32
  %c2 = arith.constant 2 : i32
  %0 = arith.addi %c1, %c2 : i32
  %1 = arith.muli %0, %arg0 : i32
  return %1 : i32
}

// -----

// A branch on a constant makes one edge executable: the join at ^bb3
// sees only the value coming from ^bb1.
// CHECK-LABEL: func.func @branch
// CHECK-DAG:     %[[C2:.*]] = arith.constant 2 : i32
// CHECK:       ^bb3(%{{.*}}: i32):
// CHECK-NEXT:    return %[[C2]] : i32
func.func @branch(%arg0: i1) -> i32 {
  %true = arith.constant true
  %c1 = arith.constant 1 : i32
  %c5 = arith.constant 5 : i32
  cf.cond_br %true, ^bb1(%c1 : i32), ^bb2(%c5 : i32)
^bb1(%a: i32):
  cf.br ^bb3(%a : i32)
^bb2(%b: i32):
  cf.br ^bb3(%b : i32)
^bb3(%r: i32):
  %s = arith.addi %r, %c1 : i32
  return %s : i32
}

// -----

// A loop-carried value that changes is overdefined.
// CHECK-LABEL: func.func @loop
// CHECK:       ^bb1(%[[I:.*]]: i32):
// CHECK:         arith.cmpi slt, %[[I]]
// CHECK:         return %[[I]] : i32
func.func @loop() -> i32 {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %c10 = arith.constant 10 : i32
  cf.br ^bb1(%c0 : i32)
^bb1(%i: i32):
  %cond = arith.cmpi slt, %i, %c10 : i32
  cf.cond_br %cond, ^bb2, ^bb3
^bb2:
  %n = arith.addi %i, %c1 : i32
  cf.br ^bb1(%n : i32)
^bb3:
  return %i : i32
}

// -----

// scf.if on a constant condition: only the taken region counts, and the
// scf.if goes away once its result is a constant.
// CHECK-LABEL: func.func @if_const
// CHECK-NOT:     scf.if
// CHECK:         %[[C15:.*]] = arith.constant 15 : i32
// CHECK-NOT:     scf.if
// CHECK:         return %[[C15]] : i32
func.func @if_const(%x: i32) -> i32 {
  %true = arith.constant true
  %c5 = arith.constant 5 : i32
  %r = scf.if %true -> i32 {
    %a = arith.addi %c5, %c5 : i32
    scf.yield %a : i32
  } else {
    scf.yield %x : i32
  }
  %r2 = arith.addi %r, %c5 : i32
  return %r2 : i32
}

// -----

// scf.for: an iteration argument that only ever yields itself keeps its
// initial value; the induction variable is not a constant.
// CHECK-LABEL: func.func @for_invariant
// CHECK:         %[[C7:.*]] = arith.constant 7 : i32
// CHECK-NOT:     scf.for
// CHECK:         return %[[C7]] : i32
func.func @for_invariant(%n: index) -> i32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c7 = arith.constant 7 : i32
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %c7) -> i32 {
    scf.yield %acc : i32
  }
  return %r : i32
}

// -----

// A private function called with the same constant everywhere: its
// argument is that constant; a call's result is what the callee returns.
// CHECK-LABEL: func.func private @callee
// CHECK-DAG:     arith.constant 3 : i32
// CHECK-DAG:     %[[C6:.*]] = arith.constant 6 : i32
// CHECK-NEXT:    return %[[C6]] : i32
// CHECK-LABEL: func.func @caller
// CHECK:         %[[C6B:.*]] = arith.constant 6 : i32
// CHECK:         call @callee
// CHECK:         return %[[C6B]] : i32
func.func private @callee(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  return %0 : i32
}
func.func @caller() -> i32 {
  %c3 = arith.constant 3 : i32
  %r = call @callee(%c3) : (i32) -> i32
  return %r : i32
}

// -----

// A public function's arguments are unknown.
// CHECK-LABEL: func.func @public
// CHECK:         arith.addi %arg0, %arg0
func.func @public(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  return %0 : i32
}

// -----

// Division by zero is not folded (arith's fold hook refuses it).
// CHECK-LABEL: func.func @div0
// CHECK:         arith.divsi
func.func @div0() -> i32 {
  %c0 = arith.constant 0 : i32
  %c7 = arith.constant 7 : i32
  %0 = arith.divsi %c7, %c0 : i32
  return %0 : i32
}
