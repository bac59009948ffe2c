// One bool knob per call site, "inline.<site>.enable" (default true):
// the site is the call's name attribute, else its location.
// RUN: edge-opt %s -inline=default-pipeline= | FileCheck %s --check-prefix=ALL
// RUN: edge-opt %s -inline=default-pipeline= --knob inline.first.enable=false | FileCheck %s --check-prefix=FIRST
// RUN: edge-opt %s -inline=default-pipeline= --knob 'inline.*.enable=false' | FileCheck %s --check-prefix=NONE
// RUN: edge-opt %s -inline=default-pipeline= --list-knobs | FileCheck %s --check-prefix=SPACE

// ALL-LABEL: func.func @main
// ALL-NOT:     call
// ALL-NOT:   func.func private @sq

// FIRST:       func.func private @sq
// FIRST-LABEL: func.func @main
// FIRST:         %[[A:.*]] = call @sq(%arg0) {name = "first"} : (i32) -> i32
// FIRST-NEXT:    %[[B:.*]] = arith.muli %[[A]], %[[A]] : i32
// FIRST-NEXT:    %[[C:.*]] = arith.muli %[[B]], %[[B]] : i32
// FIRST-NEXT:    return %[[C]] : i32

// NONE-LABEL: func.func @main
// NONE-COUNT-3: call @sq

// SPACE: "name": "inline.first.enable",
// SPACE: "name": "inline.inline-knobs.mlir:[[@LINE+11]]:8.enable",
// SPACE: "site": "inline-knobs.mlir:[[@LINE+10]]:8",
// SPACE: "name": "inline.second.enable",

func.func private @sq(%x: i32) -> i32 {
  %0 = arith.muli %x, %x : i32
  return %0 : i32
}
func.func @main(%x: i32) -> i32 {
  %0 = func.call @sq(%x) {name = "first"} : (i32) -> i32
  %1 = func.call @sq(%0) {name = "second"} : (i32) -> i32
  %2 = func.call @sq(%1) : (i32) -> i32
  return %2 : i32
}
