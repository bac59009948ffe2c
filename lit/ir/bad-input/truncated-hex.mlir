// A module cut inside the hex string of a dense literal.
// RUN: not edge-opt --allow-unregistered-dialect %s 2>&1 | FileCheck %s
// CHECK: truncated-hex.mlir:[[#@LINE+1]]:{{[0-9]+}}: error: expected '"' in string literal
"my.op"() {v = dense<"0x0000803F000000