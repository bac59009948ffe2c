// Every builtin type kind edge-opt models, as function signatures, type
// attributes and op result types. Parsed by mlir-opt and edge-opt alike.
#perm = affine_map<(d0, d1) -> (d1, d0)>
#tiled = affine_map<(d0)[s0] -> (d0 floordiv 4, d0 mod 4, d0 ceildiv 2 + s0)>
module {
  // Integers of every signedness and some odd widths.
  func.func private @ints(i1, i7, i8, i16, i32, i64, i128, i1024, si8, si32,
                          ui1, ui16, ui64, index)
  // Every float kind.
  func.func private @floats(f16, bf16, f32, f64, f80, f128, tf32, f8E5M2,
                            f8E4M3FN)
  func.func private @misc(none, complex<f32>, complex<i8>, complex<f64>,
                          tuple<>, tuple<i32>, tuple<i32, tuple<f32, none>>)
    -> (i32, tuple<index>)
  // Ranked and unranked tensors, dynamic dims, encodings.
  func.func private @tensors(tensor<f32>, tensor<4xf32>, tensor<?x4x?xi8>,
                             tensor<0x3xf64>, tensor<*xf32>,
                             tensor<4xf32, "enc">, tensor<2x2xi32, #perm>,
                             tensor<1x2x3x4x5xcomplex<f32>>,
                             tensor<4xvector<4xf32>>)
  // Memrefs: identity, strided and affine layouts, memory spaces.
  func.func private @memrefs(memref<f32>, memref<4x?xf32>, memref<4xf32, 1>,
                             memref<4xf32, "shared">,
                             memref<4x4xf32, strided<[4, 1]>>,
                             memref<4x4xf32, strided<[?, 1], offset: ?>>,
                             memref<8xi8, strided<[2], offset: 5>>,
                             memref<4x4xf32, #perm>,
                             memref<16xf32, #tiled, 3>,
                             memref<*xf32>, memref<*xi8, 2>,
                             memref<2xvector<4xf32>>)
  // Fixed, 0-D and scalable vectors.
  func.func private @vectors(vector<f32>, vector<4xf32>, vector<2x3xi1>,
                             vector<[4]xf32>, vector<2x[4]xi8>,
                             vector<[2]x[2]xf16>, vector<4xindex>)
  // Function types, also nested, as type attributes.
  func.func private @fn_types() attributes {
    t0 = () -> (), t1 = (i32) -> i64, t2 = (i32, f32) -> (i64, f32),
    t3 = (() -> ()) -> (() -> i1), t4 = tuple<() -> ()>, t5 = i32,
    t6 = memref<?xf32, strided<[1], offset: ?>>
  }
  func.func @use_types(%a: tensor<?x4xf32>, %b: memref<4x4xf32, #perm>,
                       %c: vector<[4]xf32>) -> (tensor<?x4xf32>, vector<[4]xf32>) {
    return %a, %c : tensor<?x4xf32>, vector<[4]xf32>
  }
}
