// Wrong operand counts, from the parser and from the verifier.
// RUN: not edge-opt --allow-unregistered-dialect --split-input-file %s 2>&1 | FileCheck %s

func.func @f(%a: i32) {
  // CHECK: operand-counts.mlir:[[#@LINE+1]]:17: error: expected 1 operand type{{.*}}but had 2
  "my.op"(%a) : (i32, i32) -> ()
  return
}

// -----

// CHECK: operand-counts.mlir:[[#@LINE+1]]:6: error: 'arith.addi' op expected 2 operands, but found 0
%0 = "arith.addi"() : () -> i32

// -----

func.func @f(%a: i32) {
  // CHECK: operand-counts.mlir:[[#@LINE+1]]:{{2[12]}}: error: expected ','
  %0 = arith.addi %a : i32
  return
}

// -----

// CHECK: operand-counts.mlir:[[#@LINE+1]]:1: error: operation defines 2 results but was provided 1 to bind
%0 = "my.a"() : () -> (i32, i32)
