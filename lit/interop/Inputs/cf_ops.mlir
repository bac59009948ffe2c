// cf dialect custom forms: br, cond_br with operands, switch,
// assert, loops through block arguments. (MLIR 19 has no branch weights.)
func.func @branches(%c: i1, %a: i32, %b: i32) -> i32 {
  cf.br ^bb1(%a : i32)
^bb1(%x: i32):
  cf.cond_br %c, ^bb2(%x, %b : i32, i32), ^bb3
^bb2(%p: i32, %q: i32):
  %s = arith.addi %p, %q : i32
  cf.br ^bb4(%s : i32)
^bb3:
  cf.cond_br %c, ^bb1(%b : i32), ^bb4(%a : i32)
^bb4(%r: i32):
  cf.assert %c, "must hold \"here\""
  return %r : i32
}

func.func @switches(%flag: i32, %a: i32, %i: i8) -> i32 {
  cf.switch %flag : i32, [
    default: ^bb1(%a : i32),
    42: ^bb1(%flag : i32),
    -7: ^bb2,
    0: ^bb3(%a, %a : i32, i32)
  ]
^bb1(%x: i32):
  return %x : i32
^bb2:
  cf.switch %i : i8, [
    default: ^bb2
  ]
^bb3(%y: i32, %z: i32):
  return %z : i32
}

func.func @loop(%n: index) -> index {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  cf.br ^head(%c0 : index)
^head(%i: index):
  %done = arith.cmpi sge, %i, %n : index
  cf.cond_br %done, ^exit, ^body
^body:
  %next = arith.addi %i, %c1 : index
  cf.br ^head(%next : index)
^exit:
  return %i : index
}
