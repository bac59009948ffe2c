// What a kernel cannot hold is reported at the op, "cannot translate to
// NVPTX".
// RUN: not edge-opt %s -split-input-file --emit=ptx 2>&1 | FileCheck %s

// CHECK: ptx-invalid.mlir:10:10: error: 'memref.alloc' op cannot translate to NVPTX: 'memref.alloc' in a kernel (allocate outside the launch or use a workgroup/private attribution)
func.func @alloc() {
  %c1 = arith.constant 1 : index
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c1, %sy = %c1, %sz = %c1) {
    %m = memref.alloc() : memref<4xf32>
    gpu.terminator
  }
  return
}

// -----

// CHECK: ptx-invalid.mlir:24:10: error: 'math.exp' op cannot translate to NVPTX: only scalar f32 is supported for this op in a kernel
func.func @exp64(%x: f64, %m: memref<1xf64>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c1, %sy = %c1, %sz = %c1) {
    %e = math.exp %x : f64
    memref.store %e, %m[%c0] : memref<1xf64>
    gpu.terminator
  }
  return
}
