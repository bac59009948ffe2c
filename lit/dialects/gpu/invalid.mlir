// gpu dialect verifier messages (MLIR's where MLIR has them).
// RUN: edge-opt %s -split-input-file -verify-diagnostics

func.func @args(%n: index) {
  // expected-error @+1 {{'gpu.launch' op unexpected number of region arguments}}
  "gpu.launch"(%n, %n, %n, %n, %n, %n) <{operandSegmentSizes = array<i32: 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0>}> ({
  ^bb0(%a: index):
    "gpu.terminator"() : () -> ()
  }) : (index, index, index, index, index, index) -> ()
  return
}

// -----

func.func @parent() {
  // expected-error @+1 {{'gpu.terminator' op expects parent op 'gpu.launch'}}
  gpu.terminator
}

// -----

func.func @dim() {
  // expected-error @+1 {{'gpu.thread_id' op attribute 'dimension' failed to satisfy constraint: gpu dimension (x, y or z)}}
  %0 = "gpu.thread_id"() <{dimension = #gpu.address_space<workgroup>}> : () -> index
  return
}

// -----

func.func @dim_name() {
  // expected-error @+1 {{expected ::mlir::gpu::Dimension to be one of: x, y, z}}
  %0 = "gpu.thread_id"() <{dimension = #gpu<dim w>}> : () -> index
  return
}

// -----

func.func @dimkw() {
  // expected-error @+1 {{expected ::mlir::gpu::Dimension to be one of: x, y, z}}
  %0 = gpu.block_id w
  return
}

// -----

func.func @space() {
  // expected-error @+1 {{expected ::mlir::gpu::AddressSpace to be one of: global, workgroup, private}}
  %a = memref.alloca() : memref<8xf32, #gpu.address_space<shared>>
  return
}

// -----

func.func @argtype(%n: index) {
  // expected-error @+1 {{'gpu.launch' op expected index type for region argument #0}}
  "gpu.launch"(%n, %n, %n, %n, %n, %n) <{operandSegmentSizes = array<i32: 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0>}> ({
  ^bb0(%a0: i32, %a1: index, %a2: index, %a3: index, %a4: index, %a5: index, %a6: index, %a7: index, %a8: index, %a9: index, %a10: index, %a11: index):
    "gpu.terminator"() : () -> ()
  }) : (index, index, index, index, index, index) -> ()
  return
}

// -----

func.func @clusters(%n: index) {
  // expected-error @+1 {{'gpu.launch' op async dependencies and clusters are not supported by edge-opt}}
  "gpu.launch"(%n, %n, %n, %n, %n, %n, %n, %n, %n) <{operandSegmentSizes = array<i32: 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0>}> ({
  ^bb0(%a0: index, %a1: index, %a2: index, %a3: index, %a4: index, %a5: index, %a6: index, %a7: index, %a8: index, %a9: index, %a10: index, %a11: index):
    "gpu.terminator"() : () -> ()
  }) : (index, index, index, index, index, index, index, index, index) -> ()
  return
}

// -----

func.func @async(%n: index) {
  // expected-error @+1 {{gpu.launch: async dependencies and clusters are not supported by edge-opt}}
  gpu.launch async blocks(%bx, %by, %bz) in (%gx = %n, %gy = %n, %gz = %n) threads(%tx, %ty, %tz) in (%sx = %n, %sy = %n, %sz = %n) {
    gpu.terminator
  }
  return
}

// -----

func.func @missing(%n: index) {
  // expected-error @+1 {{expected 'threads'}}
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %n, %gy = %n, %gz = %n) {
    gpu.terminator
  }
  return
}
