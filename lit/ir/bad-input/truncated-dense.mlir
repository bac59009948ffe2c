// A module cut inside a dense literal.
// RUN: not edge-opt --allow-unregistered-dialect %s 2>&1 | FileCheck %s
// CHECK: truncated-dense.mlir:[[#@LINE+2]]:{{[0-9]+}}: error: expected ']'
// CHECK-NOT: error
"my.op"() {v = dense<[[1, 2], [3