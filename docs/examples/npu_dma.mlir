// The strided npu.dma of docs/npu-dialect.md (rows 8..15 of a 32-row
// input), parsed and verified by lit/docs/pages-tested.test.
func.func @dma_rows(%x: memref<1x32x16x8xi8>) {
  %xs = memref.alloc() : memref<1x8x16x8xi8, "sram">
  %t = npu.dma %x, %xs {src_offsets = array<i64: 0, 8, 0, 0>,
                        sizes = array<i64: 1, 8, 16, 8>}
      : memref<1x32x16x8xi8>, memref<1x8x16x8xi8, "sram">
  npu.wait %t
  memref.dealloc %xs : memref<1x8x16x8xi8, "sram">
  return
}
