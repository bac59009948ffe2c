// IR dumps as mlir-opt prints them (to stderr): the header names the pass
// by class and argument; a function pass dumps each function in order,
// also with threads (the dumps are replayed in function order).
// RUN: edge-opt %s --pass-pipeline='builtin.module(func.func(cse,canonicalize))' --mlir-print-ir-after-all -o /dev/null 2>&1 | FileCheck %s --check-prefix=AFTER --match-full-lines
// RUN: edge-opt %s --pass-pipeline='builtin.module(func.func(cse,canonicalize))' --mlir-print-ir-after-all --mlir-disable-threading -o /dev/null 2>&1 | FileCheck %s --check-prefix=AFTER --match-full-lines
// AFTER:      // -----// IR Dump After CSE (cse) //----- //
// AFTER-NEXT: func.func @f(%arg0: i32) -> i32 {
// AFTER-NEXT:   %c0_i32 = arith.constant 0 : i32
// AFTER-NEXT:   %0 = arith.addi %arg0, %c0_i32 : i32
// AFTER-NEXT:   %1 = arith.muli %0, %0 : i32
// AFTER-NEXT:   return %1 : i32
// AFTER-NEXT: }
// AFTER-EMPTY:
// AFTER-NEXT: // -----// IR Dump After Canonicalizer (canonicalize) //----- //
// AFTER-NEXT: func.func @f(%arg0: i32) -> i32 {
// AFTER-NEXT:   %0 = arith.muli %arg0, %arg0 : i32
// AFTER-NEXT:   return %0 : i32
// AFTER-NEXT: }
// AFTER-EMPTY:
// AFTER-NEXT: // -----// IR Dump After CSE (cse) //----- //
// AFTER-NEXT: func.func @g(%arg0: i32) -> i32 {
// AFTER-NEXT:   return %arg0 : i32
// AFTER-NEXT: }
// AFTER-EMPTY:
// AFTER-NEXT: // -----// IR Dump After Canonicalizer (canonicalize) //----- //
// AFTER-NEXT: func.func @g(%arg0: i32) -> i32 {
// AFTER-NEXT:   return %arg0 : i32
// AFTER-NEXT: }

// --mlir-print-ir-before / -after take pass arguments (comma-separated or
// repeated); a module-level pass dumps the module.
// RUN: edge-opt %s -cse -canonicalize --mlir-print-ir-before=canonicalize -o /dev/null 2>&1 | FileCheck %s --check-prefix=BEFORE
// RUN: edge-opt %s -cse -canonicalize --mlir-print-ir-before=dce,canonicalize -o /dev/null 2>&1 | FileCheck %s --check-prefix=BEFORE
// BEFORE-NOT:  IR Dump
// BEFORE:      // -----// IR Dump Before Canonicalizer (canonicalize) //----- //
// BEFORE-NEXT: module {
// BEFORE-NEXT:   func.func @f(%arg0: i32) -> i32 {
// BEFORE-NEXT:     %c0_i32 = arith.constant 0 : i32
// BEFORE-NOT:  IR Dump

// RUN: edge-opt %s -cse -canonicalize --mlir-print-ir-before-all -o /dev/null 2>&1 | FileCheck %s --check-prefix=BEFOREALL
// BEFOREALL:     // -----// IR Dump Before CSE (cse) //----- //
// BEFOREALL:     // -----// IR Dump Before Canonicalizer (canonicalize) //----- //
// BEFOREALL-NOT: IR Dump

// RUN: edge-opt %s -cse -canonicalize --mlir-print-ir-after=cse --mlir-print-ir-after=canonicalize -o /dev/null 2>&1 | FileCheck %s --check-prefix=AFTER2
// AFTER2: IR Dump After CSE (cse) //----- //
// AFTER2: IR Dump After Canonicalizer (canonicalize) //----- //

// With --mlir-print-ir-module-scope a function pass dumps the whole
// module and the header names the function.
// RUN: edge-opt %s --pass-pipeline='builtin.module(func.func(cse))' --mlir-print-ir-after=cse --mlir-print-ir-module-scope -o /dev/null 2>&1 | FileCheck %s --check-prefix=SCOPE
// SCOPE:      // -----// IR Dump After CSE (cse) ('func.func' operation: @f) //----- //
// SCOPE-NEXT: module {
// SCOPE-NEXT:   func.func @f(%arg0: i32) -> i32 {
// SCOPE:      // -----// IR Dump After CSE (cse) ('func.func' operation: @g) //----- //
// SCOPE-NEXT: module {
// RUN: edge-opt %s -cse --mlir-print-ir-before=cse --mlir-print-ir-module-scope -o /dev/null 2>&1 | FileCheck %s --check-prefix=SCOPEMOD
// SCOPEMOD: // -----// IR Dump Before CSE (cse) ('builtin.module' operation) //----- //

// --mlir-print-ir-after-change only keeps the dumps of passes that changed
// the IR (it refines -after/-after-all; alone it prints nothing, as in
// mlir-opt).
// RUN: edge-opt %s --pass-pipeline='builtin.module(func.func(cse,canonicalize))' --mlir-print-ir-after-all --mlir-print-ir-after-change -o /dev/null 2>&1 | FileCheck %s --check-prefix=CHANGE
// CHANGE:     IR Dump After CSE (cse) //----- //
// CHANGE-NEXT: func.func @f(
// CHANGE:     IR Dump After Canonicalizer (canonicalize) //----- //
// CHANGE-NEXT: func.func @f(
// CHANGE-NOT: IR Dump
// RUN: edge-opt %s -cse --mlir-print-ir-after-change -o /dev/null 2>&1 | count 0

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
