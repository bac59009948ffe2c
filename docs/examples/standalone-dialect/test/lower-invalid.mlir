// RUN: %opt %s -standalone-lower -split-input-file -verify-diagnostics

func.func @escapes(%x: i16) -> !standalone.fixed<16, 8> {
  %a = standalone.from_int %x : i16 to !standalone.fixed<16, 8>
  // expected-error @+1 {{cannot lower: uses a fixed-point value}}
  return %a : !standalone.fixed<16, 8>
}
