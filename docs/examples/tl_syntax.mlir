#a = affine_map<(d0, d1, d2) -> (d0, d2)>
#b = affine_map<(d0, d1, d2) -> (d2, d1)>
#c = affine_map<(d0, d1, d2) -> (d0, d1)>
func.func @generic(%a: tensor<4x8xf32>, %b: tensor<8x16xf32>, %c: tensor<4x16xf32>) -> tensor<4x16xf32> {
  %r = tl.generic {indexing_maps = [#a, #b, #c],
                   iterator_types = ["parallel", "parallel", "reduction"]}
         ins(%a, %b : tensor<4x8xf32>, tensor<8x16xf32>)
         outs(%c : tensor<4x16xf32>) {
       ^bb0(%x: f32, %y: f32, %acc: f32):
         %m = arith.mulf %x, %y : f32
         %s = arith.addf %acc, %m : f32
         tl.yield %s : f32
       } -> tensor<4x16xf32>
  return %r : tensor<4x16xf32>
}
func.func @matmul(%a: memref<4x8xi8>, %b: memref<8x16xi8>, %c: memref<4x16xi32>) {
  tl.matmul ins(%a, %b : memref<4x8xi8>, memref<8x16xi8>)
            outs(%c : memref<4x16xi32>)
  return
}
