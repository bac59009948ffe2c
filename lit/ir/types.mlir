// Round trip of every builtin type kind through edge-opt, with the
// spelling mlir-opt 19 prints (canonical forms included), and aliases.
// RUN: edge-opt --allow-unregistered-dialect %s | FileCheck %s
// RUN: edge-opt --allow-unregistered-dialect %s | edge-opt --allow-unregistered-dialect | FileCheck %s
// RUN: edge-opt --allow-unregistered-dialect --mlir-print-local-scope %s | FileCheck %s --check-prefix=LOCAL

// CHECK-DAG: #[[PERM:.*]] = affine_map<(d0, d1) -> (d1, d0)>
// CHECK-DAG: #[[TILED:.*]] = affine_map<(d0)[s0] -> (d0 floordiv 4, d0 mod 4, d0 ceildiv 2 + s0)>
#perm = affine_map<(d0, d1) -> (d1, d0)>
#tiled = affine_map<(d0)[s0] -> (d0 floordiv 4, d0 mod 4, d0 ceildiv 2 + s0)>
!pair = tuple<i32, f32>

// CHECK-LABEL: "test.ints"
// CHECK-SAME: () -> (i1, i7, i32, i64, i128, i1024, si8, ui16, i0, si0, i16777215, index)
"test.ints"() : () -> (i1, i7, i32, i64, i128, i1024, si8, ui16, i0, si0, i16777215, index)

// CHECK-LABEL: "test.floats"
// CHECK-SAME: () -> (f16, bf16, f32, f64, f80, f128, tf32, f8E5M2, f8E4M3FN)
"test.floats"() : () -> (f16, bf16, f32, f64, f80, f128, tf32, f8E5M2, f8E4M3FN)

// CHECK-LABEL: "test.misc"
// CHECK-SAME: () -> (none, complex<f32>, complex<i8>, tuple<>, tuple<i32, tuple<f32, none>>, tuple<i32, f32>)
"test.misc"() : () -> (none, complex<f32>, complex<i8>, tuple<>, tuple<i32, tuple<f32, none>>, !pair)

// CHECK-LABEL: "test.functions"
// CHECK-SAME: () -> (() -> (), (i32) -> i64, (i32, f32) -> (i64, i1), (i32) -> ((i32) -> i32), ((i32) -> i32) -> i32, tuple<() -> ()>)
"test.functions"() : () -> (() -> (), (i32) -> i64, (i32, f32) -> (i64, i1), (i32) -> ((i32) -> i32), ((i32) -> i32) -> (i32), tuple<() -> ()>)

// A function type as the only result is parenthesized.
// CHECK-LABEL: "test.fn_result"
// CHECK-SAME: () -> ((i32) -> i32)
"test.fn_result"() : () -> ((i32) -> i32)

