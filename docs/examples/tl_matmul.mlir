func.func @mm(%a: memref<4x8xf32>, %b: memref<8x16xf32>, %c: memref<4x16xf32>) {
  tl.matmul {name = "mm"} ins(%a, %b : memref<4x8xf32>, memref<8x16xf32>)
            outs(%c : memref<4x16xf32>)
  return
}
