// Every builtin attribute kind, printed as mlir-opt 19 prints it (the
// CHECK lines are mlir-opt's output), and printed text parses back.
// RUN: edge-opt %s --allow-unregistered-dialect --mlir-print-local-scope | FileCheck %s
// RUN: edge-opt %s --allow-unregistered-dialect --mlir-print-local-scope | edge-opt --allow-unregistered-dialect --mlir-print-local-scope | FileCheck %s
// RUN: edge-opt %s --allow-unregistered-dialect --mlir-print-op-generic --mlir-print-local-scope | FileCheck %s

// CHECK: "test.ints"() {a = 42 : i32, b = 42 : i64, c = 16 : i8, d = -1 : i8, e = 255 : ui8, f = -128 : si8, g = 0 : i0, h = 1 : index, i = -9223372036854775808 : i64, j = 18446744073709551615 : ui64, k = 340282366920938463463374607431768211455 : ui128, l = -1 : i128, m = 9218868437227405312 : i64} : () -> ()
"test.ints"() {a = 42 : i32, b = 42, c = 0x10 : i8, d = 255 : i8, e = 255 : ui8, f = -128 : si8, g = 0 : i0, h = 1 : index, i = -9223372036854775808 : i64, j = 18446744073709551615 : ui64, k = 340282366920938463463374607431768211455 : ui128, l = -1 : i128, m = 0x7FF0000000000000} : () -> ()

// CHECK: "test.bools"() {a = true, b = false, c = true, d = true, e = 0 : si1} : () -> ()
"test.bools"() {a = true, b = false, c = 1 : i1, d = -1 : i1, e = 0 : si1} : () -> ()

// CHECK: "test.floats"() {a = 1.000000e+00 : f64, b = 1.500000e+00 : f32, c = -125.10850000000001 : f64, d = 1.000000e-01 : f64, e = 1.000000e+10 : f64, f = 2.998110e-05 : f16, g = 1.500000e+00 : bf16, h = 0x7FC00000 : f32, i = 0x7FF0000000000000 : f64, j = -0.000000e+00 : f64, k = 5.960460e-08 : f16, l = 6.550400e+04 : f16, m = 0x7C00 : f16, n = 1.23456789E-300 : f64, o = 0x419D6F3454000000 : f64, p = 1.500000e+00 : f80, q = 0.100000000000000005551115123125782702 : f128, r = 1.000000e+00 : f80, s = 1.000000e+00 : tf32, t = 1.500000e+00 : f8E5M2, u = 1.015630e-01 : f8E4M3FN, v = 0xFF800000 : f32} : () -> ()
"test.floats"() {a = 1.0, b = 1.5 : f32, c = -125.1085, d = 0.1, e = 1.0e10, f = 3.0e-5 : f16, g = 1.5 : bf16, h = 0x7FC00000 : f32, i = 1.0e400, j = -0.0, k = 0x0001 : f16, l = 65504.0 : f16, m = 100000.0 : f16, n = 1.23456789e-300, o = 123456789.0, p = 1.5 : f80, q = 0.1 : f128, r = 0x3FFF8000000000000000 : f80, s = 1.0 : tf32, t = 1.5 : f8E5M2, u = 0.1 : f8E4M3FN, v = 0xFF800000 : f32} : () -> ()

// CHECK: "test.strings"() {a = "hi\0A\22x\22\01", b = "\09\\\7F\80\C3\A9", c = "s" : i32, d = ""} : () -> ()
"test.strings"() {a = "hi\n\"x\"\01", b = "\t\\\7F\80é", c = "s" : i32, d = ""} : () -> ()

// CHECK: "test.containers"() {a = [1.000000e+00, 2 : i32, 3, [4, 5.000000e+00 : f32], true, "x" : i64, {k = 2 : i64}], b = [], c = {}, "d e" = {x = 1 : i64, y, "z w"}, f} : () -> ()
"test.containers"() {a = [1.0, 2 : i32, 3, [4, 5.0 : f32], true, "x" : i64, {k = 2}], b = [], c = {}, "d e" = {x = 1, y, "z w"}, f = unit} : () -> ()

// CHECK: "test.symbols"() {a = @a::@b, b = @"quoted name", c = @"a-b"::@c.d, d = @_x$} : () -> ()
"test.symbols"() {a = @a::@b, b = @"quoted name", c = @"a-b"::@c.d, d = @_x$} : () -> ()

// CHECK: "test.types"() {a = i32, b = (i32) -> i32, c = !foo.bar, d = tensor<2xf32>, e = memref<?x4xf32, strided<[4, 1], offset: ?>>} : () -> ()
"test.types"() {a = i32, b = (i32) -> i32, c = !foo.bar, d = tensor<2xf32>, e = memref<?x4xf32, strided<[4, 1], offset: ?>>} : () -> ()

