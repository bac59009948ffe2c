// Every spelling of the same pipeline gives the same result: MLIR's
// anchored --pass-pipeline, the anchorless and implicitly nested forms,
// per-pass flags (one or two dashes, with options), with and without
// threads.
// RUN: edge-opt %s --pass-pipeline='builtin.module(func.func(cse,canonicalize))' | FileCheck %s
// RUN: edge-opt %s --pass-pipeline=' builtin.module( func.func( cse , canonicalize ) ) ' | FileCheck %s
// RUN: edge-opt %s --pass-pipeline='func.func(cse,canonicalize)' | FileCheck %s
// RUN: edge-opt %s --pass-pipeline='cse,canonicalize' | FileCheck %s
// RUN: edge-opt %s -cse -canonicalize | FileCheck %s
// RUN: edge-opt %s --cse --canonicalize=max-iterations=3 | FileCheck %s
// RUN: edge-opt %s --cse '--canonicalize=max-iterations=3 top-down=false' | FileCheck %s
// RUN: edge-opt %s --pass-pipeline='builtin.module(func.func(cse,canonicalize{max-iterations=3 region-simplify=normal}))' | FileCheck %s
// RUN: edge-opt %s --pass-pipeline='builtin.module(func.func(cse,canonicalize))' --mlir-disable-threading | FileCheck %s
// RUN: edge-opt %s --pass-pipeline='builtin.module(func.func(cse,canonicalize))' --mlir-num-threads=3 | FileCheck %s

// CHECK-LABEL: func.func @f(%arg0: i32) -> i32 {
// CHECK-NEXT:    %[[M:.*]] = arith.muli %arg0, %arg0 : i32
// CHECK-NEXT:    return %[[M]] : i32
// CHECK-LABEL: func.func @g(%arg0: i32) -> i32 {
// CHECK-NEXT:    return %arg0 : i32
func.func @f(%a: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %0 = arith.addi %a, %c0 : i32
  %1 = arith.addi %a, %c0 : i32
  %2 = arith.muli %0, %1 : i32
  return %2 : i32
}
func.func @g(%a: i32) -> i32 {
  return %a : i32
}
