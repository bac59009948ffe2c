func.func @mul(%x: i16, %y: i16) -> i16 {
  %a = standalone.from_int %x : i16 to !standalone.fixed<16, 8>
  %b = standalone.from_int %y : i16 to !standalone.fixed<16, 8>
  %m = standalone.mul %a, %b : !standalone.fixed<16, 8>
  %r = standalone.to_int %m : !standalone.fixed<16, 8> to i16
  return %r : i16
}
