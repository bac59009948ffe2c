// Functions for jit-errors.test.
func.func @scalars(%x: f32, %y: f32) {
  return
}
func.func @copy(%a: memref<2x3xf32>, %b: memref<2x3xf32>) {
  return
}
func.func @ret(%a: memref<2x3xf32>) -> memref<2x3xf32> {
  return %a : memref<2x3xf32>
}
func.func private @helper(%a: memref<2x3xf32>) {
  return
}
func.func @dyn(%a: memref<2x3xf32>, %b: memref<?xf32>) {
  return
}
