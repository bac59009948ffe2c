// -canonicalize at the normal and aggressive region-simplify levels gives
// exactly mlir-opt 19's output on cf-heavy functions (random CFGs of
// cf.br / cf.cond_br with block arguments, duplicated blocks and stores;
// made by a seeded generator, kept here as the input).
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
  cf.cond_br %c1, ^bb1(%y, %z : i32, i32), ^bb1(%z, %x : i32, i32)
}
func.func @s1_f1(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %y, %m[] : memref<i32>
  cf.cond_br %c1, ^bb1(%x : i32), ^bb3
^bb1(%b1a0: i32):
  cf.cond_br %c1, ^bb2(%z, %z : i32, i32), ^bb4(%b1a0 : i32)
^bb2(%b2a0: i32, %b2a1: i32):
  cf.br ^bb4(%b2a0 : i32)
^bb3:
  %v3_0 = arith.muli %z, %z : i32
  return %x : i32
^bb4(%b4a0: i32):
  memref.store %b4a0, %m[] : memref<i32>
  cf.br ^bb1(%b4a0 : i32)
}
func.func @s1_f2(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %x, %m[] : memref<i32>
  %v0_1 = arith.addi %x, %x : i32
  %v0_2 = arith.muli %z, %z : i32
  cf.cond_br %c0, ^bb1(%v0_2 : i32), ^bb1(%v0_2 : i32)
^bb1(%b1a0: i32):
  %v1_0 = arith.muli %x, %b1a0 : i32
  cf.cond_br %c0, ^bb1(%b1a0 : i32), ^bb1(%b1a0 : i32)
}
func.func @s1_f3(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.addi %x, %x : i32
  memref.store %y, %m[] : memref<i32>
  cf.cond_br %c1, ^bb1, ^bb3(%x, %x : i32, i32)
^bb1:
  cf.br ^bb2(%x, %y : i32, i32)
^bb2(%b2a0: i32, %b2a1: i32):
  cf.cond_br %c0, ^bb2(%z, %x : i32, i32), ^bb1
^bb3(%b3a0: i32, %b3a1: i32):
  %v3_0 = arith.muli %y, %z : i32
  cf.br ^bb2(%b3a0, %b3a0 : i32, i32)
}
func.func @s1_f4(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.muli %y, %x : i32
  %v0_1 = arith.addi %y, %v0_0 : i32
  return %v0_0 : i32
^bb1:
  %v1_0 = arith.muli %x, %y : i32
  cf.cond_br %c0, ^bb1, ^bb1
}
func.func @s1_f5(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %y, %m[] : memref<i32>
  memref.store %x, %m[] : memref<i32>
  cf.cond_br %c1, ^bb1(%x, %y : i32, i32), ^bb3(%z : i32)
^bb1(%b1a0: i32, %b1a1: i32):
  %v1_0 = arith.addi %z, %y : i32
  cf.cond_br %c0, ^bb5(%y, %b1a1 : i32, i32), ^bb4(%y, %v1_0 : i32, i32)
^bb2:
  cf.br ^bb3(%x : i32)
^bb3(%b3a0: i32):
  memref.store %b3a0, %m[] : memref<i32>
  cf.br ^bb4(%z, %b3a0 : i32, i32)
^bb4(%b4a0: i32, %b4a1: i32):
  cf.br ^bb4(%z, %x : i32, i32)
^bb5(%b5a0: i32, %b5a1: i32):
  %v5_0 = arith.addi %z, %b5a1 : i32
  cf.br ^bb2
}
func.func @s1_f6(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %z, %m[] : memref<i32>
  %v0_1 = arith.addi %z, %x : i32
  cf.cond_br %c0, ^bb1(%y, %y : i32, i32), ^bb3(%y : i32)
^bb1(%b1a0: i32, %b1a1: i32):
  memref.store %b1a1, %m[] : memref<i32>
  memref.store %z, %m[] : memref<i32>
  cf.br ^bb2
^bb2:
  memref.store %z, %m[] : memref<i32>
  cf.cond_br %c0, ^bb3(%z : i32), ^bb1(%y, %x : i32, i32)
^bb3(%b3a0: i32):
  %v3_0 = arith.muli %y, %y : i32
  %v3_1 = arith.addi %v3_0, %b3a0 : i32
  memref.store %y, %m[] : memref<i32>
  return %z : i32
}
func.func @s1_f7(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  cf.br ^bb2(%x, %x : i32, i32)
^bb1(%b1a0: i32):
  %v1_0 = arith.muli %x, %x : i32
  %v1_1 = arith.addi %x, %y : i32
  cf.cond_br %c1, ^bb1(%x : i32), ^bb2(%y, %v1_1 : i32, i32)
^bb2(%b2a0: i32, %b2a1: i32):
  %v2_0 = arith.muli %x, %b2a0 : i32
  cf.cond_br %c1, ^bb3(%z, %v2_0 : i32, i32), ^bb2(%z, %x : i32, i32)
^bb3(%b3a0: i32, %b3a1: i32):
  memref.store %x, %m[] : memref<i32>
  return %z : i32
}
func.func @s1_f8(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  return %y : i32
^bb1(%b1a0: i32, %b1a1: i32):
  %v1_0 = arith.muli %y, %b1a1 : i32
  memref.store %z, %m[] : memref<i32>
  memref.store %z, %m[] : memref<i32>
  return %x : i32
^bb2(%b2a0: i32):
  %v2_0 = arith.muli %b2a0, %x : i32
  memref.store %b2a0, %m[] : memref<i32>
  return %y : i32
^bb3(%b3a0: i32):
  memref.store %z, %m[] : memref<i32>
  %v3_1 = arith.addi %x, %y : i32
  return %y : i32
^bb4(%b4a0: i32):
  %v4_0 = arith.addi %x, %x : i32
  memref.store %z, %m[] : memref<i32>
  %v4_2 = arith.muli %y, %x : i32
  return %v4_2 : i32
^bb5(%b5a0: i32):
  %v5_0 = arith.muli %y, %y : i32
  cf.br ^bb6(%v5_0 : i32)
^bb6(%b6a0: i32):
  %v6_0 = arith.addi %y, %y : i32
  memref.store %v6_0, %m[] : memref<i32>
  cf.cond_br %c0, ^bb2(%z : i32), ^bb4(%v6_0 : i32)
}
func.func @s1_f9(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.muli %x, %z : i32
  cf.cond_br %c1, ^bb2(%v0_0, %x : i32, i32), ^bb2(%z, %y : i32, i32)
^bb1:
  %v1_0 = arith.addi %z, %y : i32
  %v1_1 = arith.addi %z, %y : i32
  return %z : i32
^bb2(%b2a0: i32, %b2a1: i32):
  memref.store %y, %m[] : memref<i32>
  %v2_1 = arith.addi %b2a0, %x : i32
  memref.store %b2a1, %m[] : memref<i32>
  cf.cond_br %c0, ^bb1, ^bb2(%b2a0, %v2_1 : i32, i32)
}
func.func @s1_f10(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %x, %m[] : memref<i32>
  memref.store %z, %m[] : memref<i32>
  cf.cond_br %c0, ^bb2(%y, %y : i32, i32), ^bb3(%z : i32)
^bb1:
  %v1_0 = arith.muli %z, %z : i32
  memref.store %x, %m[] : memref<i32>
  return %z : i32
^bb2(%b2a0: i32, %b2a1: i32):
  %v2_0 = arith.muli %b2a1, %x : i32
  memref.store %v2_0, %m[] : memref<i32>
  %v2_2 = arith.addi %b2a1, %y : i32
  cf.cond_br %c0, ^bb3(%v2_0 : i32), ^bb1
^bb3(%b3a0: i32):
  memref.store %x, %m[] : memref<i32>
  memref.store %x, %m[] : memref<i32>
  cf.cond_br %c0, ^bb4(%b3a0 : i32), ^bb4(%y : i32)
^bb4(%b4a0: i32):
  %v4_0 = arith.addi %b4a0, %y : i32
  %v4_1 = arith.addi %v4_0, %b4a0 : i32
  cf.cond_br %c1, ^bb2(%b4a0, %v4_1 : i32, i32), ^bb1
}
func.func @s1_f11(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  return %z : i32
^bb1(%b1a0: i32, %b1a1: i32):
  memref.store %y, %m[] : memref<i32>
  cf.br ^bb1(%z, %z : i32, i32)
^bb2(%b2a0: i32):
  memref.store %b2a0, %m[] : memref<i32>
  memref.store %b2a0, %m[] : memref<i32>
  cf.cond_br %c0, ^bb2(%y : i32), ^bb2(%x : i32)
}
func.func @s1_f12(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  cf.cond_br %c0, ^bb1, ^bb1
^bb1:
  %v1_0 = arith.muli %z, %y : i32
  %v1_1 = arith.muli %v1_0, %v1_0 : i32
  cf.br ^bb1
}
func.func @s1_f13(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.addi %y, %y : i32
  memref.store %z, %m[] : memref<i32>
  memref.store %v0_0, %m[] : memref<i32>
  cf.cond_br %c1, ^bb3(%y, %v0_0 : i32, i32), ^bb3(%y, %z : i32, i32)
^bb1(%b1a0: i32, %b1a1: i32):
  cf.cond_br %c1, ^bb2(%z, %b1a1 : i32, i32), ^bb3(%x, %b1a0 : i32, i32)
^bb2(%b2a0: i32, %b2a1: i32):
  memref.store %z, %m[] : memref<i32>
  cf.br ^bb3(%y, %b2a0 : i32, i32)
^bb3(%b3a0: i32, %b3a1: i32):
  memref.store %x, %m[] : memref<i32>
  %v3_1 = arith.muli %z, %b3a0 : i32
  return %z : i32
}
func.func @s1_f14(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %z, %m[] : memref<i32>
  %v0_1 = arith.muli %y, %x : i32
  return %y : i32
^bb1:
  cf.br ^bb3(%z, %y : i32, i32)
^bb2(%b2a0: i32):
  memref.store %y, %m[] : memref<i32>
  cf.br ^bb1
^bb3(%b3a0: i32, %b3a1: i32):
  %v3_0 = arith.addi %b3a1, %x : i32
  %v3_1 = arith.muli %v3_0, %v3_0 : i32
  cf.br ^bb2(%b3a0 : i32)
^bb4:
  %v4_0 = arith.muli %y, %z : i32
  memref.store %z, %m[] : memref<i32>
  memref.store %x, %m[] : memref<i32>
  cf.br ^bb4
}
func.func @s1_f15(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  cf.cond_br %c0, ^bb2, ^bb1(%z : i32)
^bb1(%b1a0: i32):
  %v1_0 = arith.addi %y, %y : i32
  memref.store %b1a0, %m[] : memref<i32>
  cf.br ^bb2
^bb2:
  %v2_0 = arith.muli %x, %z : i32
  return %y : i32
}
func.func @s1_f16(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  return %z : i32
^bb1(%b1a0: i32):
  cf.cond_br %c0, ^bb1(%b1a0 : i32), ^bb4
^bb2(%b2a0: i32):
  memref.store %z, %m[] : memref<i32>
  memref.store %y, %m[] : memref<i32>
  return %y : i32
^bb3:
  %v3_0 = arith.addi %x, %x : i32
  memref.store %v3_0, %m[] : memref<i32>
  %v3_2 = arith.muli %z, %z : i32
  cf.cond_br %c0, ^bb1(%x : i32), ^bb1(%x : i32)
^bb4:
  %v4_0 = arith.muli %y, %z : i32
  memref.store %v4_0, %m[] : memref<i32>
  memref.store %y, %m[] : memref<i32>
  return %y : i32
}
func.func @s1_f17(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  cf.br ^bb3(%x, %x : i32, i32)
^bb1(%b1a0: i32, %b1a1: i32):
  cf.cond_br %c0, ^bb1(%z, %x : i32, i32), ^bb4(%x : i32)
^bb2:
  %v2_0 = arith.muli %z, %x : i32
  cf.cond_br %c0, ^bb6, ^bb4(%v2_0 : i32)
^bb3(%b3a0: i32, %b3a1: i32):
  memref.store %z, %m[] : memref<i32>
  %v3_1 = arith.addi %b3a1, %b3a1 : i32
  cf.br ^bb5(%v3_1 : i32)
^bb4(%b4a0: i32):
  cf.cond_br %c1, ^bb5(%y : i32), ^bb6
^bb5(%b5a0: i32):
  memref.store %x, %m[] : memref<i32>
  memref.store %x, %m[] : memref<i32>
  %v5_2 = arith.addi %x, %y : i32
  cf.cond_br %c1, ^bb1(%x, %x : i32, i32), ^bb5(%b5a0 : i32)
^bb6:
  %v6_0 = arith.addi %y, %x : i32
  memref.store %v6_0, %m[] : memref<i32>
  cf.cond_br %c1, ^bb1(%z, %x : i32, i32), ^bb3(%z, %x : i32, i32)
}
func.func @s1_f18(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.muli %x, %y : i32
  memref.store %z, %m[] : memref<i32>
  cf.br ^bb1
^bb1:
  %v1_0 = arith.muli %y, %z : i32
  cf.cond_br %c1, ^bb1, ^bb1
^bb2(%b2a0: i32):
  memref.store %x, %m[] : memref<i32>
  memref.store %y, %m[] : memref<i32>
  %v2_2 = arith.muli %z, %x : i32
  cf.br ^bb3
^bb3:
  return %z : i32
}
func.func @s1_f19(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.addi %z, %z : i32
  memref.store %y, %m[] : memref<i32>
  cf.cond_br %c1, ^bb3(%x : i32), ^bb4(%z : i32)
^bb1(%b1a0: i32):
  %v1_0 = arith.addi %z, %b1a0 : i32
  memref.store %x, %m[] : memref<i32>
  %v1_2 = arith.muli %b1a0, %v1_0 : i32
  cf.cond_br %c1, ^bb3(%v1_2 : i32), ^bb3(%b1a0 : i32)
^bb2(%b2a0: i32):
  %v2_0 = arith.addi %z, %y : i32
  %v2_1 = arith.addi %y, %v2_0 : i32
  cf.cond_br %c0, ^bb4(%v2_1 : i32), ^bb5(%x : i32)
^bb3(%b3a0: i32):
  cf.cond_br %c1, ^bb1(%y : i32), ^bb3(%x : i32)
^bb4(%b4a0: i32):
  cf.cond_br %c0, ^bb2(%b4a0 : i32), ^bb1(%z : i32)
^bb5(%b5a0: i32):
  memref.store %z, %m[] : memref<i32>
  memref.store %b5a0, %m[] : memref<i32>
  %v5_2 = arith.muli %z, %y : i32
  cf.cond_br %c1, ^bb4(%y : i32), ^bb1(%v5_2 : i32)
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
  cf.cond_br %c0, ^bb1, ^bb1
}
func.func @s2_f2(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %y, %m[] : memref<i32>
  cf.cond_br %c0, ^bb4(%y : i32), ^bb4(%z : i32)
^bb1(%b1a0: i32, %b1a1: i32):
  memref.store %b1a0, %m[] : memref<i32>
  %v1_1 = arith.muli %b1a1, %b1a0 : i32
  cf.cond_br %c1, ^bb6(%y : i32), ^bb5(%z : i32)
^bb2(%b2a0: i32):
  %v2_0 = arith.addi %b2a0, %z : i32
  %v2_1 = arith.addi %z, %v2_0 : i32
  memref.store %z, %m[] : memref<i32>
  return %y : i32
^bb3(%b3a0: i32, %b3a1: i32):
  return %x : i32
^bb4(%b4a0: i32):
  memref.store %x, %m[] : memref<i32>
  memref.store %y, %m[] : memref<i32>
  cf.cond_br %c0, ^bb4(%x : i32), ^bb1(%z, %z : i32, i32)
^bb5(%b5a0: i32):
  %v5_0 = arith.addi %x, %x : i32
  cf.cond_br %c0, ^bb1(%x, %z : i32, i32), ^bb3(%y, %y : i32, i32)
^bb6(%b6a0: i32):
  memref.store %x, %m[] : memref<i32>
  cf.cond_br %c0, ^bb2(%x : i32), ^bb1(%z, %x : i32, i32)
}
func.func @s2_f3(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.addi %z, %z : i32
  memref.store %v0_0, %m[] : memref<i32>
  cf.br ^bb1(%x : i32)
^bb1(%b1a0: i32):
  memref.store %x, %m[] : memref<i32>
  memref.store %y, %m[] : memref<i32>
  cf.br ^bb2(%y : i32)
^bb2(%b2a0: i32):
  %v2_0 = arith.addi %b2a0, %x : i32
  memref.store %z, %m[] : memref<i32>
  return %y : i32
^bb3:
  cf.br ^bb1(%z : i32)
}
func.func @s2_f4(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.muli %x, %z : i32
  %v0_1 = arith.addi %v0_0, %z : i32
  return %v0_0 : i32
^bb1:
  %v1_0 = arith.addi %z, %z : i32
  %v1_1 = arith.addi %x, %x : i32
  memref.store %x, %m[] : memref<i32>
  return %v1_0 : i32
^bb2:
  %v2_0 = arith.addi %z, %y : i32
  memref.store %y, %m[] : memref<i32>
  %v2_2 = arith.muli %x, %x : i32
  cf.cond_br %c0, ^bb1, ^bb6
^bb3:
  %v3_0 = arith.muli %z, %x : i32
  %v3_1 = arith.addi %z, %z : i32
  memref.store %v3_0, %m[] : memref<i32>
  return %y : i32
^bb4(%b4a0: i32, %b4a1: i32):
  cf.cond_br %c0, ^bb4(%b4a0, %b4a0 : i32, i32), ^bb2
^bb5(%b5a0: i32):
  return %x : i32
^bb6:
  %v6_0 = arith.addi %z, %x : i32
  memref.store %y, %m[] : memref<i32>
  cf.cond_br %c1, ^bb6, ^bb4(%y, %z : i32, i32)
}
func.func @s2_f5(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  cf.cond_br %c1, ^bb4, ^bb2(%z : i32)
^bb1:
  return %z : i32
^bb2(%b2a0: i32):
  memref.store %b2a0, %m[] : memref<i32>
  %v2_1 = arith.muli %b2a0, %y : i32
  %v2_2 = arith.muli %v2_1, %b2a0 : i32
  cf.cond_br %c1, ^bb4, ^bb2(%y : i32)
^bb3:
  memref.store %z, %m[] : memref<i32>
  memref.store %z, %m[] : memref<i32>
  memref.store %z, %m[] : memref<i32>
  return %x : i32
^bb4:
  memref.store %x, %m[] : memref<i32>
  cf.cond_br %c0, ^bb2(%y : i32), ^bb4
}
func.func @s2_f6(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.addi %z, %y : i32
  %v0_1 = arith.muli %v0_0, %x : i32
  cf.cond_br %c1, ^bb1(%y, %v0_0 : i32, i32), ^bb1(%v0_0, %z : i32, i32)
^bb1(%b1a0: i32, %b1a1: i32):
  %v1_0 = arith.muli %x, %b1a1 : i32
  cf.cond_br %c0, ^bb2(%b1a1, %x : i32, i32), ^bb2(%z, %b1a0 : i32, i32)
^bb2(%b2a0: i32, %b2a1: i32):
  memref.store %b2a0, %m[] : memref<i32>
  %v2_1 = arith.addi %b2a1, %z : i32
  cf.cond_br %c0, ^bb1(%b2a0, %v2_1 : i32, i32), ^bb2(%v2_1, %x : i32, i32)
}
func.func @s2_f7(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %x, %m[] : memref<i32>
  %v0_1 = arith.muli %x, %z : i32
  memref.store %x, %m[] : memref<i32>
  cf.cond_br %c0, ^bb2(%y, %v0_1 : i32, i32), ^bb3(%y, %x : i32, i32)
^bb1(%b1a0: i32):
  %v1_0 = arith.addi %y, %b1a0 : i32
  memref.store %x, %m[] : memref<i32>
  %v1_2 = arith.addi %b1a0, %v1_0 : i32
  cf.cond_br %c1, ^bb3(%z, %b1a0 : i32, i32), ^bb2(%v1_0, %b1a0 : i32, i32)
^bb2(%b2a0: i32, %b2a1: i32):
  cf.cond_br %c1, ^bb1(%b2a0 : i32), ^bb2(%y, %x : i32, i32)
^bb3(%b3a0: i32, %b3a1: i32):
  %v3_0 = arith.addi %b3a0, %z : i32
  return %b3a1 : i32
}
func.func @s2_f8(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %x, %m[] : memref<i32>
  %v0_1 = arith.muli %z, %x : i32
  memref.store %z, %m[] : memref<i32>
  cf.br ^bb3
^bb1:
  %v1_0 = arith.muli %y, %z : i32
  memref.store %x, %m[] : memref<i32>
  cf.br ^bb2(%x : i32)
^bb2(%b2a0: i32):
  %v2_0 = arith.muli %b2a0, %y : i32
  %v2_1 = arith.muli %x, %x : i32
  cf.cond_br %c0, ^bb3, ^bb3
^bb3:
  cf.br ^bb3
^bb4(%b4a0: i32, %b4a1: i32):
  %v4_0 = arith.addi %z, %b4a0 : i32
  cf.cond_br %c1, ^bb2(%z : i32), ^bb3
}
func.func @s2_f9(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.addi %z, %y : i32
  %v0_1 = arith.muli %y, %y : i32
  memref.store %v0_0, %m[] : memref<i32>
  cf.cond_br %c1, ^bb2, ^bb2
^bb1:
  memref.store %z, %m[] : memref<i32>
  memref.store %z, %m[] : memref<i32>
  memref.store %z, %m[] : memref<i32>
  return %y : i32
^bb2:
  %v2_0 = arith.muli %y, %y : i32
  %v2_1 = arith.muli %y, %z : i32
  %v2_2 = arith.muli %x, %x : i32
  return %x : i32
}
func.func @s2_f10(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %y, %m[] : memref<i32>
  memref.store %y, %m[] : memref<i32>
  %v0_2 = arith.addi %y, %x : i32
  cf.cond_br %c1, ^bb3, ^bb2(%v0_2 : i32)
^bb1(%b1a0: i32, %b1a1: i32):
  %v1_0 = arith.addi %z, %y : i32
  memref.store %v1_0, %m[] : memref<i32>
  return %z : i32
^bb2(%b2a0: i32):
  cf.cond_br %c0, ^bb1(%b2a0, %b2a0 : i32, i32), ^bb3
^bb3:
  %v3_0 = arith.muli %z, %x : i32
  cf.cond_br %c1, ^bb2(%x : i32), ^bb4(%v3_0, %v3_0 : i32, i32)
^bb4(%b4a0: i32, %b4a1: i32):
  memref.store %b4a1, %m[] : memref<i32>
  %v4_1 = arith.muli %b4a1, %b4a1 : i32
  cf.cond_br %c1, ^bb2(%b4a0 : i32), ^bb4(%b4a1, %b4a0 : i32, i32)
^bb5(%b5a0: i32):
  cf.cond_br %c1, ^bb5(%y : i32), ^bb1(%y, %x : i32, i32)
^bb6:
  %v6_0 = arith.muli %z, %x : i32
  %v6_1 = arith.addi %z, %y : i32
  %v6_2 = arith.muli %v6_0, %x : i32
  cf.cond_br %c1, ^bb1(%v6_0, %y : i32, i32), ^bb1(%v6_0, %y : i32, i32)
}
func.func @s2_f11(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  return %z : i32
^bb1:
  cf.cond_br %c1, ^bb5(%x, %x : i32, i32), ^bb3(%y, %x : i32, i32)
^bb2:
  memref.store %x, %m[] : memref<i32>
  cf.br ^bb1
^bb3(%b3a0: i32, %b3a1: i32):
  memref.store %z, %m[] : memref<i32>
  cf.cond_br %c1, ^bb5(%b3a1, %y : i32, i32), ^bb5(%x, %y : i32, i32)
^bb4(%b4a0: i32, %b4a1: i32):
  %v4_0 = arith.muli %y, %z : i32
  cf.br ^bb4(%y, %b4a0 : i32, i32)
^bb5(%b5a0: i32, %b5a1: i32):
  memref.store %x, %m[] : memref<i32>
  %v5_1 = arith.muli %z, %z : i32
  cf.cond_br %c0, ^bb4(%v5_1, %y : i32, i32), ^bb5(%v5_1, %x : i32, i32)
}
func.func @s2_f12(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.addi %y, %z : i32
  cf.cond_br %c0, ^bb1(%v0_0, %x : i32, i32), ^bb1(%y, %z : i32, i32)
^bb1(%b1a0: i32, %b1a1: i32):
  cf.cond_br %c0, ^bb1(%b1a1, %y : i32, i32), ^bb1(%b1a0, %z : i32, i32)
}
func.func @s2_f13(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %z, %m[] : memref<i32>
  %v0_1 = arith.addi %y, %z : i32
  cf.br ^bb1
^bb1:
  memref.store %x, %m[] : memref<i32>
  %v1_1 = arith.muli %y, %z : i32
  cf.cond_br %c0, ^bb2(%y : i32), ^bb1
^bb2(%b2a0: i32):
  memref.store %z, %m[] : memref<i32>
  %v2_1 = arith.muli %z, %y : i32
  %v2_2 = arith.muli %b2a0, %v2_1 : i32
  cf.br ^bb1
}
func.func @s2_f14(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %z, %m[] : memref<i32>
  cf.cond_br %c0, ^bb3(%y : i32), ^bb1(%z, %y : i32, i32)
^bb1(%b1a0: i32, %b1a1: i32):
  return %x : i32
^bb2(%b2a0: i32, %b2a1: i32):
  memref.store %x, %m[] : memref<i32>
  cf.cond_br %c1, ^bb2(%x, %b2a0 : i32, i32), ^bb2(%x, %z : i32, i32)
^bb3(%b3a0: i32):
  %v3_0 = arith.addi %y, %b3a0 : i32
  cf.cond_br %c1, ^bb2(%x, %b3a0 : i32, i32), ^bb2(%y, %y : i32, i32)
}
func.func @s2_f15(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %z, %m[] : memref<i32>
  memref.store %x, %m[] : memref<i32>
  return %x : i32
^bb1(%b1a0: i32):
  memref.store %y, %m[] : memref<i32>
  memref.store %x, %m[] : memref<i32>
  cf.br ^bb4(%b1a0, %z : i32, i32)
^bb2:
  %v2_0 = arith.addi %x, %z : i32
  cf.cond_br %c0, ^bb1(%v2_0 : i32), ^bb4(%v2_0, %y : i32, i32)
^bb3:
  %v3_0 = arith.muli %z, %y : i32
  memref.store %v3_0, %m[] : memref<i32>
  cf.br ^bb1(%v3_0 : i32)
^bb4(%b4a0: i32, %b4a1: i32):
  return %y : i32
^bb5(%b5a0: i32, %b5a1: i32):
  %v5_0 = arith.addi %b5a1, %x : i32
  cf.cond_br %c0, ^bb5(%b5a1, %x : i32, i32), ^bb2
}
func.func @s2_f16(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.muli %z, %y : i32
  memref.store %x, %m[] : memref<i32>
  return %z : i32
^bb1(%b1a0: i32, %b1a1: i32):
  memref.store %z, %m[] : memref<i32>
  memref.store %b1a1, %m[] : memref<i32>
  cf.cond_br %c0, ^bb1(%z, %b1a0 : i32, i32), ^bb1(%z, %b1a1 : i32, i32)
^bb2:
  cf.cond_br %c0, ^bb4(%y : i32), ^bb4(%x : i32)
^bb3:
  %v3_0 = arith.muli %x, %x : i32
  cf.cond_br %c1, ^bb1(%x, %y : i32, i32), ^bb2
^bb4(%b4a0: i32):
  %v4_0 = arith.addi %z, %x : i32
  %v4_1 = arith.addi %v4_0, %y : i32
  %v4_2 = arith.muli %b4a0, %x : i32
  cf.cond_br %c0, ^bb1(%v4_0, %v4_0 : i32, i32), ^bb4(%b4a0 : i32)
}
func.func @s2_f17(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.addi %y, %x : i32
  cf.cond_br %c1, ^bb2(%v0_0 : i32), ^bb1
^bb1:
  memref.store %x, %m[] : memref<i32>
  %v1_1 = arith.addi %y, %z : i32
  memref.store %v1_1, %m[] : memref<i32>
  cf.cond_br %c1, ^bb2(%y : i32), ^bb2(%v1_1 : i32)
^bb2(%b2a0: i32):
  memref.store %z, %m[] : memref<i32>
  memref.store %x, %m[] : memref<i32>
  cf.br ^bb1
}
func.func @s2_f18(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.muli %y, %y : i32
  cf.cond_br %c0, ^bb5(%y : i32), ^bb4(%z, %z : i32, i32)
^bb1(%b1a0: i32):
  %v1_0 = arith.addi %y, %b1a0 : i32
  %v1_1 = arith.muli %b1a0, %v1_0 : i32
  %v1_2 = arith.muli %v1_1, %b1a0 : i32
  cf.cond_br %c1, ^bb5(%z : i32), ^bb2(%y, %y : i32, i32)
^bb2(%b2a0: i32, %b2a1: i32):
  %v2_0 = arith.muli %b2a0, %y : i32
  cf.br ^bb3(%b2a1 : i32)
^bb3(%b3a0: i32):
  %v3_0 = arith.addi %z, %z : i32
  %v3_1 = arith.muli %x, %y : i32
  %v3_2 = arith.muli %x, %z : i32
  cf.cond_br %c1, ^bb2(%v3_1, %v3_2 : i32, i32), ^bb3(%v3_2 : i32)
^bb4(%b4a0: i32, %b4a1: i32):
  cf.cond_br %c1, ^bb4(%b4a1, %y : i32, i32), ^bb4(%x, %b4a1 : i32, i32)
^bb5(%b5a0: i32):
  cf.br ^bb3(%b5a0 : i32)
}
func.func @s2_f19(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  return %y : i32
^bb1(%b1a0: i32, %b1a1: i32):
  memref.store %b1a1, %m[] : memref<i32>
  memref.store %b1a1, %m[] : memref<i32>
  %v1_2 = arith.addi %b1a1, %z : i32
  cf.br ^bb2(%b1a1, %b1a1 : i32, i32)
^bb2(%b2a0: i32, %b2a1: i32):
  %v2_0 = arith.addi %z, %x : i32
  memref.store %y, %m[] : memref<i32>
  memref.store %y, %m[] : memref<i32>
  cf.cond_br %c0, ^bb1(%b2a1, %b2a0 : i32, i32), ^bb1(%b2a0, %z : i32, i32)
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
  cf.cond_br %c0, ^bb2(%y : i32), ^bb3(%z, %x : i32, i32)
^bb1(%b1a0: i32, %b1a1: i32):
  memref.store %b1a1, %m[] : memref<i32>
  cf.br ^bb1(%b1a0, %b1a0 : i32, i32)
^bb2(%b2a0: i32):
  cf.br ^bb1(%b2a0, %y : i32, i32)
^bb3(%b3a0: i32, %b3a1: i32):
  cf.br ^bb2(%x : i32)
}
func.func @s3_f2(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  cf.br ^bb1(%z, %y : i32, i32)
^bb1(%b1a0: i32, %b1a1: i32):
  memref.store %z, %m[] : memref<i32>
  return %b1a1 : i32
}
func.func @s3_f3(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.muli %x, %y : i32
  %v0_1 = arith.muli %y, %v0_0 : i32
  cf.br ^bb5(%v0_0, %v0_1 : i32, i32)
^bb1:
  cf.cond_br %c1, ^bb4(%z : i32), ^bb2
^bb2:
  %v2_0 = arith.muli %y, %z : i32
  memref.store %x, %m[] : memref<i32>
  cf.cond_br %c1, ^bb1, ^bb4(%y : i32)
^bb3(%b3a0: i32):
  cf.cond_br %c1, ^bb4(%z : i32), ^bb3(%z : i32)
^bb4(%b4a0: i32):
  %v4_0 = arith.muli %x, %x : i32
  %v4_1 = arith.muli %b4a0, %z : i32
  %v4_2 = arith.muli %y, %z : i32
  cf.cond_br %c1, ^bb3(%v4_2 : i32), ^bb4(%x : i32)
^bb5(%b5a0: i32, %b5a1: i32):
  cf.cond_br %c0, ^bb3(%b5a1 : i32), ^bb2
}
func.func @s3_f4(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  return %y : i32
^bb1(%b1a0: i32):
  memref.store %y, %m[] : memref<i32>
  memref.store %y, %m[] : memref<i32>
  cf.br ^bb6(%y : i32)
^bb2:
  %v2_0 = arith.addi %x, %x : i32
  %v2_1 = arith.muli %y, %z : i32
  memref.store %x, %m[] : memref<i32>
  cf.br ^bb2
^bb3(%b3a0: i32):
  %v3_0 = arith.muli %z, %b3a0 : i32
  memref.store %z, %m[] : memref<i32>
  memref.store %x, %m[] : memref<i32>
  return %x : i32
^bb4:
  memref.store %z, %m[] : memref<i32>
  %v4_1 = arith.addi %z, %x : i32
  memref.store %z, %m[] : memref<i32>
  cf.cond_br %c0, ^bb5(%z, %x : i32, i32), ^bb2
^bb5(%b5a0: i32, %b5a1: i32):
  return %b5a1 : i32
^bb6(%b6a0: i32):
  memref.store %b6a0, %m[] : memref<i32>
  return %x : i32
}
func.func @s3_f5(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %z, %m[] : memref<i32>
  cf.br ^bb1(%y, %x : i32, i32)
^bb1(%b1a0: i32, %b1a1: i32):
  memref.store %b1a1, %m[] : memref<i32>
  memref.store %x, %m[] : memref<i32>
  return %x : i32
^bb2(%b2a0: i32):
  return %z : i32
}
func.func @s3_f6(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.muli %y, %x : i32
  memref.store %v0_0, %m[] : memref<i32>
  %v0_2 = arith.addi %x, %x : i32
  return %x : i32
^bb1:
  cf.br ^bb1
^bb2(%b2a0: i32):
  cf.cond_br %c1, ^bb2(%y : i32), ^bb2(%x : i32)
}
func.func @s3_f7(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
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
func.func @s3_f8(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  cf.br ^bb2(%y, %x : i32, i32)
^bb1:
  cf.cond_br %c1, ^bb2(%x, %y : i32, i32), ^bb1
^bb2(%b2a0: i32, %b2a1: i32):
  cf.cond_br %c1, ^bb6, ^bb3(%b2a1 : i32)
^bb3(%b3a0: i32):
  memref.store %x, %m[] : memref<i32>
  %v3_1 = arith.muli %x, %x : i32
  cf.cond_br %c0, ^bb1, ^bb2(%y, %y : i32, i32)
^bb4(%b4a0: i32, %b4a1: i32):
  memref.store %b4a0, %m[] : memref<i32>
  %v4_1 = arith.muli %b4a0, %z : i32
  memref.store %b4a0, %m[] : memref<i32>
  return %b4a0 : i32
^bb5(%b5a0: i32, %b5a1: i32):
  %v5_0 = arith.muli %b5a1, %b5a1 : i32
  return %b5a0 : i32
^bb6:
  %v6_0 = arith.muli %y, %z : i32
  cf.cond_br %c1, ^bb5(%y, %y : i32, i32), ^bb3(%y : i32)
}
func.func @s3_f9(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %z, %m[] : memref<i32>
  memref.store %y, %m[] : memref<i32>
  cf.cond_br %c1, ^bb2(%x, %y : i32, i32), ^bb1(%y, %y : i32, i32)
^bb1(%b1a0: i32, %b1a1: i32):
  %v1_0 = arith.addi %b1a1, %z : i32
  %v1_1 = arith.muli %y, %b1a0 : i32
  memref.store %y, %m[] : memref<i32>
  cf.cond_br %c0, ^bb2(%v1_0, %x : i32, i32), ^bb2(%v1_1, %v1_0 : i32, i32)
^bb2(%b2a0: i32, %b2a1: i32):
  cf.br ^bb1(%y, %x : i32, i32)
}
func.func @s3_f10(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %x, %m[] : memref<i32>
  cf.cond_br %c0, ^bb2, ^bb1(%x : i32)
^bb1(%b1a0: i32):
  %v1_0 = arith.addi %x, %x : i32
  %v1_1 = arith.muli %z, %x : i32
  cf.br ^bb2
^bb2:
  return %y : i32
}
func.func @s3_f11(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.addi %z, %y : i32
  memref.store %x, %m[] : memref<i32>
  %v0_2 = arith.muli %z, %x : i32
  cf.cond_br %c1, ^bb4, ^bb3
^bb1(%b1a0: i32):
  %v1_0 = arith.muli %z, %x : i32
  memref.store %x, %m[] : memref<i32>
  cf.cond_br %c0, ^bb2(%y : i32), ^bb3
^bb2(%b2a0: i32):
  %v2_0 = arith.muli %y, %z : i32
  memref.store %y, %m[] : memref<i32>
  %v2_2 = arith.addi %y, %x : i32
  cf.cond_br %c1, ^bb3, ^bb1(%z : i32)
^bb3:
  %v3_0 = arith.muli %x, %x : i32
  memref.store %y, %m[] : memref<i32>
  cf.cond_br %c1, ^bb4, ^bb1(%z : i32)
^bb4:
  memref.store %x, %m[] : memref<i32>
  %v4_1 = arith.addi %x, %z : i32
  memref.store %x, %m[] : memref<i32>
  cf.cond_br %c1, ^bb4, ^bb2(%y : i32)
}
func.func @s3_f12(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.muli %y, %y : i32
  return %v0_0 : i32
^bb1:
  memref.store %y, %m[] : memref<i32>
  memref.store %z, %m[] : memref<i32>
  memref.store %z, %m[] : memref<i32>
  cf.cond_br %c1, ^bb1, ^bb2(%z, %z : i32, i32)
^bb2(%b2a0: i32, %b2a1: i32):
  return %y : i32
^bb3(%b3a0: i32, %b3a1: i32):
  %v3_0 = arith.addi %b3a0, %y : i32
  memref.store %y, %m[] : memref<i32>
  memref.store %v3_0, %m[] : memref<i32>
  return %z : i32
^bb4:
  %v4_0 = arith.addi %x, %z : i32
  return %y : i32
}
func.func @s3_f13(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.addi %y, %z : i32
  %v0_1 = arith.muli %x, %x : i32
  cf.cond_br %c0, ^bb1, ^bb2(%v0_0 : i32)
^bb1:
  %v1_0 = arith.muli %x, %x : i32
  return %y : i32
^bb2(%b2a0: i32):
  %v2_0 = arith.muli %b2a0, %x : i32
  return %b2a0 : i32
^bb3(%b3a0: i32, %b3a1: i32):
  %v3_0 = arith.muli %b3a0, %b3a0 : i32
  %v3_1 = arith.muli %x, %v3_0 : i32
  cf.br ^bb3(%b3a0, %b3a1 : i32, i32)
^bb4:
  memref.store %x, %m[] : memref<i32>
  memref.store %y, %m[] : memref<i32>
  return %y : i32
^bb5(%b5a0: i32):
  %v5_0 = arith.muli %x, %y : i32
  cf.cond_br %c0, ^bb2(%x : i32), ^bb5(%y : i32)
}
func.func @s3_f14(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.addi %y, %x : i32
  %v0_1 = arith.muli %x, %v0_0 : i32
  %v0_2 = arith.addi %y, %y : i32
  cf.br ^bb2
^bb1(%b1a0: i32):
  %v1_0 = arith.addi %x, %z : i32
  cf.cond_br %c1, ^bb3, ^bb4
^bb2:
  %v2_0 = arith.addi %z, %y : i32
  memref.store %z, %m[] : memref<i32>
  return %v2_0 : i32
^bb3:
  cf.cond_br %c0, ^bb1(%x : i32), ^bb1(%x : i32)
^bb4:
  memref.store %y, %m[] : memref<i32>
  return %z : i32
}
func.func @s3_f15(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %z, %m[] : memref<i32>
  %v0_1 = arith.muli %z, %z : i32
  %v0_2 = arith.muli %z, %y : i32
  return %v0_1 : i32
^bb1:
  memref.store %y, %m[] : memref<i32>
  memref.store %z, %m[] : memref<i32>
  cf.cond_br %c1, ^bb1, ^bb2(%y : i32)
^bb2(%b2a0: i32):
  %v2_0 = arith.muli %b2a0, %z : i32
  memref.store %v2_0, %m[] : memref<i32>
  memref.store %b2a0, %m[] : memref<i32>
  return %y : i32
^bb3(%b3a0: i32):
  cf.cond_br %c0, ^bb3(%x : i32), ^bb2(%y : i32)
}
func.func @s3_f16(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %z, %m[] : memref<i32>
  %v0_1 = arith.addi %y, %x : i32
  %v0_2 = arith.muli %x, %z : i32
  return %x : i32
^bb1(%b1a0: i32, %b1a1: i32):
  %v1_0 = arith.addi %x, %y : i32
  cf.cond_br %c0, ^bb1(%y, %z : i32, i32), ^bb2
^bb2:
  memref.store %z, %m[] : memref<i32>
  cf.cond_br %c1, ^bb5(%x : i32), ^bb4
^bb3(%b3a0: i32, %b3a1: i32):
  memref.store %x, %m[] : memref<i32>
  cf.cond_br %c0, ^bb2, ^bb3(%x, %x : i32, i32)
^bb4:
  %v4_0 = arith.addi %z, %z : i32
  memref.store %z, %m[] : memref<i32>
  memref.store %v4_0, %m[] : memref<i32>
  cf.br ^bb5(%v4_0 : i32)
^bb5(%b5a0: i32):
  %v5_0 = arith.muli %x, %b5a0 : i32
  memref.store %x, %m[] : memref<i32>
  %v5_2 = arith.muli %b5a0, %x : i32
  cf.br ^bb1(%v5_0, %v5_0 : i32, i32)
}
func.func @s3_f17(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  cf.br ^bb2(%y : i32)
^bb1:
  cf.br ^bb2(%x : i32)
^bb2(%b2a0: i32):
  memref.store %b2a0, %m[] : memref<i32>
  cf.br ^bb1
}
func.func @s3_f18(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  cf.br ^bb1(%x : i32)
^bb1(%b1a0: i32):
  return %y : i32
^bb2(%b2a0: i32):
  memref.store %x, %m[] : memref<i32>
  %v2_1 = arith.muli %y, %z : i32
  cf.br ^bb3(%b2a0 : i32)
^bb3(%b3a0: i32):
  memref.store %z, %m[] : memref<i32>
  return %z : i32
^bb4(%b4a0: i32):
  %v4_0 = arith.muli %y, %y : i32
  memref.store %z, %m[] : memref<i32>
  memref.store %z, %m[] : memref<i32>
  cf.br ^bb4(%b4a0 : i32)
^bb5(%b5a0: i32, %b5a1: i32):
  %v5_0 = arith.addi %z, %z : i32
  cf.br ^bb3(%z : i32)
}
func.func @s3_f19(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %x, %m[] : memref<i32>
  return %y : i32
^bb1:
  memref.store %y, %m[] : memref<i32>
  %v1_1 = arith.addi %x, %x : i32
  cf.br ^bb3
^bb2(%b2a0: i32, %b2a1: i32):
  cf.cond_br %c0, ^bb4, ^bb3
^bb3:
  %v3_0 = arith.muli %y, %y : i32
  %v3_1 = arith.addi %x, %v3_0 : i32
  cf.cond_br %c0, ^bb5, ^bb2(%y, %v3_0 : i32, i32)
^bb4:
  memref.store %y, %m[] : memref<i32>
  %v4_1 = arith.addi %x, %y : i32
  cf.cond_br %c1, ^bb4, ^bb5
^bb5:
  %v5_0 = arith.muli %z, %x : i32
  %v5_1 = arith.muli %y, %x : i32
  memref.store %v5_0, %m[] : memref<i32>
  cf.br ^bb3
^bb6(%b6a0: i32, %b6a1: i32):
  %v6_0 = arith.muli %b6a1, %y : i32
  %v6_1 = arith.muli %x, %b6a0 : i32
  memref.store %v6_1, %m[] : memref<i32>
  cf.cond_br %c1, ^bb1, ^bb3
}
func.func @s4_f0(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.addi %x, %x : i32
  %v0_1 = arith.addi %z, %x : i32
  memref.store %z, %m[] : memref<i32>
  cf.cond_br %c0, ^bb2, ^bb1(%x : i32)
^bb1(%b1a0: i32):
  memref.store %y, %m[] : memref<i32>
  %v1_1 = arith.muli %z, %x : i32
  cf.cond_br %c0, ^bb1(%y : i32), ^bb2
^bb2:
  %v2_0 = arith.addi %z, %y : i32
  memref.store %z, %m[] : memref<i32>
  cf.br ^bb2
}
func.func @s4_f1(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %x, %m[] : memref<i32>
  %v0_1 = arith.muli %z, %y : i32
  cf.cond_br %c0, ^bb2, ^bb1(%v0_1 : i32)
^bb1(%b1a0: i32):
  memref.store %b1a0, %m[] : memref<i32>
  return %b1a0 : i32
^bb2:
  memref.store %x, %m[] : memref<i32>
  %v2_1 = arith.addi %x, %z : i32
  cf.br ^bb2
^bb3:
  cf.br ^bb2
^bb4(%b4a0: i32):
  %v4_0 = arith.addi %x, %z : i32
  memref.store %z, %m[] : memref<i32>
  return %z : i32
}
func.func @s4_f2(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  cf.br ^bb1
^bb1:
  %v1_0 = arith.addi %y, %y : i32
  %v1_1 = arith.addi %x, %z : i32
  %v1_2 = arith.muli %z, %z : i32
  cf.cond_br %c1, ^bb1, ^bb2(%y, %x : i32, i32)
^bb2(%b2a0: i32, %b2a1: i32):
  return %y : i32
^bb3(%b3a0: i32):
  memref.store %b3a0, %m[] : memref<i32>
  cf.br ^bb1
}
func.func @s4_f3(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %y, %m[] : memref<i32>
  memref.store %y, %m[] : memref<i32>
  return %y : i32
^bb1(%b1a0: i32, %b1a1: i32):
  %v1_0 = arith.addi %b1a0, %b1a0 : i32
  memref.store %b1a0, %m[] : memref<i32>
  %v1_2 = arith.muli %x, %x : i32
  cf.br ^bb1(%v1_2, %y : i32, i32)
}
func.func @s4_f4(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %z, %m[] : memref<i32>
  memref.store %z, %m[] : memref<i32>
  cf.cond_br %c0, ^bb4, ^bb4
^bb1(%b1a0: i32):
  cf.br ^bb2
^bb2:
  %v2_0 = arith.muli %y, %z : i32
  memref.store %y, %m[] : memref<i32>
  cf.br ^bb4
^bb3(%b3a0: i32):
  %v3_0 = arith.addi %z, %y : i32
  %v3_1 = arith.muli %v3_0, %y : i32
  memref.store %x, %m[] : memref<i32>
  cf.cond_br %c1, ^bb4, ^bb4
^bb4:
  %v4_0 = arith.addi %x, %x : i32
  %v4_1 = arith.muli %z, %x : i32
  memref.store %v4_0, %m[] : memref<i32>
  cf.cond_br %c0, ^bb2, ^bb3(%v4_1 : i32)
}
func.func @s4_f5(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  cf.cond_br %c0, ^bb4, ^bb3
^bb1(%b1a0: i32, %b1a1: i32):
  %v1_0 = arith.addi %x, %b1a1 : i32
  cf.br ^bb3
^bb2(%b2a0: i32):
  return %b2a0 : i32
^bb3:
  %v3_0 = arith.addi %y, %y : i32
  memref.store %v3_0, %m[] : memref<i32>
  %v3_2 = arith.muli %z, %v3_0 : i32
  cf.cond_br %c1, ^bb1(%y, %z : i32, i32), ^bb4
^bb4:
  %v4_0 = arith.muli %z, %x : i32
  memref.store %y, %m[] : memref<i32>
  %v4_2 = arith.addi %z, %z : i32
  cf.cond_br %c0, ^bb3, ^bb1(%v4_2, %x : i32, i32)
}
func.func @s4_f6(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  cf.cond_br %c1, ^bb3(%y : i32), ^bb2(%x, %z : i32, i32)
^bb1(%b1a0: i32, %b1a1: i32):
  cf.cond_br %c1, ^bb4(%b1a1, %z : i32, i32), ^bb4(%b1a1, %b1a1 : i32, i32)
^bb2(%b2a0: i32, %b2a1: i32):
  %v2_0 = arith.muli %z, %b2a1 : i32
  memref.store %z, %m[] : memref<i32>
  %v2_2 = arith.addi %b2a1, %y : i32
  cf.br ^bb3(%y : i32)
^bb3(%b3a0: i32):
  memref.store %x, %m[] : memref<i32>
  %v3_1 = arith.muli %y, %z : i32
  cf.br ^bb3(%x : i32)
^bb4(%b4a0: i32, %b4a1: i32):
  cf.cond_br %c0, ^bb3(%x : i32), ^bb2(%y, %b4a1 : i32, i32)
}
func.func @s4_f7(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %z, %m[] : memref<i32>
  return %z : i32
^bb1(%b1a0: i32, %b1a1: i32):
  memref.store %b1a0, %m[] : memref<i32>
  %v1_1 = arith.muli %b1a0, %y : i32
  cf.br ^bb3
^bb2(%b2a0: i32, %b2a1: i32):
  memref.store %b2a0, %m[] : memref<i32>
  %v2_1 = arith.muli %z, %z : i32
  %v2_2 = arith.addi %x, %z : i32
  cf.cond_br %c1, ^bb3, ^bb4
^bb3:
  memref.store %x, %m[] : memref<i32>
  %v3_1 = arith.muli %z, %y : i32
  memref.store %z, %m[] : memref<i32>
  return %v3_1 : i32
^bb4:
  return %x : i32
}
func.func @s4_f8(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %x, %m[] : memref<i32>
  cf.cond_br %c1, ^bb1(%z : i32), ^bb1(%x : i32)
^bb1(%b1a0: i32):
  return %z : i32
}
func.func @s4_f9(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.addi %z, %y : i32
  memref.store %v0_0, %m[] : memref<i32>
  cf.cond_br %c0, ^bb1, ^bb1
^bb1:
  memref.store %x, %m[] : memref<i32>
  cf.cond_br %c1, ^bb1, ^bb1
}
func.func @s4_f10(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %y, %m[] : memref<i32>
  %v0_1 = arith.muli %y, %x : i32
  memref.store %z, %m[] : memref<i32>
  cf.br ^bb1
^bb1:
  return %z : i32
^bb2(%b2a0: i32):
  return %x : i32
}
func.func @s4_f11(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.addi %x, %z : i32
  %v0_1 = arith.muli %z, %z : i32
  memref.store %x, %m[] : memref<i32>
  cf.br ^bb3
^bb1(%b1a0: i32, %b1a1: i32):
  memref.store %z, %m[] : memref<i32>
  memref.store %z, %m[] : memref<i32>
  memref.store %x, %m[] : memref<i32>
  cf.br ^bb4(%z : i32)
^bb2(%b2a0: i32, %b2a1: i32):
  return %x : i32
^bb3:
  memref.store %z, %m[] : memref<i32>
  %v3_1 = arith.addi %x, %z : i32
  %v3_2 = arith.addi %y, %z : i32
  cf.cond_br %c0, ^bb1(%y, %v3_2 : i32, i32), ^bb3
^bb4(%b4a0: i32):
  cf.cond_br %c0, ^bb1(%b4a0, %y : i32, i32), ^bb2(%z, %y : i32, i32)
}
func.func @s4_f12(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.addi %y, %y : i32
  memref.store %z, %m[] : memref<i32>
  memref.store %v0_0, %m[] : memref<i32>
  return %x : i32
^bb1(%b1a0: i32, %b1a1: i32):
  memref.store %z, %m[] : memref<i32>
  memref.store %b1a0, %m[] : memref<i32>
  %v1_2 = arith.muli %b1a1, %y : i32
  cf.br ^bb1(%x, %b1a0 : i32, i32)
^bb2(%b2a0: i32):
  memref.store %y, %m[] : memref<i32>
  %v2_1 = arith.addi %y, %x : i32
  cf.cond_br %c1, ^bb6(%y, %b2a0 : i32, i32), ^bb1(%z, %x : i32, i32)
^bb3(%b3a0: i32):
  memref.store %y, %m[] : memref<i32>
  %v3_1 = arith.muli %x, %x : i32
  %v3_2 = arith.addi %v3_1, %v3_1 : i32
  cf.cond_br %c0, ^bb6(%y, %v3_2 : i32, i32), ^bb6(%x, %y : i32, i32)
^bb4(%b4a0: i32):
  %v4_0 = arith.muli %z, %z : i32
  cf.cond_br %c0, ^bb2(%y : i32), ^bb1(%x, %y : i32, i32)
^bb5(%b5a0: i32, %b5a1: i32):
  cf.cond_br %c1, ^bb6(%b5a0, %x : i32, i32), ^bb2(%y : i32)
^bb6(%b6a0: i32, %b6a1: i32):
  %v6_0 = arith.muli %b6a1, %b6a0 : i32
  %v6_1 = arith.addi %v6_0, %b6a0 : i32
  memref.store %x, %m[] : memref<i32>
  return %y : i32
}
func.func @s4_f13(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %z, %m[] : memref<i32>
  cf.br ^bb3(%z, %x : i32, i32)
^bb1:
  %v1_0 = arith.addi %y, %x : i32
  return %x : i32
^bb2(%b2a0: i32):
  %v2_0 = arith.addi %z, %b2a0 : i32
  cf.cond_br %c1, ^bb1, ^bb1
^bb3(%b3a0: i32, %b3a1: i32):
  memref.store %z, %m[] : memref<i32>
  %v3_1 = arith.addi %y, %b3a0 : i32
  memref.store %v3_1, %m[] : memref<i32>
  cf.br ^bb1
}
func.func @s4_f14(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  cf.cond_br %c1, ^bb1(%z : i32), ^bb3(%x, %x : i32, i32)
^bb1(%b1a0: i32):
  memref.store %x, %m[] : memref<i32>
  cf.br ^bb1(%y : i32)
^bb2(%b2a0: i32, %b2a1: i32):
  return %b2a1 : i32
^bb3(%b3a0: i32, %b3a1: i32):
  %v3_0 = arith.muli %z, %b3a1 : i32
  %v3_1 = arith.muli %z, %v3_0 : i32
  cf.br ^bb2(%b3a1, %x : i32, i32)
}
func.func @s4_f15(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %x, %m[] : memref<i32>
  memref.store %x, %m[] : memref<i32>
  memref.store %x, %m[] : memref<i32>
  cf.cond_br %c1, ^bb1, ^bb1
^bb1:
  memref.store %y, %m[] : memref<i32>
  return %y : i32
^bb2(%b2a0: i32):
  %v2_0 = arith.addi %b2a0, %z : i32
  memref.store %z, %m[] : memref<i32>
  return %z : i32
^bb3(%b3a0: i32, %b3a1: i32):
  %v3_0 = arith.muli %b3a0, %x : i32
  memref.store %x, %m[] : memref<i32>
  return %v3_0 : i32
^bb4:
  memref.store %x, %m[] : memref<i32>
  cf.cond_br %c0, ^bb1, ^bb1
^bb5(%b5a0: i32):
  cf.cond_br %c1, ^bb1, ^bb1
}
func.func @s4_f16(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %z, %m[] : memref<i32>
  cf.cond_br %c0, ^bb2(%y : i32), ^bb2(%x : i32)
^bb1(%b1a0: i32, %b1a1: i32):
  memref.store %z, %m[] : memref<i32>
  memref.store %x, %m[] : memref<i32>
  cf.cond_br %c0, ^bb5(%x, %y : i32, i32), ^bb1(%z, %b1a1 : i32, i32)
^bb2(%b2a0: i32):
  memref.store %z, %m[] : memref<i32>
  memref.store %b2a0, %m[] : memref<i32>
  memref.store %b2a0, %m[] : memref<i32>
  cf.cond_br %c0, ^bb5(%y, %z : i32, i32), ^bb5(%b2a0, %z : i32, i32)
^bb3(%b3a0: i32, %b3a1: i32):
  %v3_0 = arith.muli %z, %z : i32
  cf.cond_br %c1, ^bb5(%z, %z : i32, i32), ^bb3(%v3_0, %y : i32, i32)
^bb4:
  %v4_0 = arith.addi %x, %y : i32
  %v4_1 = arith.addi %x, %z : i32
  cf.cond_br %c0, ^bb1(%v4_1, %y : i32, i32), ^bb2(%y : i32)
^bb5(%b5a0: i32, %b5a1: i32):
  memref.store %b5a0, %m[] : memref<i32>
  %v5_1 = arith.muli %b5a0, %b5a0 : i32
  cf.cond_br %c1, ^bb1(%x, %y : i32, i32), ^bb1(%b5a0, %x : i32, i32)
}
func.func @s4_f17(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  cf.cond_br %c1, ^bb3(%z, %y : i32, i32), ^bb2(%x : i32)
^bb1:
  %v1_0 = arith.addi %y, %z : i32
  %v1_1 = arith.muli %v1_0, %x : i32
  return %v1_0 : i32
^bb2(%b2a0: i32):
  memref.store %x, %m[] : memref<i32>
  %v2_1 = arith.muli %y, %y : i32
  %v2_2 = arith.muli %z, %b2a0 : i32
  cf.br ^bb3(%b2a0, %v2_2 : i32, i32)
^bb3(%b3a0: i32, %b3a1: i32):
  cf.cond_br %c1, ^bb4(%b3a1, %x : i32, i32), ^bb4(%b3a0, %z : i32, i32)
^bb4(%b4a0: i32, %b4a1: i32):
  memref.store %b4a1, %m[] : memref<i32>
  cf.cond_br %c1, ^bb1, ^bb3(%b4a1, %x : i32, i32)
}
func.func @s4_f18(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %x, %m[] : memref<i32>
  cf.br ^bb4
^bb1(%b1a0: i32, %b1a1: i32):
  %v1_0 = arith.addi %x, %b1a0 : i32
  memref.store %b1a0, %m[] : memref<i32>
  %v1_2 = arith.muli %v1_0, %v1_0 : i32
  return %z : i32
^bb2(%b2a0: i32, %b2a1: i32):
  %v2_0 = arith.muli %b2a1, %b2a1 : i32
  memref.store %y, %m[] : memref<i32>
  cf.cond_br %c1, ^bb3(%b2a1, %b2a1 : i32, i32), ^bb1(%v2_0, %v2_0 : i32, i32)
^bb3(%b3a0: i32, %b3a1: i32):
  %v3_0 = arith.addi %b3a1, %y : i32
  memref.store %b3a0, %m[] : memref<i32>
  memref.store %z, %m[] : memref<i32>
  return %y : i32
^bb4:
  %v4_0 = arith.addi %y, %y : i32
  %v4_1 = arith.addi %x, %x : i32
  cf.br ^bb2(%y, %v4_0 : i32, i32)
^bb5(%b5a0: i32, %b5a1: i32):
  cf.cond_br %c0, ^bb2(%y, %x : i32, i32), ^bb2(%b5a1, %y : i32, i32)
}
func.func @s4_f19(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.muli %y, %z : i32
  memref.store %z, %m[] : memref<i32>
  memref.store %z, %m[] : memref<i32>
  return %z : i32
^bb1:
  cf.cond_br %c1, ^bb1, ^bb1
^bb2(%b2a0: i32, %b2a1: i32):
  %v2_0 = arith.addi %b2a0, %z : i32
  cf.cond_br %c0, ^bb1, ^bb2(%v2_0, %v2_0 : i32, i32)
}
func.func @s5_f0(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  cf.cond_br %c0, ^bb1(%x : i32), ^bb1(%y : i32)
^bb1(%b1a0: i32):
  memref.store %b1a0, %m[] : memref<i32>
  memref.store %x, %m[] : memref<i32>
  %v1_2 = arith.addi %y, %b1a0 : i32
  cf.cond_br %c0, ^bb2(%v1_2, %v1_2 : i32, i32), ^bb4(%y, %y : i32, i32)
^bb2(%b2a0: i32, %b2a1: i32):
  cf.cond_br %c0, ^bb2(%y, %y : i32, i32), ^bb2(%z, %z : i32, i32)
^bb3(%b3a0: i32):
  memref.store %y, %m[] : memref<i32>
  cf.cond_br %c0, ^bb4(%z, %x : i32, i32), ^bb3(%b3a0 : i32)
^bb4(%b4a0: i32, %b4a1: i32):
  memref.store %z, %m[] : memref<i32>
  cf.br ^bb5(%b4a1, %x : i32, i32)
^bb5(%b5a0: i32, %b5a1: i32):
  %v5_0 = arith.muli %z, %z : i32
  memref.store %y, %m[] : memref<i32>
  cf.br ^bb2(%x, %z : i32, i32)
}
func.func @s5_f1(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %x, %m[] : memref<i32>
  memref.store %y, %m[] : memref<i32>
  cf.cond_br %c0, ^bb1(%x, %z : i32, i32), ^bb1(%z, %x : i32, i32)
^bb1(%b1a0: i32, %b1a1: i32):
  cf.cond_br %c1, ^bb1(%b1a1, %z : i32, i32), ^bb1(%b1a0, %x : i32, i32)
}
func.func @s5_f2(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  return %z : i32
^bb1(%b1a0: i32, %b1a1: i32):
  memref.store %z, %m[] : memref<i32>
  memref.store %b1a1, %m[] : memref<i32>
  cf.br ^bb3(%z : i32)
^bb2(%b2a0: i32):
  memref.store %y, %m[] : memref<i32>
  cf.cond_br %c0, ^bb1(%x, %b2a0 : i32, i32), ^bb1(%y, %z : i32, i32)
^bb3(%b3a0: i32):
  %v3_0 = arith.addi %b3a0, %y : i32
  memref.store %x, %m[] : memref<i32>
  cf.br ^bb2(%y : i32)
^bb4:
  memref.store %y, %m[] : memref<i32>
  return %y : i32
^bb5(%b5a0: i32):
  %v5_0 = arith.addi %b5a0, %z : i32
  cf.br ^bb5(%y : i32)
}
func.func @s5_f3(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.addi %y, %y : i32
  %v0_1 = arith.muli %y, %v0_0 : i32
  %v0_2 = arith.muli %v0_0, %z : i32
  return %z : i32
^bb1(%b1a0: i32):
  cf.cond_br %c1, ^bb5(%z : i32), ^bb4(%z, %z : i32, i32)
^bb2(%b2a0: i32):
  memref.store %x, %m[] : memref<i32>
  memref.store %z, %m[] : memref<i32>
  cf.cond_br %c1, ^bb3(%z, %z : i32, i32), ^bb3(%z, %b2a0 : i32, i32)
^bb3(%b3a0: i32, %b3a1: i32):
  memref.store %y, %m[] : memref<i32>
  memref.store %z, %m[] : memref<i32>
  return %y : i32
^bb4(%b4a0: i32, %b4a1: i32):
  memref.store %b4a0, %m[] : memref<i32>
  cf.cond_br %c1, ^bb2(%b4a1 : i32), ^bb5(%b4a1 : i32)
^bb5(%b5a0: i32):
  %v5_0 = arith.addi %z, %x : i32
  %v5_1 = arith.addi %b5a0, %v5_0 : i32
  %v5_2 = arith.addi %v5_1, %y : i32
  cf.cond_br %c0, ^bb2(%x : i32), ^bb2(%x : i32)
}
func.func @s5_f4(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  cf.br ^bb2(%y : i32)
^bb1:
  cf.cond_br %c0, ^bb3, ^bb2(%x : i32)
^bb2(%b2a0: i32):
  %v2_0 = arith.addi %z, %b2a0 : i32
  memref.store %v2_0, %m[] : memref<i32>
  cf.cond_br %c1, ^bb1, ^bb2(%v2_0 : i32)
^bb3:
  memref.store %y, %m[] : memref<i32>
  memref.store %y, %m[] : memref<i32>
  cf.cond_br %c1, ^bb2(%x : i32), ^bb1
}
func.func @s5_f5(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  cf.br ^bb1(%y : i32)
^bb1(%b1a0: i32):
  cf.br ^bb5
^bb2(%b2a0: i32, %b2a1: i32):
  %v2_0 = arith.muli %b2a1, %b2a0 : i32
  cf.br ^bb2(%b2a0, %z : i32, i32)
^bb3(%b3a0: i32):
  memref.store %b3a0, %m[] : memref<i32>
  memref.store %y, %m[] : memref<i32>
  memref.store %z, %m[] : memref<i32>
  cf.br ^bb1(%z : i32)
^bb4:
  %v4_0 = arith.muli %y, %x : i32
  %v4_1 = arith.muli %v4_0, %y : i32
  return %y : i32
^bb5:
  %v5_0 = arith.muli %z, %z : i32
  %v5_1 = arith.addi %v5_0, %x : i32
  %v5_2 = arith.muli %y, %z : i32
  cf.br ^bb4
}
func.func @s5_f6(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.muli %z, %z : i32
  cf.cond_br %c0, ^bb4, ^bb3(%z, %y : i32, i32)
^bb1(%b1a0: i32, %b1a1: i32):
  return %b1a1 : i32
^bb2(%b2a0: i32, %b2a1: i32):
  memref.store %x, %m[] : memref<i32>
  %v2_1 = arith.muli %b2a0, %b2a0 : i32
  memref.store %b2a0, %m[] : memref<i32>
  cf.br ^bb2(%z, %b2a0 : i32, i32)
^bb3(%b3a0: i32, %b3a1: i32):
  cf.br ^bb1(%b3a0, %b3a1 : i32, i32)
^bb4:
  memref.store %y, %m[] : memref<i32>
  %v4_1 = arith.muli %y, %z : i32
  cf.cond_br %c0, ^bb4, ^bb5
^bb5:
  return %x : i32
}
func.func @s5_f7(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  cf.br ^bb2
^bb1:
  cf.cond_br %c1, ^bb1, ^bb1
^bb2:
  return %z : i32
^bb3(%b3a0: i32, %b3a1: i32):
  cf.cond_br %c0, ^bb2, ^bb3(%b3a0, %y : i32, i32)
}
func.func @s5_f8(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %x, %m[] : memref<i32>
  %v0_1 = arith.muli %z, %x : i32
  memref.store %z, %m[] : memref<i32>
  cf.cond_br %c0, ^bb2, ^bb1(%x, %v0_1 : i32, i32)
^bb1(%b1a0: i32, %b1a1: i32):
  cf.br ^bb2
^bb2:
  %v2_0 = arith.addi %z, %y : i32
  %v2_1 = arith.muli %z, %y : i32
  memref.store %v2_1, %m[] : memref<i32>
  cf.cond_br %c1, ^bb1(%v2_1, %y : i32, i32), ^bb2
}
func.func @s5_f9(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.addi %y, %x : i32
  memref.store %z, %m[] : memref<i32>
  cf.cond_br %c0, ^bb1(%x, %v0_0 : i32, i32), ^bb1(%v0_0, %v0_0 : i32, i32)
^bb1(%b1a0: i32, %b1a1: i32):
  memref.store %x, %m[] : memref<i32>
  %v1_1 = arith.addi %b1a0, %x : i32
  memref.store %b1a0, %m[] : memref<i32>
  cf.cond_br %c0, ^bb1(%v1_1, %b1a0 : i32, i32), ^bb1(%y, %v1_1 : i32, i32)
^bb2:
  %v2_0 = arith.muli %x, %y : i32
  memref.store %z, %m[] : memref<i32>
  %v2_2 = arith.muli %z, %z : i32
  cf.cond_br %c1, ^bb3, ^bb1(%v2_2, %v2_2 : i32, i32)
^bb3:
  memref.store %y, %m[] : memref<i32>
  return %x : i32
}
func.func @s5_f10(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  cf.br ^bb2
^bb1:
  %v1_0 = arith.muli %y, %y : i32
  %v1_1 = arith.addi %v1_0, %x : i32
  return %y : i32
^bb2:
  cf.br ^bb2
}
func.func @s5_f11(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %y, %m[] : memref<i32>
  %v0_1 = arith.muli %y, %x : i32
  cf.cond_br %c1, ^bb3(%x : i32), ^bb1
^bb1:
  %v1_0 = arith.muli %x, %x : i32
  %v1_1 = arith.addi %y, %y : i32
  %v1_2 = arith.addi %x, %v1_1 : i32
  cf.cond_br %c1, ^bb3(%v1_2 : i32), ^bb3(%y : i32)
^bb2(%b2a0: i32, %b2a1: i32):
  %v2_0 = arith.addi %x, %b2a0 : i32
  memref.store %y, %m[] : memref<i32>
  %v2_2 = arith.muli %x, %v2_0 : i32
  cf.cond_br %c1, ^bb1, ^bb4
^bb3(%b3a0: i32):
  cf.br ^bb4
^bb4:
  %v4_0 = arith.muli %z, %z : i32
  cf.cond_br %c0, ^bb2(%v4_0, %x : i32, i32), ^bb4
}
func.func @s5_f12(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %y, %m[] : memref<i32>
  cf.cond_br %c0, ^bb1(%y, %y : i32, i32), ^bb1(%z, %x : i32, i32)
^bb1(%b1a0: i32, %b1a1: i32):
  cf.cond_br %c0, ^bb1(%b1a1, %b1a0 : i32, i32), ^bb1(%b1a1, %y : i32, i32)
}
func.func @s5_f13(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  return %x : i32
^bb1(%b1a0: i32):
  cf.cond_br %c0, ^bb1(%b1a0 : i32), ^bb1(%b1a0 : i32)
}
func.func @s5_f14(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %y, %m[] : memref<i32>
  cf.br ^bb2(%z : i32)
^bb1(%b1a0: i32, %b1a1: i32):
  return %b1a0 : i32
^bb2(%b2a0: i32):
  cf.cond_br %c1, ^bb4(%z, %y : i32, i32), ^bb2(%x : i32)
^bb3(%b3a0: i32, %b3a1: i32):
  %v3_0 = arith.addi %x, %b3a0 : i32
  %v3_1 = arith.addi %b3a0, %v3_0 : i32
  %v3_2 = arith.muli %y, %v3_1 : i32
  cf.cond_br %c0, ^bb1(%v3_1, %v3_0 : i32, i32), ^bb4(%x, %b3a1 : i32, i32)
^bb4(%b4a0: i32, %b4a1: i32):
  memref.store %b4a0, %m[] : memref<i32>
  cf.cond_br %c0, ^bb1(%b4a0, %z : i32, i32), ^bb1(%b4a0, %b4a1 : i32, i32)
}
func.func @s5_f15(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.muli %y, %y : i32
  %v0_1 = arith.addi %x, %x : i32
  return %y : i32
^bb1(%b1a0: i32):
  %v1_0 = arith.addi %z, %x : i32
  memref.store %y, %m[] : memref<i32>
  return %z : i32
^bb2:
  return %z : i32
}
func.func @s5_f16(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %x, %m[] : memref<i32>
  memref.store %y, %m[] : memref<i32>
  cf.cond_br %c0, ^bb2, ^bb2
^bb1(%b1a0: i32, %b1a1: i32):
  memref.store %b1a0, %m[] : memref<i32>
  %v1_1 = arith.addi %b1a0, %x : i32
  memref.store %b1a0, %m[] : memref<i32>
  return %y : i32
^bb2:
  memref.store %x, %m[] : memref<i32>
  %v2_1 = arith.muli %z, %x : i32
  memref.store %z, %m[] : memref<i32>
  cf.br ^bb1(%z, %y : i32, i32)
}
func.func @s5_f17(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  %v0_0 = arith.addi %x, %z : i32
  cf.cond_br %c1, ^bb2(%y, %y : i32, i32), ^bb1(%v0_0, %v0_0 : i32, i32)
^bb1(%b1a0: i32, %b1a1: i32):
  return %b1a0 : i32
^bb2(%b2a0: i32, %b2a1: i32):
  cf.cond_br %c1, ^bb1(%z, %b2a0 : i32, i32), ^bb3(%b2a0 : i32)
^bb3(%b3a0: i32):
  cf.cond_br %c1, ^bb3(%x : i32), ^bb1(%y, %b3a0 : i32, i32)
}
func.func @s5_f18(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  cf.cond_br %c1, ^bb1(%z : i32), ^bb1(%y : i32)
^bb1(%b1a0: i32):
  cf.cond_br %c1, ^bb1(%x : i32), ^bb1(%z : i32)
}
func.func @s5_f19(%c0: i1, %c1: i1, %x: i32, %y: i32, %z: i32, %m: memref<i32>) -> i32 {
  memref.store %z, %m[] : memref<i32>
  %v0_1 = arith.addi %x, %y : i32
  return %x : i32
^bb1:
  memref.store %z, %m[] : memref<i32>
  memref.store %z, %m[] : memref<i32>
  cf.br ^bb1
^bb2:
  return %z : i32
^bb3:
  %v3_0 = arith.muli %x, %z : i32
  %v3_1 = arith.muli %y, %z : i32
  %v3_2 = arith.addi %v3_1, %z : i32
  cf.cond_br %c0, ^bb2, ^bb2
}
