// RUN: edge-opt %s -symbol-dce --split-input-file --allow-unregistered-dialect -verify-diagnostics | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s -symbol-dce --split-input-file --allow-unregistered-dialect -verify-diagnostics | FileCheck %s %}

// Private symbols nobody refers to go; public ones stay; references in
// any attribute (nested in arrays, nested symbol refs) keep them alive.
// CHECK-LABEL: module {
// CHECK-NOT:     @dead
// CHECK:         func.func private @live
// CHECK:         func.func private @via_attr
// CHECK:         func.func @pub
// CHECK:         module @inner
// CHECK-NEXT:      func.func @target
// CHECK-NOT:       @gone
// CHECK-NOT:     @unused
// CHECK:         "foo.op"()
module {
  func.func private @dead() { return }
  func.func private @live() { return }
  func.func private @via_attr() { return }
  func.func @pub() {
    call @live() : () -> ()
    return
  }
  module @inner attributes {sym_visibility = "private"} {
    func.func @target() { return }
    func.func private @gone() { return }
  }
  module @unused attributes {sym_visibility = "private"} {
  }
  "foo.op"() {r = [@via_attr], n = @inner::@target} : () -> ()
}

// -----

// A private symbol used only by a dead one goes with it.
// CHECK-LABEL: module {
// CHECK-NEXT:  }
module {
  func.func private @a() {
    call @b() : () -> ()
    return
  }
  func.func private @b() { return }
}

// -----

module {
  // expected-error@+1 {{operation contains potentially unknown symbol table, meaning that we can't reliable compute symbol uses}}
  "foo.region"() ({ }) : () -> ()
}
