func.func @add(%a: memref<3x50xf32>, %b: memref<3x50xf32>, %c: memref<3x50xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %c50 = arith.constant 50 : index
  scf.for %i = %c0 to %c3 step %c1 {
    scf.for %j = %c0 to %c50 step %c1 {
      %x = memref.load %a[%i, %j] : memref<3x50xf32>
      %y = memref.load %b[%i, %j] : memref<3x50xf32>
      %s = arith.addf %x, %y : f32
      memref.store %s, %c[%i, %j] : memref<3x50xf32>
    }
  }
  return
}
