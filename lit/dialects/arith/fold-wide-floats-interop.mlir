// -canonicalize folds arith ops on f80 and f128 (scalars, splats and
// dense constants: binary ops incl. f128 remf, negf, cmpf, extf/truncf
// to and from every other float type, sitofp/uitofp/fptosi/fptoui) as
// mlir-opt 19 does: random cases from a seeded generator; both tools must
// print the same module.
// REQUIRES: mlir-opt
// RUN: %python %S/Inputs/gen_float_fold.py --types f80,f128 --wider f128 --cases 1500 --dense 100 --seed 80 -o %t.w.mlir
// RUN: edge-opt %t.w.mlir -canonicalize -o %t.w.edge.mlir
// RUN: %mlir_opt %t.w.mlir -canonicalize -o %t.w.ref.mlir
// RUN: diff %t.w.edge.mlir %t.w.ref.mlir
// Narrow types extended to f80/f128 and truncated back.
// RUN: %python %S/Inputs/gen_float_fold.py --types f16,bf16,f32,f64,tf32,f8E5M2,f8E4M3FN,f8E4M3FNUZ,f8E5M2FNUZ,f8E4M3B11FNUZ,f8E4M3 --wider f80,f128 --cases 2500 --seed 81 -o %t.n.mlir
// RUN: edge-opt %t.n.mlir -canonicalize -o %t.n.edge.mlir
// RUN: %mlir_opt %t.n.mlir -canonicalize -o %t.n.ref.mlir
// RUN: diff %t.n.edge.mlir %t.n.ref.mlir
