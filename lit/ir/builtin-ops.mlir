// RUN: edge-opt %s --allow-unregistered-dialect | FileCheck %s
// RUN: edge-opt %s --allow-unregistered-dialect --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC
// Custom forms of builtin.module and builtin.unrealized_conversion_cast.

// CHECK-LABEL: module @m attributes {sym_visibility = "private", x.y = 1 : i64} {
// GENERIC: "builtin.module"() <{sym_name = "m", sym_visibility = "private"}> ({
module @m attributes {x.y = 1, sym_visibility = "private"} {
  // CHECK-NEXT: %[[A:.*]] = "test.a"() : () -> i32
  %a = "test.a"() : () -> i32
  // CHECK-NEXT: %{{.*}} = unrealized_conversion_cast %[[A]] : i32 to i64
  // GENERIC: "builtin.unrealized_conversion_cast"(%{{.*}}) : (i32) -> i64
  %0 = builtin.unrealized_conversion_cast %a : i32 to i64
  // CHECK-NEXT: %{{.*}}:2 = unrealized_conversion_cast %[[A]], %[[A]] : i32, i32 to i64, i64
  %1:2 = builtin.unrealized_conversion_cast %a, %a : i32, i32 to i64, i64
  // CHECK-NEXT: %{{.*}} = unrealized_conversion_cast to i64 {z = 1 : i64}
  %2 = builtin.unrealized_conversion_cast to i64 {z = 1}
  // CHECK-NEXT: module {
  // CHECK-NEXT: }
  module {
  }
  // CHECK-NEXT: module @inner {
  // CHECK-NEXT: "test.b"() : () -> ()
  // CHECK-NEXT: }
  module @inner {
    "test.b"() : () -> ()
  }
// CHECK-NEXT: }
}
// GENERIC: }) {x.y = 1 : i64} : () -> ()
