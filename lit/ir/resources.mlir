// dense_resource attributes and the dialect_resources blob section. Only
// referenced blobs are printed (as mlir-opt 19 does); a handle whose blob
// is absent prints without one, whatever the size of its type.
// RUN: edge-opt %s --allow-unregistered-dialect | FileCheck %s
// RUN: edge-opt %s --allow-unregistered-dialect | edge-opt --allow-unregistered-dialect | FileCheck %s

// CHECK: "test.op"() {a = dense_resource<blob1> : tensor<2xi32>, b = dense_resource<absent> : tensor<1000000000xf32>, c = dense_resource<qk.1_x$> : tensor<1xi8>} : () -> ()
// CHECK: {-#
// CHECK-NEXT:   dialect_resources: {
// CHECK-NEXT:     builtin: {
// CHECK-NEXT:       blob1: "0x040000000100000002000000",
// CHECK-NEXT:       qk.1_x$: "0x0100000007"
// CHECK-NEXT:     }
// CHECK-NEXT:   }
// CHECK-NEXT: #-}
// CHECK-NOT: unused
"test.op"() {a = dense_resource<blob1> : tensor<2xi32>, b = dense_resource<absent> : tensor<1000000000xf32>, c = dense_resource<qk.1_x$> : tensor<1xi8>} : () -> ()
{-#
  dialect_resources: {
    builtin: {
      blob1: "0x040000000100000002000000",
      unused: "0x0100000001",
      qk.1_x$: "0x0100000007"
    }
  }
#-}

