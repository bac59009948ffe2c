// Duplicate definitions of values, blocks and symbols.
// RUN: not edge-opt --allow-unregistered-dialect --split-input-file %s 2>&1 | FileCheck %s

// CHECK: duplicates.mlir:[[#@LINE+3]]:1: error: redefinition of SSA value '%0'
// CHECK: duplicates.mlir:[[#@LINE+1]]:1: note: previously defined here
%0 = "my.a"() : () -> i32
%0 = "my.b"() : () -> i32

// -----

func.func @f() {
  cf.br ^bb1
^bb1:
  return
// CHECK: duplicates.mlir:[[#@LINE+1]]:1: error: redefinition of block '^bb1'
^bb1:
  return
}

// -----

func.func @g() {
  return
}
// CHECK: duplicates.mlir:[[#@LINE+1]]:1: error: redefinition of symbol named 'g'
func.func @g() {
  return
}
