// RUN: %opt %s -canonicalize | FileCheck %s

// Saturating constant folding, x + 0 -> x, and to_int(from_int(x)) -> x.
// CHECK-LABEL: func.func @fold
// CHECK-DAG: standalone.constant 127.99609375 : !standalone.fixed<16, 8>
// CHECK-DAG: standalone.constant 2.25 : !standalone.fixed<16, 8>
// CHECK-NOT: standalone.add
// CHECK: return %arg0,
func.func @fold(%x: i16) -> (i16, !standalone.fixed<16, 8>, !standalone.fixed<16, 8>) {
  %a = standalone.from_int %x : i16 to !standalone.fixed<16, 8>
  %z = standalone.constant 0.0 : !standalone.fixed<16, 8>
  %s = standalone.add %a, %z : !standalone.fixed<16, 8>
  %r = standalone.to_int %s : !standalone.fixed<16, 8> to i16
  %big = standalone.constant 100.0 : !standalone.fixed<16, 8>
  %sat = standalone.add %big, %big : !standalone.fixed<16, 8>
  %c = standalone.constant 1.5 : !standalone.fixed<16, 8>
  %sq = standalone.mul %c, %c {rounding = #standalone.rounding<nearest>} : !standalone.fixed<16, 8>
  return %r, %sat, %sq : i16, !standalone.fixed<16, 8>, !standalone.fixed<16, 8>
}

// Without a rounding attribute the lowering's knob decides: no folding.
// CHECK-LABEL: func.func @no_fold
// CHECK: standalone.mul
func.func @no_fold() -> !standalone.fixed<16, 8> {
  %c = standalone.constant 1.5 : !standalone.fixed<16, 8>
  %sq = standalone.mul %c, %c : !standalone.fixed<16, 8>
  return %sq : !standalone.fixed<16, 8>
}
