// Integers too big for their type.
// RUN: not edge-opt --allow-unregistered-dialect --split-input-file %s 2>&1 | FileCheck %s

// CHECK: huge-integers.mlir:[[#@LINE+1]]:21: error: integer constant out of range for attribute
%0 = arith.constant 99999999999999999999 : i64

// -----

// CHECK: huge-integers.mlir:[[#@LINE+1]]:16: error: integer constant out of range for attribute
"my.op"() {v = 300 : i8} : () -> ()

// -----

// CHECK: huge-integers.mlir:[[#@LINE+1]]:17: error: integer constant out of range for attribute
"my.op"() {v = -129 : i8} : () -> ()

// -----

// CHECK: huge-integers.mlir:[[#@LINE+1]]:{{[0-9]+}}: error: integer constant out of range
"my.op"() {v = array<i8: 1000>} : () -> ()

// -----

// CHECK: huge-integers.mlir:[[#@LINE+1]]:16: error: integer constant out of range for attribute
"my.op"() {v = 999999999999999999999999999999999999999999 : i128} : () -> ()
