// npu-map: what the npu dialect cannot hold is an error at the function.
//
// RUN: edge-opt %s -split-input-file -verify-diagnostics \
// RUN:   --npu-map=target=stm32n6-npu

// expected-error @+1 {{npu-map: unsupported: input #0 is not int8 or int32 (npu buffers hold i8 or i32 elements; quantize the model's interface)}}
func.func @float_interface(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = graph.relu %x : (tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

// expected-error @+1 {{npu-map: unsupported: result #0 is not int8 or int32}}
func.func @float_result(%x: tensor<4x!quant.uniform<i8:f32, 5.000000e-01>>) -> tensor<4xf32> {
  %y = graph.dequantize %x : (tensor<4x!quant.uniform<i8:f32, 5.000000e-01>>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}
