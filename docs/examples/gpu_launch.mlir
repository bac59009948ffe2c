// The gpu.launch example of docs/gpu.md, parsed, verified and printed by
// lit/docs/pages-tested.test.
func.func @launch(%n: index, %v: f32) {
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %n, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c64, %sy = %c1, %sz = %c1)
             workgroup(%sh : memref<64xf32, #gpu.address_space<workgroup>>)
             private(%p : memref<4xf32, #gpu.address_space<private>>) {
    %t = gpu.thread_id  x
    memref.store %v, %sh[%t] : memref<64xf32, #gpu.address_space<workgroup>>
    gpu.barrier
    gpu.terminator
  }
  return
}
