// -canonicalize folds arith ops on f8E4M3FNUZ, f8E5M2FNUZ, f8E4M3B11FNUZ
// and f8E4M3 (with f8E4M3FN and f8E5M2 in the mix) exactly as mlir-opt 19
// does: thousands of random cases (every op, cmpf predicate, extf/truncf
// against f16/bf16/f32/f64, int casts, dense operands) from a seeded
// generator; both tools must print the same module.
// REQUIRES: mlir-opt
// RUN: %python %S/Inputs/gen_float_fold.py --types f8E4M3FNUZ,f8E5M2FNUZ,f8E4M3B11FNUZ,f8E4M3,f8E4M3FN,f8E5M2 --cases 4000 --dense 200 --seed 19 -o %t.in.mlir
// RUN: edge-opt %t.in.mlir -canonicalize -o %t.edge.mlir
// RUN: %mlir_opt %t.in.mlir -canonicalize -o %t.ref.mlir
// RUN: diff %t.edge.mlir %t.ref.mlir
// Every bit pattern of each new type, printed back (hex and decimal).
// RUN: %python -c "exec(\"for t in ['f8E4M3FNUZ','f8E5M2FNUZ','f8E4M3B11FNUZ','f8E4M3']:\n for i in range(256): print('func.func @%%s_%%d() -> %%s { %%%%c = arith.constant 0x%%02X : %%s return %%%%c : %%s }' %% (t, i, t, i, t, t))\")" > %t.all.mlir
// RUN: edge-opt %t.all.mlir -o %t.all.edge.mlir
// RUN: %mlir_opt %t.all.mlir -o %t.all.ref.mlir
// RUN: diff %t.all.edge.mlir %t.all.ref.mlir
