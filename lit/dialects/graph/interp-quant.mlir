// The interpreter's quantized kernels through edge-run: values of the ONNX
// backend tests (QLinearConv, ConvInteger, QLinearMatMul, MatMulInteger,
// QuantizeLinear, DequantizeLinear) and TFLite's fixed-point arithmetic.
//
// RUN: %python %S/../../tools/Inputs/edge-run-npy.py write %t.qc_x.npy u1 1,1,7,7 255,174,162,25,203,168,58,15,59,237,95,129,0,64,56,242,153,221,168,12,166,232,178,186,195,237,162,237,188,39,124,77,80,102,43,127,230,21,83,41,40,134,255,154,92,141,42,148,247
// RUN: %python %S/../../tools/Inputs/edge-run-npy.py write %t.qc_w.npy u1 1,1,1,1 0
// RUN: %python %S/../../tools/Inputs/edge-run-npy.py write %t.qc_y.npy u1 1,1,7,7 0,81,93,230,52,87,197,240,196,18,160,126,255,191,199,13,102,34,87,243,89,23,77,69,60,18,93,18,67,216,131,178,175,153,212,128,25,234,172,214,215,121,0,101,163,114,213,107,8
// RUN: edge-run --interpret %s --func qlinearconv --input %t.qc_x.npy \
// RUN:   --input %t.qc_w.npy --check %t.qc_y.npy | FileCheck %s --check-prefix=QC
// QC: result 0: ok (49 elements
//
// RUN: %python %S/../../tools/Inputs/edge-run-npy.py write %t.ci_x.npy u1 1,1,3,3 2,3,4,5,6,7,8,9,10
// RUN: %python %S/../../tools/Inputs/edge-run-npy.py write %t.ci_w.npy u1 1,1,2,2 1,1,1,1
// RUN: %python %S/../../tools/Inputs/edge-run-npy.py write %t.ci_y.npy i4 1,1,4,4 1,3,5,3,5,12,16,9,11,24,28,15,7,15,17,9
// RUN: edge-run --interpret %s --func convinteger --input %t.ci_x.npy \
// RUN:   --input %t.ci_w.npy --check %t.ci_y.npy | FileCheck %s --check-prefix=CI
// CI: result 0: ok (16 elements
//
// RUN: %python %S/../../tools/Inputs/edge-run-npy.py write %t.qm_a.npy u1 2,2,4 208,236,0,238,3,214,255,29,208,236,0,238,3,214,255,29
// RUN: %python %S/../../tools/Inputs/edge-run-npy.py write %t.qm_b.npy u1 2,4,3 152,51,244,60,26,255,0,127,246,127,254,247,152,51,244,60,26,255,0,127,246,127,254,247
// RUN: edge-run --interpret %s --func qlinearmatmul_3d --input %t.qm_a.npy \
// RUN:   --input %t.qm_b.npy --print | FileCheck %s --check-prefix=QM
// QM:      result 0: 2x2x3xu8
// QM-NEXT:   [168, 115, 255, 1, 66, 151, 168, 115, 255, 1, 66, 151]
//
// RUN: %python %S/../../tools/Inputs/edge-run-npy.py write %t.mi_a.npy u1 4,3 11,7,3,10,6,2,9,5,1,8,4,0
// RUN: %python %S/../../tools/Inputs/edge-run-npy.py write %t.mi_b.npy u1 3,2 1,4,2,5,3,6
// RUN: edge-run --interpret %s --func matmulinteger --input %t.mi_a.npy \
// RUN:   --input %t.mi_b.npy --print | FileCheck %s --check-prefix=MI
// MI:      result 0: 4x2xi32
// MI-NEXT:   [-38, -83, -44, -98, -50, -113, -56, -128]
//
// RUN: %python %S/../../tools/Inputs/edge-run-npy.py write %t.q_x.npy f4 6 0,2,3,1000,-254,-1000
// RUN: edge-run --interpret %s --func quant_roundtrip --input %t.q_x.npy \
// RUN:   --print | FileCheck %s --check-prefix=Q
// Q:      result 0: 6xu8
// Q-NEXT:   [128, 129, 130, 255, 1, 0]
// Q-NEXT: result 1: 6xf32
// Q-NEXT:   [0, 2, 4, 254, -254, -256]
//
// Requantize i8 (0.1, 3) -> u8 (0.03, 128), and quantized add (TFLite's
// left shift 20) with broadcasting and a fused relu clamped at the output
// zero point.
// RUN: %python %S/../../tools/Inputs/edge-run-npy.py write %t.r_x.npy i1 6 -89,-52,-15,22,59,96
// RUN: %python %S/../../tools/Inputs/edge-run-npy.py write %t.r_b.npy i1 3 -95,-42,11
// RUN: edge-run --interpret %s --func requant_add --input %t.r_x.npy \
// RUN:   --input %t.r_b.npy --print | FileCheck %s --check-prefix=RA
// RA:      result 0: 6xu8
// RA-NEXT:   [0, 0, 68, 191, 255, 255]
// RA-NEXT: result 1: 2x3xi8
// RA-NEXT:   [-114, -61, -8, -21, 32, 85]
// RA-NEXT: result 2: 2x3xi8
// RA-NEXT:   [1, 1, 1, 1, 32, 85]

