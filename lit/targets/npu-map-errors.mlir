// npu-map: what the npu dialect cannot hold is an error at the function.
// Float interfaces are fine when f32 (host regions quantize and
// dequantize them: lit/targets/npu/float-io.mlir); other element types
// are not.
//
// RUN: edge-opt %s -split-input-file -verify-diagnostics \
// RUN:   --npu-map=target=stm32n6-npu

// expected-error @+1 {{npu-map: unsupported: input #0 is not int8, int32 or f32 (npu buffers hold i8 or i32 elements, host buffers also f32)}}
func.func @f64_interface(%x: tensor<4xf64>) -> tensor<4xf64> {
  %y = graph.relu %x : (tensor<4xf64>) -> tensor<4xf64>
  return %y : tensor<4xf64>
}

// -----

// expected-error @+1 {{npu-map: unsupported: input #0 is not int8, int32 or f32}}
func.func @i16_interface(%x: tensor<4xi16>) -> tensor<4xi16> {
  %y = graph.relu %x : (tensor<4xi16>) -> tensor<4xi16>
  return %y : tensor<4xi16>
}
