// Translation of the vector subset to LLVM IR vectors: 1-D vector<N x T>
// is <N x T>; arith and math apply lane-wise (math functions without an
// LLVM intrinsic call libm per lane); loads and stores are aligned like
// the memref's elements; out-of-bounds transfers and masked ops use
// llvm.masked.load/store; reductions are llvm.vector.reduce.* (fadd and
// fmul ordered unless fastmath<reassoc>, as MLIR lowers them).
// RUN: edge-opt %s --emit=llvm --target=x86_64-unknown-linux-gnu,O=0 | FileCheck %s
// A vectorized kernel for Cortex-M55 uses MVE (Helium) instructions; for
// x86-64 packed SSE ones (vector.fma is llvm.fma: a packed FMA where the
// CPU has one, as Haswell does).
// RUN: edge-opt %s --emit=obj --target=thumbv8.1m.main-none-eabi,cpu=cortex-m55,features=+mve.fp,+fp-armv8d16sp -o %t.m55.o
// RUN: llvm-objdump -d %t.m55.o | FileCheck %s --check-prefix=MVE
// RUN: edge-opt %s --emit=asm --target=x86_64-unknown-linux-gnu | FileCheck %s --check-prefix=X86
// RUN: edge-opt %s --emit=asm --target=x86_64-unknown-linux-gnu,cpu=haswell | FileCheck %s --check-prefix=HSW

// CHECK-LABEL: define void @axpy(
// CHECK: %[[X:.*]] = load <4 x float>, ptr %{{.*}}, align 4
// CHECK: %[[INS:.*]] = insertelement <4 x float> poison, float %{{.*}}, i32 0
// CHECK: %[[SPLAT:.*]] = shufflevector <4 x float> %[[INS]], <4 x float> poison, <4 x i32> zeroinitializer
// CHECK: %[[Y:.*]] = load <4 x float>, ptr %{{.*}}, align 4
// CHECK: %[[F:.*]] = call <4 x float> @llvm.fma.v4f32(<4 x float> %[[SPLAT]], <4 x float> %[[X]], <4 x float> %[[Y]])
// CHECK: store <4 x float> %[[F]], ptr %{{.*}}, align 4
func.func @axpy(%a: f32, %x: memref<64xf32>, %y: memref<64xf32>) {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c64 = arith.constant 64 : index
  scf.for %i = %c0 to %c64 step %c4 {
    %xv = vector.load %x[%i] : memref<64xf32>, vector<4xf32>
    %av = vector.broadcast %a : f32 to vector<4xf32>
    %yv = vector.load %y[%i] : memref<64xf32>, vector<4xf32>
    %r = vector.fma %av, %xv, %yv : vector<4xf32>
    vector.store %r, %y[%i] : memref<64xf32>, vector<4xf32>
  }
  return
}

// A dot product: vector partial sums carried by the loop (a phi of
// <4 x float>), then a reassociating reduction into the out.
// CHECK-LABEL: define void @dot(
// CHECK: phi <4 x float>
// CHECK: call <4 x float> @llvm.fma.v4f32(
// CHECK: call reassoc float @llvm.vector.reduce.fadd.v4f32(float %{{.*}}, <4 x float> %{{.*}})
func.func @dot(%x: memref<64xf32>, %y: memref<64xf32>, %o: memref<1xf32>) {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c64 = arith.constant 64 : index
  %z = arith.constant -0.0 : f32
  %acc0 = memref.load %o[%c0] : memref<1xf32>
  %init = vector.broadcast %z : f32 to vector<4xf32>
  %s = scf.for %i = %c0 to %c64 step %c4 iter_args(%acc = %init) -> (vector<4xf32>) {
    %xv = vector.load %x[%i] : memref<64xf32>, vector<4xf32>
    %yv = vector.load %y[%i] : memref<64xf32>, vector<4xf32>
    %n = vector.fma %xv, %yv, %acc : vector<4xf32>
    scf.yield %n : vector<4xf32>
  }
  %r = vector.reduction <add>, %s, %acc0 fastmath<reassoc> : vector<4xf32> into f32
  memref.store %r, %o[%c0] : memref<1xf32>
  return
}

// CHECK-LABEL: define float @ordered(
// CHECK: call float @llvm.vector.reduce.fadd.v8f32(float -0.000000e+00, <8 x float> %0)
// CHECK: call float @llvm.vector.reduce.fmaximum.v8f32(<8 x float> %0)
// CHECK: call float @llvm.maximum.f32(float %{{.*}}, float %{{.*}})
func.func @ordered(%v: vector<8xf32>, %m: f32) -> f32 {
  %a = vector.reduction <add>, %v : vector<8xf32> into f32
  %b = vector.reduction <maximumf>, %v, %m : vector<8xf32> into f32
  %c = arith.addf %a, %b : f32
  return %c : f32
}

