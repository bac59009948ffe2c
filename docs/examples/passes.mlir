// The input of the examples in docs/patterns-and-passes.md.
func.func @f(%x: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %c2 = arith.constant 2 : i32
  %c3 = arith.constant 3 : i32
  %0 = arith.addi %x, %c0 : i32
  %1 = arith.muli %c2, %c3 : i32
  %2 = arith.muli %0, %1 : i32
  %3 = arith.muli %x, %1 : i32
  %4 = arith.addi %2, %3 : i32
  return %4 : i32
}

func.func private @unused() {
  return
}
