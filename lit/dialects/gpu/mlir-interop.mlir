// edge-opt prints the gpu ops exactly as mlir-opt 19 does (custom and
// generic forms).
// REQUIRES: mlir-opt
// RUN: edge-opt %S/ops.mlir > %t.eo
// RUN: %mlir_opt %S/ops.mlir > %t.ref
// RUN: diff %t.eo %t.ref
// RUN: edge-opt %S/ops.mlir --mlir-print-op-generic > %t.eog
// RUN: %mlir_opt %S/ops.mlir --mlir-print-op-generic > %t.refg
// RUN: diff %t.eog %t.refg
// RUN: %mlir_opt %t.eo | edge-opt | diff - %t.eo
// RUN: edge-opt %S/Inputs/kernels.mlir -tl-to-loops -gpu-map-loops | %mlir_opt > /dev/null