// CHECK: "test.dense"() {a = dense<1> : tensor<2xi32>, b = dense<{{\[\[}}1, 2], [3, 4]]> : tensor<2x2xi32>, c = dense<(1,2)> : tensor<complex<i32>>, d = dense<[true, false]> : tensor<2xi1>, e = dense<[1.500000e+00, 2.000000e+00]> : tensor<2xf32>, f = dense<[(1.000000e+00,2.000000e+00), (3.000000e+00,4.000000e+00)]> : tensor<2xcomplex<f32>>, g = dense<5> : vector<2x3xi32>, h = dense<-1> : tensor<2xi8>, i = dense<> : tensor<0xf32>, j = dense<> : tensor<1x0xf32>, k = dense<7> : tensor<i32>, l = dense<1.000000e+00> : tensor<f32>, m = dense<0x7FC00000> : tensor<2xf32>, n = dense<1> : tensor<2xindex>, o = dense<1> : memref<2xi32>, p = dense<[false, true]> : tensor<2xi1>, q = dense<[1, -2]> : tensor<2xi128>, r = dense<2.500000e+00> : tensor<1000000000xf32>} : () -> ()
"test.dense"() {a = dense<[1, 1]> : tensor<2xi32>, b = dense<[[1,2],[3,4]]> : tensor<2x2xi32>, c = dense<(1, 2)> : tensor<complex<i32>>, d = dense<[true, false]> : tensor<2xi1>, e = dense<[1.5, 2.0]> : tensor<2xf32>, f = dense<[(1.0, 2.0), (3.0, 4.0)]> : tensor<2xcomplex<f32>>, g = dense<5> : vector<2x3xi32>, h = dense<"0xFFFF"> : tensor<2xi8>, i = dense<[]> : tensor<0xf32>, j = dense<[[]]> : tensor<1x0xf32>, k = dense<7> : tensor<i32>, l = dense<"0x0000803F"> : tensor<f32>, m = dense<0x7FC00000> : tensor<2xf32>, n = dense<1> : tensor<2xindex>, o = dense<1> : memref<2xi32>, p = dense<"0x02"> : tensor<2xi1>, q = dense<[1, -2]> : tensor<2xi128>, r = dense<2.5> : tensor<1000000000xf32>} : () -> ()

// CHECK: "test.arrays"() {a = array<i32: 1, 2>, b = array<i64>, c = array<f32: 1.000000e+00, 2.500000e+00>, d = array<i1: true, false>, e = array<i8: -1, 2>, f = array<f64: 1.000000e+00, 1.000000e-01>, g = array<i16>, h = array<ui8: 255>, i = array<si16: -3>, j = array<f16: 1.000000e+00>, k = array<bf16: 1.000000e+00>, l = array<i128: 1>, m = array<i1>} : () -> ()
"test.arrays"() {a = array<i32: 1, 2>, b = array<i64>, c = array<f32: 1.0, 2.5>, d = array<i1: true, false>, e = array<i8: -1, 2>, f = array<f64: 1.0, 0.1>, g = array<i16>, h = array<ui8: 255>, i = array<si16: -3>, j = array<f16: 1.0>, k = array<bf16: 1.0>, l = array<i128: 1>, m = array<i1>}: () -> ()

// CHECK: "test.layouts"() {a = affine_map<(d0) -> (d0)>, b = affine_map<(d0)[s0] -> (d0 + s0, 3)>, c = affine_set<(d0) : (d0 >= 0)>, d = strided<[?, 1], offset: ?>, e = strided<[1]>, f = strided<[1]>, g = strided<[]>} : () -> ()
"test.layouts"() {a = affine_map<(d0) -> (d0)>, b = affine_map<(d0)[s0] -> (d0 + s0, 3)>, c = affine_set<(d0) : (d0 >= 0)>, d = strided<[?, 1], offset: ?>, e = strided<[1]>, f = strided<[1], offset: 0>, g = strided<[]>} : () -> ()

// CHECK: "test.locs"() {a = loc("x":1:2), b = loc(unknown), c = loc("n"("f":3:4))} : () -> ()
"test.locs"() {a = loc("x":1:2), b = loc(unknown), c = loc("n"("f":3:4))} : () -> ()

// CHECK: "test.opaque"() {a = #foo<"body">, b = #foo.bar<1, 2>, c = #foo.bar, d = #foo.bar, e = #foo<"x"> : i32, f = #foo.bar<"x">} : () -> ()
"test.opaque"() {a = #foo<"body">, b = #foo.bar<1, 2>, c = #foo<bar>, d = #foo.bar, e = #foo<"x"> : i32, f = #foo.bar<"x">} : () -> ()

// Without --mlir-print-local-scope, maps, sets and locations get aliases.
// RUN: edge-opt %s --allow-unregistered-dialect | FileCheck %s --check-prefix=ALIAS
// ALIAS-DAG: #loc = loc("x":1:2)
// ALIAS-DAG: #map = affine_map<(d0) -> (d0)>
// ALIAS-DAG: #set = affine_set<(d0) : (d0 >= 0)>
// ALIAS: "test.layouts"() {a = #map, b = #map1, c = #set,
