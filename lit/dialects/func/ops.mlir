// func ops in their custom forms as mlir-opt 19 prints them (CHECK lines
// generated with mlir-opt): signatures with argument/result attributes,
// visibilities, declarations, and the unprefixed forms inside functions.
// RUN: edge-opt %s | FileCheck %s
// RUN: edge-opt %s | edge-opt | FileCheck %s
// RUN: edge-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC
// RUN: edge-opt %s --mlir-print-op-generic | edge-opt | FileCheck %s

// CHECK-LABEL: func.func @g(%arg0: i32) -> i32 {
// CHECK-NEXT: %f = constant {a = 1 : i64} @g : (i32) -> i32
// CHECK-NEXT: %c1_i32 = arith.constant {b} 1 : i32
// CHECK-NEXT: %0 = call @g(%c1_i32) {no_inline, z} : (i32) -> i32
// CHECK-NEXT: %1 = call_indirect %f(%0) {y} : (i32) -> i32
// CHECK-NEXT: call @none() : () -> ()
// CHECK-NEXT: %2:2 = call @multi() : () -> (i32, f32)
// CHECK-NEXT: return {q} %1 : i32
// CHECK-LABEL: func.func @h(%arg0: i32 {a.x = 1 : i64}, %arg1: f32) -> (i32, f32) attributes {bar = "s", foo} {
// CHECK-NEXT: return %arg0, %arg1 : i32, f32
// CHECK-LABEL: func.func private @none()
// CHECK-LABEL: func.func private @multi() -> (i32, f32)
// CHECK-LABEL: func.func private @decl(i32 {a.b}, f32) -> (i32 {c.d})
// CHECK-LABEL: func.func private @fnres() -> ((i32) -> i32)
// CHECK-LABEL: func.func private @fnarg((i32) -> i32, tuple<i32, f32>) -> i1
// CHECK-LABEL: func.func nested @nested_decl(i32, i64)
// CHECK-LABEL: func.func public @pub() {
// CHECK-NEXT: return
// CHECK-LABEL: func.func @"quoted name"(%arg0: i1) -> i1 {
// CHECK-NEXT: cf.br ^bb1(%arg0 : i1)
// CHECK-NEXT: ^bb1(%0: i1):  // pred: ^bb0
// CHECK-NEXT: return %0 : i1
// CHECK-LABEL: func.func @resattrs() -> (i32 {r.x}) {
// CHECK-NEXT: %c0_i32 = arith.constant 0 : i32
// CHECK-NEXT: return %c0_i32 : i32

// GENERIC-LABEL: "func.func"() <{function_type = (i32) -> i32, sym_name = "g"}> ({
// GENERIC: %{{[A-Za-z0-9_]+}} = "func.constant"() <{value = @g}> {a = 1 : i64} : () -> ((i32) -> i32)
// GENERIC: %{{[A-Za-z0-9_]+}} = "func.call"(%{{[A-Za-z0-9_]+}}) <{callee = @g}> {no_inline, z} : (i32) -> i32
// GENERIC: %{{[A-Za-z0-9_]+}} = "func.call_indirect"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) {y} : ((i32) -> i32, i32) -> i32
// GENERIC: "func.call"() <{callee = @none}> : () -> ()
// GENERIC: %{{[A-Za-z0-9_]+}}:2 = "func.call"() <{callee = @multi}> : () -> (i32, f32)
// GENERIC: "func.return"(%{{[A-Za-z0-9_]+}}) {q} : (i32) -> ()
// GENERIC-LABEL: "func.func"() <{arg_attrs = [{a.x = 1 : i64}, {}], function_type = (i32, f32) -> (i32, f32), sym_name = "h"}> ({
// GENERIC: "func.return"(%{{[A-Za-z0-9_]+}}, %{{[A-Za-z0-9_]+}}) : (i32, f32) -> ()
// GENERIC-LABEL: "func.func"() <{function_type = () -> (), sym_name = "none", sym_visibility = "private"}> ({
// GENERIC-LABEL: "func.func"() <{function_type = () -> (i32, f32), sym_name = "multi", sym_visibility = "private"}> ({
// GENERIC-LABEL: "func.func"() <{arg_attrs = [{a.b}, {}], function_type = (i32, f32) -> i32, res_attrs = [{c.d}], sym_name = "decl", sym_visibility = "private"}> ({
// GENERIC-LABEL: "func.func"() <{function_type = () -> ((i32) -> i32), sym_name = "fnres", sym_visibility = "private"}> ({
// GENERIC-LABEL: "func.func"() <{function_type = ((i32) -> i32, tuple<i32, f32>) -> i1, sym_name = "fnarg", sym_visibility = "private"}> ({
// GENERIC-LABEL: "func.func"() <{function_type = (i32, i64) -> (), sym_name = "nested_decl", sym_visibility = "nested"}> ({
// GENERIC-LABEL: "func.func"() <{function_type = () -> (), sym_name = "pub", sym_visibility = "public"}> ({
// GENERIC: "func.return"() : () -> ()
// GENERIC-LABEL: "func.func"() <{function_type = (i1) -> i1, sym_name = "quoted name"}> ({
// GENERIC: "func.return"(%{{[A-Za-z0-9_]+}}) : (i1) -> ()
// GENERIC-LABEL: "func.func"() <{function_type = () -> i32, res_attrs = [{r.x}], sym_name = "resattrs"}> ({
// GENERIC: "func.return"(%{{[A-Za-z0-9_]+}}) : (i32) -> ()

func.func @g(%x: i32) -> i32 {
  %f = func.constant {a = 1} @g : (i32) -> i32
  %c = arith.constant {b} 1 : i32
  %r = call @g(%c) {no_inline, z} : (i32) -> i32
  %r2 = func.call_indirect %f(%r) {y} : (i32) -> i32
  func.call @none() : () -> ()
  %m:2 = call @multi() : () -> (i32, f32)
  func.return {q} %r2 : i32
}
func.func @h(%arg0: i32 {a.x = 1}, %arg1: f32) -> (i32, f32) attributes {foo, bar = "s"} {
  return %arg0, %arg1 : i32, f32
}
func.func private @none()
func.func private @multi() -> (i32, f32)
func.func private @decl(i32 {a.b}, f32) -> (i32 {c.d})
func.func private @fnres() -> ((i32) -> i32)
func.func private @fnarg((i32) -> i32, tuple<i32, f32>) -> i1
func.func nested @nested_decl(%arg0: i32, %arg1: i64)
func.func public @pub() {
  return
}
func.func @"quoted name"(%a: i1) -> i1 {
  cf.br ^bb1(%a : i1)
^bb1(%b: i1):
  return %b : i1
}
func.func @resattrs() -> (i32 {r.x}) {
  %c = arith.constant 0 : i32
  return %c : i32
}
