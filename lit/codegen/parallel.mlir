// scf.parallel to LLVM IR for objects (--emit): a serial loop nest over
// the induction variables in order, with no call into the thread
// runtime, so objects and AOT libraries stand alone. (The JIT's
// outlined bodies called through eo_rt_parallel_for are checked in
// test/codegen/test_parallel.c and run in parallel-run.mlir.)
// RUN: edge-opt %s --emit=llvm --target=x86_64-linux-gnu,O=0 | FileCheck %s
// RUN: edge-opt %s --emit=llvm | FileCheck %s --check-prefix=O2

// CHECK-LABEL: define void @add2d(
// CHECK:      par.head:
// CHECK-NEXT:   %iv = phi i64 [ 0, %{{.*}} ], [ %[[NEXT:[0-9]+]], %par.exit{{[0-9]+}} ]
// CHECK-NEXT:   %{{[0-9]+}} = icmp slt i64 %iv, %[[N:[0-9]+]]
// CHECK:      par.head{{[0-9]+}}:
// CHECK-NEXT:   %[[J:iv[0-9]+]] = phi i64 [ 1, %par.body ], [ %[[JNEXT:[0-9]+]], %par.body{{[0-9]+}} ]
// CHECK:        load float
// CHECK:        store float
// CHECK-NEXT:   %[[JNEXT]] = add i64 %[[J]], 2
// CHECK:        %[[NEXT]] = add i64 %iv, 1
// CHECK-NOT: eo_rt_parallel_for
// O2-NOT: eo_rt_parallel_for
// O2-NOT: par0
func.func @add2d(%a: memref<?x?xf32>, %b: memref<?x?xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %n = memref.dim %a, %c0 : memref<?x?xf32>
  %m = memref.dim %a, %c1 : memref<?x?xf32>
  scf.parallel (%i, %j) = (%c0, %c1) to (%n, %m) step (%c1, %c2) {
    %x = memref.load %a[%i, %j] : memref<?x?xf32>
    memref.store %x, %b[%i, %j] : memref<?x?xf32>
  }
  return
}
