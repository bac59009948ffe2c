// RUN: %opt %s -split-input-file -verify-diagnostics

// expected-error @+1 {{fixed<40, 8>: expected 2 <= width <= 32 and 0 <= fraction bits < width}}
func.func private @wide(!standalone.fixed<40, 8>)

// -----

func.func @range() {
  // expected-error @+1 {{'standalone.constant' op value 200 is out of the range of fixed<16, 8>}}
  %c = standalone.constant 200.0 : !standalone.fixed<16, 8>
  return
}

// -----

func.func @cast(%x: i8) {
  // expected-error @+1 {{'standalone.from_int' op expects an i16 operand}}
  %a = standalone.from_int %x : i8 to !standalone.fixed<16, 8>
  return
}

// -----

func.func @rounding(%x: i16) {
  %a = standalone.from_int %x : i16 to !standalone.fixed<16, 8>
  // expected-error @+1 {{expected 'nearest' or 'truncate'}}
  %m = standalone.mul %a, %a {rounding = #standalone.rounding<up>} : !standalone.fixed<16, 8>
  return
}
