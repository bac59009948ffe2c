// The generator's custom-form module (scf.if/scf.for and cf branches)
// parses, verifies and prints as the same IR: normalized with
// `mlir-opt --mlir-print-op-generic`, our output equals the input.
// REQUIRES: mlir-opt
// REQUIRES: shared-tools
// RUN: %gen_mlir --ops 3000 --seed 7 --custom -o %t.in.mlir
// RUN: %mlir_opt --mlir-print-op-generic %t.in.mlir -o %t.ref
// RUN: edge-opt %t.in.mlir -o %t.eo
// RUN: %mlir_opt --mlir-print-op-generic %t.eo -o %t.out
// RUN: diff %t.ref %t.out
// RUN: edge-opt %t.eo | diff %t.eo -
// RUN: edge-opt --mlir-print-op-generic %t.in.mlir | %mlir_opt --mlir-print-op-generic -o %t.gen
// RUN: diff %t.ref %t.gen