!qcx = !quant.uniform<u8:f32, 0.003692046971991658:132>
!qcw = !quant.uniform<u8:f32, 0.0017279457533732057:255>
!qcy = !quant.uniform<u8:f32, 0.001626812620088458:123>
func.func @qlinearconv(%x: tensor<1x1x7x7x!qcx>, %w: tensor<1x1x1x1x!qcw>)
    -> tensor<1x1x7x7x!qcy> {
  %y = graph.conv2d %x, %w : (tensor<1x1x7x7x!qcx>, tensor<1x1x1x1x!qcw>)
      -> tensor<1x1x7x7x!qcy>
  func.return %y : tensor<1x1x7x7x!qcy>
}

!cix = !quant.uniform<u8:f32, 1.0:1>
!ciw = !quant.uniform<u8:f32, 1.0>
func.func @convinteger(%x: tensor<1x1x3x3x!cix>, %w: tensor<1x1x2x2x!ciw>)
    -> tensor<1x1x4x4xi32> {
  %y = graph.conv2d %x, %w {pads = array<i64: 1, 1, 1, 1>}
      : (tensor<1x1x3x3x!cix>, tensor<1x1x2x2x!ciw>) -> tensor<1x1x4x4xi32>
  func.return %y : tensor<1x1x4x4xi32>
}

!qma = !quant.uniform<u8:f32, 0.006599999964237213:113>
!qmb = !quant.uniform<u8:f32, 0.0070500001311302185:114>
!qmy = !quant.uniform<u8:f32, 0.010700000450015068:118>
func.func @qlinearmatmul_3d(%a: tensor<2x2x4x!qma>, %b: tensor<2x4x3x!qmb>)
    -> tensor<2x2x3x!qmy> {
  %y = graph.matmul %a, %b : (tensor<2x2x4x!qma>, tensor<2x4x3x!qmb>)
      -> tensor<2x2x3x!qmy>
  func.return %y : tensor<2x2x3x!qmy>
}

!mia = !quant.uniform<u8:f32, 1.0:12>
!mib = !quant.uniform<u8:f32, 1.0>
func.func @matmulinteger(%a: tensor<4x3x!mia>, %b: tensor<3x2x!mib>)
    -> tensor<4x2xi32> {
  %y = graph.matmul %a, %b : (tensor<4x3x!mia>, tensor<3x2x!mib>)
      -> tensor<4x2xi32>
  func.return %y : tensor<4x2xi32>
}

!q2 = !quant.uniform<u8:f32, 2.0:128>
func.func @quant_roundtrip(%x: tensor<6xf32>)
    -> (tensor<6x!q2>, tensor<6xf32>) {
  %q = graph.quantize %x : (tensor<6xf32>) -> tensor<6x!q2>
  %d = graph.dequantize %q : (tensor<6x!q2>) -> tensor<6xf32>
  func.return %q, %d : tensor<6x!q2>, tensor<6xf32>
}

!ra = !quant.uniform<i8:f32, 0.1:3>
!rb = !quant.uniform<i8:f32, 0.05:-4>
!ry = !quant.uniform<u8:f32, 0.03:128>
!ay = !quant.uniform<i8:f32, 0.12:1>
func.func @requant_add(%x: tensor<6x!ra>, %b: tensor<3x!rb>)
    -> (tensor<6x!ry>, tensor<2x3x!ay>, tensor<2x3x!ay>) {
  %r = graph.requantize %x : (tensor<6x!ra>) -> tensor<6x!ry>
  %a = graph.reshape %x {shape = array<i64: 2, 3>}
      : (tensor<6x!ra>) -> tensor<2x3x!ra>
  %s = graph.add %a, %b : (tensor<2x3x!ra>, tensor<3x!rb>) -> tensor<2x3x!ay>
  %t = graph.add %a, %b {activation = "relu"}
      : (tensor<2x3x!ra>, tensor<3x!rb>) -> tensor<2x3x!ay>
  func.return %r, %s, %t : tensor<6x!ry>, tensor<2x3x!ay>, tensor<2x3x!ay>
}
