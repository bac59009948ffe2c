// gpu-map-loops: the outermost band of parallel loops that tl-to-loops
// emits becomes one gpu.launch over the collapsed space, with the block
// size of knob gpu.block.<site> and a bounds check; reduction loops stay
// inside the kernel.
// RUN: edge-opt %S/Inputs/kernels.mlir -tl-to-loops -gpu-map-loops | FileCheck %s
// RUN: edge-opt %S/Inputs/kernels.mlir -tl-to-loops -gpu-map-loops --knob='gpu.block.*=32' | FileCheck %s --check-prefix=B32
// RUN: edge-opt %S/Inputs/kernels.mlir -tl-to-loops -gpu-map-loops --list-knobs | FileCheck %s --check-prefix=KNOBS
// RUN: not edge-opt %S/Inputs/kernels.mlir -tl-to-loops -gpu-map-loops --knob='gpu.block.*=48' 2>&1 | FileCheck %s --check-prefix=BAD
// The result parses again.
// RUN: edge-opt %S/Inputs/kernels.mlir -tl-to-loops -gpu-map-loops | edge-opt | FileCheck %s

// 3x50 = 150 iterations: 2 blocks of 128, ids past 150 do nothing.
// CHECK-LABEL: func.func @add
// CHECK-DAG: %[[C50:.*]] = arith.constant 50 : index
// CHECK-DAG: %[[C150:.*]] = arith.constant 150 : index
// CHECK-DAG: %[[C2:.*]] = arith.constant 2 : index
// CHECK-DAG: %[[C128:.*]] = arith.constant 128 : index
// CHECK: gpu.launch blocks(%[[BX:.*]], %{{.*}}, %{{.*}}) in (%{{.*}} = %[[C2]], %{{.*}}) threads(%[[TX:.*]], %{{.*}}, %{{.*}}) in (%[[BS:.*]] = %[[C128]], %{{.*}}) {
// CHECK-NEXT: %[[M:.*]] = arith.muli %[[BX]], %[[BS]] : index
// CHECK-NEXT: %[[G:.*]] = arith.addi %[[M]], %[[TX]] : index
// CHECK-NEXT: %[[IN:.*]] = arith.cmpi ult, %[[G]], %[[C150]] : index
// CHECK-NEXT: scf.if %[[IN]] {
// CHECK-NEXT: %[[J:.*]] = arith.remui %[[G]], %[[C50]] : index
// CHECK-NEXT: %[[I:.*]] = arith.divui %[[G]], %[[C50]] : index
// CHECK-NEXT: memref.load %arg0[%[[I]], %[[J]]]
// CHECK-NEXT: memref.load %arg1[%[[I]], %[[J]]]
// CHECK-NEXT: arith.addf
// CHECK-NEXT: memref.store %{{.*}}, %arg2[%[[I]], %[[J]]]
// CHECK-NEXT: }
// CHECK-NEXT: gpu.terminator
// CHECK-NOT: scf.for
// CHECK: return

// The matmul's reduction loop is not parallel: it stays in the kernel.
// CHECK-LABEL: func.func @matmul
// CHECK: gpu.launch
// CHECK: scf.if
// CHECK: scf.for
// CHECK: memref.store
// CHECK: gpu.terminator

// B32: func.func @add
// B32: %[[C5:.*]] = arith.constant 5 : index
// B32: %[[C32:.*]] = arith.constant 32 : index
// B32: gpu.launch blocks({{.*}}) in (%{{.*}} = %[[C5]], {{.*}}) threads({{.*}}) in (%{{.*}} = %[[C32]],

// KNOBS: "name": "gpu.block.kernels.mlir:4:3"
// KNOBS: "asker": "gpu-map-loops"

// BAD: value 48 is outside the domain {32, 64, 128, 256}
