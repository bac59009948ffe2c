// Dynamic bounds and steps: the trip count is max(ceildiv(ub - lb, step),
// 0), the grid max(ceildiv(trips, B), 1) (never empty), and the
// induction variable lb + id * step.
// RUN: edge-opt %s -gpu-map-loops | FileCheck %s
// CHECK-LABEL: func.func @scale
// CHECK: %[[D:.*]] = arith.subi %arg1, %arg2 : index
// CHECK: %[[T:.*]] = arith.ceildivsi %[[D]], %c2 : index
// CHECK: %[[N:.*]] = arith.maxsi %[[T]], %c0 : index
// CHECK: %[[G:.*]] = arith.ceildivui %[[N]], %c128 : index
// CHECK: %[[G1:.*]] = arith.maxui %[[G]], %c1 : index
// CHECK: gpu.launch blocks(%{{.*}}) in (%{{.*}} = %[[G1]],
// CHECK: %[[ID:.*]] = arith.addi
// CHECK: arith.cmpi ult, %[[ID]], %[[N]] : index
// CHECK: %[[O:.*]] = arith.muli %[[ID]], %c2 : index
// CHECK: %[[I:.*]] = arith.addi %arg2, %[[O]] : index
// CHECK: memref.load %arg0[%[[I]]]
func.func @scale(%a: memref<?xf32>, %n: index, %lb: index) {
  %c2 = arith.constant 2 : index
  %f = arith.constant 2.0 : f32
  scf.for %i = %lb to %n step %c2 {
    %x = memref.load %a[%i] : memref<?xf32>
    %y = arith.mulf %x, %f : f32
    memref.store %y, %a[%i] : memref<?xf32>
  }
  return
}
