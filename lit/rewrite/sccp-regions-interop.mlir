// edge-opt -sccp gives exactly what mlir-opt -sccp gives through the
// region-branch hooks (scf.index_switch, scf.execute_region, scf.while),
// in both syntaxes and followed by -canonicalize.
// REQUIRES: mlir-opt
// RUN: edge-opt -sccp %S/sccp-regions.mlir -o %t.edge.mlir
// RUN: %mlir_opt -sccp %S/sccp-regions.mlir -o %t.mlir.mlir
// RUN: diff %t.edge.mlir %t.mlir.mlir
// RUN: edge-opt -sccp -canonicalize --mlir-print-op-generic %S/sccp-regions.mlir -o %t.edge2.mlir
// RUN: %mlir_opt -sccp -canonicalize --mlir-print-op-generic %S/sccp-regions.mlir -o %t.mlir2.mlir
// RUN: diff %t.edge2.mlir %t.mlir2.mlir
