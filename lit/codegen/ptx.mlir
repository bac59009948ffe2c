// --emit=ptx: every gpu.launch becomes an NVPTX kernel (.entry) with the
// nvvm special registers, bar.sync for gpu.barrier, global loads from the
// memref arguments and shared memory for workgroup attributions; ptxas
// assembles it where the CUDA toolkit is installed.
// RUN: edge-opt %S/../dialects/gpu/Inputs/kernels.mlir -tl-to-loops -gpu-map-loops --emit=ptx > %t.ptx
// RUN: FileCheck %s < %t.ptx
// RUN: edge-opt %s --emit=ptx | FileCheck %s --check-prefix=SHARED
// RUN: edge-opt %S/../dialects/gpu/Inputs/kernels.mlir -tl-to-loops -gpu-map-loops --emit=llvm --target=nvptx64-nvidia-cuda | FileCheck %s --check-prefix=LLVM
// RUN: edge-opt %S/../dialects/gpu/Inputs/kernels.mlir -tl-to-loops -gpu-map-loops --emit=ptx --target=nvptx64-nvidia-cuda,cpu=sm_90 | FileCheck %s --check-prefix=SM90
// RUN: not edge-opt %S/../dialects/gpu/Inputs/kernels.mlir -tl-to-loops --emit=ptx 2>&1 | FileCheck %s --check-prefix=NOLAUNCH

// CHECK: .target sm_80
// CHECK: .address_size 64
// CHECK: .visible .entry add_kernel0(
// CHECK: mov.u32 {{.*}}%ctaid.x
// CHECK: mov.u32 {{.*}}%tid.x
// CHECK: ld.global.f32
// CHECK: add.rn.f32
// CHECK: st.global.f32
// CHECK: .visible .entry matmul_kernel1(
// CHECK: mul.rn.f32
// CHECK: .visible .entry exp_kernel2(
// CHECK: ex2.approx.f32

// SHARED: .visible .entry shared_kernel0(
// SHARED: .shared .align 16 .b8 __eo_shared_0_0[256]
// SHARED: st.shared.f32
// SHARED: bar.sync 0
// SHARED: ld.shared.f32
// SHARED: st.global.f32

// LLVM: target triple = "nvptx64-nvidia-cuda"
// LLVM: call {{.*}} @llvm.nvvm.read.ptx.sreg.ctaid.x()
// LLVM: !nvvm.annotations = !{![[K0:[0-9]+]], ![[K1:[0-9]+]], ![[K2:[0-9]+]]}
// LLVM: ![[K0]] = !{ptr @add_kernel0, !"kernel", i32 1}

// SM90: .target sm_90

// NOLAUNCH: error: 'builtin.module' op cannot translate to NVPTX: the module has no gpu.launch (run -gpu-map-loops first)

// A block reverses 64 floats through shared memory.
func.func @shared(%m: memref<64xf32>) {
  %c1 = arith.constant 1 : index
  %c63 = arith.constant 63 : index
  %c64 = arith.constant 64 : index
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c64, %sy = %c1, %sz = %c1)
             workgroup(%sh : memref<64xf32, #gpu.address_space<workgroup>>) {
    %t = gpu.thread_id x
    %v = memref.load %m[%t] : memref<64xf32>
    memref.store %v, %sh[%t] : memref<64xf32, #gpu.address_space<workgroup>>
    gpu.barrier
    %r = arith.subi %c63, %t : index
    %w = memref.load %sh[%r] : memref<64xf32, #gpu.address_space<workgroup>>
    memref.store %w, %m[%t] : memref<64xf32>
    gpu.terminator
  }
  return
}
