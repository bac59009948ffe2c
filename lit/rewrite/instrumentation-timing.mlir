// --mlir-timing prints MLIR's execution time report to stderr: a tree of
// the passes (nested pipelines indented under "'op' Pipeline") between the
// driver's Parser and Output phases; user times are shown with threads.
// RUN: edge-opt %s --pass-pipeline='builtin.module(func.func(cse,canonicalize),symbol-dce)' --mlir-timing --mlir-disable-threading -o /dev/null 2>&1 | FileCheck %s --check-prefix=WALL --match-full-lines
// WALL:      ===-------------------------------------------------------------------------===
// WALL-NEXT:                          ... Execution time report ...
// WALL-NEXT: ===-------------------------------------------------------------------------===
// WALL-NEXT:   Total Execution Time: {{[0-9]+\.[0-9][0-9][0-9][0-9]}} seconds
// WALL-EMPTY:
// WALL-NEXT:   ----Wall Time----  ----Name----
// WALL-NEXT:     {{ *[0-9]+\.[0-9][0-9][0-9][0-9] \( *[0-9]+\.[0-9]%\)}}  Parser
// WALL-NEXT:     {{.*}}  'func.func' Pipeline
// WALL-NEXT:     {{.*}}    CSE
// WALL-NEXT:     {{.*}}    Canonicalizer
// WALL-NEXT:     {{.*}}  SymbolDCE
// WALL-NEXT:     {{.*}}  Output
// WALL-NEXT:     {{.*}}  Rest
// WALL-NEXT:     {{.*}} (100.0%)  Total

// RUN: edge-opt %s -cse --mlir-timing -o /dev/null 2>&1 | FileCheck %s --check-prefix=USER
// USER:      ----User Time----  ----Wall Time----  ----Name----
// USER-NEXT:   {{ *[0-9]+\.[0-9][0-9][0-9][0-9] \( *[0-9]+\.[0-9]%\) +[0-9]+\.[0-9][0-9][0-9][0-9] \( *[0-9]+\.[0-9]%\)}}  Parser
// USER-NEXT:   {{.*}}  CSE

// Without passes the report still has the driver's phases.
// RUN: edge-opt %s --mlir-timing -o /dev/null 2>&1 | FileCheck %s --check-prefix=NOPASS
// NOPASS:      Parser
// NOPASS-NEXT: Output
// NOPASS-NEXT: Rest
// NOPASS-NEXT: Total

func.func @f(%a: i32) -> i32 {
  return %a : i32
}
