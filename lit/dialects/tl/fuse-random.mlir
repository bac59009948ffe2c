// Random fuse and loop knobs on a real model through the explorer's
// default pipeline: kws_dscnn_f32 with a seeded random assignment of its
// tl-fuse edges, then of what they make the run ask (tl-fuse-tile, the
// tile size of a fused loop; tl-fuse-ew), then of tl-to-loops' tile,
// interchange and vectorize knobs, then of the inner tiles (tile2), all
// values in the domains the run asks (fuse-random.py). Compiled and run,
// it must give the graph interpreter's outputs (vectorized reductions
// reassociate f32 sums, hence the tolerance).
// REQUIRES: shared-tools
// RUN: edge-run --interpret %shared/models/mlperf-tiny/kws_dscnn_f32.onnx --input=%shared/models/ref/kws_dscnn_f32/input_0.npy --output=%t.ref.npy
// RUN: %python %S/fuse-random.py edge-opt %shared/models/mlperf-tiny/kws_dscnn_f32.onnx 'builtin.module(graph-optimize,func.func(graph-layout,graph-to-tl),tl-bufferize,func.func(tl-fuse,tl-to-loops))' 1 %t.knobs | FileCheck %s --check-prefix=KNOBS
// RUN: edge-opt --import-onnx %shared/models/mlperf-tiny/kws_dscnn_f32.onnx --pass-pipeline='builtin.module(graph-optimize,func.func(graph-layout,graph-to-tl),tl-bufferize,func.func(tl-fuse,tl-to-loops))' --knobs %t.knobs -o %t.mlir
// RUN: edge-run --compile %t.mlir --input=%shared/models/ref/kws_dscnn_f32/input_0.npy --check=%t.ref.npy --atol=1e-5 --rtol=1e-4 | FileCheck %s

// Every kind of knob is off its default somewhere.
// KNOBS: interchange: {{[1-9][0-9]*}} tile: {{[1-9][0-9]*}} tile2: {{[1-9][0-9]*}} tl-fuse: {{[1-9][0-9]*}} tl-fuse-tile: {{[1-9][0-9]*}} vectorize: {{[1-9][0-9]*}}
// CHECK: result 0: ok (12 elements
