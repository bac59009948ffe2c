// The bundled example for README's first command: a small module in the
// custom syntax of func, arith, scf and cf. `edge-opt` parses it, verifies
// it and prints it back (try --mlir-print-op-generic).
module {
  func.func private @sink(i32)

  // Sum of i * scale for i in [0, n), clamped at zero.
  func.func @scaled_sum(%n: index, %scale: i32) -> i32 {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %zero = arith.constant 0 : i32
    %sum = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %zero) -> (i32) {
      %iv = arith.index_cast %i : index to i32
      %term = arith.muli %iv, %scale overflow<nsw> : i32
      %next = arith.addi %acc, %term : i32
      scf.yield %next : i32
    }
    %neg = arith.cmpi slt, %sum, %zero : i32
    cf.cond_br %neg, ^clamp, ^done(%sum : i32)
  ^clamp:
    cf.br ^done(%zero : i32)
  ^done(%r: i32):
    func.call @sink(%r) : (i32) -> ()
    return %r : i32
  }
}
