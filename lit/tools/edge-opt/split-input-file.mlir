// --split-input-file: every chunk is parsed and printed on its own, the
// outputs joined by separator lines as mlir-opt does.
// RUN: edge-opt --split-input-file %s | FileCheck %s
// RUN: edge-opt -split-input-file %s | FileCheck %s
// RUN: edge-opt --split-input-file= %s | FileCheck %s
// Without the flag the whole file is one module.
// RUN: edge-opt %s | FileCheck %s --check-prefix=WHOLE

// CHECK:      module {
// CHECK-NEXT:   func.func @first() {
// CHECK-NEXT:     return
// CHECK-NEXT:   }
// CHECK-NEXT: }
// CHECK-EMPTY:
// CHECK-NEXT: {{//}} -----
// CHECK-NEXT: module {
// CHECK-NEXT:   func.func @second(%arg0: i32) -> i32 {
// CHECK-NEXT:     %0 = arith.addi %arg0, %arg0 : i32
// CHECK-NEXT:     return %0 : i32
// CHECK-NEXT:   }
// CHECK-NEXT: }
// CHECK-EMPTY:
// CHECK-NEXT: {{//}} -----
// CHECK-NEXT: module {
// CHECK-NEXT: }
// CHECK-EMPTY:
// CHECK-NEXT: {{//}} -----
// CHECK-NEXT: module {
// CHECK-NEXT:   func.func @fourth() {
// CHECK-NEXT:     return
// CHECK-NEXT:   }
// CHECK-NEXT: }
// CHECK-NOT:  {{//}} -----

// WHOLE:      module {
// WHOLE-NEXT:   func.func @first() {
// WHOLE:        func.func @second(%arg0: i32) -> i32 {
// WHOLE:        func.func @fourth() {
// WHOLE-NOT:  {{//}} -----

func.func @first() {
  return
}

// -----

func.func @second(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  return %0 : i32
}

// -----
// -----

func.func @fourth() {
  return
}
