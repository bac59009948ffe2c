// RUN: edge-opt %s -canonicalize=region-simplify=disabled | FileCheck %s --check-prefix=NOSIMP
// RUN: edge-opt %s -canonicalize | FileCheck %s --check-prefix=SIMP
// RUN: edge-opt %s -canonicalize=region-simplify=aggressive | FileCheck %s --check-prefix=SIMP
// RUN: not edge-opt %s -canonicalize=region-simplify=sometimes 2>&1 | FileCheck %s --check-prefix=BAD
// RUN: not edge-opt %s -canonicalize=max-iterations=0 2>&1 | FileCheck %s --check-prefix=ITER
// RUN: edge-opt %s '-canonicalize=max-iterations=1 max-num-rewrites=1' 2>&1 | FileCheck %s --check-prefix=WARN
// RUN: not edge-opt %s '-canonicalize=max-iterations=1 test-convergence=true' 2>&1 | FileCheck %s --check-prefix=CONV

// NOSIMP-LABEL: func.func @f
// NOSIMP:         ^bb1:
// NOSIMP-NOT:     ^bb2
// SIMP-LABEL:   func.func @f
// SIMP-NEXT:      return %arg0 : i32
// SIMP-NEXT:    }
// BAD: error: canonicalize: invalid region-simplify 'sometimes' (expected disabled, normal or aggressive)
// ITER: error: canonicalize: max-iterations must be in [1, 1000000], got 0
// The one iteration allowed changes the IR, so the driver cannot tell
// that it converged: a warning, or with test-convergence an error.
// WARN: warning: greedy pattern application did not converge after 1 iterations
// WARN: func.func @f
// CONV: error: 'builtin.module' op greedy pattern application did not converge after 1 iterations
func.func @f(%a: i32) -> i32 {
  return %a : i32
^bb1:
  %0 = arith.addi %a, %a : i32
  return %0 : i32
}
