// Object code for the host and for cross targets: ELF machine and the
// exported symbols.
// RUN: edge-opt %s --emit=obj --target=x86_64-unknown-linux-gnu -o %t.x86.o
// RUN: llvm-readelf -h %t.x86.o | FileCheck %s --check-prefix=X86
// RUN: llvm-nm %t.x86.o | FileCheck %s --check-prefix=SYMS
// RUN: edge-opt %s --emit=obj --target=aarch64-linux-gnu,cpu=cortex-a72 -o %t.a64.o
// RUN: llvm-readelf -h %t.a64.o | FileCheck %s --check-prefix=A64
// RUN: llvm-nm %t.a64.o | FileCheck %s --check-prefix=SYMS
// RUN: edge-opt %s --emit=obj --target=thumbv8.1m.main-none-eabi,cpu=cortex-m55,features=+mve.fp,+fp-armv8d16sp -o %t.m55.o
// RUN: llvm-readelf -h %t.m55.o | FileCheck %s --check-prefix=M55
// RUN: llvm-nm %t.m55.o | FileCheck %s --check-prefix=SYMS
// RUN: edge-opt %s --emit=asm --target=thumbv8.1m.main-none-eabi,cpu=cortex-m55,features=+mve.fp,O=3 | FileCheck %s --check-prefix=M55ASM
// RUN: edge-opt %s --emit=obj --target=riscv64-linux-gnu,features=+m,+f,+d -o %t.rv.o
// RUN: llvm-readelf -h %t.rv.o | FileCheck %s --check-prefix=RV
// RUN: llvm-nm %t.rv.o | FileCheck %s --check-prefix=SYMS
// RUN: edge-opt %s --emit=bc -o %t.bc
// RUN: llvm-dis %t.bc -o - | FileCheck %s --check-prefix=BC

// X86: Class: ELF64
// X86: Machine: Advanced Micro Devices X86-64
// A64: Machine: AArch64
// M55: Class: ELF32
// M55: Machine: ARM
// RV: Machine: RISC-V
// SYMS-DAG: R weights
// SYMS-DAG: T scale
// M55ASM: .cpu cortex-m55
// M55ASM-LABEL: scale:
// The loop is vectorized for MVE (x * 2.0 becomes x + x).
// M55ASM: {{vadd|vmul}}.f32 q
// BC: define void @scale(

memref.global constant @weights : memref<64xf32> = dense<2.0>

func.func @scale(%in: memref<64xf32>, %out: memref<64xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  %w = memref.get_global @weights : memref<64xf32>
  scf.for %i = %c0 to %c64 step %c1 {
    %a = memref.load %in[%i] : memref<64xf32>
    %b = memref.load %w[%i] : memref<64xf32>
    %p = arith.mulf %a, %b : f32
    memref.store %p, %out[%i] : memref<64xf32>
  }
  return
}
