// cf IR that mlir-opt 19 crashes on, which edge-opt rejects with a
// diagnostic.
// RUN: edge-opt %s --split-input-file --verify-diagnostics

func.func @switch_without_case_values(%a: i32) {
  // expected-error@+1 {{'cf.switch' op number of case values (0) should match number of case destinations (1)}}
  "cf.switch"(%a)[^bb1, ^bb1] <{case_operand_segments = array<i32: 0>, operandSegmentSizes = array<i32: 1, 0, 0>}> : (i32) -> ()
^bb1:
  return
}
