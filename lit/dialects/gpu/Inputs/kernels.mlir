// tl kernels for the gpu tests: an elementwise op, a matmul, and a
// softmax-like exp (math in a kernel).
func.func @add(%a: memref<3x50xf32>, %b: memref<3x50xf32>, %c: memref<3x50xf32>) {
  tl.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%a, %b : memref<3x50xf32>, memref<3x50xf32>) outs(%c : memref<3x50xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %s = arith.addf %x, %y : f32
    tl.yield %s : f32
  }
  return
}

func.func @matmul(%a: memref<4x8xf32>, %b: memref<8x16xf32>, %c: memref<4x16xf32>) {
  tl.matmul ins(%a, %b : memref<4x8xf32>, memref<8x16xf32>) outs(%c : memref<4x16xf32>)
  return
}

func.func @exp(%a: memref<10xf32>, %c: memref<10xf32>) {
  tl.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%a : memref<10xf32>) outs(%c : memref<10xf32>) {
  ^bb0(%x: f32, %o: f32):
    %e = math.exp %x : f32
    %t = math.tanh %e : f32
    tl.yield %t : f32
  }
  return
}
