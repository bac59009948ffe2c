// The unroll pass: one factor knob per scf.for ("unroll.<site>.factor",
// {1, 2, 4, 8}, default 1). Different assignments give different, valid
// IR; the loops are named so the knob names are stable.
// RUN: edge-opt %s -unroll | FileCheck %s --check-prefix=DEFAULT
// RUN: edge-opt %s -unroll --knob unroll.ten.factor=2 | FileCheck %s --check-prefix=TWO
// RUN: edge-opt %s -unroll --knob unroll.ten.factor=4 | FileCheck %s --check-prefix=FOUR
// RUN: edge-opt %s -unroll --knob 'unroll.*.factor=8' | FileCheck %s --check-prefix=EIGHT
// RUN: edge-opt %s -unroll --knob 'unroll.*.factor=2' | edge-opt -unroll --knob 'unroll.*.factor=2' | FileCheck %s --check-prefix=AGAIN

// DEFAULT-LABEL: func.func @ten
// DEFAULT:         scf.for
// DEFAULT-NOT:     scf.for
// DEFAULT:         return

// tc = 10 is a multiple of 2: the step doubles, the body is copied once
// more with iv + 1, and no epilogue is needed.
// TWO-LABEL: func.func @ten
// TWO:         %[[C1:.*]] = arith.constant 1 : index
// TWO:         %[[C2:.*]] = arith.constant 2 : index
// TWO:         %[[R:.*]] = scf.for %[[IV:.*]] = %{{.*}} to %{{.*}} step %[[C2]] iter_args(%[[A:.*]] = %{{.*}}) -> (index) {
// TWO:           %[[S0:.*]] = arith.addi %[[A]], %[[IV]] : index
// TWO:           %[[IV1:.*]] = arith.addi %[[IV]], %[[C1]] : index
// TWO:           %[[S1:.*]] = arith.addi %[[S0]], %[[IV1]] : index
// TWO:           scf.yield %[[S1]] : index
// TWO:         } {name = "ten"}
// TWO-NOT:     scf.for
// TWO:         return %[[R]] : index

// tc = 10 with factor 4: a main loop up to 8 and an epilogue from there.
// FOUR-LABEL: func.func @ten
// FOUR:         %[[C4:.*]] = arith.constant 4 : index
// FOUR:         %[[UB:.*]] = arith.constant 8 : index
// FOUR:         %[[M:.*]] = scf.for %{{.*}} = %{{.*}} to %[[UB]] step %[[C4]] iter_args
// FOUR-COUNT-7:   arith.addi
// FOUR:           scf.yield
// FOUR:         } {name = "ten"}
// FOUR:         %[[E:.*]] = scf.for %{{.*}} = %[[UB]] to %{{.*}} step %{{.*}} iter_args(%{{.*}} = %[[M]])
// FOUR:         } {name = "ten"}
// FOUR:         return %[[E]] : index

// Factor 8 >= tc = 4 unrolls @four fully; @ten gets 8 copies and an
// epilogue.
// EIGHT-LABEL: func.func @ten
// EIGHT-COUNT-2: scf.for
// EIGHT-LABEL: func.func @four
// EIGHT-NOT:     scf.for
// EIGHT:         %[[A0:.*]] = arith.muli %arg0, %{{.*}} : i32
// EIGHT-NEXT:    %[[I1:.*]] = arith.constant 3 : i32
// EIGHT-NEXT:    %[[A1:.*]] = arith.muli %[[A0]], %[[I1]] : i32
// EIGHT-NEXT:    %[[I2:.*]] = arith.constant 6 : i32
// EIGHT-NEXT:    %[[A2:.*]] = arith.muli %[[A1]], %[[I2]] : i32
// EIGHT-NEXT:    %[[I3:.*]] = arith.constant 9 : i32
// EIGHT-NEXT:    %[[A3:.*]] = arith.muli %[[A2]], %[[I3]] : i32
// EIGHT-NEXT:    return %[[A3]] : i32

// Unrolling twice by 2 is unrolling by 4 (the knob keeps its name).
// AGAIN-LABEL: func.func @ten
// AGAIN:         scf.for
// AGAIN-COUNT-7:   arith.addi %{{.*}}, %{{.*}} : index
// AGAIN:         } {name = "ten"}

func.func @ten(%x: index) -> index {
  %c0 = arith.constant 0 : index
  %c10 = arith.constant 10 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %c10 step %c1 iter_args(%a = %x) -> index {
    %s = arith.addi %a, %i : index
    scf.yield %s : index
  } {name = "ten"}
  return %r : index
}

func.func @four(%x: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %c10 = arith.constant 10 : i32
  %c3 = arith.constant 3 : i32
  %r = scf.for %i = %c0 to %c10 step %c3 iter_args(%a = %x) -> (i32) : i32 {
    %m = arith.muli %a, %i : i32
    scf.yield %m : i32
  } {name = "four"}
  return %r : i32
}
