// Hex data that does not fit its type is a diagnostic.
// RUN: not edge-opt --allow-unregistered-dialect --split-input-file %s 2>&1 | FileCheck %s

// CHECK: dense-hex-short.mlir:[[#@LINE+1]]:{{[0-9]+}}: error: elements hex data size is invalid for provided type: 'tensor<4xf32>'
"my.op"() {v = dense<"0x0000"> : tensor<4xf32>} : () -> ()

// -----

// A 2 GB type with a few bytes of data.
// CHECK: dense-hex-short.mlir:[[#@LINE+1]]:{{[0-9]+}}: error: elements hex data size is invalid for provided type: 'tensor<536870912xf32>'
"my.op"() {v = dense<"0x00000000FF"> : tensor<536870912xf32>} : () -> ()
