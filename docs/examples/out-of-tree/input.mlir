func.func @main() {
  %cst = toy.constant 5 : i32
  %0 = toy.add %cst, %cst : i32
  "toy.print"(%0) : (i32) -> ()
  return
}
