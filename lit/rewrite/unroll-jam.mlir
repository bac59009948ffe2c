// unroll-jam: a parallel outer loop over an inner reduction is unrolled
// by unroll_jam.<site>.factor and its copies jammed into one inner loop.
// RUN: edge-opt %s -unroll-jam --knob unroll_jam.rows.factor=2 | FileCheck %s
// RUN: edge-opt %s -unroll-jam --knob unroll_jam.rows.factor=4 | edge-opt --verify-each | FileCheck %s --check-prefix=F4
// RUN: not edge-opt %s -unroll-jam --knob unroll_jam.short.factor=4 2>&1 | FileCheck %s --check-prefix=ERR
// RUN: not edge-opt %s -unroll-jam --knob unroll_jam.rows.factor=3 2>&1 | FileCheck %s --check-prefix=ERR3
// RUN: not edge-opt %s -unroll-jam --knob unroll_jam.carried.factor=2 2>&1 | FileCheck %s --check-prefix=UNASKED
// RUN: edge-opt %s -unroll-jam --list-knobs | FileCheck %s --check-prefix=KNOBS
// RUN: edge-opt %s -unroll-jam | FileCheck %s --check-prefix=DEFAULT

// Rows i and i+1 share one k loop; y[i] and y[i+1] are carried in
// iter_args (loaded before it, stored after it).
// CHECK-LABEL: func.func @mv(
// CHECK-SAME:      %[[A:[^:]*]]: memref<6x5xf32>, %[[X:[^:]*]]: memref<5xf32>, %[[Y:[^:]*]]: memref<6xf32>)
// CHECK:         %[[C2:.*]] = arith.constant 2 : index
// CHECK:         scf.for %[[I:.*]] = %{{.*}} to %{{.*}} step %[[C2]] {
// CHECK-NEXT:      %[[I1:.*]] = arith.addi %[[I]], %{{.*}} : index
// CHECK-NEXT:      %[[Y0:.*]] = memref.load %[[Y]][%[[I]]]
// CHECK-NEXT:      %[[Y1:.*]] = memref.load %[[Y]][%[[I1]]]
// CHECK-NEXT:      %[[R:.*]]:2 = scf.for %[[K:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[S0:.*]] = %[[Y0]], %[[S1:.*]] = %[[Y1]]) -> (f32, f32) {
// CHECK-NEXT:        %[[A0:.*]] = memref.load %[[A]][%[[I]], %[[K]]]
// CHECK-NEXT:        %[[X0:.*]] = memref.load %[[X]][%[[K]]]
// CHECK-NEXT:        %[[P0:.*]] = arith.mulf %[[A0]], %[[X0]] : f32
// CHECK-NEXT:        %[[N0:.*]] = arith.addf %[[S0]], %[[P0]] : f32
// CHECK-NEXT:        %[[A1:.*]] = memref.load %[[A]][%[[I1]], %[[K]]]
// CHECK-NEXT:        %[[X1:.*]] = memref.load %[[X]][%[[K]]]
// CHECK-NEXT:        %[[P1:.*]] = arith.mulf %[[A1]], %[[X1]] : f32
// CHECK-NEXT:        %[[N1:.*]] = arith.addf %[[S1]], %[[P1]] : f32
// CHECK-NEXT:        scf.yield %[[N0]], %[[N1]] : f32, f32
// CHECK-NEXT:      } {name = "red"}
// CHECK-NEXT:      memref.store %[[R]]#0, %[[Y]][%[[I]]]
// CHECK-NEXT:      memref.store %[[R]]#1, %[[Y]][%[[I1]]]
// CHECK-NEXT:    } {name = "rows"}
// CHECK-NEXT:    return

// 6 rows by 4: a main loop of 4 rows and the original loop for the rest.
// F4-LABEL: func.func @mv(
// F4:         scf.for %{{.*}} = %c0 to %[[END:.*]] step %c4 {
// F4-COUNT-3:   arith.addi
// F4-COUNT-4:   memref.load
// F4:           scf.for {{.*}} iter_args
// F4-COUNT-4:     arith.addf
// F4:           } {name = "red"}
// F4-COUNT-4:   memref.store
// F4-NEXT:    } {name = "rows"}
// F4-NEXT:    scf.for %{{.*}} = %[[END]] to %c6 step %c1 {
// F4-NEXT:      scf.for
// F4-COUNT-1:     memref.store
// F4:         } {name = "rows"}

