// A module cut inside a string literal.
// RUN: not edge-opt --allow-unregistered-dialect %s 2>&1 | FileCheck %s
// CHECK: truncated-string.mlir:[[#@LINE+2]]:{{[0-9]+}}: error: expected '"' in string literal
// CHECK-NOT: error
"my.op"() {s = "abc