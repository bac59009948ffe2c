// Our object code links with MLIR's: edge-opt's @run calls @fill compiled
// by mlir-opt's LLVM lowering (the expanded memref descriptor ABI).
// REQUIRES: mlir-opt
// RUN: %mlir_opt %S/Inputs/mlir_callee.mlir --convert-scf-to-cf --finalize-memref-to-llvm --convert-arith-to-llvm --convert-index-to-llvm --convert-func-to-llvm --reconcile-unrealized-casts | mlir-translate --mlir-to-llvmir -o %t.callee.ll
// RUN: llc -filetype=obj -relocation-model=pic %t.callee.ll -o %t.callee.o
// RUN: edge-opt %s --emit=obj -o %t.o
// RUN: cc %S/Inputs/abi_driver.c %t.o %t.callee.o -o %t.exe
// RUN: %t.exe | FileCheck %s

// CHECK: 0 1 2 10 11 24
func.func private @fill(memref<?x?xf32>)

func.func @run(%m: memref<2x3xf32>) {
  %d = memref.cast %m : memref<2x3xf32> to memref<?x?xf32>
  func.call @fill(%d) : (memref<?x?xf32>) -> ()
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %v = memref.load %m[%c1, %c2] : memref<2x3xf32>
  %w = arith.addf %v, %v : f32
  memref.store %w, %m[%c1, %c2] : memref<2x3xf32>
  return
}
