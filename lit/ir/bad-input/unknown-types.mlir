// Unknown or malformed types: one diagnostic each, with file:line:col.
// RUN: not edge-opt --allow-unregistered-dialect --split-input-file %s 2>&1 | FileCheck %s

// CHECK: unknown-types.mlir:[[#@LINE+1]]:{{1[89]}}: error: expected non-function type
"my.op"() : () -> footype

// -----

// CHECK: unknown-types.mlir:[[#@LINE+1]]:30: error: expected non-function type
"my.op"() : () -> tensor<4x?xfoo>

// -----

// CHECK: unknown-types.mlir:[[#@LINE+1]]:{{[0-9]+}}: error: undefined symbol alias id 'nope'
"my.op"() : () -> !nope

// -----

// CHECK: unknown-types.mlir:[[#@LINE+1]]:19: error: integer bitwidth is limited to 16777215 bits
"my.op"() : () -> i99999999

// -----

// CHECK: unknown-types.mlir:[[#@LINE+1]]:26: error: invalid dimension
"my.op"() : () -> tensor<99999999999999999999xf32>
