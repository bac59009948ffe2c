// "#dialect<body>" of a dialect that parses its own attributes is read by
// that dialect, as "#dialect.body" is (MLIR's pretty dialect attribute
// form), so what is printed parses back. Found by fuzz_attr: "#gpu<dimgp>"
// was kept opaque and printed as "#gpu.dimgp", which the gpu dialect
// rejects.
// RUN: edge-opt %s -split-input-file | FileCheck %s
// RUN: edge-opt %s -split-input-file | edge-opt -split-input-file | FileCheck %s
// RUN: edge-opt %S/Inputs/pretty-dialect-attr-invalid.mlir -split-input-file -verify-diagnostics

// CHECK: attributes {a = #gpu.address_space<workgroup>}
func.func @f() attributes {a = #gpu<address_space<workgroup>>} {
  return
}
