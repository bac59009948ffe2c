// The input of the walkthrough in docs/knobs.md: a loop and two calls.
func.func private @scale(%x: i32) -> i32 {
  %c3 = arith.constant 3 : i32
  %0 = arith.muli %x, %c3 : i32
  return %0 : i32
}

func.func @sum(%n: i32) -> i32 {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %c4 step %c1 iter_args(%acc = %n) -> (i32) {
    %s = func.call @scale(%acc) {name = "step"} : (i32) -> i32
    scf.yield %s : i32
  } {name = "loop"}
  %t = func.call @scale(%r) : (i32) -> i32
  return %t : i32
}
