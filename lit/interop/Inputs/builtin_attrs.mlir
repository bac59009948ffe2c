// Every builtin attribute kind: scalars, containers, elements (dense,
// dense_resource with a blob section, dense arrays), affine maps and sets
// with aliases, strided layouts, locations, symbol references.
#map0 = affine_map<(d0, d1)[s0] -> (d0 + s0, d1 * 2, d0 - d1 + 1)>
#map1 = affine_map<() -> (0)>
#map2 = affine_map<(d0) -> (d0 floordiv 4, d0 mod 4, d0 ceildiv 2, -d0)>
#set0 = affine_set<(d0)[s0] : (d0 - s0 >= 0, d0 == 0, -d0 + 10 >= 0)>
#set1 = affine_set<() : (0 == 0)>
module attributes {my.module_attr = "m"} {
  func.func private @ints() attributes {
    b0 = true, b1 = false, i1v = 1 : i1, i8v = -128 : i8, i16v = 32767 : i16,
    i32v = -42 : i32, i64v = 9223372036854775807 : i64,
    i64min = -9223372036854775808 : i64,
    i128v = 170141183460469231731687303715884105727 : i128,
    i128n = -170141183460469231731687303715884105728 : i128,
    i256v = 115792089237316195423570985008687907853269984665640564039457584007913129639935 : ui256,
    si8v = -1 : si8, ui8v = 255 : ui8, ui64v = 18446744073709551615 : ui64,
    idx = 7 : index, dflt = 42, hex = 0x10 : i32
  }
  func.func private @floats() attributes {
    f16v = 1.5 : f16, bf16v = -2.0 : bf16, f32v = 3.14159274 : f32,
    f64v = 2.718281828459045 : f64, f80v = 1.0 : f80, f128v = 0.5 : f128,
    tf32v = 1.0 : tf32, f8a = 2.0 : f8E5M2, f8b = 0.5 : f8E4M3FN,
    nan32 = 0x7FC00000 : f32, snan = 0x7F800001 : f32,
    inf64 = 0x7FF0000000000000 : f64, ninf = 0xFFF0000000000000 : f64,
    negzero = -0.0 : f64, tiny = 1.0e-300 : f64, big = 1.0e+300 : f64,
    denorm = 1.0e-45 : f32, dflt = 1.0, hexf16 = 0x7E00 : f16
  }
  func.func private @strings() attributes {
    s0 = "", s1 = "plain", s2 = "quote\" backslash\\ tab\09 nl\0A",
    s3 = "\00\01\7F\80\FF", s4 = "utf8 \E2\82\AC", typed = "x" : i32,
    typed2 = "y" : tensor<2xi8>
  }
  func.func private @containers() attributes {
    a0 = [], a1 = [1, "two", 3.0 : f32, [4 : i8], {five = 5}],
    d0 = {}, d1 = {z = 1, a = 2, m = {nested = unit}},
    u = unit, ty = i32, ty2 = tensor<?xf32>, ty3 = !foo.opaque_type,
    sym0 = @sym, sym1 = @outer::@inner, sym2 = @a::@b::@c,
    sym3 = @"quoted name", sym4 = @"with::colons"::@x
  }
  func.func private @elements() attributes {
    splat_i = dense<3> : tensor<4xi32>, splat_f = dense<1.5> : tensor<2x2xf32>,
    splat_b = dense<true> : vector<8xi1>, bools = dense<[true, false]> : tensor<2xi1>,
    ints = dense<[[1, 2], [3, 4]]> : tensor<2x2xi64>,
    neg = dense<[-1, -128, 127]> : tensor<3xi8>,
    uints = dense<[0, 255]> : tensor<2xui8>,
    floats = dense<[0.0, -1.5, 0x7FC00000, 1.0e+10]> : tensor<4xf32>,
    f16s = dense<[1.0, 2.0]> : vector<2xf16>,
    cplx = dense<[(1.0, 2.0), (3.0, -4.0)]> : tensor<2xcomplex<f32>>,
    cplx_i = dense<(1, -1)> : tensor<3xcomplex<i16>>,
    hex = dense<"0x0102030405060708"> : tensor<2xi32>,
    scalar = dense<5> : tensor<i32>, empty = dense<> : tensor<0xi32>,
    empty2 = dense<> : tensor<2x0xf32>, idx = dense<[1, 2]> : vector<2xindex>,
    wide = dense<[1, -1]> : tensor<2xi128>,
    big = dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]]> : tensor<2x4xf64>,
    res0 = dense_resource<blob_i32> : tensor<4xi32>,
    res1 = dense_resource<blob_f32> : tensor<2x2xf32>,
    res3 = dense_resource<blob_i32> : vector<4xi32>
  }
  func.func private @arrays() attributes {
    a_i1 = array<i1: true, false, true>, a_i8 = array<i8: -1, 2>,
    a_i16 = array<i16: 300>, a_i32 = array<i32: 1, 2, 3>,
    a_i64 = array<i64: -9223372036854775808, 0>, a_f32 = array<f32: 1.0, -2.5>,
    a_f64 = array<f64: 0.1, 1.0e+100>, a_empty = array<i64>,
    a_emptyf = array<f32>
  }
  func.func private @affine() attributes {
    m0 = #map0, m1 = #map1, m2 = #map2,
    m3 = affine_map<(d0, d1, d2) -> (d2, d0)>,
    m4 = affine_map<(d0)[s0, s1] -> (d0 * s0 + s1 * 3 - 1)>,
    m5 = affine_map<(d0, d1) -> (d0, d1)>, m6 = affine_map<() -> ()>,
    m7 = affine_map<(d0) -> ((d0 + 1) mod 8, (d0 * 3) floordiv 2)>,
    s0 = #set0, s1 = #set1,
    s2 = affine_set<(d0, d1) : (d0 - d1 - 1 >= 0)>
  }
  func.func private @layouts() attributes {
    l0 = strided<[1]>, l1 = strided<[4, 1], offset: 0>,
    l2 = strided<[?, ?], offset: ?>, l3 = strided<[], offset: 7>,
    l4 = strided<[8, 2], offset: -3>
  }
  func.func private @locations() attributes {
    loc0 = loc(unknown), loc1 = loc("file.mlir":3:7),
    loc2 = loc("name"), loc3 = loc("name"("f.c":1:2)),
    loc4 = loc(callsite("callee.c":1:1 at "caller.c":2:2)),
    loc5 = loc(fused["a.c":1:1, "b.c":2:2]),
    loc6 = loc(fused<"meta">["a.c":1:1, unknown])
  }
}

{-#
  dialect_resources: {
    builtin: {
      blob_i32: "0x0400000001000000020000000300000004000000",
      blob_f32: "0x040000000000803F000000400000404000008040"
    }
  }
#-}
