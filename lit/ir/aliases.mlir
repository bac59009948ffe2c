// RUN: edge-opt %s --split-input-file --allow-unregistered-dialect | FileCheck %s
// RUN: edge-opt %s --split-input-file --allow-unregistered-dialect --mlir-print-op-generic | FileCheck %s --check-prefix=GEN
// RUN: edge-opt %s --split-input-file --allow-unregistered-dialect --mlir-print-local-scope | FileCheck %s --check-prefix=LOCAL
// Attribute and type aliases in the input are substituted; on output
// affine maps become #map, #map1, ... and integer sets #set, ... in
// first-use order (types before attributes, then by name), defined at
// the top; --mlir-print-local-scope prints everything in place.

// CHECK:      #map = affine_map<(d0)[s0] -> (d0 + s0)>
// CHECK-NEXT: #map1 = affine_map<(d0) -> (d0 + 1)>
// CHECK-NEXT: #map2 = affine_map<(d0, d1) -> (d1, d0)>
// CHECK-NEXT: #map3 = affine_map<(d0) -> (d0 * 2)>
// CHECK-NEXT: #set = affine_set<(d0) : (d0 >= 0)>
// CHECK-NEXT: module {
// CHECK-NEXT:   func.func @a(%arg0: memref<4xf32, #map>) attributes {m = #map1, m2 = #map2, m3 = #map2, s = #set, t = [#map3]} {

// GEN:      #map = affine_map<(d0)[s0] -> (d0 + s0)>
// GEN:      #set = affine_set<(d0) : (d0 >= 0)>
// GEN-NEXT: "builtin.module"() ({
// GEN-NEXT:   "func.func"() <{function_type = (memref<4xf32, #map>) -> (), sym_name = "a"}> ({
// GEN-NEXT:   ^bb0(%arg0: memref<4xf32, #map>):
// GEN-NEXT:     "func.return"() : () -> ()
// GEN-NEXT:   }) {m = #map1, m2 = #map2, m3 = #map2, s = #set, t = [#map3]} : () -> ()

// LOCAL-NOT: #map
// LOCAL:     func.func @a(%arg0: memref<4xf32, affine_map<(d0)[s0] -> (d0 + s0)>>) attributes {m = affine_map<(d0) -> (d0 + 1)>, m2 = affine_map<(d0, d1) -> (d1, d0)>, m3 = affine_map<(d0, d1) -> (d1, d0)>, s = affine_set<(d0) : (d0 >= 0)>, t = [affine_map<(d0) -> (d0 * 2)>]} {

#m = affine_map<(d0) -> (d0 + 1)>
func.func @a(%x: memref<4xf32, affine_map<(d0)[s0] -> (d0 + s0)>>) attributes {s = affine_set<(d0) : (d0 >= 0)>, m2 = affine_map<(d0, d1) -> (d1, d0)>, m = #m, m3 = affine_map<(d0, d1) -> (d1, d0)>, t = [affine_map<(d0)->(d0 * 2)>]} {
  return
}

// -----

// Type and attribute aliases of the input never show in the output.
// CHECK:       %0 = "foo.x"() {v = 42 : i32, w = [42 : i32, "s"]} : () -> tensor<4xi8>
// CHECK-NEXT:    "foo.y"(%0) : (tensor<4xi8>) -> ()

!t = tensor<4xi8>
#a = 42 : i32
#arr = [#a, "s"]
%0 = "foo.x"() {v = #a, w = #arr} : () -> !t
"foo.y"(%0) : (!t) -> ()
