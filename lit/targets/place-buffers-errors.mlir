// The cost model checks memory spaces (docs/targets.md, "Placement"):
// memory space k is memory[k-1] of the target; a writable buffer is
// never in flash nor any buffer in a cache.
//
// RUN: edge-opt %s -split-input-file -verify-diagnostics \
// RUN:   --target=cortex-m55 --evaluate

func.func @out_of_range() {
  // expected-error @+1 {{cost model: placement: the memory space of this buffer names no memory level of target 'cortex-m55' (expected 1..3: memory[k-1])}}
  %a = memref.alloc() : memref<4xf32, 4>
  memref.dealloc %a : memref<4xf32, 4>
  return
}

// -----

func.func @writable_in_flash() {
  // expected-error @+1 {{cost model: placement: cannot place a writable buffer in flash level 'flash'}}
  %a = memref.alloc() : memref<4xf32, 3>
  memref.dealloc %a : memref<4xf32, 3>
  return
}

// -----

// expected-error @+1 {{cost model: placement: the memory space of this buffer names no memory level}}
memref.global "private" constant @g : memref<4xf32, "fast"> = dense<1.0>

func.func @f() {
  return
}
