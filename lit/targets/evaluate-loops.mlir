// edge-opt --evaluate on loops: a 16x16x16 f32 matmul on the Cortex-M4
// (scalar: one MAC per cycle, the accumulator kept in a register).
//
// RUN: edge-opt %s --target=cortex-m4 --evaluate | FileCheck %s
// CHECK: "target": "cortex-m4",
// CHECK: "peak_memory_bytes": 1024,
// CHECK-NEXT: "weight_bytes": 1024,
// CHECK-NEXT: "macs": 4096,
// CHECK-NEXT: "ops": 0,
// Activations (A, C, the scratch buffer) in SRAM, B (a constant global)
// in flash: A and B read per MAC, C read and written per (i, j); the
// transpose reads and writes 256 elements.
// CHECK-NEXT: "bytes": {"sram": 20480, "flash": 16384},
// CHECK-NEXT: "layers": [
// CHECK-NEXT: {"name": "mm", "unit": "m4", "latency_s":
// CHECK-SAME: "macs": 4096, "ops": 0, "bytes": {"sram": 18432, "flash": 16384}}
// CHECK-NEXT: {"name": "evaluate-loops.mlir:{{[0-9]+}}:3", "unit": "m4"
// CHECK-SAME: "macs": 0, "ops": 0, "bytes": {"sram": 2048, "flash": 0}}
// CHECK-NEXT: ]

memref.global "private" constant @b : memref<16x16xf32> = dense<1.0>

func.func @mm(%a: memref<16x16xf32>, %c: memref<16x16xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %b = memref.get_global @b : memref<16x16xf32>
  scf.for %i = %c0 to %c16 step %c1 {
    scf.for %j = %c0 to %c16 step %c1 {
      scf.for %k = %c0 to %c16 step %c1 {
        %x = memref.load %a[%i, %k] : memref<16x16xf32>
        %y = memref.load %b[%k, %j] : memref<16x16xf32>
        %z = memref.load %c[%i, %j] : memref<16x16xf32>
        %p = arith.mulf %x, %y {name = "mm"} : f32
        %s = arith.addf %z, %p : f32
        memref.store %s, %c[%i, %j] : memref<16x16xf32>
      }
    }
  }
  %t = memref.alloc() : memref<16x16xf32>
  scf.for %i = %c0 to %c16 step %c1 {
    scf.for %j = %c0 to %c16 step %c1 {
      %v = memref.load %c[%i, %j] : memref<16x16xf32>
      memref.store %v, %t[%j, %i] : memref<16x16xf32>
    }
  }
  memref.dealloc %t : memref<16x16xf32>
  return
}
