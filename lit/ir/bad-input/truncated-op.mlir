// A module cut in the middle of an op: a diagnostic at the end, exit 1.
// RUN: not edge-opt %s 2>&1 | FileCheck %s
// CHECK: truncated-op.mlir:[[#@LINE+3]]:{{[0-9]+}}: error: expected SSA operand
// CHECK-NOT: error
func.func @f(%a: i32) -> i32 {
  %0 = arith.addi %a, 