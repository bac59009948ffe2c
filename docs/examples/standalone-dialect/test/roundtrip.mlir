// RUN: %opt %s | FileCheck %s
// RUN: %opt %s | %opt | FileCheck %s

// CHECK-LABEL: func.func @ops
// CHECK: standalone.from_int %{{.*}} : i16 to !standalone.fixed<16, 8>
// CHECK: standalone.constant 1.5 : !standalone.fixed<16, 8>
// CHECK: standalone.add %{{.*}}, %{{.*}} : !standalone.fixed<16, 8>
// CHECK: standalone.mul %{{.*}}, %{{.*}} {rounding = #standalone.rounding<truncate>} : !standalone.fixed<16, 8>
// CHECK: standalone.to_int %{{.*}} : !standalone.fixed<16, 8> to i16
func.func @ops(%x: i16) -> i16 {
  %a = standalone.from_int %x : i16 to !standalone.fixed<16, 8>
  %c = standalone.constant 1.5 : !standalone.fixed<16, 8>
  %s = standalone.add %a, %c : !standalone.fixed<16, 8>
  %m = standalone.mul %s, %c {rounding = #standalone.rounding<truncate>} : !standalone.fixed<16, 8>
  %r = standalone.to_int %m : !standalone.fixed<16, 8> to i16
  return %r : i16
}

// CHECK-LABEL: func.func private @types(!standalone.fixed<8, 0>, !standalone.fixed<32, 31>)
func.func private @types(!standalone.fixed<8, 0>, !standalone.fixed<32, 31>)
