// scf IR that mlir-opt 19 accepts or crashes on, which edge-opt rejects
// with a diagnostic (messages of our own).
// RUN: edge-opt %s --split-input-file --verify-diagnostics

func.func @for_without_iv(%lb: index) {
  // expected-error@+1 {{'scf.for' op expects the body to take the induction variable as its first argument}}
  "scf.for"(%lb, %lb, %lb) ({
  ^bb0:
    scf.yield
  }) : (index, index, index) -> ()
  return
}

// -----

func.func @parallel_bound_counts(%lb: index) {
  // expected-error@+1 {{'scf.parallel' op expects the same number of lower bounds (1), upper bounds (2) and steps (1)}}
  "scf.parallel"(%lb, %lb, %lb, %lb) <{operandSegmentSizes = array<i32: 1, 2, 1, 0>}> ({
  ^bb0(%k: index):
    scf.reduce
  }) : (index, index, index, index) -> ()
  return
}

// -----

func.func @reduce_region_count(%lb: index, %x: f32) {
  %r = scf.parallel (%k) = (%lb) to (%lb) step (%lb) init (%x) -> f32 {
    // expected-error@+1 {{'scf.reduce' op expects one reduction region per operand, but has 1 operands and 0 regions}}
    "scf.reduce"(%x) : (f32) -> ()
  }
  return
}
