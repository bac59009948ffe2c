// RUN: edge-opt %s -plan-memory --allow-unregistered-dialect -split-input-file -verify-diagnostics
// RUN: not edge-opt %s -plan-memory=order=bad --allow-unregistered-dialect -split-input-file 2>&1 | FileCheck %s --check-prefix=ORDER
// RUN: not edge-opt %s -plan-memory=alignment=3 --allow-unregistered-dialect -split-input-file 2>&1 | FileCheck %s --check-prefix=ALIGN

// RUN: not edge-opt %s -plan-memory=brute-force=13 --allow-unregistered-dialect -split-input-file 2>&1 | FileCheck %s --check-prefix=BRUTE
// BRUTE: error: 'builtin.module' op plan-memory: brute-force must be in [0, 12], not 13
// ORDER: error: 'builtin.module' op plan-memory: order must be 'keep' or 'search', not 'bad'
// ALIGN: error: 'builtin.module' op plan-memory: alignment must be a power of two, not 3

// expected-error @+1 {{plan-memory: unsupported: a body of several blocks}}
func.func @blocks(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  cf.br ^bb1
^bb1:
  return %arg0 : tensor<4xf32>
}

// -----

func.func @dynamic() {
  // expected-error @+1 {{plan-memory: unsupported result type 'tensor<?xf32>' (no static byte size)}}
  %0 = "foo.op"() : () -> tensor<?xf32>
  return
}

// -----

// Declarations and functions without tensors are fine.
func.func private @decl(tensor<4xf32>) -> tensor<4xf32>
func.func @scalars(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  return %0 : i32
}

// -----

// Nested modules are planned too; the graph region of a module is no
// function body.
module @inner {
  func.func @f(%arg0: tensor<4xf32>) -> tensor<4xf32> {
    // expected-error @+1 {{plan-memory: unsupported result type 'tensor<?xf32>' (no static byte size)}}
    %0 = "foo.op"() : () -> tensor<?xf32>
    return %arg0 : tensor<4xf32>
  }
}

// -----

// A body whose op order contradicts its uses cannot be planned.
// expected-error @+1 {{plan-memory: an op uses a value defined after it}}
"foo.graph"() ({
  %0 = "foo.use"(%1) : (tensor<4xf32>) -> tensor<4xf32>
  %1 = "foo.def"() : () -> tensor<4xf32>
}) : () -> ()
