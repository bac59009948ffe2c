// docs/examples/standalone-dialect/mix.mlir - the input of "Exploring
// your pass's knob" (docs/writing-a-dialect.md): out = 0.75 a + 0.25 b
// on 256 samples in Q8.8 fixed point. Once standalone-lower has run it is
// loops over memrefs (scf, memref, arith), what the cost model reads.
// Each mul leaves its rounding to the knob standalone-lower.<name>.rounding.
func.func @mix(%a: memref<256xi16>, %b: memref<256xi16>,
               %out: memref<256xi16>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c256 = arith.constant 256 : index
  %ga = standalone.constant 0.75 : !standalone.fixed<16, 8>
  %gb = standalone.constant 0.25 : !standalone.fixed<16, 8>
  scf.for %i = %c0 to %c256 step %c1 {
    %x = memref.load %a[%i] : memref<256xi16>
    %y = memref.load %b[%i] : memref<256xi16>
    %fx = standalone.from_int %x : i16 to !standalone.fixed<16, 8>
    %fy = standalone.from_int %y : i16 to !standalone.fixed<16, 8>
    %p = standalone.mul %fx, %ga {name = "gain_a"} : !standalone.fixed<16, 8>
    %q = standalone.mul %fy, %gb {name = "gain_b"} : !standalone.fixed<16, 8>
    %s = standalone.add %p, %q : !standalone.fixed<16, 8>
    %r = standalone.to_int %s : !standalone.fixed<16, 8> to i16
    memref.store %r, %out[%i] : memref<256xi16>
  }
  return
}
