// edge-opt --evaluate on gpu-map-loops output (docs/targets.md, "GPU
// kernels"): every gpu.launch is costed as a kernel of grid x block
// threads on the mobile GPU's shader cores, one layer per kernel.
//
// RUN: edge-opt %s --gpu-map-loops --target=mobile-gpu --evaluate \
// RUN:   | FileCheck %s
// CHECK: "target": "mobile-gpu",
// 3x50 additions plus 16x16 dot products of length 64.
// CHECK: "macs": 16384,
// Global traffic in the l1 (what the warps move, whole 64-byte lines),
// the l2 and the DRAM (the buffers once: the kernels' footprints fit the
// cache before).
// CHECK: "layers": [
// The addition: 150 threads (2 blocks of 128) in 10 active 16-wide
// warps, each moving 3 lines of 64 bytes: 1920 bytes; 3 x 600 from DRAM.
// Per kernel, its occupancy: blocks of 128 threads, the registers per
// thread estimated from the body (values live at once), 8 resident blocks
// per core (1024 threads: occupancy 1), limited by the threads.
// CHECK-NEXT: {"name": "add", "unit": "shader", "latency_s": {{[0-9.e-]+}}, "energy_j": {{[0-9.e-]+}}, "macs": 0, "ops": {{[0-9]+}}, "bytes": {"l1": 1920, "l2": 1800, "dram": 1800}, "gpu": {"block": 128, "registers": {{[0-9]+}}, "shared_bytes": 0, "blocks_per_core": 8, "occupancy": 1, "limit": "threads"}}
// The matmul: 256 threads, 64 MACs each.
// CHECK-NEXT: {"name": "mm", "unit": "shader", "latency_s": {{[0-9.e-]+}}, "energy_j": {{[0-9.e-]+}}, "macs": 16384, "ops": {{[0-9]+}}, "bytes": {"l1": {{[0-9]+}}, "l2": {{[0-9]+}}, "dram": 9216}, "gpu": {"block": 128, "registers": {{[0-9]+}}, "shared_bytes": 0, "blocks_per_core": 8, "occupancy": 1, "limit": "threads"}}
// CHECK-NEXT: ]
//
// The block size changes the matmul's latency: 256 threads in blocks of
// 32 spread over 8 of the 10 cores; one block of 256 runs on one core.
// RUN: edge-opt %s --gpu-map-loops --knob='gpu.block.*=32' \
// RUN:   --target=mobile-gpu --evaluate > %t.32.json
// RUN: edge-opt %s --gpu-map-loops --knob='gpu.block.*=256' \
// RUN:   --target=mobile-gpu --evaluate > %t.256.json
// RUN: %python %S/Inputs/gpu-cost-compare.py %t.32.json %t.256.json mm \
// RUN:   | FileCheck %s --check-prefix=BLOCK
// BLOCK: mm: faster with the first (ratio {{[0-9.]+}})
//
// A target without a gpu unit cannot run the kernels.
// RUN: not edge-opt %s --gpu-map-loops --target=cortex-m55 --evaluate \
// RUN:   2>&1 | FileCheck %s --check-prefix=NOGPU
// NOGPU: error: 'gpu.launch' op cost model: unsupported: 'gpu.launch' on target 'cortex-m55', which has no gpu compute unit

func.func @add(%a: memref<3x50xf32>, %b: memref<3x50xf32>,
               %c: memref<3x50xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %c50 = arith.constant 50 : index
  scf.for %i = %c0 to %c3 step %c1 {
    scf.for %j = %c0 to %c50 step %c1 {
      %x = memref.load %a[%i, %j] : memref<3x50xf32>
      %y = memref.load %b[%i, %j] : memref<3x50xf32>
      %s = arith.addf %x, %y {name = "add"} : f32
      memref.store %s, %c[%i, %j] : memref<3x50xf32>
    }
  }
  return
}

func.func @mm(%a: memref<16x64xf32>, %b: memref<64x16xf32>,
              %c: memref<16x16xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %c64 = arith.constant 64 : index
  scf.for %i = %c0 to %c16 step %c1 {
    scf.for %j = %c0 to %c16 step %c1 {
      scf.for %k = %c0 to %c64 step %c1 {
        %x = memref.load %a[%i, %k] : memref<16x64xf32>
        %y = memref.load %b[%k, %j] : memref<64x16xf32>
        %z = memref.load %c[%i, %j] : memref<16x16xf32>
        %p = arith.mulf %x, %y {name = "mm"} : f32
        %s = arith.addf %z, %p : f32
        memref.store %s, %c[%i, %j] : memref<16x16xf32>
      }
    }
  }
  return
}
