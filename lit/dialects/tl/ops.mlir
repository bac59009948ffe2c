// RUN: edge-opt %s | FileCheck %s
// RUN: edge-opt %s | edge-opt | FileCheck %s
// RUN: edge-opt %s --mlir-print-op-generic | edge-opt | FileCheck %s
// Round trips of every tl op, on tensors and on memrefs.

#id2 = affine_map<(d0, d1) -> (d0, d1)>
#row = affine_map<(d0, d1) -> (d0)>
#scalar = affine_map<(d0, d1) -> ()>

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-DAG: #[[SCALAR:.*]] = affine_map<(d0, d1) -> ()>
// CHECK-DAG: #[[TR:.*]] = affine_map<(d0, d1) -> (d1, d0)>
// CHECK-DAG: #[[SHIFT:.*]] = affine_map<(d0, d1) -> (d0 + d1)>

// CHECK-LABEL: func.func @generic_tensor
// CHECK: %[[R:.*]]:2 = tl.generic {indexing_maps = [#[[ID]], #[[SCALAR]], #[[ID]], #[[ROW]]], iterator_types = ["parallel", "reduction"]} ins(%arg0, %arg1 : tensor<4x5xf32>, f32) outs(%arg2, %arg3 : tensor<4x5xf32>, tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%[[X:.*]]: f32, %[[S:.*]]: f32, %{{.*}}: f32, %[[ACC:.*]]: f32):
// CHECK-NEXT:   %[[M:.*]] = arith.mulf %[[X]], %[[S]] : f32
// CHECK-NEXT:   %[[A:.*]] = arith.addf %[[ACC]], %[[X]] : f32
// CHECK-NEXT:   tl.yield %[[M]], %[[A]] : f32, f32
// CHECK-NEXT: } -> tensor<4x5xf32>, tensor<4xf32>
func.func @generic_tensor(%a: tensor<4x5xf32>, %s: f32, %o: tensor<4x5xf32>, %r: tensor<4xf32>) -> (tensor<4x5xf32>, tensor<4xf32>) {
  %0:2 = tl.generic {indexing_maps = [#id2, #scalar, #id2, #row], iterator_types = ["parallel", "reduction"]} ins(%a, %s : tensor<4x5xf32>, f32) outs(%o, %r : tensor<4x5xf32>, tensor<4xf32>) {
  ^bb0(%x: f32, %y: f32, %unused: f32, %acc: f32):
    %m = arith.mulf %x, %y : f32
    %t = arith.addf %acc, %x : f32
    tl.yield %m, %t : f32, f32
  } -> tensor<4x5xf32>, tensor<4xf32>
  return %0#0, %0#1 : tensor<4x5xf32>, tensor<4xf32>
}

// A transpose on buffers, with a dynamic size and a discardable attribute.
// CHECK-LABEL: func.func @generic_memref
// CHECK: tl.generic {indexing_maps = [#[[TR]], #[[ID]]], iterator_types = ["parallel", "parallel"], tag = "t"} ins(%arg0 : memref<?x3xi8>) outs(%arg1 : memref<3x?xi8>) {
// CHECK: tl.yield %{{.*}} : i8
// CHECK-NEXT: }
// CHECK-NEXT: return
func.func @generic_memref(%a: memref<?x3xi8>, %b: memref<3x?xi8>) {
  tl.generic {indexing_maps = [affine_map<(d0, d1) -> (d1, d0)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], tag = "t"} ins(%a : memref<?x3xi8>) outs(%b : memref<3x?xi8>) {
  ^bb0(%x: i8, %y: i8):
    tl.yield %x : i8
  }
  return
}

// Loops that no operand indexes alone take their bound from loop_bounds.
// CHECK-LABEL: func.func @generic_bounds
// CHECK: tl.generic {indexing_maps = [#[[SHIFT]], #[[ROW]]], iterator_types = ["parallel", "reduction"], loop_bounds = array<i64: 0, 3>}
func.func @generic_bounds(%a: tensor<8xf32>, %b: tensor<6xf32>) -> tensor<6xf32> {
  %0 = tl.generic {indexing_maps = [affine_map<(d0, d1) -> (d0 + d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"], loop_bounds = array<i64: 0, 3>} ins(%a : tensor<8xf32>) outs(%b : tensor<6xf32>) {
  ^bb0(%x: f32, %acc: f32):
    %s = arith.addf %acc, %x : f32
    tl.yield %s : f32
  } -> tensor<6xf32>
  return %0 : tensor<6xf32>
}

// CHECK-LABEL: func.func @named
// CHECK: tl.matmul ins(%arg0, %arg1 : tensor<2x3xf32>, tensor<3x4xf32>) outs(%arg2 : tensor<2x4xf32>) -> tensor<2x4xf32>
// CHECK: tl.matmul {lhs_zp = 1 : i64, rhs_zp = -2 : i64} ins(%arg3, %arg4 : memref<2x3xi8>, memref<3x4xi8>) outs(%arg5 : memref<2x4xi32>)
// CHECK: tl.conv2d {dilations = array<i64: 1, 1>, layout = "nchw_fchw", strides = array<i64: 1, 1>} ins(%arg6, %arg7 : tensor<1x2x5x5xf32>, tensor<4x2x3x3xf32>) outs(%arg8 : tensor<1x4x3x3xf32>) -> tensor<1x4x3x3xf32>
// CHECK: tl.conv2d {filter_zp = 3 : i64, input_zp = -128 : i64, layout = "nhwc_hwcf", strides = array<i64: 2, 2>} ins(%arg9, %arg10 : memref<1x5x5x2xi8>, memref<3x3x2x4xi8>) outs(%arg11 : memref<1x2x2x4xi32>)
// CHECK: tl.depthwise_conv2d ins(%arg12, %arg13 : tensor<1x2x5x5xf32>, tensor<2x3x3xf32>) outs(%arg14 : tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32>
// CHECK: tl.pool {kind = "max", layout = "nhwc", window = array<i64: 2, 2>} ins(%arg15 : memref<1x5x5x2xi8>) outs(%arg16 : memref<1x4x4x2xi8>)
// CHECK: tl.elementwise {kind = "sigmoid"} ins(%arg0 : tensor<2x3xf32>) outs(%arg0 : tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK: tl.elementwise {kind = "mul"} ins(%arg3, %arg3 : memref<2x3xi8>, memref<2x3xi8>) outs(%arg3 : memref<2x3xi8>)
// CHECK: tl.fill ins(%arg17 : i8) outs(%arg3 : memref<2x3xi8>)
// CHECK: tl.copy ins(%arg0 : tensor<2x3xf32>) outs(%arg0 : tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK: tl.pack {inner_dims_pos = array<i64: 1, 0>, inner_tiles = array<i64: 2, 2>, outer_dims_perm = array<i64: 1, 0>} ins(%arg18 : tensor<4x6xf32>) outs(%arg19 : tensor<3x2x2x2xf32>) -> tensor<3x2x2x2xf32>
// CHECK: tl.requantize {multiplier = array<i32: 1073741824>, output_zp = 3 : i64, shift = array<i32: -2>} ins(%arg20 : tensor<2x4xi32>) outs(%arg21 : tensor<2x4xi8>) -> tensor<2x4xi8>
func.func @named(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>, %c: tensor<2x4xf32>,
                 %qa: memref<2x3xi8>, %qb: memref<3x4xi8>, %qc: memref<2x4xi32>,
                 %x: tensor<1x2x5x5xf32>, %w: tensor<4x2x3x3xf32>, %y: tensor<1x4x3x3xf32>,
                 %qx: memref<1x5x5x2xi8>, %qw: memref<3x3x2x4xi8>, %qy: memref<1x2x2x4xi32>,
                 %dx: tensor<1x2x5x5xf32>, %dw: tensor<2x3x3xf32>, %dy: tensor<1x2x3x3xf32>,
                 %px: memref<1x5x5x2xi8>, %py: memref<1x4x4x2xi8>, %v: i8,
                 %src: tensor<4x6xf32>, %dst: tensor<3x2x2x2xf32>,
                 %acc: tensor<2x4xi32>, %q8: tensor<2x4xi8>) {
  %0 = tl.matmul ins(%a, %b : tensor<2x3xf32>, tensor<3x4xf32>) outs(%c : tensor<2x4xf32>) -> tensor<2x4xf32>
  tl.matmul {lhs_zp = 1 : i64, rhs_zp = -2 : i64} ins(%qa, %qb : memref<2x3xi8>, memref<3x4xi8>) outs(%qc : memref<2x4xi32>)
  %1 = tl.conv2d {dilations = array<i64: 1, 1>, layout = "nchw_fchw", strides = array<i64: 1, 1>} ins(%x, %w : tensor<1x2x5x5xf32>, tensor<4x2x3x3xf32>) outs(%y : tensor<1x4x3x3xf32>) -> tensor<1x4x3x3xf32>
  tl.conv2d {filter_zp = 3 : i64, input_zp = -128 : i64, layout = "nhwc_hwcf", strides = array<i64: 2, 2>} ins(%qx, %qw : memref<1x5x5x2xi8>, memref<3x3x2x4xi8>) outs(%qy : memref<1x2x2x4xi32>)
  %2 = tl.depthwise_conv2d ins(%dx, %dw : tensor<1x2x5x5xf32>, tensor<2x3x3xf32>) outs(%dy : tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32>
  tl.pool {kind = "max", layout = "nhwc", window = array<i64: 2, 2>} ins(%px : memref<1x5x5x2xi8>) outs(%py : memref<1x4x4x2xi8>)
  %3 = tl.elementwise {kind = "sigmoid"} ins(%a : tensor<2x3xf32>) outs(%a : tensor<2x3xf32>) -> tensor<2x3xf32>
  tl.elementwise {kind = "mul"} ins(%qa, %qa : memref<2x3xi8>, memref<2x3xi8>) outs(%qa : memref<2x3xi8>)
  tl.fill ins(%v : i8) outs(%qa : memref<2x3xi8>)
  %4 = tl.copy ins(%a : tensor<2x3xf32>) outs(%a : tensor<2x3xf32>) -> tensor<2x3xf32>
  %5 = tl.pack {inner_dims_pos = array<i64: 1, 0>, inner_tiles = array<i64: 2, 2>, outer_dims_perm = array<i64: 1, 0>} ins(%src : tensor<4x6xf32>) outs(%dst : tensor<3x2x2x2xf32>) -> tensor<3x2x2x2xf32>
  %6 = tl.requantize {multiplier = array<i32: 1073741824>, output_zp = 3 : i64, shift = array<i32: -2>} ins(%acc : tensor<2x4xi32>) outs(%q8 : tensor<2x4xi8>) -> tensor<2x4xi8>
  return
}