// CHECK-LABEL: "test.tensors"
// CHECK-SAME: () -> (tensor<f32>, tensor<4xf32>, tensor<?x4x?xi8>, tensor<0x3xf64>, tensor<*xf32>, tensor<4xf32, "enc">, tensor<2x2xi32, #[[PERM]]>, tensor<4xf32, 1 : i64>, tensor<1xf32>, tensor<0x10xi1>, tensor<4x!foo.bar>, tensor<4xvector<4xf32>>)
"test.tensors"() : () -> (tensor<f32>, tensor<4xf32>, tensor<?x4x?xi8>, tensor<0x3xf64>, tensor<*xf32>, tensor<4xf32, "enc">, tensor<2x2xi32, #perm>, tensor<4xf32, 1>, tensor<01xf32>, tensor<0x10xi1>, tensor<4x!foo.bar>, tensor<4xvector<4xf32>>)

// Identity layouts and memory space 0 are dropped; an i64 memory space
// prints without its type.
// CHECK-LABEL: "test.memrefs"
// CHECK-SAME: () -> (memref<f32>, memref<4x?xf32>, memref<4xf32, 1>, memref<4xf32, 1 : i32>, memref<4xf32, "shared">, memref<4x4xf32, strided<[4, 1]>>, memref<4x4xf32, strided<[?, 1], offset: ?>>, memref<8xi8, strided<[2], offset: 5>>, memref<4x4xf32, #[[PERM]]>, memref<16xf32, #[[TILED]], 3>, memref<*xf32>, memref<*xi8, 2>, memref<4xf32>, memref<4xf32>, memref<4xf32, strided<[1]>>, memref<2xvector<4xf32>>, memref<4xmemref<4xf32>>)
"test.memrefs"() : () -> (memref<f32>, memref<4x?xf32>, memref<4xf32, 1>, memref<4xf32, 1 : i32>, memref<4xf32, "shared">, memref<4x4xf32, strided<[4, 1]>>, memref<4x4xf32, strided<[?, 1], offset: ?>>, memref<8xi8, strided<[2], offset: 5>>, memref<4x4xf32, #perm>, memref<16xf32, #tiled, 3>, memref<*xf32, 0>, memref<*xi8, 2>, memref<4xf32, affine_map<(d0) -> (d0)>>, memref<4xf32, 0 : i32>, memref<4xf32, strided<[1], offset: 0>>, memref<2xvector<4xf32>>, memref<4xmemref<4xf32>>)

// CHECK-LABEL: "test.vectors"
// CHECK-SAME: () -> (vector<f32>, vector<4xf32>, vector<2x3xi1>, vector<[4]xf32>, vector<2x[4]xi8>, vector<[2]x[2]xf16>, vector<4xindex>)
"test.vectors"() : () -> (vector<f32>, vector<4xf32>, vector<2x3xi1>, vector<[4]xf32>, vector<2x[4]xi8>, vector<[2]x[2]xf16>, vector<4xindex>)

// Types of unregistered dialects keep their text; the pretty form is
// used when the body allows it.
// CHECK-LABEL: "test.opaque"
// CHECK-SAME: () -> (!foo.bar, !foo.bar<"x">, !foo<"opaque body">, !foo.bar, !foo.bar<1>, !foo.bar<a, (b), [c], {d}, <e>>, !foo.a.b<1>, !foo<a b>, !foo.a<x -> y>, !foo.q<"<">)
"test.opaque"() : () -> (!foo.bar, !foo.bar<"x">, !foo<"opaque body">, !foo<bar>, !foo<bar<1>>, !foo.bar<a, (b), [c], {d}, <e>>, !foo.a.b<1>, !foo<a b>, !foo.a<x -> y>, !foo.q<"<">)

// Shapes split from identifiers: "0xf32" is 0, x, f32 (no hex in shapes).
// CHECK-LABEL: "test.shapes"
// CHECK-SAME: () -> (tensor<0xf32>, tensor<0x0xi8>, vector<1x2x3x4xf32>, memref<?x?x?xf32>)
"test.shapes"() : () -> (tensor<0xf32>, tensor<0x0xi8>, vector<1x2x3x4xf32>, memref<?x?x?xf32>)

// Types of function arguments and results.
// CHECK-LABEL: func.func @sig
// CHECK-SAME: (%{{.*}}: tensor<?x4xf32>, %{{.*}}: memref<4x4xf32, #[[PERM]]>, %{{.*}}: vector<[4]xf32>) -> (tensor<?x4xf32>, vector<[4]xf32>)
func.func @sig(%a: tensor<?x4xf32>, %b: memref<4x4xf32, #perm>, %c: vector<[4]xf32>) -> (tensor<?x4xf32>, vector<[4]xf32>) {
  return %a, %c : tensor<?x4xf32>, vector<[4]xf32>
}

// LOCAL-NOT: #
// LOCAL: tuple<i32, f32>)
// LOCAL: memref<4x4xf32, affine_map<(d0, d1) -> (d1, d0)>>, memref<16xf32, affine_map<(d0)[s0] -> (d0 floordiv 4, d0 mod 4, d0 ceildiv 2 + s0)>, 3>
