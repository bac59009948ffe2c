// A module cut inside the blob of a dialect_resources section.
// RUN: not edge-opt --allow-unregistered-dialect %s 2>&1 | FileCheck %s
// CHECK: truncated-resource.mlir:[[#@LINE+5]]:{{[0-9]+}}: error: expected '"' in string literal
"my.op"() {v = dense_resource<blob> : tensor<2xf32>} : () -> ()
{-#
  dialect_resources: {
    builtin: {
      blob: "0x040000000000803F00