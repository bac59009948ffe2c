// Every graph op in its custom form: printed, re-parsed (the printed form
// is a fixed point) and through the generic form, which parses and
// verifies too. Attribute dictionaries print sorted by name.
// RUN: edge-opt %s | FileCheck %s
// RUN: edge-opt %s | edge-opt | FileCheck %s
// RUN: edge-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC
// RUN: edge-opt %s --mlir-print-op-generic | edge-opt | FileCheck %s

// GENERIC: "graph.conv2d"({{.*}}) <{activation = "relu", name = "conv_1", pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>}> : (tensor<1x3x96x96xf32>, tensor<8x3x3x3xf32>, tensor<8xf32>) -> tensor<1x8x48x48xf32>
// GENERIC: :3 = "graph.split"({{.*}}) <{axis = -2 : i64, sizes = array<i64: 1, 3, 1>}> : (tensor<2x5x4xf32>) -> (tensor<2x1x4xf32>, tensor<2x3x4xf32>, tensor<2x1x4xf32>)
// GENERIC: "graph.constant"() <{name = "w", value = dense_resource<conv_1.weight> : tensor<2x2xf32>}> : () -> tensor<2x2xf32>

// CHECK-LABEL: func.func @conv(%arg0: tensor<1x3x96x96xf32>, %arg1: tensor<8x3x3x3xf32>, %arg2: tensor<8xf32>, %arg3: tensor<1x96x96x3xf32>, %arg4: tensor<8x3x3x3xf32>, %arg5: tensor<3x1x3x3xf32>, %arg6: tensor<3x4x3x3xf32>) {
// CHECK-NEXT: %0 = graph.conv2d %arg0, %arg1, %arg2 {activation = "relu", name = "conv_1", pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x3x96x96xf32>, tensor<8x3x3x3xf32>, tensor<8xf32>) -> tensor<1x8x48x48xf32>
// CHECK-NEXT: %1 = graph.conv2d %arg0, %arg1 : (tensor<1x3x96x96xf32>, tensor<8x3x3x3xf32>) -> tensor<1x8x94x94xf32>
// CHECK-NEXT: %2 = graph.conv2d %arg3, %arg4, %arg2 {act_max = 6.000000e+00 : f32, act_min = 0.000000e+00 : f32, activation = "clip", auto_pad = "SAME_UPPER", layout = "NHWC", strides = array<i64: 2, 2>} : (tensor<1x96x96x3xf32>, tensor<8x3x3x3xf32>, tensor<8xf32>) -> tensor<1x48x48x8xf32>
// CHECK-NEXT: %3 = graph.conv2d %arg0, %arg5 {auto_pad = "VALID", dilations = array<i64: 2, 2>, groups = 3 : i64} : (tensor<1x3x96x96xf32>, tensor<3x1x3x3xf32>) -> tensor<1x3x92x92xf32>
// CHECK-NEXT: %4 = graph.conv_transpose2d %arg0, %arg6 {output_padding = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x3x96x96xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x192x192xf32>
// CHECK-NEXT: %5 = graph.conv_transpose2d %arg0, %arg6 {act_alpha = 1.000000e-01 : f32, activation = "leaky_relu", auto_pad = "SAME_LOWER", strides = array<i64: 2, 2>} : (tensor<1x3x96x96xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x192x192xf32>
// CHECK-NEXT: return
// CHECK-LABEL: func.func @linear(%arg0: tensor<2x3x4xf32>, %arg1: tensor<4x5xf32>, %arg2: tensor<4xf32>, %arg3: tensor<3x4xf32>, %arg4: tensor<5x4xf32>, %arg5: tensor<5xf32>, %arg6: tensor<3x4xi32>, %arg7: tensor<4x2xi32>) {
// CHECK-NEXT: %0 = graph.matmul %arg0, %arg1 : (tensor<2x3x4xf32>, tensor<4x5xf32>) -> tensor<2x3x5xf32>
// CHECK-NEXT: %1 = graph.matmul %arg2, %arg1 : (tensor<4xf32>, tensor<4x5xf32>) -> tensor<5xf32>
// CHECK-NEXT: %2 = graph.matmul %arg0, %arg2 {activation = "tanh"} : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %3 = graph.gemm %arg3, %arg4, %arg5 {alpha = 5.000000e-01 : f32, beta = 2.000000e+00 : f32, trans_b = true} : (tensor<3x4xf32>, tensor<5x4xf32>, tensor<5xf32>) -> tensor<3x5xf32>
// CHECK-NEXT: %4 = graph.gemm %arg3, %arg1 : (tensor<3x4xf32>, tensor<4x5xf32>) -> tensor<3x5xf32>
// CHECK-NEXT: %5 = graph.gemm %arg4, %arg1 {trans_a = true, trans_b = true} : (tensor<5x4xf32>, tensor<4x5xf32>) -> tensor<4x4xf32>
// CHECK-NEXT: %6 = graph.matmul %arg6, %arg7 : (tensor<3x4xi32>, tensor<4x2xi32>) -> tensor<3x2xi32>
// CHECK-NEXT: return
// CHECK-LABEL: func.func @elementwise(%arg0: tensor<2x3xf32>, %arg1: tensor<3xf32>, %arg2: tensor<2x1xf32>, %arg3: tensor<4xi32>) {
// CHECK-NEXT: %0 = graph.add %arg0, %arg1 {activation = "relu6"} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %1 = graph.sub %arg2, %arg1 : (tensor<2x1xf32>, tensor<3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %2 = graph.mul %arg0, %arg2 : (tensor<2x3xf32>, tensor<2x1xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %3 = graph.div %arg3, %arg3 : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
// CHECK-NEXT: %4 = graph.max %arg0, %arg0 : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %5 = graph.min %arg0, %arg0 : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %6 = graph.pow %arg0, %arg1 : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %7 = graph.neg %arg3 : (tensor<4xi32>) -> tensor<4xi32>
// CHECK-NEXT: %8 = graph.abs %arg0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %9 = graph.sqrt %arg0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %10 = graph.exp %arg0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %11 = graph.log %arg0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %12 = graph.erf %arg0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %13 = graph.relu %arg0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %14 = graph.sigmoid %arg0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %15 = graph.tanh %arg0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %16 = graph.hard_swish %arg0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %17 = graph.gelu %arg0 {approximate = "tanh"} : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %18 = graph.clip %arg0 {max = 6.000000e+00 : f32, min = 0.000000e+00 : f32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %19 = graph.leaky_relu %arg0 {alpha = 2.000000e-01 : f32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %20 = graph.hard_sigmoid %arg0 {alpha = 0.166666672 : f32, beta = 5.000000e-01 : f32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %21 = graph.softmax %arg0 {axis = 0 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %22 = graph.log_softmax %arg0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: return
// CHECK-LABEL: func.func @pool_norm(%arg0: tensor<1x3x7x7xf32>, %arg1: tensor<1x7x7x3xf32>, %arg2: tensor<3xf32>, %arg3: tensor<2x5x6xf32>, %arg4: tensor<6xf32>) {
// CHECK-NEXT: %0 = graph.max_pool %arg0 {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>} : (tensor<1x3x7x7xf32>) -> tensor<1x3x3x3xf32>
// CHECK-NEXT: %1 = graph.max_pool %arg0 {ceil_mode = true, kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x3x7x7xf32>) -> tensor<1x3x4x4xf32>
// CHECK-NEXT: %2 = graph.avg_pool %arg1 {auto_pad = "SAME_UPPER", count_include_pad = true, kernel = array<i64: 3, 3>, layout = "NHWC", strides = array<i64: 2, 2>} : (tensor<1x7x7x3xf32>) -> tensor<1x4x4x3xf32>
// CHECK-NEXT: %3 = graph.avg_pool %arg0 {kernel = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x3x7x7xf32>) -> tensor<1x3x7x7xf32>
// CHECK-NEXT: %4 = graph.global_avg_pool %arg0 : (tensor<1x3x7x7xf32>) -> tensor<1x3x1x1xf32>
// CHECK-NEXT: %5 = graph.global_max_pool %arg1 {layout = "NHWC"} : (tensor<1x7x7x3xf32>) -> tensor<1x1x1x3xf32>
// CHECK-NEXT: %6 = graph.batch_norm %arg0, %arg2, %arg2, %arg2, %arg2 {epsilon = 1.000000e-03 : f32} : (tensor<1x3x7x7xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<1x3x7x7xf32>
// CHECK-NEXT: %7 = graph.layer_norm %arg3, %arg4, %arg4 : (tensor<2x5x6xf32>, tensor<6xf32>, tensor<6xf32>) -> tensor<2x5x6xf32>
// CHECK-NEXT: %8 = graph.layer_norm %arg3, %arg4 {axis = -1 : i64, epsilon = 9.99999974E-6 : f32} : (tensor<2x5x6xf32>, tensor<6xf32>) -> tensor<2x5x6xf32>
// CHECK-NEXT: return
// CHECK-LABEL: func.func @shapes(%arg0: tensor<2x3x4xf32>, %arg1: tensor<2x5x4xf32>, %arg2: tensor<5xi64>, %arg3: tensor<2x2xi32>, %arg4: tensor<1x3x8x8xf32>) {
// CHECK-NEXT: %0 = graph.reshape %arg0 {shape = array<i64: 6, 4>} : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
// CHECK-NEXT: %1 = graph.flatten %arg0 : (tensor<2x3x4xf32>) -> tensor<2x12xf32>
// CHECK-NEXT: %2 = graph.flatten %arg0 {axis = 0 : i64} : (tensor<2x3x4xf32>) -> tensor<1x24xf32>
// CHECK-NEXT: %3 = graph.transpose %arg0 : (tensor<2x3x4xf32>) -> tensor<4x3x2xf32>
// CHECK-NEXT: %4 = graph.transpose %arg0 {perm = array<i64: 0, 2, 1>} : (tensor<2x3x4xf32>) -> tensor<2x4x3xf32>
// CHECK-NEXT: %5 = graph.concat %arg0, %arg1 {axis = 1 : i64} : (tensor<2x3x4xf32>, tensor<2x5x4xf32>) -> tensor<2x8x4xf32>
// CHECK-NEXT: %6:3 = graph.split %arg1 {axis = -2 : i64, sizes = array<i64: 1, 3, 1>} : (tensor<2x5x4xf32>) -> (tensor<2x1x4xf32>, tensor<2x3x4xf32>, tensor<2x1x4xf32>)
// CHECK-NEXT: %7 = graph.slice %arg1 {axes = array<i64: 1, 2>, ends = array<i64: 9223372036854775807, -9223372036854775808>, starts = array<i64: 1, -1>, steps = array<i64: 2, -1>} : (tensor<2x5x4xf32>) -> tensor<2x2x4xf32>
// CHECK-NEXT: %8 = graph.pad %arg0 {mode = "reflect", pads = array<i64: 0, 1, 2, 0, 1, 0>} : (tensor<2x3x4xf32>) -> tensor<2x5x6xf32>
// CHECK-NEXT: %9 = graph.pad %arg0 {pads = array<i64: 0, 0, 1, 0, 0, 1>, value = 1.000000e+00 : f32} : (tensor<2x3x4xf32>) -> tensor<2x3x6xf32>
// CHECK-NEXT: %10 = graph.unsqueeze %arg0 {axes = array<i64: 0, -1>} : (tensor<2x3x4xf32>) -> tensor<1x2x3x4x1xf32>
// CHECK-NEXT: %11 = graph.squeeze %10 : (tensor<1x2x3x4x1xf32>) -> tensor<2x3x4xf32>
// CHECK-NEXT: %12 = graph.squeeze %10 {axes = array<i64: 4>} : (tensor<1x2x3x4x1xf32>) -> tensor<1x2x3x4xf32>
// CHECK-NEXT: %13 = graph.gather %arg0, %arg3 {axis = 1 : i64} : (tensor<2x3x4xf32>, tensor<2x2xi32>) -> tensor<2x2x2x4xf32>
// CHECK-NEXT: %14 = graph.gather %arg2, %arg2 : (tensor<5xi64>, tensor<5xi64>) -> tensor<5xi64>
// CHECK-NEXT: %15 = graph.resize %arg4 {coordinate_transformation_mode = "align_corners", mode = "linear"} : (tensor<1x3x8x8xf32>) -> tensor<1x3x16x12xf32>
// CHECK-NEXT: %16 = graph.resize %arg4 {nearest_mode = "floor", scales = array<f64: 2.000000e+00, 1.500000e+00>} : (tensor<1x3x8x8xf32>) -> tensor<1x3x16x12xf32>
// CHECK-NEXT: %17 = graph.reduce_mean %arg0 {axes = array<i64: 1>} : (tensor<2x3x4xf32>) -> tensor<2x1x4xf32>
// CHECK-NEXT: %18 = graph.reduce_sum %arg0 {axes = array<i64: -1, 0>, keepdims = false} : (tensor<2x3x4xf32>) -> tensor<3xf32>
// CHECK-NEXT: %19 = graph.reduce_max %arg0 {keepdims = false} : (tensor<2x3x4xf32>) -> tensor<f32>
// CHECK-NEXT: return
// CHECK-LABEL: func.func @constants() {
// CHECK-NEXT: %cst = graph.constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>
// CHECK-NEXT: %cst_0 = graph.constant {name = "w"} dense_resource<conv_1.weight> : tensor<2x2xf32>
// CHECK-NEXT: %cst_1 = graph.constant dense<3> : tensor<i64>
// CHECK-NEXT: return

