// The npu dialect's custom forms round-trip (printed, parsed again,
// printed the same), the generic form parses to the same ops, and
// canonicalization and CSE keep every command (they have effects).
// RUN: edge-opt %s | FileCheck %s
// RUN: edge-opt %s -canonicalize -cse | FileCheck %s
// RUN: edge-opt %s | edge-opt | FileCheck %s
// RUN: edge-opt %s --mlir-print-op-generic | edge-opt | FileCheck %s

// CHECK-LABEL: func.func @conv_tile(
func.func @conv_tile(%x: memref<1x16x16x8xi8>, %w: memref<16x3x3x8xi8>, %b: memref<16xi32>, %y: memref<1x8x8x16xi8>) {
  %xs = memref.alloc() : memref<1x16x16x8xi8, "sram">
  %ws = memref.alloc() : memref<16x3x3x8xi8, "sram">
  %bs = memref.alloc() : memref<16xi32, "sram">
  %ys = memref.alloc() : memref<1x8x8x16xi8, "sram">
  // CHECK: %[[T0:.*]] = npu.dma %{{.*}}, %{{.*}} : memref<1x16x16x8xi8>, memref<1x16x16x8xi8, "sram">
  %t0 = npu.dma %x, %xs : memref<1x16x16x8xi8>, memref<1x16x16x8xi8, "sram">
  // CHECK: %[[T1:.*]] = npu.dma %{{.*}}, %{{.*}} {channel = 1 : i64} : memref<16x3x3x8xi8>, memref<16x3x3x8xi8, "sram">
  %t1 = npu.dma %w, %ws {channel = 1} : memref<16x3x3x8xi8>, memref<16x3x3x8xi8, "sram">
  %t2 = npu.dma %b, %bs : memref<16xi32>, memref<16xi32, "sram">
  // CHECK: %[[C:.*]] = npu.conv %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} after %[[T0]], %[[T1]], %{{.*}} {act_max = 127 : i64, act_min = -5 : i64, input_zp = -3 : i64, kind = "conv2d", multiplier = array<i64: 1073741824>, output_zp = -5 : i64, pads = array<i64: 1, 1, 1, 1>, shift = array<i64: -8>, strides = array<i64: 2, 2>, weight_zp = array<i64: 0>} : memref<1x16x16x8xi8, "sram">, memref<16x3x3x8xi8, "sram">, memref<1x8x8x16xi8, "sram">, memref<16xi32, "sram">
  %c = npu.conv %xs, %ws, %ys, %bs after %t0, %t1, %t2 {kind = "conv2d", strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, input_zp = -3, weight_zp = array<i64: 0>, output_zp = -5, multiplier = array<i64: 1073741824>, shift = array<i64: -8>, act_min = -5, act_max = 127} : memref<1x16x16x8xi8, "sram">, memref<16x3x3x8xi8, "sram">, memref<1x8x8x16xi8, "sram">, memref<16xi32, "sram">
  // CHECK: %[[O:.*]] = npu.dma %{{.*}}, %{{.*}} after %[[C]] : memref<1x8x8x16xi8, "sram">, memref<1x8x8x16xi8>
  %o = npu.dma %ys, %y after %c : memref<1x8x8x16xi8, "sram">, memref<1x8x8x16xi8>
  // CHECK: npu.wait %[[O]]
  npu.wait %o
  return
}

// CHECK-LABEL: func.func @strided_dma(
func.func @strided_dma(%x: memref<1x32x16x8xi8>) {
  %xs = memref.alloc() : memref<1x8x16x8xi8, "npu_ram">
  // CHECK: npu.dma %{{.*}}, %{{.*}} {dst_offsets = array<i64: 0, 0, 0, 0>, sizes = array<i64: 1, 8, 16, 8>, src_offsets = array<i64: 0, 8, 0, 0>} : memref<1x32x16x8xi8>, memref<1x8x16x8xi8, "npu_ram">
  %t = npu.dma %x, %xs {src_offsets = array<i64: 0, 8, 0, 0>, dst_offsets = array<i64: 0, 0, 0, 0>, sizes = array<i64: 1, 8, 16, 8>} : memref<1x32x16x8xi8>, memref<1x8x16x8xi8, "npu_ram">
  npu.wait %t
  return
}

