// RUN: edge-opt %s -plan-memory="report annotate" --allow-unregistered-dialect 2>%t.keep | FileCheck %s
// RUN: FileCheck %s --check-prefix=REPORT --input-file=%t.keep
// RUN: edge-opt %s -plan-memory="order=search annotate" --allow-unregistered-dialect | FileCheck %s --check-prefix=SEARCH
// RUN: edge-opt %s --report-memory --allow-unregistered-dialect -o %t.mlir 2>&1 | FileCheck %s --check-prefix=REPORT
// --report-memory appends the pass after the others:
// RUN: edge-opt %s --pass-pipeline='builtin.module(func.func(cse))' --report-memory --allow-unregistered-dialect --dump-pass-pipeline -o %t.mlir 2>&1 | FileCheck %s --check-prefixes=PIPE,REPORT
// PIPE: builtin.module(func.func(cse),plan-memory{order=keep report=true
// RUN: edge-opt %s -plan-memory="report inplace=false alignment=64" --allow-unregistered-dialect -o %t.mlir 2>&1 | FileCheck %s --check-prefix=NOINPLACE

// A chain: two 256-byte buffers live at once, the third reuses the first.
// The result of the last op is I/O, not arena.
// CHECK-LABEL: func.func @chain
// CHECK-SAME:    attributes {memplan.peak = 512 : i64}
// CHECK-NEXT:    graph.relu %arg0 {memplan.offset = 0 : i64}
// CHECK-NEXT:    graph.sigmoid %{{.*}} {memplan.offset = 256 : i64}
// CHECK-NEXT:    graph.tanh %{{.*}} {memplan.offset = 0 : i64}
// CHECK-NEXT:    graph.neg %{{.*}} : (tensor<1x64xf32>) -> tensor<1x64xf32>
// REPORT: plan-memory @chain: peak=512 buffers=3 naive=768 lower-bound=512 weights=0 io=512 order=keep
func.func @chain(%arg0: tensor<1x64xf32>) -> tensor<1x64xf32> {
  %0 = graph.relu %arg0 : (tensor<1x64xf32>) -> tensor<1x64xf32>
  %1 = graph.sigmoid %0 : (tensor<1x64xf32>) -> tensor<1x64xf32>
  %2 = graph.tanh %1 : (tensor<1x64xf32>) -> tensor<1x64xf32>
  %3 = graph.neg %2 : (tensor<1x64xf32>) -> tensor<1x64xf32>
  return %3 : tensor<1x64xf32>
}

// Two branches that each shrink a 1 KiB tensor: in the given order both
// big tensors are live at once; the searched order finishes one branch
// first and halves the peak. Constants are weights, not arena.
// CHECK-LABEL: func.func @branches
// CHECK-SAME:    attributes {memplan.peak = 2064 : i64}
// REPORT: plan-memory @branches: peak=2064 buffers=4 naive=2080 lower-bound=2064 weights=4096 io=1040 order=keep
// SEARCH-LABEL: func.func @branches
// SEARCH-SAME:    attributes {memplan.peak = 1056 : i64}
// SEARCH-NEXT:    graph.constant
// SEARCH-NEXT:    %[[A:.*]] = graph.relu %arg0 {memplan.offset = 0 : i64}
// SEARCH-NEXT:    %[[A2:.*]] = graph.matmul %[[A]], %{{.*}} {memplan.offset = 1024 : i64}
// SEARCH-NEXT:    %[[B:.*]] = graph.sigmoid %arg0 {memplan.offset = 0 : i64}
// SEARCH-NEXT:    %[[B2:.*]] = graph.matmul %[[B]], %{{.*}} {memplan.offset = 1040 : i64}
// SEARCH-NEXT:    graph.add %[[A2]], %[[B2]] :
// SEARCH-NEXT:    return
func.func @branches(%arg0: tensor<1x256xf32>) -> tensor<1x4xf32> {
  %w = graph.constant dense<1.0> : tensor<256x4xf32>
  %a = graph.relu %arg0 : (tensor<1x256xf32>) -> tensor<1x256xf32>
  %b = graph.sigmoid %arg0 : (tensor<1x256xf32>) -> tensor<1x256xf32>
  %a2 = graph.matmul %a, %w : (tensor<1x256xf32>, tensor<256x4xf32>) -> tensor<1x4xf32>
  %b2 = graph.matmul %b, %w : (tensor<1x256xf32>, tensor<256x4xf32>) -> tensor<1x4xf32>
  %r = graph.add %a2, %b2 : (tensor<1x4xf32>, tensor<1x4xf32>) -> tensor<1x4xf32>
  return %r : tensor<1x4xf32>
}

// Elementwise ops (EO_ELEMENTWISE) write over their dying operand of the
// same shape: one 256-byte slot for the three buffers.
// CHECK-LABEL: func.func @inplace
// CHECK-SAME:    attributes {memplan.peak = 256 : i64}
// CHECK-NEXT:    math.exp %arg0 {memplan.offset = 0 : i64}
// CHECK-NEXT:    arith.addf %{{.*}} {memplan.offset = 0 : i64}
// CHECK-NEXT:    math.tanh %{{.*}} {memplan.offset = 0 : i64}
// REPORT: plan-memory @inplace: peak=256 buffers=3 naive=768 lower-bound=256 weights=0 io=272 order=keep
// NOINPLACE: plan-memory @inplace: peak=512 buffers=3 naive=768 lower-bound=512 weights=0 io=272 order=keep
func.func @inplace(%arg0: tensor<64xf32>) -> tensor<4xf32> {
  %0 = math.exp %arg0 : tensor<64xf32>
  %1 = arith.addf %0, %0 : tensor<64xf32>
  %2 = math.tanh %1 : tensor<64xf32>
  %3 = "foo.shrink"(%2) : (tensor<64xf32>) -> tensor<4xf32>
  return %3 : tensor<4xf32>
}

// Alignment rounds offsets up; ops with several results get an array
// (-1: not in the arena); results used inside a region die with the op
// holding the region; quantized tensors count their storage bytes; ops
// with side effects keep their order under search.
// CHECK-LABEL: func.func @misc
// CHECK-SAME:    attributes {memplan.peak = 20 : i64}
// CHECK-NEXT:    "foo.two"() {memplan.offset = [0, -1]}
// CHECK-NEXT:    "foo.region"
// CHECK-NEXT:      "foo.inner"() {memplan.offset = 16 : i64}
// REPORT: plan-memory @misc: peak=20 buffers=2 naive=16 lower-bound=16 weights=0 io=10 order=keep
// NOINPLACE: plan-memory @misc: peak=68 buffers=2 naive=16 lower-bound=16 weights=0 io=10 order=keep
// SEARCH-LABEL: func.func @misc
// SEARCH-NEXT:    "foo.two"
// SEARCH-NEXT:    "foo.region"
func.func @misc() -> (tensor<10xi8>) {
  %0:2 = "foo.two"() : () -> (tensor<3xi32>, tensor<10xi8>)
  "foo.region"(%0#0) ({
    %1 = "foo.inner"() : () -> tensor<4x!quant.uniform<i8:f32, 0.5:3>>
    "foo.use"(%1) : (tensor<4x!quant.uniform<i8:f32, 0.5:3>>) -> ()
  }) : (tensor<3xi32>) -> ()
  return %0#1 : tensor<10xi8>
}
