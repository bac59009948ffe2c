// Quantized forms the interpreter does not handle are reported at the op,
// never crash.
//
// RUN: %python %S/../../tools/Inputs/edge-run-npy.py write %t.f.npy f4 2 1,2
// RUN: not edge-run --interpret %s --func u16 --input %t.f.npy 2>&1 \
// RUN:   | FileCheck %s --check-prefix=U16
// U16: error: 'graph.quantize' op unsupported: result #0 has quantized storage u16
//
// RUN: %python %S/../../tools/Inputs/edge-run-npy.py write %t.x.npy i1 1,1,2,2 1,2,3,4
// RUN: %python %S/../../tools/Inputs/edge-run-npy.py write %t.w.npy i1 1,1,1,1 2
// RUN: not edge-run --interpret %s --func sigmoid --input %t.x.npy \
// RUN:   --input %t.w.npy 2>&1 | FileCheck %s --check-prefix=SIG
// SIG: error: 'graph.conv2d' op unsupported: a fused activation other than relu, relu6 or clip on a quantized result
//
// RUN: %python %S/../../tools/Inputs/edge-run-npy.py write %t.p.npy i1 2 1,2
// RUN: not edge-run --interpret %s --func per_axis_add --input %t.p.npy \
// RUN:   2>&1 | FileCheck %s --check-prefix=PA
// PA: error: 'graph.add' op unsupported: per-axis quantized add
//
// RUN: %python %S/../../tools/Inputs/edge-run-npy.py write %t.i.npy i4 1,1,2,2 1,2,3,4
// RUN: not edge-run --interpret %s --func wide --input %t.i.npy \
// RUN:   --input %t.w.npy 2>&1 | FileCheck %s --check-prefix=WIDE
// WIDE: error: 'graph.conv2d' op unsupported: quantized operands wider than 16 bits

func.func @u16(%x: tensor<2xf32>) -> tensor<2x!quant.uniform<u16:f32, 0.5>> {
  %y = graph.quantize %x
      : (tensor<2xf32>) -> tensor<2x!quant.uniform<u16:f32, 0.5>>
  func.return %y : tensor<2x!quant.uniform<u16:f32, 0.5>>
}

!s = !quant.uniform<i8:f32, 0.1>
func.func @sigmoid(%x: tensor<1x1x2x2x!s>, %w: tensor<1x1x1x1x!s>)
    -> tensor<1x1x2x2x!s> {
  %y = graph.conv2d %x, %w {activation = "sigmoid"}
      : (tensor<1x1x2x2x!s>, tensor<1x1x1x1x!s>) -> tensor<1x1x2x2x!s>
  func.return %y : tensor<1x1x2x2x!s>
}

!pa = !quant.uniform<i8:f32:0, {0.1, 0.2}>
func.func @per_axis_add(%x: tensor<2x!pa>) -> tensor<2x!s> {
  %y = graph.add %x, %x : (tensor<2x!pa>, tensor<2x!pa>) -> tensor<2x!s>
  func.return %y : tensor<2x!s>
}

!w32 = !quant.uniform<i32:f32, 0.1>
func.func @wide(%x: tensor<1x1x2x2x!w32>, %w: tensor<1x1x1x1x!s>)
    -> tensor<1x1x2x2x!s> {
  %y = graph.conv2d %x, %w
      : (tensor<1x1x2x2x!w32>, tensor<1x1x1x1x!s>) -> tensor<1x1x2x2x!s>
  func.return %y : tensor<1x1x2x2x!s>
}