// CHECK-LABEL: func.func @fc_and_depthwise(
func.func @fc_and_depthwise(%a: memref<4x64xi8, "sram">, %w: memref<10x64xi8, "sram">, %acc: memref<4x10xi32, "sram">, %x: memref<1x8x8x4xi8, "sram">, %dw: memref<8x3x3x1xi8, "sram">, %y: memref<1x8x8x8xi8, "sram">) {
  // CHECK: npu.conv %{{.*}}, %{{.*}}, %{{.*}} {input_zp = 1 : i64, kind = "fully_connected"} : memref<4x64xi8, "sram">, memref<10x64xi8, "sram">, memref<4x10xi32, "sram">
  %t0 = npu.conv %a, %w, %acc {kind = "fully_connected", input_zp = 1} : memref<4x64xi8, "sram">, memref<10x64xi8, "sram">, memref<4x10xi32, "sram">
  // CHECK: npu.conv %{{.*}}, %{{.*}}, %{{.*}} {engine = 2 : i64, kind = "depthwise", multiplier = array<i64: 1073741824>, pads = array<i64: 1, 1, 1, 1>, shift = array<i64: -4>}
  %t1 = npu.conv %x, %dw, %y {kind = "depthwise", pads = array<i64: 1, 1, 1, 1>, multiplier = array<i64: 1073741824>, shift = array<i64: -4>, engine = 2} : memref<1x8x8x4xi8, "sram">, memref<8x3x3x1xi8, "sram">, memref<1x8x8x8xi8, "sram">
  npu.wait %t0, %t1
  return
}

// CHECK-LABEL: func.func @imc(
func.func @imc(%w: memref<512x32xi8>, %x: memref<2x512xi8, "sram">, %y: memref<2x32xi32, "sram">, %bias: memref<32xi32, "sram">) {
  %w0 = memref.subview %w[0, 0] [256, 32] [1, 1] : memref<512x32xi8> to memref<256x32xi8, strided<[32, 1]>>
  %w1 = memref.subview %w[256, 0] [256, 32] [1, 1] : memref<512x32xi8> to memref<256x32xi8, strided<[32, 1], offset: 8192>>
  // CHECK: %[[P0:.*]] = npu.imc_program %{{.*}} {crossbar = 0 : i64} : memref<256x32xi8, strided<[32, 1]>>
  %p0 = npu.imc_program %w0 {crossbar = 0} : memref<256x32xi8, strided<[32, 1]>>
  %p1 = npu.imc_program %w1 {crossbar = 1} : memref<256x32xi8, strided<[32, 1], offset: 8192>>
  // CHECK: npu.imc_mvm %{{.*}}, %{{.*}}, %{{.*}} after %[[P0]], %{{.*}} {accumulate, crossbars = array<i64: 0, 1>, input_zp = -1 : i64} : memref<2x512xi8, "sram">, memref<2x32xi32, "sram">, memref<32xi32, "sram">
  %m = npu.imc_mvm %x, %y, %bias after %p0, %p1 {crossbars = array<i64: 0, 1>, input_zp = -1, accumulate} : memref<2x512xi8, "sram">, memref<2x32xi32, "sram">, memref<32xi32, "sram">
  npu.wait %m
  return
}

