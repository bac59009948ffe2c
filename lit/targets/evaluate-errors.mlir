// edge-opt --evaluate: what the cost model cannot cost is an error at the
// op, and nothing is printed for it.
//
// RUN: edge-opt %s -split-input-file -verify-diagnostics \
// RUN:   --allow-unregistered-dialect --target=cortex-m55 --evaluate

func.func @dynamic(%a: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  // expected-error @+1 {{cost model: unsupported: dynamic loop bounds}}
  scf.for %i = %c0 to %n step %c1 {
    %v = memref.load %a[%i] : memref<?xf32>
    memref.store %v, %a[%i] : memref<?xf32>
  }
  return
}

// -----

func.func @unknown_op(%a: memref<4xf32>) {
  // expected-error @+1 {{cost model: unsupported: cannot cost 'foo.bar'}}
  "foo.bar"(%a) : (memref<4xf32>) -> ()
  return
}

// -----

func.func @in_nest(%a: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  scf.for %i = %c0 to %c4 step %c1 {
    // expected-error @+1 {{cost model: unsupported: cannot cost 'foo.baz' in a loop nest}}
    "foo.baz"(%a) : (memref<4xf32>) -> ()
  }
  return
}
