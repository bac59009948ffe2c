// math custom forms round-trip exactly as mlir-opt 19 prints them (the
// CHECK lines are mlir-opt's output): fastmath<...> is left out when none,
// and the generic form (which MLIR gives fastmath = none) reads back.
// RUN: edge-opt %s | FileCheck %s --strict-whitespace
// RUN: edge-opt %s | edge-opt | FileCheck %s --strict-whitespace
// RUN: edge-opt %s --mlir-print-op-generic | edge-opt | FileCheck %s --strict-whitespace

// CHECK-LABEL: module {
// CHECK-NEXT:   func.func @ops(%arg0: f32, %arg1: f32, %arg2: i32, %arg3: vector<4xf32>, %arg4: tensor<?xf64>, %arg5: index) {
// CHECK-NEXT:     %0 = math.exp %arg0 fastmath<fast> : f32
// CHECK-NEXT:     %1 = math.absi %arg2 : i32
// CHECK-NEXT:     %2 = math.fma %arg0, %arg1, %arg0 fastmath<nnan,ninf> : f32
// CHECK-NEXT:     %3 = math.powf %arg0, %arg1 : f32
// CHECK-NEXT:     %4 = math.atan2 %arg0, %arg1 : f32
// CHECK-NEXT:     %5 = math.sqrt %arg3 : vector<4xf32>
// CHECK-NEXT:     %6 = math.ctpop %arg5 : index
// CHECK-NEXT:     %7 = math.fpowi %arg0, %arg2 : f32, i32
// CHECK-NEXT:     %8 = math.ipowi %arg2, %arg2 : i32
// CHECK-NEXT:     %9 = math.tanh %arg4 fastmath<reassoc,nsz,arcp,contract,afn> : tensor<?xf64>
// CHECK-NEXT:     %10 = math.roundeven %arg0 {tag = 1 : i32} : f32
// CHECK-NEXT:     %11 = math.erf %arg0 : f32
// CHECK-NEXT:     return
// CHECK-NEXT:   }
// CHECK-NEXT: }
// CHECK-EMPTY:

func.func @ops(%x: f32, %y: f32, %n: i32, %v: vector<4xf32>, %t: tensor<?xf64>, %ix: index) {
  %0 = math.exp %x fastmath<fast> : f32
  %1 = math.absi %n : i32
  %2 = math.fma %x, %y, %x fastmath<nnan,ninf> : f32
  %3 = math.powf %x, %y fastmath<none> : f32
  %4 = math.atan2 %x, %y : f32
  %5 = math.sqrt %v : vector<4xf32>
  %6 = math.ctpop %ix : index
  %7 = math.fpowi %x, %n : f32, i32
  %8 = math.ipowi %n, %n : i32
  %9 = math.tanh %t fastmath<reassoc,nsz,arcp,contract,afn> : tensor<?xf64>
  %10 = math.roundeven %x {tag = 1 : i32} : f32
  %11 = "math.erf"(%x) : (f32) -> f32
  return
}