// Integers: i8 loads widened lane-wise, a signed max reduction.
// CHECK-LABEL: define i32 @imax(
// CHECK: %[[L:.*]] = load <16 x i8>, ptr %{{.*}}, align 1
// CHECK: %[[E:.*]] = sext <16 x i8> %[[L]] to <16 x i32>
// CHECK: call i32 @llvm.vector.reduce.smax.v16i32(<16 x i32> %[[E]])
// CHECK: call i32 @llvm.smax.i32(
func.func @imax(%m: memref<16xi8>, %acc: i32) -> i32 {
  %c0 = arith.constant 0 : index
  %v = vector.load %m[%c0] : memref<16xi8>, vector<16xi8>
  %e = arith.extsi %v : vector<16xi8> to vector<16xi32>
  %r = vector.reduction <maxsi>, %e, %acc : vector<16xi32> into i32
  return %r : i32
}

// Elementwise ops and a dense constant; tanh has no intrinsic: one libm
// call per lane.
// CHECK-LABEL: define <4 x float> @lanes(
// CHECK: fcmp ogt <4 x float> %0, <float 5.000000e-01, float 5.000000e-01, float 5.000000e-01, float 5.000000e-01>
// CHECK: select <4 x i1> %{{.*}}, <4 x float>
// CHECK-COUNT-4: call float @tanhf(
// CHECK: call <4 x float> @llvm.exp.v4f32(
func.func @lanes(%v: vector<4xf32>) -> vector<4xf32> {
  %h = arith.constant dense<0.5> : vector<4xf32>
  %c = arith.cmpf ogt, %v, %h : vector<4xf32>
  %s = arith.select %c, %v, %h : vector<4xi1>, vector<4xf32>
  %t = math.tanh %s : vector<4xf32>
  %e = math.exp %t : vector<4xf32>
  return %e : vector<4xf32>
}

// Transfers along the last dimension: in bounds a plain load, else
// masked to the lanes before the dimension's end, padded.
// CHECK-LABEL: define float @transfer(
// CHECK: load <4 x float>, ptr %{{.*}}, align 4
// The read at column 4 of 6 keeps lanes 0 and 1.
// CHECK: call <4 x float> @llvm.masked.load.v4f32.p0(ptr %{{.*}}, i32 4, <4 x i1> <i1 true, i1 true, i1 false, i1 false>, <4 x float> zeroinitializer)
// CHECK: call void @llvm.masked.store.v4f32.p0(<4 x float> %{{.*}}, ptr %{{.*}}, i32 4, <4 x i1> <i1 true, i1 true, i1 false, i1 false>)
// CHECK: %[[M:.*]] = icmp slt <4 x i64> <i64 0, i64 1, i64 2, i64 3>, %{{.*}}
// CHECK: call <4 x float> @llvm.masked.load.v4f32.p0(ptr %{{.*}}, i32 4, <4 x i1> %[[M]], <4 x float> zeroinitializer)
// CHECK: extractelement <4 x float> %{{.*}}, i64 %{{.*}}
func.func @transfer(%m: memref<2x6xf32>, %i: index, %n: index) -> f32 {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %pad = arith.constant 0.0 : f32
  %a = vector.transfer_read %m[%c0, %c0], %pad {in_bounds = [true]} : memref<2x6xf32>, vector<4xf32>
  %b = vector.transfer_read %m[%i, %c4], %pad : memref<2x6xf32>, vector<4xf32>
  %s = arith.addf %a, %b : vector<4xf32>
  vector.transfer_write %s, %m[%i, %c4] : vector<4xf32>, memref<2x6xf32>
  %mask = vector.create_mask %n : vector<4xi1>
  %zero = arith.constant dense<0.0> : vector<4xf32>
  %l = vector.maskedload %m[%c0, %c0], %mask, %zero : memref<2x6xf32>, vector<4xi1>, vector<4xf32> into vector<4xf32>
  %e = vector.extractelement %l[%i : index] : vector<4xf32>
  return %e : f32
}

// y += a * x without fusion: mulps and addps.
// CHECK-LABEL: define void @scale_add(
// CHECK: fmul <4 x float>
// CHECK: fadd <4 x float>
func.func @scale_add(%a: f32, %x: memref<64xf32>, %y: memref<64xf32>) {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c64 = arith.constant 64 : index
  %av = vector.broadcast %a : f32 to vector<4xf32>
  scf.for %i = %c0 to %c64 step %c4 {
    %xv = vector.load %x[%i] : memref<64xf32>, vector<4xf32>
    %yv = vector.load %y[%i] : memref<64xf32>, vector<4xf32>
    %p = arith.mulf %av, %xv : vector<4xf32>
    %r = arith.addf %yv, %p : vector<4xf32>
    vector.store %r, %y[%i] : memref<64xf32>, vector<4xf32>
  }
  return
}

// MVE-LABEL: <axpy>:
// MVE: vldrw.u32 q{{[0-9]}}
// MVE: vfma.f32 q{{[0-9]}}, q{{[0-9]}}, q{{[0-9]}}
// MVE: vstrw.32 q{{[0-9]}}
// X86-LABEL: scale_add:
// X86: mulps
// X86: addps
// HSW-LABEL: axpy:
// HSW: vfmadd{{[0-9]+}}ps