func.func @conv(%x: tensor<1x3x96x96xf32>, %w: tensor<8x3x3x3xf32>, %b: tensor<8xf32>, %xh: tensor<1x96x96x3xf32>, %wh: tensor<8x3x3x3xf32>, %dw: tensor<3x1x3x3xf32>, %tw: tensor<3x4x3x3xf32>) {
  %0 = graph.conv2d %x, %w, %b {name = "conv_1", strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, activation = "relu"} : (tensor<1x3x96x96xf32>, tensor<8x3x3x3xf32>, tensor<8xf32>) -> tensor<1x8x48x48xf32>
  %1 = graph.conv2d %x, %w : (tensor<1x3x96x96xf32>, tensor<8x3x3x3xf32>) -> tensor<1x8x94x94xf32>
  %2 = graph.conv2d %xh, %wh, %b {layout = "NHWC", auto_pad = "SAME_UPPER", strides = array<i64: 2, 2>, activation = "clip", act_min = 0.0 : f32, act_max = 6.0 : f32} : (tensor<1x96x96x3xf32>, tensor<8x3x3x3xf32>, tensor<8xf32>) -> tensor<1x48x48x8xf32>
  %3 = graph.conv2d %x, %dw {groups = 3 : i64, dilations = array<i64: 2, 2>, auto_pad = "VALID"} : (tensor<1x3x96x96xf32>, tensor<3x1x3x3xf32>) -> tensor<1x3x92x92xf32>
  %4 = graph.conv_transpose2d %x, %tw {strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, output_padding = array<i64: 1, 1>} : (tensor<1x3x96x96xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x192x192xf32>
  %5 = graph.conv_transpose2d %x, %tw {strides = array<i64: 2, 2>, auto_pad = "SAME_LOWER", activation = "leaky_relu", act_alpha = 1.000000e-01 : f32} : (tensor<1x3x96x96xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x192x192xf32>
  return
}

func.func @linear(%a: tensor<2x3x4xf32>, %b: tensor<4x5xf32>, %v: tensor<4xf32>, %m: tensor<3x4xf32>, %n: tensor<5x4xf32>, %c: tensor<5xf32>, %i: tensor<3x4xi32>, %j: tensor<4x2xi32>) {
  %0 = graph.matmul %a, %b : (tensor<2x3x4xf32>, tensor<4x5xf32>) -> tensor<2x3x5xf32>
  %1 = graph.matmul %v, %b : (tensor<4xf32>, tensor<4x5xf32>) -> tensor<5xf32>
  %2 = graph.matmul %a, %v {activation = "tanh"} : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3xf32>
  %3 = graph.gemm %m, %n, %c {trans_b = true, alpha = 5.000000e-01 : f32, beta = 2.000000e+00 : f32} : (tensor<3x4xf32>, tensor<5x4xf32>, tensor<5xf32>) -> tensor<3x5xf32>
  %4 = graph.gemm %m, %b : (tensor<3x4xf32>, tensor<4x5xf32>) -> tensor<3x5xf32>
  %5 = graph.gemm %n, %b {trans_a = true, trans_b = true} : (tensor<5x4xf32>, tensor<4x5xf32>) -> tensor<4x4xf32>
  %6 = graph.matmul %i, %j : (tensor<3x4xi32>, tensor<4x2xi32>) -> tensor<3x2xi32>
  return
}

func.func @elementwise(%a: tensor<2x3xf32>, %b: tensor<3xf32>, %c: tensor<2x1xf32>, %i: tensor<4xi32>) {
  %0 = graph.add %a, %b {activation = "relu6"} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %1 = graph.sub %c, %b : (tensor<2x1xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %2 = graph.mul %a, %c : (tensor<2x3xf32>, tensor<2x1xf32>) -> tensor<2x3xf32>
  %3 = graph.div %i, %i : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  %4 = graph.max %a, %a : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %5 = graph.min %a, %a : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %6 = graph.pow %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %7 = graph.neg %i : (tensor<4xi32>) -> tensor<4xi32>
  %8 = graph.abs %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %9 = graph.sqrt %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %10 = graph.exp %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %11 = graph.log %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %12 = graph.erf %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %13 = graph.relu %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %14 = graph.sigmoid %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %15 = graph.tanh %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %16 = graph.hard_swish %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %17 = graph.gelu %a {approximate = "tanh"} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %18 = graph.clip %a {min = 0.000000e+00 : f32, max = 6.000000e+00 : f32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %19 = graph.leaky_relu %a {alpha = 2.000000e-01 : f32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %20 = graph.hard_sigmoid %a {alpha = 0.166666672 : f32, beta = 5.000000e-01 : f32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %21 = graph.softmax %a {axis = 0 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %22 = graph.log_softmax %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

func.func @pool_norm(%x: tensor<1x3x7x7xf32>, %h: tensor<1x7x7x3xf32>, %s: tensor<3xf32>, %t: tensor<2x5x6xf32>, %g: tensor<6xf32>) {
  %0 = graph.max_pool %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>} : (tensor<1x3x7x7xf32>) -> tensor<1x3x3x3xf32>
  %1 = graph.max_pool %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, ceil_mode = true} : (tensor<1x3x7x7xf32>) -> tensor<1x3x4x4xf32>
  %2 = graph.avg_pool %h {kernel = array<i64: 3, 3>, auto_pad = "SAME_UPPER", strides = array<i64: 2, 2>, layout = "NHWC", count_include_pad = true} : (tensor<1x7x7x3xf32>) -> tensor<1x4x4x3xf32>
  %3 = graph.avg_pool %x {kernel = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x3x7x7xf32>) -> tensor<1x3x7x7xf32>
  %4 = graph.global_avg_pool %x : (tensor<1x3x7x7xf32>) -> tensor<1x3x1x1xf32>
  %5 = graph.global_max_pool %h {layout = "NHWC"} : (tensor<1x7x7x3xf32>) -> tensor<1x1x1x3xf32>
  %6 = graph.batch_norm %x, %s, %s, %s, %s {epsilon = 1.000000e-03 : f32} : (tensor<1x3x7x7xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<1x3x7x7xf32>
  %7 = graph.layer_norm %t, %g, %g : (tensor<2x5x6xf32>, tensor<6xf32>, tensor<6xf32>) -> tensor<2x5x6xf32>
  %8 = graph.layer_norm %t, %g {axis = -1 : i64, epsilon = 9.99999974E-6 : f32} : (tensor<2x5x6xf32>, tensor<6xf32>) -> tensor<2x5x6xf32>
  return
}

func.func @shapes(%x: tensor<2x3x4xf32>, %y: tensor<2x5x4xf32>, %i: tensor<5xi64>, %j: tensor<2x2xi32>, %r: tensor<1x3x8x8xf32>) {
  %0 = graph.reshape %x {shape = array<i64: 6, 4>} : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
  %1 = graph.flatten %x : (tensor<2x3x4xf32>) -> tensor<2x12xf32>
  %2 = graph.flatten %x {axis = 0 : i64} : (tensor<2x3x4xf32>) -> tensor<1x24xf32>
  %3 = graph.transpose %x : (tensor<2x3x4xf32>) -> tensor<4x3x2xf32>
  %4 = graph.transpose %x {perm = array<i64: 0, 2, 1>} : (tensor<2x3x4xf32>) -> tensor<2x4x3xf32>
  %5 = graph.concat %x, %y {axis = 1 : i64} : (tensor<2x3x4xf32>, tensor<2x5x4xf32>) -> tensor<2x8x4xf32>
  %6:3 = graph.split %y {axis = -2 : i64, sizes = array<i64: 1, 3, 1>} : (tensor<2x5x4xf32>) -> (tensor<2x1x4xf32>, tensor<2x3x4xf32>, tensor<2x1x4xf32>)
  %7 = graph.slice %y {starts = array<i64: 1, -1>, ends = array<i64: 9223372036854775807, -9223372036854775808>, axes = array<i64: 1, 2>, steps = array<i64: 2, -1>} : (tensor<2x5x4xf32>) -> tensor<2x2x4xf32>
  %8 = graph.pad %x {pads = array<i64: 0, 1, 2, 0, 1, 0>, mode = "reflect"} : (tensor<2x3x4xf32>) -> tensor<2x5x6xf32>
  %9 = graph.pad %x {pads = array<i64: 0, 0, 1, 0, 0, 1>, value = 1.000000e+00 : f32} : (tensor<2x3x4xf32>) -> tensor<2x3x6xf32>
  %10 = graph.unsqueeze %x {axes = array<i64: 0, -1>} : (tensor<2x3x4xf32>) -> tensor<1x2x3x4x1xf32>
  %11 = graph.squeeze %10 : (tensor<1x2x3x4x1xf32>) -> tensor<2x3x4xf32>
  %12 = graph.squeeze %10 {axes = array<i64: 4>} : (tensor<1x2x3x4x1xf32>) -> tensor<1x2x3x4xf32>
  %13 = graph.gather %x, %j {axis = 1 : i64} : (tensor<2x3x4xf32>, tensor<2x2xi32>) -> tensor<2x2x2x4xf32>
  %14 = graph.gather %i, %i : (tensor<5xi64>, tensor<5xi64>) -> tensor<5xi64>
  %15 = graph.resize %r {mode = "linear", coordinate_transformation_mode = "align_corners"} : (tensor<1x3x8x8xf32>) -> tensor<1x3x16x12xf32>
  %16 = graph.resize %r {scales = array<f64: 2.0, 1.5>, nearest_mode = "floor"} : (tensor<1x3x8x8xf32>) -> tensor<1x3x16x12xf32>
  %17 = graph.reduce_mean %x {axes = array<i64: 1>} : (tensor<2x3x4xf32>) -> tensor<2x1x4xf32>
  %18 = graph.reduce_sum %x {axes = array<i64: -1, 0>, keepdims = false} : (tensor<2x3x4xf32>) -> tensor<3xf32>
  %19 = graph.reduce_max %x {keepdims = false} : (tensor<2x3x4xf32>) -> tensor<f32>
  return
}

func.func @constants() {
  %0 = graph.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %1 = graph.constant {name = "w"} dense_resource<conv_1.weight> : tensor<2x2xf32>
  %2 = graph.constant dense<3> : tensor<i64>
  return
}
