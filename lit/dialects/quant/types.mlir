// !quant.uniform types: parsed in every spelling MLIR 19 accepts and
// printed exactly as mlir-opt 19 prints them (scales in %e form or, when
// that loses bits, the longer form; zero points 0 left out; the storage
// range only when narrowed; per-axis lists without spaces).
// RUN: edge-opt %s | FileCheck %s
// RUN: edge-opt %s | edge-opt | FileCheck %s
// RUN: edge-opt %s --mlir-print-op-generic | edge-opt | FileCheck %s

// CHECK: func.func private @per_tensor(tensor<2x!quant.uniform<i8:f32, 5.000000e-02:-3>>, tensor<2x!quant.uniform<i8:f32, 5.000000e-02>>, tensor<2x!quant.uniform<u8:f32, 1.000000e-01:128>>, tensor<!quant.uniform<i32:f32, 1.000000e-03>>)
func.func private @per_tensor(tensor<2x!quant.uniform<i8:f32, 0.05:-3>>,
                              tensor<2x!quant.uniform<i8:f32, 5.0e-2:0>>,
                              tensor<2x!quant.uniform<u8:f32, 0.1:128>>,
                              tensor<!quant.uniform<i32:f32, 1.0e-03>>)

// CHECK: func.func private @storage(tensor<4x!quant.uniform<i8<-127:127>:f32, 2.000000e-02>>, tensor<4x!quant.uniform<i8:f32, 2.000000e-02>>, tensor<4x!quant.uniform<u8:f32, 5.000000e-01>>, tensor<4x!quant.uniform<i8:f32, 5.000000e-01>>, tensor<4x!quant.uniform<u4<0:10>:f32, 5.000000e-01:3>>, tensor<4x!quant.uniform<i16:f32, 5.000000e-01>>)
func.func private @storage(tensor<4x!quant.uniform<i8<-127:127>:f32, 2.0e-02>>,
                           tensor<4x!quant.uniform<i8<-128:127>:f32, 2.0e-02>>,
                           tensor<4x!quant.uniform<ui8:f32, 0.5>>,
                           tensor<4x!quant.uniform<si8:f32, 0.5>>,
                           tensor<4x!quant.uniform<u4<0:10>:f32, 0.5:3>>,
                           tensor<4x!quant.uniform<i16:f32, 0.5>>)

// CHECK: func.func private @expressed(tensor<!quant.uniform<i8:f16, 5.000000e-01>>, tensor<!quant.uniform<i8:bf16, 1.000000e-01>>, tensor<!quant.uniform<i8:f64, 1.000000e-01>>)
func.func private @expressed(tensor<!quant.uniform<i8:f16, 0.5:0>>,
                             tensor<!quant.uniform<i8:bf16, 0.1>>,
                             tensor<!quant.uniform<i8 : f64 , 0.1 >>)

// CHECK: func.func private @per_axis(tensor<2x3x!quant.uniform<i8:f32:0, {1.000000e-01,2.000000e-01:1}>>, tensor<2x3x!quant.uniform<u8:f32:1, {1.000000e-01:128,2.000000e-01:127,3.000000e-01:129}>>, tensor<1x!quant.uniform<i8:f32:0, {1.000000e-01}>>)
func.func private @per_axis(tensor<2x3x!quant.uniform<i8:f32:0, {0.1:0, 0.2:1}>>,
                            tensor<2x3x!quant.uniform<u8:f32:1, {0.1:128, 0.2:127, 0.3:129}>>,
                            tensor<1x!quant.uniform<i8:f32:0, {0.1}>>)

// Scales that %e would round print in APFloat's longer form or as bits.
// CHECK: func.func private @scales(tensor<!quant.uniform<i8:f32, 9.9999999999999994E+38>>, tensor<!quant.uniform<i8:f32, 0x419D6F3454000000>>, tensor<!quant.uniform<i8:f32, 5.2635442471208903E-315>>, tensor<!quant.uniform<i8:f32, 0.0039215686274509803>>)
func.func private @scales(tensor<!quant.uniform<i8:f32, 1.0e+39>>,
                          tensor<!quant.uniform<i8:f32, 123456789.0>>,
                          tensor<!quant.uniform<i8:f32, 0x3F800000>>,
                          tensor<!quant.uniform<i8:f32, 0.0039215686274509803>>)
