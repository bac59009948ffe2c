// The printing flags: generic form (and its alias), locations (plain,
// pretty, in place), skipped regions.
// RUN: edge-opt --allow-unregistered-dialect %s | FileCheck %s --check-prefix=PRETTY
// RUN: edge-opt --allow-unregistered-dialect --mlir-print-op-generic %s | FileCheck %s --check-prefix=GENERIC
// RUN: edge-opt --allow-unregistered-dialect --print-generic %s | FileCheck %s --check-prefix=GENERIC
// RUN: edge-opt -allow-unregistered-dialect -mlir-print-op-generic=true %s | FileCheck %s --check-prefix=GENERIC
// RUN: edge-opt --allow-unregistered-dialect --mlir-print-op-generic=false %s | FileCheck %s --check-prefix=PRETTY
// RUN: edge-opt --allow-unregistered-dialect --mlir-print-debuginfo %s | FileCheck %s --check-prefix=DEBUG
// RUN: edge-opt --allow-unregistered-dialect --mlir-print-debuginfo --mlir-pretty-debuginfo %s | FileCheck %s --check-prefix=PRETTYLOC
// RUN: edge-opt --allow-unregistered-dialect --mlir-print-debuginfo --mlir-print-local-scope %s | FileCheck %s --check-prefix=LOCAL
// RUN: edge-opt --allow-unregistered-dialect --mlir-print-skip-regions %s | FileCheck %s --check-prefix=SKIP

// PRETTY:      #map = affine_map<(d0) -> (d0)>
// PRETTY-NEXT: module {
// PRETTY-NEXT:   func.func @add(%arg0: i32, %arg1: i32) -> i32 {
// PRETTY-NEXT:     %0 = arith.addi %arg0, %arg1 : i32
// PRETTY-NEXT:     return %0 : i32
// PRETTY-NEXT:   }
// PRETTY-NEXT:   "my.op"() ({
// PRETTY-NEXT:     "my.inner"() : () -> ()
// PRETTY-NEXT:   }) {attr = #map} : () -> ()
// PRETTY-NEXT: }
// PRETTY-NOT:  loc

// GENERIC:      #map = affine_map<(d0) -> (d0)>
// GENERIC-NEXT: "builtin.module"() ({
// GENERIC-NEXT:   "func.func"() <{function_type = (i32, i32) -> i32, sym_name = "add"}> ({
// GENERIC-NEXT:   ^bb0(%arg0: i32, %arg1: i32):
// GENERIC-NEXT:     %0 = "arith.addi"(%arg0, %arg1) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
// GENERIC-NEXT:     "func.return"(%0) : (i32) -> ()
// GENERIC-NEXT:   }) : () -> ()
// GENERIC-NEXT:   "my.op"() ({
// GENERIC-NEXT:     "my.inner"() : () -> ()
// GENERIC-NEXT:   }) {attr = #map} : () -> ()
// GENERIC-NEXT: }) : () -> ()

// DEBUG:      #loc{{[0-9]+}} = loc("{{.*}}print-flags.mlir":[[#LINE:]]:16)
// DEBUG:      #map = affine_map<(d0) -> (d0)>
// DEBUG-NEXT: module {
// DEBUG-NEXT:   func.func @add(%arg0: i32 loc("{{.*}}print-flags.mlir":[[#LINE]]:16), %arg1: i32 loc("{{.*}}print-flags.mlir":[[#LINE]]:25)) -> i32 {
// DEBUG-NEXT:     %0 = arith.addi %arg0, %arg1 : i32 loc(#[[ADD:loc[0-9]*]])
// DEBUG:        }) {attr = #map} : () -> () loc(#[[OP:loc[0-9]*]])
// DEBUG-NEXT: } loc(#loc)
// DEBUG:      #[[ADD]] = loc("{{.*}}print-flags.mlir":[[#LINE+1]]:8)
// DEBUG:      #[[OP]] = loc("here.mlir":3:4)

// PRETTYLOC: #loc{{[0-9]+}} = {{.*}}print-flags.mlir:[[#LINE:]]:16
// PRETTYLOC: func.func @add(%arg0: i32 {{.*}}print-flags.mlir:[[#LINE]]:16, %arg1: i32 {{.*}}print-flags.mlir:[[#LINE]]:25) -> i32 {
// PRETTYLOC: }) {attr = #map} : () -> () here.mlir:3:4

// LOCAL-NOT:  #map
// LOCAL:      module {
// LOCAL:        %0 = arith.addi %arg0, %arg1 : i32 loc("{{.*}}print-flags.mlir":{{[0-9]+}}:8)
// LOCAL:        }) {attr = affine_map<(d0) -> (d0)>} : () -> () loc("here.mlir":3:4)
// LOCAL-NEXT: } loc("{{.*}}print-flags.mlir":0:0)

// SKIP:      module {...}
// SKIP-NOT:  func

func.func @add(%a: i32, %b: i32) -> i32 {
  %0 = arith.addi %a, %b : i32
  return %0 : i32
}
"my.op"() ({
  "my.inner"() : () -> ()
}) {attr = affine_map<(d0) -> (d0)>} : () -> () loc("here.mlir":3:4)
