// docs/examples/place_buffers.mlir - the input of the place-buffers
// example in docs/targets.md ("Placement"): 64 KiB of int8 weights (the
// global @w, knob place.w) copied into an argument, and a 64-byte scratch
// buffer (knob place.tmp).
memref.global "private" constant @w : memref<65536xi8> = dense<1>

func.func @load_w(%dst: memref<65536xi8>) {
  %g = memref.get_global @w : memref<65536xi8>
  memref.copy %g, %dst {name = "copy_w"} : memref<65536xi8> to memref<65536xi8>
  %t = memref.alloc() {name = "tmp"} : memref<64xi8>
  %v = memref.subview %dst[0] [64] [1] : memref<65536xi8> to memref<64xi8, strided<[1]>>
  memref.copy %v, %t : memref<64xi8, strided<[1]>> to memref<64xi8>
  memref.dealloc %t : memref<64xi8>
  return
}
