// Uses of values and blocks that are never defined.
// RUN: not edge-opt --allow-unregistered-dialect --split-input-file %s 2>&1 | FileCheck %s

func.func @f() -> i32 {
  // CHECK: undefined-values.mlir:[[#@LINE+1]]:10: error: use of undeclared SSA value name
  return %nope : i32
}

// -----

func.func @f() {
  // CHECK: undefined-values.mlir:[[#@LINE+1]]:9: error: reference to an undefined block
  cf.br ^bb5
}
