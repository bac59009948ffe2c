// RUN: edge-opt %s --tl-bufferize | FileCheck %s
// RUN: edge-opt %s --tl-bufferize --tl-to-loops | FileCheck %s --check-prefix=LOOPS
// RUN: edge-opt %s --tl-bufferize --tl-to-loops | %mlir_opt | FileCheck %s --check-prefix=LOOPS
// REQUIRES: mlir-opt
// The quantized boundary in tl-bufferize: !quant.uniform tensors become
// memrefs of their storage type (i8), the storage casts of graph-to-tl
// become the same buffer (here the requantize writes the out-param
// through the cast), and a per-channel tl.requantize is generalized first,
// its multipliers and shifts made read-only globals.

// CHECK: memref.global "private" constant @[[M:.*]] : memref<4xi32> = dense<[1073741824, 1518500250, 1073741824, 1518500250]>
// CHECK: memref.global "private" constant @[[S:.*]] : memref<4xi32> = dense<[-1, 0, 1, -2]>
// CHECK-LABEL: func.func @cast_chain(%arg0: memref<2x4xi8>, %arg1: memref<2x4xi8>)
// CHECK-NOT: unrealized_conversion_cast
// CHECK: %[[A:.*]] = memref.alloc() : memref<2x4xi32>
// CHECK: tl.generic {{.*}} ins(%arg0 : memref<2x4xi8>) outs(%[[A]] : memref<2x4xi32>)
// CHECK: %[[GM:.*]] = memref.get_global @[[M]]
// CHECK: %[[GS:.*]] = memref.get_global @[[S]]
// CHECK: tl.generic {{.*}} ins(%[[A]], %[[GM]], %[[GS]] : memref<2x4xi32>, memref<4xi32>, memref<4xi32>) outs(%arg1 : memref<2x4xi8>)
// CHECK: arith.trunci {{.*}} : i64 to i8
// CHECK-NOT: memref.copy
// CHECK: memref.dealloc %[[A]]
// CHECK-NEXT: return

// LOOPS-LABEL: func.func @cast_chain(%arg0: memref<2x4xi8>, %arg1: memref<2x4xi8>)
// LOOPS-NOT: tl.
// LOOPS: memref.store {{.*}} : memref<2x4xi8>
func.func @cast_chain(%x: tensor<2x4x!quant.uniform<i8:f32, 2.500000e-02:-5>>) -> tensor<2x4x!quant.uniform<i8:f32, 5.000000e-02:3>> {
  %0 = builtin.unrealized_conversion_cast %x : tensor<2x4x!quant.uniform<i8:f32, 2.500000e-02:-5>> to tensor<2x4xi8>
  %z = graph.constant dense<0> : tensor<2x4xi32>
  %1 = tl.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%0 : tensor<2x4xi8>) outs(%z : tensor<2x4xi32>) {
  ^bb0(%a: i8, %b: i32):
    %e = arith.extsi %a : i8 to i32
    tl.yield %e : i32
  } -> tensor<2x4xi32>
  %z8 = graph.constant dense<0> : tensor<2x4xi8>
  %2 = tl.requantize {channel_dim = 1 : i64, multiplier = array<i32: 1073741824, 1518500250, 1073741824, 1518500250>, output_zp = 3 : i64, shift = array<i32: -1, 0, 1, -2>} ins(%1 : tensor<2x4xi32>) outs(%z8 : tensor<2x4xi8>) -> tensor<2x4xi8>
  %3 = builtin.unrealized_conversion_cast %2 : tensor<2x4xi8> to tensor<2x4x!quant.uniform<i8:f32, 5.000000e-02:3>>
  return %3 : tensor<2x4x!quant.uniform<i8:f32, 5.000000e-02:3>>
}

// A reshape of a quantized argument is a view of the i8 buffer; the
// returned argument is copied to the out-param.
// CHECK-LABEL: func.func @reshape(%arg0: memref<2x3xi8>, %arg1: memref<6xi8>)
// CHECK: %[[C:.*]] = memref.collapse_shape %arg0 {{\[\[}}0, 1]] : memref<2x3xi8> into memref<6xi8>
// CHECK: memref.copy %[[C]], %arg1 : memref<6xi8> to memref<6xi8>
func.func @reshape(%x: tensor<2x3x!quant.uniform<i8:f32, 1.000000e-01:2>>) -> tensor<6x!quant.uniform<i8:f32, 1.000000e-01:2>> {
  %r = graph.reshape %x {shape = array<i64: 6>} : (tensor<2x3x!quant.uniform<i8:f32, 1.000000e-01:2>>) -> tensor<6x!quant.uniform<i8:f32, 1.000000e-01:2>>
  return %r : tensor<6x!quant.uniform<i8:f32, 1.000000e-01:2>>
}