// CHECK-LABEL: func.func @ew(
func.func @ew(%a: memref<1x8x8x4xi8, "sram">, %b: memref<1x8x8x4xi8, "sram">, %s: memref<1x8x8x4xi8, "sram">, %p: memref<1x4x4x4xi8, "sram">, %acc: memref<1x8x8x4xi32, "sram">) {
  // CHECK: npu.ew %{{.*}}, %{{.*}}, %{{.*}} {a_multiplier = 1073741824 : i64, a_shift = 0 : i64, a_zp = 3 : i64, b_multiplier = 1073741824 : i64, b_shift = 0 : i64, multiplier = 1073741824 : i64, op = "add", shift = -19 : i64}
  %t0 = npu.ew %a, %b, %s {op = "add", a_zp = 3, a_multiplier = 1073741824, a_shift = 0, b_multiplier = 1073741824, b_shift = 0, multiplier = 1073741824, shift = -19} : memref<1x8x8x4xi8, "sram">, memref<1x8x8x4xi8, "sram">, memref<1x8x8x4xi8, "sram">
  // CHECK: npu.ew %{{.*}}, %{{.*}} after %{{.*}} {kernel = array<i64: 2, 2>, op = "maxpool", strides = array<i64: 2, 2>, unit = "pool"}
  %t1 = npu.ew %s, %p after %t0 {op = "maxpool", kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, unit = "pool"} : memref<1x8x8x4xi8, "sram">, memref<1x4x4x4xi8, "sram">
  // CHECK: npu.ew %{{.*}}, %{{.*}} {act_min = -128 : i64, input_zp = 0 : i64, multiplier = 1518500250 : i64, op = "requant", output_zp = 2 : i64, shift = -9 : i64} : memref<1x8x8x4xi32, "sram">, memref<1x8x8x4xi8, "sram">
  %t2 = npu.ew %acc, %s {op = "requant", input_zp = 0, output_zp = 2, multiplier = 1518500250, shift = -9, act_min = -128} : memref<1x8x8x4xi32, "sram">, memref<1x8x8x4xi8, "sram">
  npu.wait %t1, %t2
  return
}

// CHECK-LABEL: func.func @fallback(
func.func @fallback(%a: memref<2x4xi8>, %y: memref<2x4xi8, "sram">, %t: !npu.token) {
  // CHECK: %[[T:.*]] = npu.cpu ins(%{{.*}}) outs(%{{.*}}) after %{{.*}} attributes {name = "neg_0"} : memref<2x4xi8>, memref<2x4xi8, "sram"> {
  // CHECK-NEXT: ^bb0(%[[X:.*]]: tensor<2x4xi8>):
  // CHECK-NEXT: %[[N:.*]] = graph.neg %[[X]] : (tensor<2x4xi8>) -> tensor<2x4xi8>
  // CHECK-NEXT: npu.yield %[[N]] : tensor<2x4xi8>
  // CHECK-NEXT: }
  %c = npu.cpu ins(%a) outs(%y) after %t attributes {name = "neg_0"} : memref<2x4xi8>, memref<2x4xi8, "sram"> {
  ^bb0(%x: tensor<2x4xi8>):
    %n = graph.neg %x : (tensor<2x4xi8>) -> tensor<2x4xi8>
    npu.yield %n : tensor<2x4xi8>
  }
  // CHECK: npu.wait %[[T]]
  npu.wait %c
  return
}

// A fallback region computing on quantized types stored in the buffers.
// CHECK-LABEL: func.func @quantized_fallback(
// CHECK: ^bb0(%{{.*}}: tensor<2x4x!quant.uniform<i8:f32, 1.000000e-01:3>>):
func.func @quantized_fallback(%a: memref<2x4xi8>, %y: memref<2x4xi8>) {
  %c = npu.cpu ins(%a) outs(%y) : memref<2x4xi8>, memref<2x4xi8> {
  ^bb0(%x: tensor<2x4x!quant.uniform<i8:f32, 1.0e-01:3>>):
    %r = graph.requantize %x : (tensor<2x4x!quant.uniform<i8:f32, 1.0e-01:3>>) -> tensor<2x4x!quant.uniform<i8:f32, 2.0e-01:-1>>
    npu.yield %r : tensor<2x4x!quant.uniform<i8:f32, 2.0e-01:-1>>
  }
  npu.wait %c
  return
}
