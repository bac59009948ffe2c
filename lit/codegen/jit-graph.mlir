// edge-run --compile on graph-level IR: the module is lowered first
// (graph-optimize, graph-to-tl, tl-bufferize, tl-to-loops), the result
// becomes an out-param, and the compiled numbers match the interpreter's.
//
// RUN: %python %S/../dialects/graph/Inputs/npy-write.py %t.a.npy 1 "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }" 000000c0000080bf000000000000803f0000004000004040
// RUN: %python %S/../dialects/graph/Inputs/npy-write.py %t.b.npy 1 "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }" 0000803f000080bf000000400000003f000040c000008040
// RUN: edge-run --interpret %s --input %t.a.npy --input %t.b.npy \
// RUN:   --output %t.ref.npy --print | FileCheck %s
// RUN: edge-run --compile %s --input %t.a.npy --input %t.b.npy \
// RUN:   --check %t.ref.npy --atol 1e-6 --print \
// RUN:   | FileCheck %s --check-prefixes=CHECK,OK
// CHECK:      result 0: 2x2xf32
// CHECK-NEXT:   [0, 3, 0, 14]
// OK-NEXT:    result 0: ok (4 elements

func.func @f(%a: tensor<2x3xf32>, %b: tensor<3x2xf32>) -> tensor<2x2xf32> {
  %y = graph.matmul %a, %b : (tensor<2x3xf32>, tensor<3x2xf32>)
      -> tensor<2x2xf32>
  %c = graph.constant dense<[[1.0, 1.5], [-2.0, 2.0]]> : tensor<2x2xf32>
  %z = graph.add %y, %c {activation = "relu"}
      : (tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
  return %z : tensor<2x2xf32>
}
