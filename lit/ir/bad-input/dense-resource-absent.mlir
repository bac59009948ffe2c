// A 2 GB dense_resource whose blob is absent parses and prints as is
// (nothing is allocated for it).
// RUN: edge-opt --allow-unregistered-dialect %s | FileCheck %s
// CHECK:      module {
// CHECK-NEXT:   "my.op"() {v = dense_resource<blob> : tensor<536870912xf32>} : () -> ()
// CHECK-NEXT: }
// CHECK-NOT:  dialect_resources
"my.op"() {v = dense_resource<blob> : tensor<536870912xf32>} : () -> ()
