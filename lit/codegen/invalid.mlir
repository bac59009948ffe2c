// What the translation does not support is reported at the op.
// RUN: edge-opt %s -split-input-file -verify-diagnostics --emit=llvm
// RUN: not edge-opt %S/translate.mlir --emit=obj --target=nonsense-foo-bar -o %t.o 2>&1 | FileCheck %s --check-prefix=TRIPLE
// RUN: not edge-opt %S/translate.mlir --emit=obj --target=x86_64-linux-gnu,speed=fast -o %t.o 2>&1 | FileCheck %s --check-prefix=ITEM
// RUN: not edge-opt %s --emit=exe 2>&1 | FileCheck %s --check-prefix=KIND

// TRIPLE: error: unknown target triple 'nonsense-foo-bar'
// ITEM: error: --target: unknown item 'speed=fast'
// KIND: for the --emit option: 'exe' is not one of llvm, bc, asm, obj

// 1-D vectors translate (vector.mlir); others do not.
// expected-error @+1 {{'func.func' op cannot translate func.func to LLVM IR: signature not supported}}
func.func @vec(%a: vector<2x4xf32>) -> vector<2x4xf32> {
  return %a : vector<2x4xf32>
}

// -----

func.func @vec_const() {
  // expected-error @+1 {{'arith.constant' op cannot translate arith.constant to LLVM IR: only scalar and 1-D vector constants are supported}}
  %0 = arith.constant dense<1.0> : vector<2x4xf32>
  return
}

// -----

func.func @ipowi(%a: i32) -> i32 {
  // expected-error @+1 {{'math.ipowi' op cannot translate math.ipowi to LLVM IR: operation or element type not supported}}
  %0 = math.ipowi %a, %a : i32
  return %0 : i32
}

// -----

func.func @region() -> i32 {
  // expected-error @+1 {{'scf.execute_region' op cannot translate scf.execute_region to LLVM IR: operation not supported}}
  %0 = scf.execute_region -> i32 {
    %c = arith.constant 1 : i32
    scf.yield %c : i32
  }
  return %0 : i32
}

// -----

func.func @unranked(%a: memref<4xf32>) {
  // expected-error @+1 {{'memref.cast' op cannot translate memref.cast to LLVM IR: unranked memrefs}}
  %0 = memref.cast %a : memref<4xf32> to memref<*xf32>
  return
}
