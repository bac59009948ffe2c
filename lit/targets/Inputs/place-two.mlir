func.func @two() {
  %a = memref.alloc() {name = "a"} : memref<163840xi8, 1>
  %b = memref.alloc() {name = "b"} : memref<163840xi8, 1>
  memref.dealloc %b : memref<163840xi8, 1>
  memref.dealloc %a : memref<163840xi8, 1>
  return
}
