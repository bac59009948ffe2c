// RUN: %opt %s -standalone-lower | FileCheck %s --check-prefix=NEAREST
// RUN: %opt %s -standalone-lower --knob='standalone-lower.*.rounding=truncate' | FileCheck %s --check-prefix=TRUNC
// RUN: %opt %s -standalone-lower --list-knobs | FileCheck %s --check-prefix=KNOBS

// A mul without a rounding attribute asks the knob; nearest adds half an
// LSB (128 for 8 fraction bits) before the shift.
// NEAREST-LABEL: func.func @mul
// NEAREST: arith.muli
// NEAREST: arith.addi %{{.*}}, %c128_i64
// NEAREST: arith.shrsi
// NEAREST-NOT: standalone.
// TRUNC-LABEL: func.func @mul
// TRUNC: %[[P:.*]] = arith.muli
// TRUNC-NOT: arith.addi
// TRUNC: arith.shrsi %[[P]]
// KNOBS: "name": "standalone-lower.lower.mlir:{{[0-9]+}}:{{[0-9]+}}.rounding"
// KNOBS: "names": ["nearest", "truncate"]
func.func @mul(%x: i16, %y: i16) -> i16 {
  %a = standalone.from_int %x : i16 to !standalone.fixed<16, 8>
  %b = standalone.from_int %y : i16 to !standalone.fixed<16, 8>
  %m = standalone.mul %a, %b : !standalone.fixed<16, 8>
  %r = standalone.to_int %m : !standalone.fixed<16, 8> to i16
  return %r : i16
}
