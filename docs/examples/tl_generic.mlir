// The generic forms of docs/examples/tl_named.mlir: what tl-generalize
// (eo_tl_generalize_patterns) prints for it (test/dialects/test_tl.c).
#map = affine_map<(d0, d1, d2) -> (d0, d2)>
#map1 = affine_map<(d0, d1, d2) -> (d2, d1)>
#map2 = affine_map<(d0, d1, d2) -> (d0, d1)>
#map3 = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d4, d2 * 2 + d5, d3 * 2 + d6)>
#map4 = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d1, d4, d5, d6)>
#map5 = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d3)>
#map6 = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1 + d4 * 2, d2 + d5 * 2, d6)>
#map7 = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d4, d5, d6, d3)>
#map8 = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1 + d4, d2 + d5, d3)>
#map9 = affine_map<(d0, d1, d2, d3, d4, d5) -> (d4, d5, d3)>
#map10 = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3)>
#map11 = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2 * 2 + d4, d3 * 2 + d5)>
#map12 = affine_map<(d0, d1) -> (d0, d1)>
#map13 = affine_map<(d0, d1) -> ()>
#map14 = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1 * 4 + d4, d2, d3)>
#map15 = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3, d4)>
#map16 = affine_map<(d0, d1) -> (d1)>
module {
  func.func @matmul(%arg0: tensor<4x8xf32>, %arg1: tensor<8x16xf32>, %arg2: tensor<4x16xf32>) -> tensor<4x16xf32> {
    %0 = tl.generic {indexing_maps = [#map, #map1, #map2], iterator_types = ["parallel", "parallel", "reduction"]} ins(%arg0, %arg1 : tensor<4x8xf32>, tensor<8x16xf32>) outs(%arg2 : tensor<4x16xf32>) {
    ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
      %1 = arith.mulf %arg3, %arg4 : f32
      %2 = arith.addf %arg5, %1 : f32
      tl.yield %2 : f32
    } -> tensor<4x16xf32>
    return %0 : tensor<4x16xf32>
  }
  func.func @matmul_i8(%arg0: memref<4x8xi8>, %arg1: memref<8x16xi8>, %arg2: memref<4x16xi32>) {
    %c-3_i32 = arith.constant -3 : i32
    tl.generic {indexing_maps = [#map, #map1, #map2], iterator_types = ["parallel", "parallel", "reduction"]} ins(%arg0, %arg1 : memref<4x8xi8>, memref<8x16xi8>) outs(%arg2 : memref<4x16xi32>) {
    ^bb0(%arg3: i8, %arg4: i8, %arg5: i32):
      %0 = arith.extsi %arg3 : i8 to i32
      %1 = arith.subi %0, %c-3_i32 : i32
      %2 = arith.extsi %arg4 : i8 to i32
      %3 = arith.muli %1, %2 : i32
      %4 = arith.addi %arg5, %3 : i32
      tl.yield %4 : i32
    }
    return
  }
  func.func @conv2d(%arg0: tensor<1x3x9x9xf32>, %arg1: tensor<8x3x3x3xf32>, %arg2: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
    %0 = tl.generic {indexing_maps = [#map3, #map4, #map5], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%arg0, %arg1 : tensor<1x3x9x9xf32>, tensor<8x3x3x3xf32>) outs(%arg2 : tensor<1x8x4x4xf32>) {
    ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
      %1 = arith.mulf %arg3, %arg4 : f32
      %2 = arith.addf %arg5, %1 : f32
      tl.yield %2 : f32
    } -> tensor<1x8x4x4xf32>
    return %0 : tensor<1x8x4x4xf32>
  }
  func.func @conv2d_nhwc_i8(%arg0: tensor<1x10x10x4xi8>, %arg1: tensor<3x3x4x16xi8>, %arg2: tensor<1x6x6x16xi32>) -> tensor<1x6x6x16xi32> {
    %c5_i32 = arith.constant 5 : i32
    %0 = tl.generic {indexing_maps = [#map6, #map7, #map5], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%arg0, %arg1 : tensor<1x10x10x4xi8>, tensor<3x3x4x16xi8>) outs(%arg2 : tensor<1x6x6x16xi32>) {
    ^bb0(%arg3: i8, %arg4: i8, %arg5: i32):
      %1 = arith.extsi %arg3 : i8 to i32
      %2 = arith.subi %1, %c5_i32 : i32
      %3 = arith.extsi %arg4 : i8 to i32
      %4 = arith.muli %2, %3 : i32
      %5 = arith.addi %arg5, %4 : i32
      tl.yield %5 : i32
    } -> tensor<1x6x6x16xi32>
    return %0 : tensor<1x6x6x16xi32>
  }
  func.func @depthwise(%arg0: tensor<1x8x8x16xf32>, %arg1: tensor<3x3x16xf32>, %arg2: tensor<1x6x6x16xf32>) -> tensor<1x6x6x16xf32> {
    %0 = tl.generic {indexing_maps = [#map8, #map9, #map10], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%arg0, %arg1 : tensor<1x8x8x16xf32>, tensor<3x3x16xf32>) outs(%arg2 : tensor<1x6x6x16xf32>) {
    ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
      %1 = arith.mulf %arg3, %arg4 : f32
      %2 = arith.addf %arg5, %1 : f32
      tl.yield %2 : f32
    } -> tensor<1x6x6x16xf32>
    return %0 : tensor<1x6x6x16xf32>
  }
  func.func @pool(%arg0: tensor<1x16x8x8xf32>, %arg1: tensor<1x16x4x4xf32>) -> tensor<1x16x4x4xf32> {
    %cst = arith.constant 2.500000e-01 : f32
    %0 = tl.generic {indexing_maps = [#map11, #map10], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"], loop_bounds = array<i64: 0, 0, 0, 0, 2, 2>} ins(%arg0 : tensor<1x16x8x8xf32>) outs(%arg1 : tensor<1x16x4x4xf32>) {
    ^bb0(%arg2: f32, %arg3: f32):
      %1 = arith.mulf %arg2, %cst : f32
      %2 = arith.addf %arg3, %1 : f32
      tl.yield %2 : f32
    } -> tensor<1x16x4x4xf32>
    return %0 : tensor<1x16x4x4xf32>
  }
  func.func @elementwise(%arg0: tensor<2x3xf32>, %arg1: tensor<2x3xf32>, %arg2: tensor<2x3xf32>) -> tensor<2x3xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tl.generic {indexing_maps = [#map12, #map12, #map12], iterator_types = ["parallel", "parallel"]} ins(%arg0, %arg1 : tensor<2x3xf32>, tensor<2x3xf32>) outs(%arg2 : tensor<2x3xf32>) {
    ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
      %2 = arith.addf %arg3, %arg4 : f32
      tl.yield %2 : f32
    } -> tensor<2x3xf32>
    %1 = tl.generic {indexing_maps = [#map12, #map12], iterator_types = ["parallel", "parallel"]} ins(%0 : tensor<2x3xf32>) outs(%arg2 : tensor<2x3xf32>) {
    ^bb0(%arg3: f32, %arg4: f32):
      %2 = arith.maximumf %arg3, %cst : f32
      tl.yield %2 : f32
    } -> tensor<2x3xf32>
    return %1 : tensor<2x3xf32>
  }
  func.func @fill_copy(%arg0: f32, %arg1: memref<2x3xf32>, %arg2: memref<2x3xf32>) {
    tl.generic {indexing_maps = [#map13, #map12], iterator_types = ["parallel", "parallel"]} ins(%arg0 : f32) outs(%arg1 : memref<2x3xf32>) {
    ^bb0(%arg3: f32, %arg4: f32):
      tl.yield %arg3 : f32
    }
    tl.generic {indexing_maps = [#map12, #map12], iterator_types = ["parallel", "parallel"]} ins(%arg1 : memref<2x3xf32>) outs(%arg2 : memref<2x3xf32>) {
    ^bb0(%arg3: f32, %arg4: f32):
      tl.yield %arg3 : f32
    }
    return
  }
  func.func @pack(%arg0: tensor<1x32x8x8xf32>, %arg1: tensor<1x8x8x8x4xf32>) -> tensor<1x8x8x8x4xf32> {
    %0 = tl.generic {indexing_maps = [#map14, #map15], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]} ins(%arg0 : tensor<1x32x8x8xf32>) outs(%arg1 : tensor<1x8x8x8x4xf32>) {
    ^bb0(%arg2: f32, %arg3: f32):
      tl.yield %arg2 : f32
    } -> tensor<1x8x8x8x4xf32>
    return %0 : tensor<1x8x8x8x4xf32>
  }
  func.func @requantize(%arg0: tensor<4x2xi32>, %arg1: tensor<4x2xi8>) -> tensor<4x2xi8> {
    %c127_i64 = arith.constant 127 : i64
    %c-128_i64 = arith.constant -128 : i64
    %c2147483648_i64 = arith.constant 2147483648 : i64
    %c-1073741823_i64 = arith.constant -1073741823 : i64
    %c1073741824_i64 = arith.constant 1073741824 : i64
    %c2147483647_i64 = arith.constant 2147483647 : i64
    %c-2147483648_i64 = arith.constant -2147483648 : i64
    %c1_i64 = arith.constant 1 : i64
    %c0_i64 = arith.constant 0 : i64
    %cst = arith.constant dense<[1073741824, 1518500250]> : tensor<2xi32>
    %cst_0 = arith.constant dense<[-4, 1]> : tensor<2xi32>
    %0 = tl.generic {indexing_maps = [#map12, #map16, #map16, #map12], iterator_types = ["parallel", "parallel"]} ins(%arg0, %cst, %cst_0 : tensor<4x2xi32>, tensor<2xi32>, tensor<2xi32>) outs(%arg1 : tensor<4x2xi8>) {
    ^bb0(%arg2: i32, %arg3: i32, %arg4: i32, %arg5: i8):
      %1 = arith.extsi %arg2 : i32 to i64
      %2 = arith.extsi %arg3 : i32 to i64
      %3 = arith.extsi %arg4 : i32 to i64
      %4 = arith.maxsi %3, %c0_i64 : i64
      %5 = arith.subi %c0_i64, %3 : i64
      %6 = arith.maxsi %5, %c0_i64 : i64
      %7 = arith.shli %1, %4 : i64
      %8 = arith.maxsi %7, %c-2147483648_i64 : i64
      %9 = arith.minsi %8, %c2147483647_i64 : i64
      %10 = arith.muli %9, %2 : i64
      %11 = arith.cmpi slt, %10, %c0_i64 : i64
      %12 = arith.select %11, %c-1073741823_i64, %c1073741824_i64 : i64
      %13 = arith.addi %10, %12 : i64
      %14 = arith.divsi %13, %c2147483648_i64 : i64
      %15 = arith.shli %c1_i64, %6 : i64
      %16 = arith.subi %15, %c1_i64 : i64
      %17 = arith.andi %14, %16 : i64
      %18 = arith.cmpi slt, %14, %c0_i64 : i64
      %19 = arith.select %18, %c1_i64, %c0_i64 : i64
      %20 = arith.shrsi %16, %c1_i64 : i64
      %21 = arith.addi %20, %19 : i64
      %22 = arith.cmpi sgt, %17, %21 : i64
      %23 = arith.select %22, %c1_i64, %c0_i64 : i64
      %24 = arith.shrsi %14, %6 : i64
      %25 = arith.addi %24, %23 : i64
      %26 = arith.addi %25, %c-128_i64 : i64
      %27 = arith.maxsi %26, %c-128_i64 : i64
      %28 = arith.minsi %27, %c127_i64 : i64
      %29 = arith.trunci %28 : i64 to i8
      tl.yield %29 : i8
    } -> tensor<4x2xi8>
    return %0 : tensor<4x2xi8>
  }
}
