#a = affine_map<(d0, d1) -> (d0, d1)>
#b = affine_map<(d0, d1) -> (d1)>
#c = affine_map<(d0, d1) -> (d0)>
func.func @dot(%a: memref<3x13xf32>, %b: memref<13xf32>, %c: memref<3xf32>) {
  tl.generic {indexing_maps = [#a, #b, #c], iterator_types = ["parallel", "reduction"], name = "dot"} ins(%a, %b : memref<3x13xf32>, memref<13xf32>) outs(%c : memref<3xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %m = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %m : f32
    tl.yield %s : f32
  }
  return
}
