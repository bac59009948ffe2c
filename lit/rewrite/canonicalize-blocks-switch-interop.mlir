// Like canonicalize-blocks-interop.mlir, with cf.switch predecessors (needs
// region DCE to erase dead successor operands of cf.switch, as MLIR does).
// REQUIRES: mlir-opt
// RUN: edge-opt %s -canonicalize=region-simplify=aggressive -o %t.edge.mlir
// RUN: %mlir_opt %s -canonicalize=region-simplify=aggressive -o %t.ref.mlir
// RUN: diff %t.edge.mlir %t.ref.mlir
// RUN: edge-opt %s -canonicalize -o %t.edge2.mlir
// RUN: %mlir_opt %s -canonicalize -o %t.ref2.mlir
// RUN: diff %t.edge2.mlir %t.ref2.mlir

func.func @s1_f0(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.muli %y, %y : i32
  memref.store %x, %m[] : memref<i32>
  return %v0_0 : i32
^bb1(%b1a0: i32, %b1a1: i32):
  memref.store %x, %m[] : memref<i32>
  %v1_1 = arith.addi %y, %b1a1 : i32
  memref.store %x, %m[] : memref<i32>
  return %b1a1 : i32
^bb2:
  cf.switch %y : i32, [
    default: ^bb2,
    0: ^bb1(%y, %z : i32, i32),
    1: ^bb1(%z, %x : i32, i32)
  ]
}
func.func @s1_f1(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %x, %m[] : memref<i32>
  memref.store %z, %m[] : memref<i32>
  %v0_2 = arith.muli %z, %z : i32
  return %z : i32
^bb1:
  memref.store %z, %m[] : memref<i32>
  %v1_1 = arith.muli %z, %y : i32
  memref.store %x, %m[] : memref<i32>
  return %v1_1 : i32
^bb2(%b2a0: i32):
  memref.store %z, %m[] : memref<i32>
  %v2_1 = arith.muli %x, %y : i32
  %v2_2 = arith.addi %x, %b2a0 : i32
  cf.br ^bb5
^bb3:
  memref.store %x, %m[] : memref<i32>
  %v3_1 = arith.addi %x, %x : i32
  %v3_2 = arith.muli %z, %z : i32
  cf.switch %v3_1 : i32, [
    default: ^bb5,
    0: ^bb5,
    1: ^bb5,
    2: ^bb1
  ]
^bb4(%b4a0: i32, %b4a1: i32):
  memref.store %b4a1, %m[] : memref<i32>
  cf.br ^bb1
^bb5:
  memref.store %z, %m[] : memref<i32>
  %v5_1 = arith.muli %z, %y : i32
  memref.store %v5_1, %m[] : memref<i32>
  return %z : i32
}
func.func @s1_f2(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %x, %m[] : memref<i32>
  cf.cond_br %c1, ^bb1(%z, %x : i32, i32), ^bb1(%x, %y : i32, i32)
^bb1(%b1a0: i32, %b1a1: i32):
  cf.cond_br %c1, ^bb2, ^bb3
^bb2:
  cf.cond_br %c0, ^bb3, ^bb3
^bb3:
  return %y : i32
^bb4(%b4a0: i32, %b4a1: i32):
  memref.store %z, %m[] : memref<i32>
  cf.cond_br %c1, ^bb4(%x, %x : i32, i32), ^bb3
}
func.func @s1_f3(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  cf.br ^bb2(%z : i32)
^bb1(%b1a0: i32):
  memref.store %x, %m[] : memref<i32>
  %v1_1 = arith.addi %y, %x : i32
  %v1_2 = arith.addi %v1_1, %b1a0 : i32
  cf.switch %v1_2 : i32, [
    default: ^bb4(%x : i32),
    0: ^bb4(%y : i32),
    1: ^bb1(%b1a0 : i32),
    2: ^bb3
  ]
^bb2(%b2a0: i32):
  %v2_0 = arith.muli %y, %x : i32
  %v2_1 = arith.muli %x, %z : i32
  cf.cond_br %c1, ^bb3, ^bb2(%x : i32)
^bb3:
  cf.cond_br %c0, ^bb4(%x : i32), ^bb1(%y : i32)
^bb4(%b4a0: i32):
  %v4_0 = arith.addi %y, %b4a0 : i32
  cf.br ^bb4(%z : i32)
}
func.func @s1_f4(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.addi %x, %y : i32
  %v0_1 = arith.addi %y, %z : i32
  cf.cond_br %c1, ^bb5(%v0_0 : i32), ^bb5(%y : i32)
^bb1(%b1a0: i32):
  cf.cond_br %c0, ^bb2, ^bb2
^bb2:
  memref.store %x, %m[] : memref<i32>
  cf.cond_br %c1, ^bb3(%y : i32), ^bb3(%x : i32)
^bb3(%b3a0: i32):
  %v3_0 = arith.addi %b3a0, %y : i32
  %v3_1 = arith.muli %b3a0, %x : i32
  cf.switch %z : i32, [
    default: ^bb1(%v3_0 : i32),
    0: ^bb2
  ]
^bb4(%b4a0: i32, %b4a1: i32):
  %v4_0 = arith.addi %b4a1, %y : i32
  memref.store %z, %m[] : memref<i32>
  memref.store %x, %m[] : memref<i32>
  cf.switch %x : i32, [
    default: ^bb5(%v4_0 : i32),
    0: ^bb1(%z : i32)
  ]
^bb5(%b5a0: i32):
  return %x : i32
}
func.func @s1_f5(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %z, %m[] : memref<i32>
  return %y : i32
^bb1:
  memref.store %x, %m[] : memref<i32>
  cf.cond_br %c1, ^bb1, ^bb1
}
func.func @s1_f6(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %x, %m[] : memref<i32>
  return %y : i32
^bb1(%b1a0: i32):
  %v1_0 = arith.addi %z, %b1a0 : i32
  %v1_1 = arith.muli %z, %v1_0 : i32
  return %y : i32
^bb2(%b2a0: i32, %b2a1: i32):
  memref.store %z, %m[] : memref<i32>
  memref.store %z, %m[] : memref<i32>
  %v2_2 = arith.addi %x, %z : i32
  cf.switch %v2_2 : i32, [
    default: ^bb3(%y : i32),
    0: ^bb1(%v2_2 : i32),
    1: ^bb5
  ]
^bb3(%b3a0: i32):
  memref.store %x, %m[] : memref<i32>
  %v3_1 = arith.muli %z, %y : i32
  %v3_2 = arith.addi %v3_1, %v3_1 : i32
  return %x : i32
^bb4(%b4a0: i32):
  %v4_0 = arith.addi %z, %x : i32
  return %x : i32
^bb5:
  memref.store %y, %m[] : memref<i32>
  %v5_1 = arith.muli %x, %x : i32
  return %y : i32
}
func.func @s1_f7(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.muli %z, %z : i32
  %v0_1 = arith.addi %y, %y : i32
  cf.cond_br %c0, ^bb1, ^bb2
^bb1:
  memref.store %x, %m[] : memref<i32>
  memref.store %x, %m[] : memref<i32>
  memref.store %z, %m[] : memref<i32>
  cf.cond_br %c1, ^bb2, ^bb2
^bb2:
  cf.br ^bb2
}
func.func @s1_f8(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  cf.cond_br %c1, ^bb1(%x : i32), ^bb2(%z : i32)
^bb1(%b1a0: i32):
  memref.store %y, %m[] : memref<i32>
  cf.switch %y : i32, [
    default: ^bb2(%x : i32),
    0: ^bb2(%b1a0 : i32),
    1: ^bb1(%x : i32)
  ]
^bb2(%b2a0: i32):
  memref.store %b2a0, %m[] : memref<i32>
  return %b2a0 : i32
}
func.func @s1_f9(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %x, %m[] : memref<i32>
  memref.store %z, %m[] : memref<i32>
  cf.switch %y : i32, [
    default: ^bb3(%z, %y : i32, i32),
    0: ^bb5(%x : i32)
  ]
^bb1(%b1a0: i32):
  %v1_0 = arith.addi %b1a0, %x : i32
  memref.store %v1_0, %m[] : memref<i32>
  cf.br ^bb2
^bb2:
  %v2_0 = arith.addi %z, %z : i32
  %v2_1 = arith.muli %v2_0, %z : i32
  cf.cond_br %c0, ^bb5(%x : i32), ^bb5(%x : i32)
^bb3(%b3a0: i32, %b3a1: i32):
  memref.store %z, %m[] : memref<i32>
  memref.store %y, %m[] : memref<i32>
  cf.cond_br %c0, ^bb4(%y : i32), ^bb4(%b3a0 : i32)
^bb4(%b4a0: i32):
  %v4_0 = arith.addi %z, %b4a0 : i32
  memref.store %b4a0, %m[] : memref<i32>
  %v4_2 = arith.muli %v4_0, %v4_0 : i32
  cf.switch %y : i32, [
    default: ^bb5(%b4a0 : i32),
    0: ^bb3(%z, %y : i32, i32),
    1: ^bb4(%v4_2 : i32),
    2: ^bb5(%x : i32)
  ]
^bb5(%b5a0: i32):
  return %y : i32
^bb6(%b6a0: i32, %b6a1: i32):
  %v6_0 = arith.addi %z, %y : i32
  %v6_1 = arith.muli %b6a1, %z : i32
  cf.cond_br %c0, ^bb5(%z : i32), ^bb4(%b6a0 : i32)
}
func.func @s1_f10(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.addi %x, %x : i32
  memref.store %x, %m[] : memref<i32>
  memref.store %y, %m[] : memref<i32>
  cf.cond_br %c1, ^bb1, ^bb1
^bb1:
  %v1_0 = arith.muli %y, %z : i32
  %v1_1 = arith.muli %v1_0, %z : i32
  return %v1_0 : i32
}
func.func @s1_f11(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %y, %m[] : memref<i32>
  cf.cond_br %c1, ^bb3, ^bb2(%y, %z : i32, i32)
^bb1:
  %v1_0 = arith.muli %x, %z : i32
  cf.cond_br %c1, ^bb3, ^bb1
^bb2(%b2a0: i32, %b2a1: i32):
  memref.store %y, %m[] : memref<i32>
  memref.store %b2a0, %m[] : memref<i32>
  memref.store %b2a0, %m[] : memref<i32>
  cf.cond_br %c0, ^bb1, ^bb3
^bb3:
  memref.store %y, %m[] : memref<i32>
  memref.store %x, %m[] : memref<i32>
  cf.cond_br %c1, ^bb2(%y, %z : i32, i32), ^bb1
^bb4(%b4a0: i32):
  memref.store %b4a0, %m[] : memref<i32>
  %v4_1 = arith.addi %b4a0, %x : i32
  cf.cond_br %c0, ^bb1, ^bb4(%z : i32)
}
func.func @s1_f12(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.muli %x, %z : i32
  %v0_1 = arith.muli %x, %y : i32
  cf.cond_br %c1, ^bb3(%v0_1, %y : i32, i32), ^bb4
^bb1(%b1a0: i32):
  %v1_0 = arith.addi %z, %z : i32
  %v1_1 = arith.addi %v1_0, %y : i32
  memref.store %v1_0, %m[] : memref<i32>
  cf.br ^bb4
^bb2:
  memref.store %x, %m[] : memref<i32>
  cf.cond_br %c0, ^bb5, ^bb4
^bb3(%b3a0: i32, %b3a1: i32):
  memref.store %z, %m[] : memref<i32>
  cf.cond_br %c0, ^bb2, ^bb4
^bb4:
  %v4_0 = arith.addi %y, %x : i32
  memref.store %z, %m[] : memref<i32>
  return %v4_0 : i32
^bb5:
  %v5_0 = arith.addi %x, %x : i32
  %v5_1 = arith.addi %x, %y : i32
  cf.br ^bb5
}
func.func @s1_f13(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.muli %y, %x : i32
  cf.br ^bb2(%y : i32)
^bb1(%b1a0: i32, %b1a1: i32):
  memref.store %b1a0, %m[] : memref<i32>
  cf.cond_br %c0, ^bb4(%z, %z : i32, i32), ^bb4(%b1a1, %x : i32, i32)
^bb2(%b2a0: i32):
  memref.store %x, %m[] : memref<i32>
  cf.cond_br %c1, ^bb3(%b2a0 : i32), ^bb5(%z : i32)
^bb3(%b3a0: i32):
  %v3_0 = arith.addi %y, %x : i32
  cf.br ^bb6
^bb4(%b4a0: i32, %b4a1: i32):
  cf.cond_br %c1, ^bb2(%x : i32), ^bb4(%z, %x : i32, i32)
^bb5(%b5a0: i32):
  cf.cond_br %c0, ^bb1(%z, %x : i32, i32), ^bb4(%x, %y : i32, i32)
^bb6:
  cf.br ^bb2(%z : i32)
}
func.func @s1_f14(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.muli %z, %y : i32
  memref.store %y, %m[] : memref<i32>
  %v0_2 = arith.muli %y, %z : i32
  cf.cond_br %c0, ^bb2, ^bb3(%v0_0, %v0_2 : i32, i32)
^bb1(%b1a0: i32, %b1a1: i32):
  memref.store %b1a1, %m[] : memref<i32>
  cf.switch %x : i32, [
    default: ^bb2,
    0: ^bb3(%z, %b1a1 : i32, i32)
  ]
^bb2:
  memref.store %x, %m[] : memref<i32>
  cf.switch %z : i32, [
    default: ^bb2,
    0: ^bb1(%x, %z : i32, i32),
    1: ^bb1(%z, %y : i32, i32)
  ]
^bb3(%b3a0: i32, %b3a1: i32):
  cf.switch %b3a0 : i32, [
    default: ^bb3(%y, %b3a0 : i32, i32),
    0: ^bb1(%b3a1, %x : i32, i32)
  ]
}
func.func @s1_f15(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %x, %m[] : memref<i32>
  %v0_1 = arith.muli %y, %x : i32
  cf.br ^bb2
^bb1(%b1a0: i32):
  memref.store %x, %m[] : memref<i32>
  %v1_1 = arith.muli %y, %y : i32
  cf.switch %b1a0 : i32, [
    default: ^bb5(%v1_1 : i32),
    0: ^bb4(%v1_1, %b1a0 : i32, i32),
    1: ^bb1(%y : i32),
    2: ^bb6
  ]
^bb2:
  cf.switch %x : i32, [
    default: ^bb3(%y, %z : i32, i32),
    0: ^bb6,
    1: ^bb2
  ]
^bb3(%b3a0: i32, %b3a1: i32):
  %v3_0 = arith.addi %z, %y : i32
  %v3_1 = arith.muli %v3_0, %b3a1 : i32
  cf.br ^bb3(%z, %z : i32, i32)
^bb4(%b4a0: i32, %b4a1: i32):
  memref.store %b4a1, %m[] : memref<i32>
  %v4_1 = arith.muli %x, %y : i32
  cf.switch %b4a0 : i32, [
    default: ^bb3(%v4_1, %b4a0 : i32, i32),
    0: ^bb3(%b4a1, %x : i32, i32),
    1: ^bb4(%z, %b4a0 : i32, i32)
  ]
^bb5(%b5a0: i32):
  cf.switch %x : i32, [
    default: ^bb5(%b5a0 : i32),
    0: ^bb2
  ]
^bb6:
  memref.store %z, %m[] : memref<i32>
  memref.store %y, %m[] : memref<i32>
  cf.br ^bb3(%y, %z : i32, i32)
}
func.func @s1_f16(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  return %z : i32
^bb1(%b1a0: i32, %b1a1: i32):
  memref.store %x, %m[] : memref<i32>
  cf.cond_br %c0, ^bb1(%b1a1, %z : i32, i32), ^bb3
^bb2(%b2a0: i32, %b2a1: i32):
  return %x : i32
^bb3:
  cf.switch %x : i32, [
    default: ^bb3,
    0: ^bb3
  ]
}
func.func @s1_f17(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.muli %x, %z : i32
  memref.store %y, %m[] : memref<i32>
  cf.br ^bb3(%y : i32)
^bb1:
  memref.store %y, %m[] : memref<i32>
  %v1_1 = arith.muli %z, %z : i32
  memref.store %v1_1, %m[] : memref<i32>
  cf.br ^bb4(%x : i32)
^bb2(%b2a0: i32, %b2a1: i32):
  memref.store %b2a0, %m[] : memref<i32>
  %v2_1 = arith.addi %z, %x : i32
  cf.cond_br %c1, ^bb3(%b2a1 : i32), ^bb4(%b2a1 : i32)
^bb3(%b3a0: i32):
  memref.store %z, %m[] : memref<i32>
  %v3_1 = arith.addi %b3a0, %y : i32
  %v3_2 = arith.addi %x, %b3a0 : i32
  cf.br ^bb4(%z : i32)
^bb4(%b4a0: i32):
  cf.switch %b4a0 : i32, [
    default: ^bb3(%b4a0 : i32),
    0: ^bb1
  ]
}
func.func @s1_f18(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %y, %m[] : memref<i32>
  memref.store %y, %m[] : memref<i32>
  %v0_2 = arith.addi %x, %x : i32
  cf.cond_br %c1, ^bb1(%z : i32), ^bb2(%z, %z : i32, i32)
^bb1(%b1a0: i32):
  memref.store %b1a0, %m[] : memref<i32>
  memref.store %b1a0, %m[] : memref<i32>
  memref.store %b1a0, %m[] : memref<i32>
  cf.cond_br %c0, ^bb1(%y : i32), ^bb1(%y : i32)
^bb2(%b2a0: i32, %b2a1: i32):
  memref.store %x, %m[] : memref<i32>
  return %x : i32
^bb3(%b3a0: i32, %b3a1: i32):
  memref.store %y, %m[] : memref<i32>
  %v3_1 = arith.addi %b3a1, %x : i32
  memref.store %z, %m[] : memref<i32>
  cf.switch %b3a0 : i32, [
    default: ^bb3(%v3_1, %x : i32, i32),
    0: ^bb3(%b3a1, %v3_1 : i32, i32)
  ]
}
func.func @s1_f19(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %z, %m[] : memref<i32>
  memref.store %z, %m[] : memref<i32>
  %v0_2 = arith.muli %y, %x : i32
  cf.br ^bb3
^bb1(%b1a0: i32, %b1a1: i32):
  memref.store %x, %m[] : memref<i32>
  memref.store %x, %m[] : memref<i32>
  %v1_2 = arith.muli %y, %y : i32
  cf.br ^bb3
^bb2(%b2a0: i32):
  memref.store %y, %m[] : memref<i32>
  memref.store %x, %m[] : memref<i32>
  cf.cond_br %c1, ^bb3, ^bb2(%x : i32)
^bb3:
  %v3_0 = arith.muli %x, %x : i32
  %v3_1 = arith.addi %y, %v3_0 : i32
  %v3_2 = arith.addi %y, %v3_0 : i32
  cf.cond_br %c0, ^bb2(%z : i32), ^bb2(%v3_0 : i32)
}
func.func @s2_f0(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  cf.br ^bb1
^bb1:
  %v1_0 = arith.addi %x, %z : i32
  memref.store %y, %m[] : memref<i32>
  cf.cond_br %c1, ^bb1, ^bb1
}
func.func @s2_f1(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.muli %y, %y : i32
  memref.store %y, %m[] : memref<i32>
  return %x : i32
^bb1:
  %v1_0 = arith.muli %x, %z : i32
  cf.switch %z : i32, [
    default: ^bb1,
    0: ^bb1,
    1: ^bb1,
    2: ^bb1
  ]
}
func.func @s2_f2(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %x, %m[] : memref<i32>
  %v0_1 = arith.muli %y, %z : i32
  memref.store %v0_1, %m[] : memref<i32>
  cf.br ^bb3(%v0_1 : i32)
^bb1(%b1a0: i32):
  memref.store %z, %m[] : memref<i32>
  memref.store %z, %m[] : memref<i32>
  %v1_2 = arith.addi %b1a0, %z : i32
  cf.br ^bb2
^bb2:
  cf.cond_br %c1, ^bb3(%x : i32), ^bb1(%z : i32)
^bb3(%b3a0: i32):
  return %x : i32
}
func.func @s2_f3(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  cf.cond_br %c0, ^bb2, ^bb1(%x, %x : i32, i32)
^bb1(%b1a0: i32, %b1a1: i32):
  memref.store %x, %m[] : memref<i32>
  %v1_1 = arith.addi %y, %y : i32
  %v1_2 = arith.addi %x, %x : i32
  cf.cond_br %c0, ^bb2, ^bb2
^bb2:
  memref.store %x, %m[] : memref<i32>
  return %z : i32
^bb3(%b3a0: i32, %b3a1: i32):
  cf.br ^bb1(%y, %y : i32, i32)
}
func.func @s2_f4(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %z, %m[] : memref<i32>
  memref.store %y, %m[] : memref<i32>
  cf.br ^bb1
^bb1:
  memref.store %z, %m[] : memref<i32>
  %v1_1 = arith.addi %y, %y : i32
  %v1_2 = arith.muli %y, %x : i32
  cf.cond_br %c0, ^bb1, ^bb1
}
func.func @s2_f5(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %y, %m[] : memref<i32>
  cf.br ^bb4(%z, %x : i32, i32)
^bb1(%b1a0: i32, %b1a1: i32):
  memref.store %z, %m[] : memref<i32>
  return %y : i32
^bb2(%b2a0: i32):
  cf.br ^bb2(%x : i32)
^bb3(%b3a0: i32):
  %v3_0 = arith.muli %b3a0, %x : i32
  return %y : i32
^bb4(%b4a0: i32, %b4a1: i32):
  %v4_0 = arith.addi %b4a0, %z : i32
  %v4_1 = arith.addi %b4a0, %b4a0 : i32
  return %v4_0 : i32
^bb5(%b5a0: i32):
  return %x : i32
}
func.func @s2_f6(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.muli %x, %z : i32
  cf.br ^bb1
^bb1:
  memref.store %x, %m[] : memref<i32>
  cf.cond_br %c1, ^bb1, ^bb1
}
func.func @s2_f7(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.muli %z, %x : i32
  %v0_1 = arith.addi %z, %z : i32
  memref.store %v0_0, %m[] : memref<i32>
  return %y : i32
^bb1(%b1a0: i32, %b1a1: i32):
  cf.cond_br %c0, ^bb4, ^bb4
^bb2(%b2a0: i32, %b2a1: i32):
  %v2_0 = arith.addi %b2a1, %b2a1 : i32
  %v2_1 = arith.muli %x, %z : i32
  memref.store %x, %m[] : memref<i32>
  cf.cond_br %c0, ^bb1(%b2a1, %z : i32, i32), ^bb4
^bb3:
  %v3_0 = arith.addi %y, %y : i32
  %v3_1 = arith.muli %x, %x : i32
  memref.store %y, %m[] : memref<i32>
  return %v3_0 : i32
^bb4:
  cf.cond_br %c1, ^bb3, ^bb3
}
func.func @s2_f8(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %z, %m[] : memref<i32>
  memref.store %z, %m[] : memref<i32>
  %v0_2 = arith.muli %x, %y : i32
  cf.cond_br %c0, ^bb1, ^bb1
^bb1:
  %v1_0 = arith.muli %z, %x : i32
  memref.store %x, %m[] : memref<i32>
  return %z : i32
^bb2(%b2a0: i32):
  %v2_0 = arith.addi %z, %b2a0 : i32
  memref.store %x, %m[] : memref<i32>
  memref.store %b2a0, %m[] : memref<i32>
  cf.br ^bb2(%v2_0 : i32)
^bb3(%b3a0: i32):
  %v3_0 = arith.addi %y, %b3a0 : i32
  %v3_1 = arith.addi %z, %v3_0 : i32
  cf.br ^bb1
^bb4(%b4a0: i32):
  memref.store %y, %m[] : memref<i32>
  memref.store %b4a0, %m[] : memref<i32>
  %v4_2 = arith.muli %b4a0, %b4a0 : i32
  cf.switch %v4_2 : i32, [
    default: ^bb2(%b4a0 : i32),
    0: ^bb1,
    1: ^bb2(%v4_2 : i32)
  ]
}
func.func @s2_f9(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %x, %m[] : memref<i32>
  %v0_1 = arith.muli %x, %z : i32
  memref.store %x, %m[] : memref<i32>
  cf.cond_br %c0, ^bb3, ^bb6(%y, %v0_1 : i32, i32)
^bb1(%b1a0: i32):
  %v1_0 = arith.muli %b1a0, %b1a0 : i32
  cf.cond_br %c0, ^bb4(%y : i32), ^bb1(%z : i32)
^bb2(%b2a0: i32, %b2a1: i32):
  cf.switch %b2a1 : i32, [
    default: ^bb4(%x : i32),
    0: ^bb6(%x, %b2a1 : i32, i32),
    1: ^bb4(%z : i32),
    2: ^bb4(%z : i32)
  ]
^bb3:
  cf.cond_br %c1, ^bb2(%y, %y : i32, i32), ^bb6(%z, %z : i32, i32)
^bb4(%b4a0: i32):
  %v4_0 = arith.muli %b4a0, %b4a0 : i32
  cf.cond_br %c0, ^bb1(%z : i32), ^bb5(%b4a0 : i32)
^bb5(%b5a0: i32):
  cf.br ^bb5(%b5a0 : i32)
^bb6(%b6a0: i32, %b6a1: i32):
  %v6_0 = arith.addi %z, %b6a0 : i32
  %v6_1 = arith.muli %b6a1, %v6_0 : i32
  %v6_2 = arith.muli %v6_1, %z : i32
  cf.br ^bb3
}
func.func @s2_f10(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.addi %z, %x : i32
  cf.br ^bb2(%v0_0 : i32)
^bb1(%b1a0: i32, %b1a1: i32):
  memref.store %x, %m[] : memref<i32>
  return %b1a0 : i32
^bb2(%b2a0: i32):
  %v2_0 = arith.muli %z, %x : i32
  %v2_1 = arith.muli %y, %b2a0 : i32
  cf.switch %v2_1 : i32, [
    default: ^bb2(%z : i32),
    0: ^bb2(%v2_1 : i32),
    1: ^bb4
  ]
^bb3(%b3a0: i32, %b3a1: i32):
  %v3_0 = arith.addi %y, %b3a0 : i32
  memref.store %z, %m[] : memref<i32>
  cf.br ^bb2(%y : i32)
^bb4:
  memref.store %z, %m[] : memref<i32>
  %v4_1 = arith.muli %z, %y : i32
  cf.switch %v4_1 : i32, [
    default: ^bb2(%z : i32),
    0: ^bb5(%z, %v4_1 : i32, i32),
    1: ^bb6(%z, %x : i32, i32),
    2: ^bb3(%z, %v4_1 : i32, i32)
  ]
^bb5(%b5a0: i32, %b5a1: i32):
  %v5_0 = arith.muli %x, %y : i32
  memref.store %y, %m[] : memref<i32>
  return %y : i32
^bb6(%b6a0: i32, %b6a1: i32):
  %v6_0 = arith.muli %b6a0, %x : i32
  %v6_1 = arith.muli %b6a1, %b6a0 : i32
  cf.br ^bb2(%z : i32)
}
func.func @s2_f11(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %y, %m[] : memref<i32>
  return %y : i32
^bb1:
  %v1_0 = arith.addi %x, %x : i32
  memref.store %x, %m[] : memref<i32>
  cf.switch %y : i32, [
    default: ^bb1,
    0: ^bb3,
    1: ^bb1,
    2: ^bb1
  ]
^bb2(%b2a0: i32):
  %v2_0 = arith.muli %z, %y : i32
  memref.store %x, %m[] : memref<i32>
  memref.store %v2_0, %m[] : memref<i32>
  return %x : i32
^bb3:
  memref.store %y, %m[] : memref<i32>
  memref.store %z, %m[] : memref<i32>
  memref.store %z, %m[] : memref<i32>
  cf.cond_br %c1, ^bb2(%z : i32), ^bb2(%x : i32)
}
func.func @s2_f12(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  cf.br ^bb2(%x, %z : i32, i32)
^bb1(%b1a0: i32):
  %v1_0 = arith.addi %z, %b1a0 : i32
  cf.br ^bb3(%y : i32)
^bb2(%b2a0: i32, %b2a1: i32):
  %v2_0 = arith.muli %b2a0, %x : i32
  cf.switch %y : i32, [
    default: ^bb1(%y : i32),
    0: ^bb4,
    1: ^bb1(%b2a0 : i32),
    2: ^bb2(%x, %b2a0 : i32, i32)
  ]
^bb3(%b3a0: i32):
  return %x : i32
^bb4:
  memref.store %x, %m[] : memref<i32>
  %v4_1 = arith.addi %x, %x : i32
  return %v4_1 : i32
}
func.func @s2_f13(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %y, %m[] : memref<i32>
  cf.cond_br %c1, ^bb1, ^bb1
^bb1:
  memref.store %x, %m[] : memref<i32>
  cf.br ^bb2(%y, %y : i32, i32)
^bb2(%b2a0: i32, %b2a1: i32):
  %v2_0 = arith.muli %b2a0, %z : i32
  cf.cond_br %c0, ^bb2(%z, %z : i32, i32), ^bb2(%z, %y : i32, i32)
}
func.func @s2_f14(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  return %z : i32
^bb1(%b1a0: i32, %b1a1: i32):
  %v1_0 = arith.addi %b1a0, %b1a1 : i32
  cf.cond_br %c0, ^bb3(%v1_0, %v1_0 : i32, i32), ^bb4(%b1a1, %x : i32, i32)
^bb2:
  memref.store %z, %m[] : memref<i32>
  return %x : i32
^bb3(%b3a0: i32, %b3a1: i32):
  return %b3a1 : i32
^bb4(%b4a0: i32, %b4a1: i32):
  memref.store %x, %m[] : memref<i32>
  cf.cond_br %c0, ^bb2, ^bb3(%z, %b4a1 : i32, i32)
}
func.func @s2_f15(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  cf.br ^bb1
^bb1:
  memref.store %x, %m[] : memref<i32>
  %v1_1 = arith.muli %y, %z : i32
  cf.cond_br %c0, ^bb4(%y, %y : i32, i32), ^bb4(%v1_1, %z : i32, i32)
^bb2(%b2a0: i32):
  %v2_0 = arith.muli %z, %y : i32
  %v2_1 = arith.muli %b2a0, %v2_0 : i32
  %v2_2 = arith.muli %y, %z : i32
  return %v2_0 : i32
^bb3(%b3a0: i32):
  memref.store %z, %m[] : memref<i32>
  cf.cond_br %c1, ^bb1, ^bb1
^bb4(%b4a0: i32, %b4a1: i32):
  return %z : i32
^bb5(%b5a0: i32, %b5a1: i32):
  cf.br ^bb3(%z : i32)
}
func.func @s2_f16(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  cf.br ^bb2(%x : i32)
^bb1:
  %v1_0 = arith.addi %y, %z : i32
  cf.cond_br %c1, ^bb3(%x : i32), ^bb4(%v1_0, %y : i32, i32)
^bb2(%b2a0: i32):
  memref.store %y, %m[] : memref<i32>
  cf.cond_br %c1, ^bb4(%b2a0, %y : i32, i32), ^bb2(%x : i32)
^bb3(%b3a0: i32):
  memref.store %y, %m[] : memref<i32>
  memref.store %x, %m[] : memref<i32>
  cf.br ^bb4(%b3a0, %z : i32, i32)
^bb4(%b4a0: i32, %b4a1: i32):
  %v4_0 = arith.addi %x, %b4a1 : i32
  cf.cond_br %c0, ^bb1, ^bb4(%v4_0, %b4a0 : i32, i32)
}
func.func @s2_f17(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %z, %m[] : memref<i32>
  memref.store %z, %m[] : memref<i32>
  cf.cond_br %c0, ^bb3(%x : i32), ^bb1
^bb1:
  %v1_0 = arith.addi %z, %x : i32
  %v1_1 = arith.muli %x, %y : i32
  memref.store %x, %m[] : memref<i32>
  cf.cond_br %c0, ^bb4, ^bb2(%x, %z : i32, i32)
^bb2(%b2a0: i32, %b2a1: i32):
  %v2_0 = arith.muli %b2a1, %z : i32
  memref.store %x, %m[] : memref<i32>
  cf.br ^bb3(%z : i32)
^bb3(%b3a0: i32):
  memref.store %z, %m[] : memref<i32>
  %v3_1 = arith.addi %z, %b3a0 : i32
  cf.br ^bb1
^bb4:
  cf.cond_br %c1, ^bb4, ^bb4
}
func.func @s2_f18(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  return %z : i32
^bb1:
  memref.store %y, %m[] : memref<i32>
  memref.store %x, %m[] : memref<i32>
  cf.cond_br %c0, ^bb2, ^bb1
^bb2:
  %v2_0 = arith.addi %z, %x : i32
  %v2_1 = arith.addi %y, %x : i32
  cf.cond_br %c0, ^bb2, ^bb1
}
func.func @s2_f19(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.muli %x, %x : i32
  %v0_1 = arith.addi %z, %x : i32
  memref.store %v0_0, %m[] : memref<i32>
  cf.cond_br %c1, ^bb1(%v0_0, %v0_1 : i32, i32), ^bb1(%z, %y : i32, i32)
^bb1(%b1a0: i32, %b1a1: i32):
  cf.br ^bb1(%y, %b1a0 : i32, i32)
}
func.func @s3_f0(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.addi %z, %y : i32
  cf.cond_br %c1, ^bb2(%y, %y : i32, i32), ^bb2(%v0_0, %v0_0 : i32, i32)
^bb1(%b1a0: i32, %b1a1: i32):
  %v1_0 = arith.muli %y, %b1a1 : i32
  cf.cond_br %c0, ^bb1(%b1a1, %x : i32, i32), ^bb2(%x, %z : i32, i32)
^bb2(%b2a0: i32, %b2a1: i32):
  memref.store %b2a0, %m[] : memref<i32>
  %v2_1 = arith.addi %b2a1, %b2a0 : i32
  memref.store %x, %m[] : memref<i32>
  return %y : i32
}
func.func @s3_f1(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.muli %y, %z : i32
  memref.store %v0_0, %m[] : memref<i32>
  cf.switch %z : i32, [
    default: ^bb1(%x, %v0_0 : i32, i32),
    0: ^bb1(%z, %y : i32, i32),
    1: ^bb3(%z, %x : i32, i32),
    2: ^bb3(%y, %z : i32, i32)
  ]
^bb1(%b1a0: i32, %b1a1: i32):
  %v1_0 = arith.addi %x, %b1a0 : i32
  %v1_1 = arith.addi %b1a0, %b1a0 : i32
  %v1_2 = arith.addi %b1a1, %v1_1 : i32
  cf.br ^bb3(%v1_0, %b1a1 : i32, i32)
^bb2(%b2a0: i32):
  memref.store %z, %m[] : memref<i32>
  return %x : i32
^bb3(%b3a0: i32, %b3a1: i32):
  memref.store %z, %m[] : memref<i32>
  cf.br ^bb3(%x, %z : i32, i32)
}
func.func @s3_f2(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.addi %z, %y : i32
  memref.store %z, %m[] : memref<i32>
  memref.store %y, %m[] : memref<i32>
  cf.br ^bb2
^bb1(%b1a0: i32):
  memref.store %x, %m[] : memref<i32>
  memref.store %z, %m[] : memref<i32>
  cf.br ^bb3(%y : i32)
^bb2:
  cf.cond_br %c1, ^bb2, ^bb2
^bb3(%b3a0: i32):
  memref.store %z, %m[] : memref<i32>
  %v3_1 = arith.muli %x, %x : i32
  cf.br ^bb2
}
func.func @s3_f3(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.muli %y, %y : i32
  cf.br ^bb2(%x, %x : i32, i32)
^bb1(%b1a0: i32, %b1a1: i32):
  %v1_0 = arith.addi %y, %z : i32
  cf.br ^bb3(%b1a0 : i32)
^bb2(%b2a0: i32, %b2a1: i32):
  return %z : i32
^bb3(%b3a0: i32):
  memref.store %y, %m[] : memref<i32>
  memref.store %y, %m[] : memref<i32>
  cf.br ^bb3(%y : i32)
}
func.func @s3_f4(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.muli %z, %x : i32
  cf.br ^bb1(%z : i32)
^bb1(%b1a0: i32):
  %v1_0 = arith.muli %z, %b1a0 : i32
  cf.cond_br %c1, ^bb4, ^bb5
^bb2(%b2a0: i32):
  %v2_0 = arith.addi %b2a0, %y : i32
  %v2_1 = arith.muli %v2_0, %v2_0 : i32
  memref.store %v2_1, %m[] : memref<i32>
  return %b2a0 : i32
^bb3:
  memref.store %x, %m[] : memref<i32>
  memref.store %y, %m[] : memref<i32>
  cf.cond_br %c0, ^bb1(%z : i32), ^bb5
^bb4:
  memref.store %y, %m[] : memref<i32>
  return %y : i32
^bb5:
  return %y : i32
}
func.func @s3_f5(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.muli %z, %x : i32
  %v0_1 = arith.muli %v0_0, %x : i32
  %v0_2 = arith.addi %x, %v0_1 : i32
  return %z : i32
^bb1(%b1a0: i32, %b1a1: i32):
  memref.store %x, %m[] : memref<i32>
  cf.cond_br %c1, ^bb1(%z, %y : i32, i32), ^bb2
^bb2:
  %v2_0 = arith.addi %y, %x : i32
  memref.store %x, %m[] : memref<i32>
  %v2_2 = arith.addi %v2_0, %x : i32
  cf.cond_br %c1, ^bb2, ^bb1(%z, %x : i32, i32)
}
func.func @s3_f6(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.muli %x, %y : i32
  %v0_1 = arith.addi %x, %v0_0 : i32
  cf.cond_br %c0, ^bb2(%v0_0, %v0_1 : i32, i32), ^bb3(%v0_1 : i32)
^bb1(%b1a0: i32):
  memref.store %x, %m[] : memref<i32>
  %v1_1 = arith.muli %b1a0, %z : i32
  memref.store %b1a0, %m[] : memref<i32>
  return %y : i32
^bb2(%b2a0: i32, %b2a1: i32):
  memref.store %x, %m[] : memref<i32>
  %v2_1 = arith.muli %y, %x : i32
  cf.br ^bb3(%z : i32)
^bb3(%b3a0: i32):
  cf.br ^bb1(%b3a0 : i32)
}
func.func @s3_f7(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  cf.br ^bb2(%y, %x : i32, i32)
^bb1:
  cf.cond_br %c1, ^bb2(%x, %y : i32, i32), ^bb1
^bb2(%b2a0: i32, %b2a1: i32):
  cf.cond_br %c1, ^bb6, ^bb3(%b2a1 : i32)
^bb3(%b3a0: i32):
  memref.store %x, %m[] : memref<i32>
  %v3_1 = arith.muli %x, %x : i32
  cf.switch %y : i32, [
    default: ^bb2(%y, %b3a0 : i32, i32),
    0: ^bb1
  ]
^bb4(%b4a0: i32, %b4a1: i32):
  %v4_0 = arith.muli %b4a1, %b4a0 : i32
  memref.store %x, %m[] : memref<i32>
  memref.store %b4a0, %m[] : memref<i32>
  cf.switch %b4a1 : i32, [
    default: ^bb6,
    0: ^bb6,
    1: ^bb5(%b4a1, %v4_0 : i32, i32)
  ]
^bb5(%b5a0: i32, %b5a1: i32):
  %v5_0 = arith.addi %b5a0, %y : i32
  %v5_1 = arith.muli %v5_0, %b5a0 : i32
  memref.store %v5_1, %m[] : memref<i32>
  return %v5_1 : i32
^bb6:
  %v6_0 = arith.addi %z, %y : i32
  cf.switch %z : i32, [
    default: ^bb4(%v6_0, %y : i32, i32),
    0: ^bb3(%v6_0 : i32),
    1: ^bb5(%z, %y : i32, i32),
    2: ^bb3(%x : i32)
  ]
}
func.func @s3_f8(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.muli %x, %y : i32
  cf.cond_br %c0, ^bb2(%x : i32), ^bb2(%x : i32)
^bb1(%b1a0: i32, %b1a1: i32):
  memref.store %x, %m[] : memref<i32>
  memref.store %y, %m[] : memref<i32>
  memref.store %z, %m[] : memref<i32>
  cf.switch %x : i32, [
    default: ^bb2(%y : i32),
    0: ^bb1(%y, %b1a1 : i32, i32),
    1: ^bb1(%z, %y : i32, i32)
  ]
^bb2(%b2a0: i32):
  %v2_0 = arith.addi %x, %x : i32
  %v2_1 = arith.muli %z, %x : i32
  %v2_2 = arith.muli %v2_1, %v2_1 : i32
  return %z : i32
}
func.func @s3_f9(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  return %z : i32
^bb1(%b1a0: i32):
  %v1_0 = arith.muli %z, %x : i32
  %v1_1 = arith.muli %b1a0, %x : i32
  memref.store %z, %m[] : memref<i32>
  cf.cond_br %c1, ^bb3(%z : i32), ^bb2(%z : i32)
^bb2(%b2a0: i32):
  %v2_0 = arith.muli %z, %x : i32
  memref.store %x, %m[] : memref<i32>
  cf.cond_br %c0, ^bb3(%y : i32), ^bb1(%z : i32)
^bb3(%b3a0: i32):
  %v3_0 = arith.muli %y, %z : i32
  memref.store %y, %m[] : memref<i32>
  %v3_2 = arith.addi %y, %x : i32
  cf.cond_br %c1, ^bb2(%x : i32), ^bb2(%z : i32)
}
func.func @s3_f10(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.muli %z, %y : i32
  memref.store %v0_0, %m[] : memref<i32>
  cf.br ^bb1
^bb1:
  %v1_0 = arith.addi %x, %z : i32
  cf.cond_br %c0, ^bb2, ^bb2
^bb2:
  memref.store %y, %m[] : memref<i32>
  %v2_1 = arith.muli %z, %x : i32
  memref.store %y, %m[] : memref<i32>
  return %z : i32
^bb3:
  memref.store %x, %m[] : memref<i32>
  memref.store %y, %m[] : memref<i32>
  cf.cond_br %c1, ^bb4(%z : i32), ^bb3
^bb4(%b4a0: i32):
  %v4_0 = arith.addi %y, %x : i32
  memref.store %y, %m[] : memref<i32>
  %v4_2 = arith.addi %b4a0, %y : i32
  cf.cond_br %c0, ^bb1, ^bb4(%x : i32)
}
func.func @s3_f11(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  cf.cond_br %c0, ^bb1(%y : i32), ^bb5(%x : i32)
^bb1(%b1a0: i32):
  cf.br ^bb1(%z : i32)
^bb2(%b2a0: i32, %b2a1: i32):
  %v2_0 = arith.addi %z, %y : i32
  memref.store %b2a1, %m[] : memref<i32>
  cf.cond_br %c1, ^bb2(%x, %y : i32, i32), ^bb4
^bb3:
  %v3_0 = arith.muli %x, %x : i32
  return %y : i32
^bb4:
  %v4_0 = arith.addi %y, %z : i32
  cf.cond_br %c1, ^bb2(%v4_0, %z : i32, i32), ^bb1(%v4_0 : i32)
^bb5(%b5a0: i32):
  memref.store %b5a0, %m[] : memref<i32>
  %v5_1 = arith.muli %x, %z : i32
  memref.store %b5a0, %m[] : memref<i32>
  cf.br ^bb4
}
func.func @s3_f12(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %x, %m[] : memref<i32>
  memref.store %x, %m[] : memref<i32>
  return %z : i32
^bb1:
  memref.store %z, %m[] : memref<i32>
  %v1_1 = arith.muli %z, %x : i32
  %v1_2 = arith.muli %x, %x : i32
  cf.br ^bb2
^bb2:
  cf.cond_br %c0, ^bb1, ^bb2
}
func.func @s3_f13(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.addi %x, %x : i32
  %v0_1 = arith.muli %y, %y : i32
  memref.store %z, %m[] : memref<i32>
  cf.cond_br %c1, ^bb1(%v0_0 : i32), ^bb1(%v0_0 : i32)
^bb1(%b1a0: i32):
  memref.store %x, %m[] : memref<i32>
  cf.cond_br %c1, ^bb1(%x : i32), ^bb1(%b1a0 : i32)
}
func.func @s3_f14(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  return %z : i32
^bb1(%b1a0: i32, %b1a1: i32):
  return %b1a1 : i32
}
func.func @s3_f15(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  return %z : i32
^bb1(%b1a0: i32):
  %v1_0 = arith.muli %b1a0, %z : i32
  memref.store %x, %m[] : memref<i32>
  cf.br ^bb1(%x : i32)
}
func.func @s3_f16(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %z, %m[] : memref<i32>
  memref.store %y, %m[] : memref<i32>
  memref.store %z, %m[] : memref<i32>
  cf.cond_br %c1, ^bb1, ^bb2(%y : i32)
^bb1:
  %v1_0 = arith.muli %z, %y : i32
  %v1_1 = arith.muli %y, %v1_0 : i32
  %v1_2 = arith.muli %y, %x : i32
  return %v1_2 : i32
^bb2(%b2a0: i32):
  cf.br ^bb3
^bb3:
  cf.switch %z : i32, [
    default: ^bb3,
    0: ^bb2(%y : i32)
  ]
}
func.func @s3_f17(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.muli %x, %y : i32
  return %x : i32
^bb1(%b1a0: i32):
  %v1_0 = arith.addi %x, %y : i32
  cf.cond_br %c0, ^bb1(%y : i32), ^bb2
^bb2:
  %v2_0 = arith.muli %z, %z : i32
  cf.cond_br %c1, ^bb3, ^bb1(%v2_0 : i32)
^bb3:
  memref.store %x, %m[] : memref<i32>
  cf.cond_br %c0, ^bb1(%y : i32), ^bb1(%x : i32)
}
func.func @s3_f18(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  cf.cond_br %c1, ^bb4(%z, %z : i32, i32), ^bb4(%x, %y : i32, i32)
^bb1(%b1a0: i32):
  memref.store %y, %m[] : memref<i32>
  memref.store %b1a0, %m[] : memref<i32>
  memref.store %x, %m[] : memref<i32>
  cf.br ^bb4(%x, %z : i32, i32)
^bb2:
  memref.store %x, %m[] : memref<i32>
  memref.store %x, %m[] : memref<i32>
  memref.store %x, %m[] : memref<i32>
  return %y : i32
^bb3(%b3a0: i32, %b3a1: i32):
  cf.br ^bb3(%y, %y : i32, i32)
^bb4(%b4a0: i32, %b4a1: i32):
  memref.store %b4a1, %m[] : memref<i32>
  cf.switch %z : i32, [
    default: ^bb1(%y : i32),
    0: ^bb4(%z, %y : i32, i32),
    1: ^bb4(%b4a0, %b4a0 : i32, i32),
    2: ^bb4(%b4a1, %x : i32, i32)
  ]
}
func.func @s3_f19(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.muli %z, %x : i32
  return %y : i32
^bb1:
  %v1_0 = arith.muli %x, %y : i32
  memref.store %z, %m[] : memref<i32>
  return %z : i32
}
