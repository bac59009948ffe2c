func.func @good() {
  return
}

// -----

func.func @bad() -> i32 {
  return %x : i32
}

// -----

func.func @also_good() {
  return
}

// -----
  "my.op"(%y) : (i32) -> ()
