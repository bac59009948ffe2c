// scf.parallel with reductions is not translated (lower the reductions
// to scf.for first); the error is at the op.
// RUN: edge-opt %s -verify-diagnostics --emit=llvm -o /dev/null

func.func @sum(%a: memref<8xf32>) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %z = arith.constant 0.0 : f32
  // expected-error @+1 {{'scf.parallel' op cannot translate scf.parallel to LLVM IR: reductions (scf.reduce with operands) are not supported; lower them to scf.for first}}
  %r = scf.parallel (%i) = (%c0) to (%c8) step (%c1) init (%z) -> f32 {
    %x = memref.load %a[%i] : memref<8xf32>
    scf.reduce(%x : f32) {
    ^bb0(%l: f32, %r2: f32):
      %s = arith.addf %l, %r2 : f32
      scf.reduce.return %s : f32
    }
  }
  return %r : f32
}
