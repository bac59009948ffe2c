// The loops tl-to-loops prints are MLIR 19: mlir-opt verifies them and
// prints them back unchanged (the lowering of every op of
// tl-to-loops.mlir).
// REQUIRES: mlir-opt
// RUN: edge-opt %S/tl-to-loops.mlir -tl-to-loops > %t.eo.mlir
// RUN: %mlir_opt --verify-each %t.eo.mlir > %t.mlir.mlir
// RUN: diff %t.eo.mlir %t.mlir.mlir
// RUN: FileCheck %s < %t.mlir.mlir
// CHECK-LABEL: func.func @matmul(
// CHECK-COUNT-3: scf.for
// CHECK-LABEL: func.func @conv2d(
// CHECK-COUNT-7: scf.for
