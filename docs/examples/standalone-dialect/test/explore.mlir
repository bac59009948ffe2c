// Exploring the lowering's knob with edge-explore (plugins loaded as in
// edge-opt): ../mix.mlir has two muls, so two rounding knobs and four
// candidates, each lowered to loops and costed on the Cortex-M55 model.
// RUN: rm -rf %t && %explore %S/../mix.mlir --pipeline='builtin.module(func.func(standalone-lower),canonicalize)' --target cortex-m55 --space | FileCheck %s --check-prefix=SPACE
// SPACE: space: 2 dimensions, 4 candidates
// SPACE: 2  nearest  standalone-lower.gain_a.rounding
// SPACE: 2  nearest  standalone-lower.gain_b.rounding
// RUN: %explore %S/../mix.mlir --pipeline='builtin.module(func.func(standalone-lower),canonicalize)' --target cortex-m55 --algorithm exhaustive --out %t --quiet | FileCheck %s --check-prefix=FRONT
// FRONT: Pareto front: {{[1-4]}} point{{s?}} of 4 candidates
// Every candidate compiled and was costed.
// RUN: FileCheck %s --check-prefix=ALL < %t/all.csv
// ALL: index,status
// ALL-COUNT-4: {{^[0-3]}},ok,,1,{{[01]}},{{[0-9.e+-]+}},{{[0-9.e+-]+}},
// ALL-NOT: failed
// The front's first point replays with edge-opt --knobs.
// RUN: FileCheck %s --check-prefix=POINT < %t/points/point_1.json
// POINT: "standalone-lower.gain_a.rounding": "{{nearest|truncate}}",
// POINT: "standalone-lower.gain_b.rounding": "{{nearest|truncate}}"
// RUN: %opt %S/../mix.mlir --pass-pipeline='builtin.module(func.func(standalone-lower),canonicalize)' --knobs %t/points/point_1.json --target cortex-m55 --evaluate | FileCheck %s --check-prefix=REPLAY
// REPLAY: "target": "cortex-m55",
// REPLAY: "latency_s":
// A plugin that cannot be loaded stops edge-explore (exit status 1).
// RUN: (%explore %S/../mix.mlir --target cortex-m55 --space --load-dialect-plugin=%t/missing.so 2>&1; echo "exit $?") | FileCheck %s --check-prefix=MISSING
// MISSING: error: failed to load dialect plugin '{{.*}}missing.so'
// MISSING: exit 1
