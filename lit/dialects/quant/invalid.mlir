// Errors in !quant.uniform types, worded and placed as MLIR 19 reports
// them (checked against mlir-opt --verify-diagnostics), except the last
// two: edge-opt also rejects zero points outside the storage range and
// negative quantized dimensions, which MLIR 19 accepts.
// RUN: edge-opt %s --split-input-file --verify-diagnostics
// expected-error@+1 {{illegal scale: 0.000000e+00}}
func.func private @f(tensor<2x!quant.uniform<i8:f32, 0.0>>)

// -----

// expected-error@+1 {{illegal scale: -5.000000e-01}}
func.func private @f(tensor<2x!quant.uniform<i8:f32, -0.5>>)

// -----

// expected-error@+1 {{illegal storage type minimum: -129}}
func.func private @f(tensor<2x!quant.uniform<i8<-129:127>:f32, 0.5>>)

// -----

// expected-error@+1 {{illegal storage type maximum: 300}}
func.func private @f(tensor<2x!quant.uniform<i8<-12:300>:f32, 0.5>>)

// -----

// expected-error@+1 {{illegal storage min and storage max: (10:5)}}
func.func private @f(tensor<2x!quant.uniform<i8<10:5>:f32, 0.5>>)

// -----

// expected-error@+1 {{illegal storage type prefix}}
func.func private @f(tensor<2x!quant.uniform<f8:f32, 0.5>>)

// -----

// expected-error@+1 {{illegal storage type prefix}}
func.func private @f(tensor<2x!quant.uniform<x8:f32, 0.5>>)

// -----

// expected-error@+1 {{invalid kind of type specified}}
func.func private @f(tensor<2x!quant.uniform<i8:i32, 0.5>>)

// -----

// expected-error@+1 {{unknown quantized type foo}}
func.func private @f(tensor<2x!quant.foo<i8:f32, 0.5>>)

// -----

// expected-error@+1 {{illegal storage type size: 0}}
func.func private @f(tensor<2x!quant.uniform<i0:f32, 0.5>>)

// -----

// expected-error@+1 {{illegal storage type size: 33}}
func.func private @f(tensor<2x!quant.uniform<u33:f32, 0.5>>)

// -----

// expected-error@+1 {{illegal storage type size: 64}}
func.func private @f(tensor<2x!quant.uniform<i64:f32, 0.5>>)

// -----

// expected-error@+1 {{expected floating point literal}}
func.func private @f(tensor<2x!quant.uniform<i8:f32, inf>>)

// -----

// expected-error@+1 {{expected floating point literal}}
func.func private @f(tensor<2x!quant.uniform<i8:f32, {0.1}>>)

// -----

// expected-error@+1 {{expected '>'}}
func.func private @f(tensor<2x!quant.uniform<i8:f32, 0.1:1, 0.2>>)

// -----

// expected-error@+2 {{unexpected decimal integer literal for a floating point value}}
// expected-note@+1 {{add a trailing dot to make the literal a float}}
func.func private @f(tensor<2x!quant.uniform<u8:f32, 1:128>>)

// -----

// expected-error@+1 {{illegal zero point: 200 (outside the storage range [-128:127])}}
func.func private @f(tensor<2x!quant.uniform<i8:f32, 0.1:200>>)

// -----

// expected-error@+1 {{illegal quantized dimension: -1}}
func.func private @f(tensor<2x!quant.uniform<i8:f32:-1, {0.1}>>)
