// Translation to LLVM IR (at O0, so the IR is as translated): function
// signatures with expanded memref descriptors, loops, branches, memory.
// RUN: edge-opt %s --emit=llvm --target=x86_64-unknown-linux-gnu,O=0 | FileCheck %s

// CHECK: target triple = "x86_64-unknown-linux-gnu"
// CHECK: @g = internal constant [16 x i8] c"\00\00\80?\00\00\00@\00\00@@\00\00\80@", align 16
memref.global "private" constant @g : memref<2x2xf32> = dense<[[1.0, 2.0], [3.0, 4.0]]>
// CHECK: @z = global [12 x i8] zeroinitializer, align 16
memref.global @z : memref<3xi32> = uninitialized

// CHECK-LABEL: define float @scalar(float %0, i32 %1, i64 %2)
func.func @scalar(%a: f32, %i: i32, %n: index) -> f32 {
  // CHECK: sitofp i32 %1 to float
  %f = arith.sitofp %i : i32 to f32
  // CHECK: fmul fast float %0
  %m = arith.mulf %a, %f fastmath<fast> : f32
  // CHECK: add nsw i32 %1, %1
  %sum = arith.addi %i, %i overflow<nsw> : i32
  // CHECK: call nnan ninf float @llvm.exp.f32
  %x0 = math.exp %a fastmath<nnan,ninf> : f32
  // CHECK: call float @llvm.maximum.f32
  %x = arith.maximumf %m, %a : f32
  // CHECK: call float @llvm.sqrt.f32
  %s = math.sqrt %x : f32
  // CHECK: call float @erff
  %e = math.erf %s : f32
  return %e : f32
}

// f16 through the f32 libm function.
// CHECK-LABEL: define half @half_tanh(half %0)
// CHECK: %[[X:[0-9]+]] = fpext half %0 to float
// CHECK: %[[Y:[0-9]+]] = call float @tanhf(float %[[X]])
// CHECK: fptrunc float %[[Y]] to half
func.func @half_tanh(%a: f16) -> f16 {
  %0 = math.tanh %a : f16
  return %0 : f16
}

// CHECK-LABEL: define void @copy(ptr %0, ptr %1, i64 %2, i64 %3, i64 %4, i64 %5, i64 %6, ptr %7, ptr %8, i64 %9, i64 %10, i64 %11, i64 %12, i64 %13)
func.func @copy(%a: memref<2x2xf32>, %b: memref<2x2xf32>) {
  // CHECK: call void @llvm.memcpy
  memref.copy %a, %b : memref<2x2xf32> to memref<2x2xf32>
  return
}

// CHECK-LABEL: define { i32, i1 } @multi(i32 %0)
func.func @multi(%a: i32) -> (i32, i1) {
  %c0 = arith.constant 0 : i32
  // CHECK: icmp slt i32 %0, 0
  %n = arith.cmpi slt, %a, %c0 : i32
  // CHECK: ret { i32, i1 }
  return %a, %n : i32, i1
}

// Blocks with arguments become phi nodes.
// CHECK-LABEL: define i32 @branches(i1 %0, i32 %1, i32 %2)
func.func @branches(%c: i1, %a: i32, %b: i32) -> i32 {
  // CHECK: br i1 %0, label %[[T:[0-9]+]], label %[[F:[0-9]+]]
  cf.cond_br %c, ^bb1(%a : i32), ^bb2
^bb1(%v: i32):
  // CHECK: phi i32 [ %1, %{{.*}} ], [ %[[S:[0-9]+]], %{{.*}} ]
  return %v : i32
^bb2:
  // One successor twice: the arguments are selected.
  // CHECK: %[[S]] = select i1 %0, i32 %2, i32 %1
  cf.cond_br %c, ^bb1(%b : i32), ^bb1(%a : i32)
}

// CHECK-LABEL: define float @loops(ptr %0, ptr %1, i64 %2, i64 %3, i64 %4)
func.func @loops(%m: memref<?xf32>) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %z = arith.constant 0.0 : f32
  %n = memref.dim %m, %c0 : memref<?xf32>
  // CHECK: call ptr @malloc(i64 16)
  %t = memref.alloc() : memref<4xf32>
  // CHECK: alloca float, i64 8
  %s = memref.alloca() : memref<2x4xf32>
  // CHECK: for.head:
  // CHECK: %iv = phi i64 [ 0, %{{.*}} ], [ %{{.*}}, %{{.*}} ]
  // CHECK: icmp slt i64 %iv, %{{[0-9]+}}
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %z) -> (f32) {
    // CHECK: getelementptr float
    // CHECK: load float
    %v = memref.load %m[%i] : memref<?xf32>
    %g = memref.get_global @g : memref<2x2xf32>
    %w = memref.load %g[%c1, %c0] : memref<2x2xf32>
    memref.store %w, %s[%c1, %c1] : memref<2x4xf32>
    %p = arith.mulf %v, %w : f32
    %q = arith.addf %acc, %p : f32
    scf.yield %q : f32
  }
  // CHECK: call void @free
  memref.dealloc %t : memref<4xf32>
  return %r : f32
}
