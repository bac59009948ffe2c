// tl-pack: knob pack.<site>.oc in {1, 4, 8, 16} (values up to the output
// channels; 1, the default, leaves the op alone) packs a tl.conv2d's /
// tl.matmul's weights with a block of output channels innermost, runs the
// op as a tl.generic whose last loop is that block, and unpacks the out.
// A partial last block is padded: zero weights, a masked (padded) pack
// of the init. Constant weights are packed at compile time.
// RUN: edge-opt %s -tl-pack --list-knobs | FileCheck %s --check-prefix=SPACE
// RUN: edge-opt %s -tl-pack | FileCheck %s --check-prefix=OFF
// RUN: edge-opt %s -tl-pack --knob pack.cv.oc=1 --knob pack.mm.oc=1 --knob pack.hw.oc=1 | FileCheck %s --check-prefix=OFF
// RUN: edge-opt %s -tl-pack --knob pack.cv.oc=4 --mlir-print-op-generic | FileCheck %s --check-prefix=OC4
// RUN: edge-opt %s -tl-pack --knob pack.cv.oc=8 | FileCheck %s --check-prefix=OC8
// RUN: edge-opt %s -tl-pack --knob pack.hw.oc=16 --knob pack.mm.oc=4 | FileCheck %s --check-prefix=OC16
// The result verifies and lowers to loops after bufferization.
// RUN: edge-opt %s --pass-pipeline='builtin.module(func.func(tl-pack),tl-bufferize,func.func(tl-to-loops))' --knob 'pack.*=4' | FileCheck %s --check-prefix=LOOPS
// A value outside the domain is an error naming the knob.
// RUN: not edge-opt %s -tl-pack --knob pack.cv.oc=16 2>&1 | FileCheck %s --check-prefix=BAD

// SPACE: "name": "pack.cv.oc"
// SPACE-NEXT: "domain": {"kind": "set", "values": [1, 4, 8]}
// SPACE-NEXT: "default": 1
// SPACE: "name": "pack.hw.oc"
// SPACE-NEXT: "domain": {"kind": "set", "values": [1, 4, 8, 16]}
// SPACE: "name": "pack.mm.oc"
// SPACE-NEXT: "domain": {"kind": "set", "values": [1, 4, 8]}
// SPACE-NOT: "pack.small

// OFF-NOT: tl.generic
// OFF-NOT: tl.pack
// OFF: tl.conv2d {name = "cv", strides = array<i64: 2, 2>}
// OFF: tl.conv2d {layout = "nhwc_hwcf", name = "hw"}
// OFF: tl.matmul {name = "mm"}
// OFF: tl.matmul {name = "small"}

// 10 channels in blocks of 4: the weights [10,3,3,3] become a constant
// [3,3,3,3,4] (two zero channels), the init a masked pack, the conv a
// generic over n, fo, oh, ow, c, kh, kw, fi, and the unpack reads
// (n, f floordiv 4, oh, ow, f mod 4).
// OC4-DAG: #[[X:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d0, d4, d2 * 2 + d5, d3 * 2 + d6)>
// OC4-DAG: #[[W:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d1, d4, d5, d6, d7)>
// OC4-DAG: #[[Y:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d0, d1, d2, d3, d7)>
// OC4-DAG: #[[SRC:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, (d1 * 4 + d4) mod 10, d2, d3)>
// OC4-DAG: #[[MASK:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d1 * 4 + d4)>
// OC4-DAG: #[[UNPACK:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1 floordiv 4, d2, d3, d1 mod 4)>
// OC4-LABEL: "func.func"() <{function_type = (tensor<1x3x9x9xf32>, tensor<1x10x4x4xf32>) -> tensor<1x10x4x4xf32>, sym_name = "conv"}>
// OC4: %[[WP:.*]] = "graph.constant"() <{value = dense_resource<cv.packed> : tensor<3x3x3x3x4xf32>}>
// OC4-NOT: tensor<10x3x3x3xf32>
// OC4: %[[MK:.*]] = "arith.constant"() <{value = dense<[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0]> : tensor<12xi8>}>
// OC4: %[[YP:.*]] = "tl.generic"(%{{[a-z0-9]+}}, %[[MK]], %{{.*}}) <{indexing_maps = [#[[SRC]], #[[MASK]], #{{.*}}], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]
// OC4: "arith.cmpi"
// OC4: "arith.select"
// OC4: %[[C:.*]] = "tl.generic"(%{{[a-z0-9]+}}, %[[WP]], %[[YP]]) <{indexing_maps = [#[[X]], #[[W]], #[[Y]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction", "parallel"]
// OC4: "arith.mulf"
// OC4: "arith.addf"
// OC4: -> tensor<1x3x4x4x4xf32>
// OC4: "tl.generic"(%[[C]], %{{.*}}) <{indexing_maps = [#[[UNPACK]], #{{.*}}]
// OC4: -> tensor<1x10x4x4xf32>

