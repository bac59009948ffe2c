// Conditional knobs: a knob asked only because a pipeline choice ran its
// pass records that choice; with the choice off the knob is not asked.
// RUN: edge-opt %s --pass-pipeline='builtin.module(optional(unroll))' --knob pipeline.optional.0=true --list-knobs | FileCheck %s --check-prefix=ON
// RUN: edge-opt %s --pass-pipeline='builtin.module(optional(unroll))' --knob pipeline.optional.0=false --list-knobs | FileCheck %s --check-prefix=OFF

// ON:      "name": "pipeline.optional.0",
// ON:        "depends_on": []
// ON:      "name": "unroll.L.factor",
// ON:        "depends_on": [{"name": "pipeline.optional.0", "value": true}]

// OFF:     "name": "pipeline.optional.0",
// OFF-NOT: unroll.L.factor

func.func @f(%x: index) -> index {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %c4 step %c1 iter_args(%a = %x) -> index {
    %s = arith.addi %a, %i : index
    scf.yield %s : index
  } {name = "L"}
  return %r : index
}
