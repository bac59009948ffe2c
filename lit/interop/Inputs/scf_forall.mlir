// scf.forall custom forms: bounds as constants and values, lower bounds
// and steps; the empty scf.forall.in_parallel terminator is implicit.
func.func @forall(%t: tensor<8xf32>, %n: index) -> tensor<8xf32> {
  scf.forall (%i, %j) in (4, %n) {
    %0 = arith.addi %i, %j : index
  }
  scf.forall (%i) = (0) to (8) step (2) {
    %1 = arith.muli %i, %i : index
  }
  return %t : tensor<8xf32>
}
