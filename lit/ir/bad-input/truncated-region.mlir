// A module cut inside a region (no closing braces).
// RUN: not edge-opt %s 2>&1 | FileCheck %s
// CHECK: truncated-region.mlir:{{[0-9]+}}:{{[0-9]+}}: error: {{.+}}
func.func @f(%a: i32) -> i32 {
  return %a : i32