// OC8: affine_map<(d0, d1, d2, d3) -> (d0, d1 floordiv 8, d2, d3, d1 mod 8)>
// OC8-LABEL: func.func @conv
// OC8: graph.constant dense_resource<cv.packed> : tensor<2x3x3x3x8xf32>
// OC8: arith.constant {{.*}}dense<[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0]> : tensor<16xi8>
// OC8: tl.generic
// OC8: tl.generic
// OC8-SAME: ins(%arg0, %{{.*}} : tensor<1x3x9x9xf32>, tensor<2x3x3x3x8xf32>) outs(%{{.*}} : tensor<1x2x4x4x8xf32>)

// NHWC: the weights [KH,KW,C,F] become [F/16, KH, KW, C, 16]; the out
// [N,OH,OW,F] is packed without padding (a plain tl.pack). The matmul's
// non-constant B [K,N] becomes [N/4, K, 4] by a tl.pack with
// outer_dims_perm = [1, 0].
// OC16-LABEL: func.func @nhwc
// OC16: %[[W:.*]] = graph.constant dense_resource<hw.packed> : tensor<1x3x3x2x16xf32>
// OC16: %[[Y:.*]] = tl.pack {inner_dims_pos = array<i64: 3>, inner_tiles = array<i64: 16>, name = "hw"} ins(%arg1 : tensor<1x4x4x16xf32>) outs(%{{.*}} : tensor<1x4x4x1x16xf32>)
// OC16: tl.generic
// OC16-SAME: ins(%arg0, %[[W]] : tensor<1x6x6x2xf32>, tensor<1x3x3x2x16xf32>) outs(%[[Y]] : tensor<1x4x4x1x16xf32>)
// OC16-LABEL: func.func @mm
// OC16: tl.pack {inner_dims_pos = array<i64: 1>, inner_tiles = array<i64: 4>, name = "mm", outer_dims_perm = array<i64: 1, 0>} ins(%arg1 : tensor<6x8xf32>) outs(%{{.*}} : tensor<2x6x4xf32>)
// OC16: tl.generic
// OC16-SAME: iterator_types = ["parallel", "parallel", "reduction", "parallel"]
// OC16: tl.matmul {name = "small"}

// LOOPS-NOT: tl.
// LOOPS: memref.global "private" constant
// LOOPS: scf.for
// LOOPS: arith.divsi
// LOOPS: arith.remsi

// BAD: invalid value for knob 'pack.cv.oc': value 16 is outside the domain {1, 4, 8}

func.func @conv(%x: tensor<1x3x9x9xf32>, %y: tensor<1x10x4x4xf32>) -> tensor<1x10x4x4xf32> {
  %w10 = graph.constant dense<0.25> : tensor<10x3x3x3xf32>
  %r = tl.conv2d {name = "cv", strides = array<i64: 2, 2>} ins(%x, %w10 : tensor<1x3x9x9xf32>, tensor<10x3x3x3xf32>) outs(%y : tensor<1x10x4x4xf32>) -> tensor<1x10x4x4xf32>
  return %r : tensor<1x10x4x4xf32>
}

func.func @nhwc(%x: tensor<1x6x6x2xf32>, %y: tensor<1x4x4x16xf32>) -> tensor<1x4x4x16xf32> {
  %w = graph.constant dense<1.5> : tensor<3x3x2x16xf32>
  %r = tl.conv2d {layout = "nhwc_hwcf", name = "hw"} ins(%x, %w : tensor<1x6x6x2xf32>, tensor<3x3x2x16xf32>) outs(%y : tensor<1x4x4x16xf32>) -> tensor<1x4x4x16xf32>
  return %r : tensor<1x4x4x16xf32>
}

func.func @mm(%a: tensor<3x6xf32>, %b: tensor<6x8xf32>, %c: tensor<3x8xf32>, %b2: tensor<6x3xf32>, %c2: tensor<3x3xf32>) -> (tensor<3x8xf32>, tensor<3x3xf32>) {
  %r = tl.matmul {name = "mm"} ins(%a, %b : tensor<3x6xf32>, tensor<6x8xf32>) outs(%c : tensor<3x8xf32>) -> tensor<3x8xf32>
  %s = tl.matmul {name = "small"} ins(%a, %b2 : tensor<3x6xf32>, tensor<6x3xf32>) outs(%c2 : tensor<3x3xf32>) -> tensor<3x3xf32>
  return %r, %s : tensor<3x8xf32>, tensor<3x3xf32>
}
