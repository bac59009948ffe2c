// Generated func/arith modules (custom syntax) read by edge-opt and printed
// back: mlir-opt must see the same IR as when it reads the input itself.
// REQUIRES: mlir-opt
// REQUIRES: shared-tools
// RUN: %gen_mlir --ops 3000 --seed 7 --custom --dialects arith,func -o %t.mlir
// RUN: %mlir_opt %t.mlir --mlir-print-op-generic -o %t.ref
// RUN: edge-opt %t.mlir --mlir-print-op-generic | %mlir_opt --mlir-print-op-generic -o %t.generic
// RUN: diff %t.ref %t.generic
// RUN: edge-opt %t.mlir | %mlir_opt --mlir-print-op-generic -o %t.custom
// RUN: diff %t.ref %t.custom
// The full generator mix (scf and cf too).
// RUN: %gen_mlir --ops 3000 --seed 7 --custom -o %t.all.mlir
// RUN: %mlir_opt %t.all.mlir --mlir-print-op-generic -o %t.all.ref
// RUN: edge-opt %t.all.mlir --mlir-print-op-generic | %mlir_opt --mlir-print-op-generic -o %t.all.generic
// RUN: diff %t.all.ref %t.all.generic
// With locations on every op, printed back with --mlir-print-debuginfo.
// RUN: %gen_mlir --ops 2000 --seed 11 --custom --locs -o %t.loc.mlir
// RUN: %mlir_opt %t.loc.mlir --mlir-print-op-generic --mlir-print-debuginfo -o %t.loc.ref
// RUN: edge-opt %t.loc.mlir --mlir-print-op-generic --mlir-print-debuginfo | %mlir_opt --mlir-print-op-generic --mlir-print-debuginfo -o %t.loc.ours
// RUN: diff %t.loc.ref %t.loc.ours
