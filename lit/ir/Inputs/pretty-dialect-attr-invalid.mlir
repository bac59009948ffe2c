// Errors of the pretty dialect attribute form, reported as mlir-opt does
// (driven by lit/ir/pretty-dialect-attr.mlir).

// expected-error @+1 {{unknown attribute `dimgp` in dialect `gpu`}}
func.func @f() attributes {a = #gpu<dimgp>} {
  return
}

// -----

// expected-error @+1 {{unbalanced '<' character in pretty dialect name}}
func.func @g() attributes {a = #gpu<address_space<workgroup>} {
  return
}
