// RUN: rm -rf %t && edge-opt %s -split-input-file -verify-diagnostics --emit=c-lib -o %t
// Inputs --emit=c-lib rejects, each with a diagnostic.

// expected-error @+1 {{cannot emit a C library: the function writes none of its arguments (no outputs)}}
func.func @no_outputs(%a: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %v = memref.load %a[%c0] : memref<4xf32>
  return
}

// -----

// expected-error @+1 {{argument 1 is read-only but follows the written argument 0 (outputs must come last)}}
func.func @out_first(%o: memref<4xf32>, %i: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %v = memref.load %i[%c0] : memref<4xf32>
  memref.store %v, %o[%c0] : memref<4xf32>
  return
}

// -----

// expected-error @+1 {{the function returns values}}
func.func @returns(%a: memref<4xf32>) -> f32 {
  %c0 = arith.constant 0 : index
  %v = memref.load %a[%c0] : memref<4xf32>
  return %v : f32
}

// -----

// expected-error @+1 {{argument 0 is not a memref of static shape with the identity layout}}
func.func @dynamic(%a: memref<?xf32>, %o: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %v = memref.load %a[%c0] : memref<?xf32>
  memref.store %v, %o[%c0] : memref<4xf32>
  return
}

// -----

func.func @dynamic_alloc(%n: memref<1xindex>, %o: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %k = memref.load %n[%c0] : memref<1xindex>
  // expected-error @+1 {{cannot place in the workspace: only static shapes with the identity layout are supported}}
  %b = memref.alloc(%k) : memref<?xf32>
  %v = memref.load %b[%c0] : memref<?xf32>
  memref.store %v, %o[%c0] : memref<4xf32>
  memref.dealloc %b : memref<?xf32>
  return
}

// -----

// expected-error @+1 {{expected exactly one public func.func with a body (the model)}}
module {
  func.func @a(%o: memref<4xf32>) {
    return
  }
  func.func @b(%o: memref<4xf32>) {
    return
  }
}
