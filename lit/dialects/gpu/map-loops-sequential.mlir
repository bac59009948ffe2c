// Loops that are not provably parallel stay scf.for: a loop-carried
// dependence (c[i] reads c[i - 1]), a call, an accumulation into one
// element, and iter_args.
// RUN: edge-opt %s -gpu-map-loops | FileCheck %s
// CHECK-NOT: gpu.launch

func.func private @g(index)

func.func @prefix(%c: memref<16xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  scf.for %i = %c1 to %c16 step %c1 {
    %j = arith.subi %i, %c1 : index
    %p = memref.load %c[%j] : memref<16xf32>
    %x = memref.load %c[%i] : memref<16xf32>
    %s = arith.addf %p, %x : f32
    memref.store %s, %c[%i] : memref<16xf32>
  }
  scf.for %i = %c0 to %c16 step %c1 {
    func.call @g(%i) : (index) -> ()
  }
  scf.for %i = %c0 to %c16 step %c1 {
    %x = memref.load %c[%c0] : memref<16xf32>
    %s = arith.addf %x, %x : f32
    memref.store %s, %c[%c0] : memref<16xf32>
  }
  %z = arith.constant 0.0 : f32
  %r = scf.for %i = %c0 to %c16 step %c1 iter_args(%a = %z) -> (f32) {
    %x = memref.load %c[%i] : memref<16xf32>
    %s = arith.addf %a, %x : f32
    scf.yield %s : f32
  }
  return
}

// A view of the written buffer read at other indices: not parallel.
func.func @alias(%c: memref<16xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c15 = arith.constant 15 : index
  %v = memref.subview %c[1] [15] [1] : memref<16xf32> to memref<15xf32, strided<[1], offset: 1>>
  scf.for %i = %c0 to %c15 step %c1 {
    %x = memref.load %v[%i] : memref<15xf32, strided<[1], offset: 1>>
    memref.store %x, %c[%i] : memref<16xf32>
  }
  return
}
