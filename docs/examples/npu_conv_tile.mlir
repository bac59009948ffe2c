func.func @conv_tile(%x: memref<1x16x16x8xi8>, %w: memref<16x3x3x8xi8>,
                     %b: memref<16xi32>, %y: memref<1x8x8x16xi8>) {
  %xs = memref.alloc() : memref<1x16x16x8xi8, "sram">
  %ws = memref.alloc() : memref<16x3x3x8xi8, "sram">
  %bs = memref.alloc() : memref<16xi32, "sram">
  %ys = memref.alloc() : memref<1x8x8x16xi8, "sram">
  %t0 = npu.dma %x, %xs : memref<1x16x16x8xi8>, memref<1x16x16x8xi8, "sram">
  %t1 = npu.dma %w, %ws : memref<16x3x3x8xi8>, memref<16x3x3x8xi8, "sram">
  %t2 = npu.dma %b, %bs : memref<16xi32>, memref<16xi32, "sram">
  %c = npu.conv %xs, %ws, %ys, %bs after %t0, %t1, %t2
         {kind = "conv2d", strides = array<i64: 2, 2>,
          pads = array<i64: 1, 1, 1, 1>, input_zp = -3,
          weight_zp = array<i64: 0>, output_zp = -5,
          multiplier = array<i64: 1073741824>, shift = array<i64: -8>,
          act_min = -5}
       : memref<1x16x16x8xi8, "sram">, memref<16x3x3x8xi8, "sram">,
         memref<1x8x8x16xi8, "sram">, memref<16xi32, "sram">
  %o = npu.dma %ys, %y after %c : memref<1x8x8x16xi8, "sram">, memref<1x8x8x16xi8>
  npu.wait %o
  return
}
