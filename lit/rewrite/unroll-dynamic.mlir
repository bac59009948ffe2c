// Unrolling loops whose trip count is only known at run time: the bounds
// of the main loop come from arith ops, an epilogue loop runs the rest.
// RUN: edge-opt %s --allow-unregistered-dialect -unroll --knob 'unroll.*.factor=4' | FileCheck %s
// RUN: edge-opt %s --allow-unregistered-dialect -unroll --knob 'unroll.*.factor=4' | edge-opt --allow-unregistered-dialect --verify-each | FileCheck %s --check-prefix=VALID

// CHECK-LABEL: func.func @dyn(
// CHECK-SAME:      %[[LB:[^:]*]]: index, %[[UB:[^:]*]]: index, %[[ST:[^:]*]]: index, %[[X:[^:]*]]: index)
// CHECK:         %[[Z:.*]] = arith.constant 0 : index
// CHECK:         %[[F:.*]] = arith.constant 4 : index
// CHECK:         %[[LT:.*]] = arith.cmpi slt, %[[LB]], %[[UB]] : index
// CHECK:         %[[D:.*]] = arith.subi %[[UB]], %[[LB]] : index
// CHECK:         %[[TC0:.*]] = arith.ceildivui %[[D]], %[[ST]] : index
// CHECK:         %[[TC:.*]] = arith.select %[[LT]], %[[TC0]], %[[Z]] : index
// CHECK:         %[[REM:.*]] = arith.remui %[[TC]], %[[F]] : index
// CHECK:         %[[EVEN:.*]] = arith.subi %[[TC]], %[[REM]] : index
// CHECK:         %[[RSPAN:.*]] = arith.muli %[[REM]], %[[ST]] : index
// CHECK:         %[[MUB:.*]] = arith.subi %[[UB]], %[[RSPAN]] : index
// CHECK:         %[[SPAN:.*]] = arith.muli %[[EVEN]], %[[ST]] : index
// CHECK:         %[[NEXT:.*]] = arith.addi %[[LB]], %[[SPAN]] : index
// CHECK:         %[[EXACT:.*]] = arith.cmpi eq, %[[REM]], %[[Z]] : index
// CHECK:         %[[ELB:.*]] = arith.select %[[EXACT]], %[[UB]], %[[NEXT]] : index
// CHECK:         %[[MST:.*]] = arith.muli %[[ST]], %[[F]] : index
// CHECK:         %[[M:.*]] = scf.for %[[IV:.*]] = %[[LB]] to %[[MUB]] step %[[MST]] iter_args(%[[A:.*]] = %[[X]]) -> (index) {
// CHECK:           %[[S0:.*]] = arith.addi %[[A]], %[[IV]] : index
// CHECK:           %[[IV1:.*]] = arith.addi %[[IV]], %[[ST]] : index
// CHECK:           %[[S1:.*]] = arith.addi %[[S0]], %[[IV1]] : index
// CHECK-COUNT-4:   arith.addi
// CHECK:           scf.yield
// CHECK:         }
// CHECK:         %[[E:.*]] = scf.for %{{.*}} = %[[ELB]] to %[[UB]] step %[[ST]] iter_args(%{{.*}} = %[[M]]) -> (index) {
// CHECK:         return %[[E]] : index

// No iter_args: the loop is unrolled all the same.
// CHECK-LABEL: func.func @noargs
// CHECK:         scf.for
// CHECK-COUNT-4:   "test.use"
// CHECK:         scf.for
// CHECK-NEXT:      "test.use"
// CHECK-NEXT:    }

// VALID: func.func @dyn

func.func @dyn(%lb: index, %ub: index, %step: index, %x: index) -> index {
  %r = scf.for %i = %lb to %ub step %step iter_args(%a = %x) -> index {
    %s = arith.addi %a, %i : index
    scf.yield %s : index
  }
  return %r : index
}

func.func @noargs(%n: i64) {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  scf.for %i = %c0 to %n step %c1 : i64 {
    "test.use"(%i) : (i64) -> ()
  }
  return
}