// Only the rows loop is legal: the reduction loop's iterations all
// update y[i]; the loop over a dependence on the previous row, the loop
// with two inner loops and the loop whose inner bounds depend on it ask
// nothing. Factors above a constant trip count are left out of the
// domain (6 rows: 8; 3 rows: 4 and 8).
// KNOBS:     "name": "unroll_jam.rows.factor",
// KNOBS-NEXT: "domain": {"kind": "set", "values": [1, 2, 4]},
// KNOBS:     "name": "unroll_jam.short.factor",
// KNOBS-NEXT: "domain": {"kind": "set", "values": [1, 2]},
// KNOBS-NOT: "name": "unroll_jam

// ERR: error: invalid value for knob 'unroll_jam.short.factor': value 4 is outside the domain {1, 2}
// ERR3: error: invalid value for knob 'unroll_jam.rows.factor': value 3 is outside the domain {1, 2, 4}
// UNASKED: error: unknown knob 'unroll_jam.carried.factor': no such knob was asked in this run

// DEFAULT: scf.for %{{.*}} = %c0 to %c6 step %c1 {

func.func @mv(%a: memref<6x5xf32>, %x: memref<5xf32>, %y: memref<6xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c5 = arith.constant 5 : index
  %c6 = arith.constant 6 : index
  scf.for %i = %c0 to %c6 step %c1 {
    scf.for %k = %c0 to %c5 step %c1 {
      %av = memref.load %a[%i, %k] : memref<6x5xf32>
      %xv = memref.load %x[%k] : memref<5xf32>
      %yv = memref.load %y[%i] : memref<6xf32>
      %p = arith.mulf %av, %xv : f32
      %s = arith.addf %yv, %p : f32
      memref.store %s, %y[%i] : memref<6xf32>
    } {name = "red"}
  } {name = "rows"}
  return
}

func.func @short(%a: memref<3x5xf32>, %y: memref<3xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %c5 = arith.constant 5 : index
  scf.for %i = %c0 to %c3 step %c1 {
    scf.for %k = %c0 to %c5 step %c1 {
      %av = memref.load %a[%i, %k] : memref<3x5xf32>
      %yv = memref.load %y[%i] : memref<3xf32>
      %s = arith.addf %yv, %av : f32
      memref.store %s, %y[%i] : memref<3xf32>
    } {name = "short_red"}
  } {name = "short"}
  return
}

// y[i] reads y[i - 1]: iterations of i depend on each other.
func.func @carried(%a: memref<6x5xf32>, %y: memref<7xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c5 = arith.constant 5 : index
  %c7 = arith.constant 7 : index
  scf.for %i = %c1 to %c7 step %c1 {
    %im1 = arith.subi %i, %c1 : index
    scf.for %k = %c0 to %c5 step %c1 {
      %prev = memref.load %y[%im1] : memref<7xf32>
      memref.store %prev, %y[%i] : memref<7xf32>
    } {name = "carried_inner"}
  } {name = "carried"}
  return
}

func.func @two_inner(%y: memref<6xf32>, %v: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c6 = arith.constant 6 : index
  scf.for %i = %c0 to %c6 step %c1 {
    scf.for %k = %c0 to %c6 step %c1 {
      memref.store %v, %y[%i] : memref<6xf32>
    } {name = "two_a"}
    scf.for %k = %c0 to %c6 step %c1 {
      memref.store %v, %y[%i] : memref<6xf32>
    } {name = "two_b"}
  } {name = "two"}
  return
}

func.func @triangular(%y: memref<6x6xf32>, %v: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c6 = arith.constant 6 : index
  scf.for %i = %c0 to %c6 step %c1 {
    scf.for %k = %c0 to %i step %c1 {
      memref.store %v, %y[%i, %k] : memref<6x6xf32>
    } {name = "tri_inner"}
  } {name = "tri"}
  return
}
