// The gpu dialect subset round-trips in mlir-opt 19's custom form: launch
// with workgroup/private attributions, the id/size queries, barrier.
// RUN: edge-opt %s | FileCheck %s
// RUN: edge-opt %s | edge-opt | FileCheck %s
// RUN: edge-opt %s --mlir-print-op-generic | edge-opt | FileCheck %s

// CHECK-LABEL: func.func @launch
// CHECK: gpu.launch blocks(%[[BX:.*]], %{{.*}}, %{{.*}}) in (%{{.*}} = %arg1, %{{.*}} = %c1, %{{.*}} = %c1) threads(%[[TX:.*]], %{{.*}}, %{{.*}}) in (%[[SX:.*]] = %c64, %{{.*}} = %c1, %{{.*}} = %c1) workgroup(%[[SH:.*]] : memref<64xf32, #gpu.address_space<workgroup>>) private(%{{.*}} : memref<4xf32, #gpu.address_space<private>>) {
// CHECK-NEXT: %thread_id_x = gpu.thread_id  x
// CHECK-NEXT: %block_id_y = gpu.block_id  y
// CHECK-NEXT: %block_dim_z = gpu.block_dim  z
// CHECK-NEXT: %grid_dim_x = gpu.grid_dim  x
// CHECK-NEXT: %global_id_x = gpu.global_id  x
// CHECK-NEXT: memref.store %{{.*}}, %[[SH]][%[[TX]]] : memref<64xf32, #gpu.address_space<workgroup>>
// CHECK-NEXT: gpu.barrier
// CHECK-NEXT: gpu.terminator
// CHECK-NEXT: }
// CHECK: gpu.launch
// CHECK: } {foo}
func.func @launch(%m: memref<?xf32>, %n: index, %v: f32) {
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %n, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c64, %sy = %c1, %sz = %c1)
             workgroup(%sh : memref<64xf32, #gpu.address_space<workgroup>>)
             private(%pr : memref<4xf32, #gpu.address_space<private>>) {
    %t = gpu.thread_id x
    %b = gpu.block_id y
    %d = gpu.block_dim z
    %g = gpu.grid_dim x
    %l = gpu.global_id x
    memref.store %v, %sh[%tx] : memref<64xf32, #gpu.address_space<workgroup>>
    gpu.barrier
    gpu.terminator
  }
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %n, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c64, %sy = %c1, %sz = %c1) {
    gpu.terminator
  } {foo}
  return
}

// Integer memory spaces stay as they are.
// CHECK-LABEL: func.func @space3
// CHECK: memref.alloca() : memref<8xf32, 3>
func.func @space3() {
  %a = memref.alloca() : memref<8xf32, 3>
  return
}
