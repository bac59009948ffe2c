// RUN: edge-opt %s --split-input-file --verify-diagnostics
// Symbol names are unique within a symbol table.

// expected-note@+1 {{see existing symbol definition here}}
func.func @f() {
  return
}
// expected-error@+1 {{redefinition of symbol named 'f'}}
func.func @f() {
  return
}

// -----

module @outer {
  func.func @f() {
    return
  }
  // Nested tables have their own names.
  module @inner {
    func.func @f() {
      return
    }
  }
}
