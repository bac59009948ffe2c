// A numeric check of tl-bufferize through MLIR itself: @mlp (a matmul with
// a zero init, a bias add in place, a tanh and a relu on fresh inits,
// weights from graph.constant, a graph.transpose) is bufferized and
// lowered to loops by edge-opt; the MAIN lines below are appended to that
// module; mlir-opt lowers it to the LLVM dialect and mlir-cpu-runner runs
// main, which returns sum(out[j][i] * (2 i + j + 1)) over the transposed
// 4x2 result (17.957 if the transpose were a plain reshape). Expected:
//   out = relu(tanh(x @ w + b)), x = [[1, -2, 3], [-4, 5, -6]],
//   w = [[0.1, -0.2, 0.3, -0.4], [-0.5, 0.6, -0.7, 0.8],
//        [0.25, -0.3, 0.35, 0.1]], b = [0.5, -0.5, 0, 1]
//   out = [[0.98197, 0, 0.99186, 0], [0, 0.99993, 0, 0.99999]]
//   checksum = 17.940876
// REQUIRES: mlir-opt
// RUN: edge-opt %s --tl-bufferize --tl-to-loops > %t.buf
// RUN: sed '/^}$/,$d' %t.buf > %t.main.mlir
// RUN: grep '^// MAIN: ' %s | sed 's#^// MAIN: ##' >> %t.main.mlir
// RUN: echo '}' >> %t.main.mlir
// RUN: %mlir_opt %t.main.mlir -convert-math-to-libm -convert-scf-to-cf \
// RUN:       -convert-cf-to-llvm -expand-strided-metadata -lower-affine \
// RUN:       -convert-arith-to-llvm -finalize-memref-to-llvm \
// RUN:       -convert-func-to-llvm -reconcile-unrealized-casts \
// RUN:   | mlir-cpu-runner -e main -entry-point-result=f32 | FileCheck %s
// CHECK: 1.7940{{[0-9]+}}e+01

func.func @mlp(%x: tensor<2x3xf32>) -> tensor<4x2xf32> {
  %w = graph.constant {name = "fc.w"} dense<[[0.1, -0.2, 0.3, -0.4], [-0.5, 0.6, -0.7, 0.8], [0.25, -0.3, 0.35, 0.1]]> : tensor<3x4xf32>
  %b = graph.constant dense<[0.5, -0.5, 0.0, 1.0]> : tensor<4xf32>
  %z = graph.constant dense<0.0> : tensor<2x4xf32>
  %0 = tl.matmul ins(%x, %w : tensor<2x3xf32>, tensor<3x4xf32>) outs(%z : tensor<2x4xf32>) -> tensor<2x4xf32>
  %1 = tl.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%0, %b : tensor<2x4xf32>, tensor<4xf32>) outs(%0 : tensor<2x4xf32>) {
  ^bb0(%p: f32, %q: f32, %o: f32):
    %s = arith.addf %p, %q : f32
    tl.yield %s : f32
  } -> tensor<2x4xf32>
  %2 = tl.elementwise {kind = "tanh"} ins(%1 : tensor<2x4xf32>) outs(%z : tensor<2x4xf32>) -> tensor<2x4xf32>
  %3 = tl.elementwise {kind = "relu"} ins(%2 : tensor<2x4xf32>) outs(%z : tensor<2x4xf32>) -> tensor<2x4xf32>
  %4 = graph.transpose %3 {perm = array<i64: 1, 0>} : (tensor<2x4xf32>) -> tensor<4x2xf32>
  return %4 : tensor<4x2xf32>
}

// MAIN: memref.global "private" constant @input : memref<2x3xf32> = dense<[[1.0, -2.0, 3.0], [-4.0, 5.0, -6.0]]>
// MAIN: func.func @main() -> f32 {
// MAIN:   %c0 = arith.constant 0 : index
// MAIN:   %c1 = arith.constant 1 : index
// MAIN:   %c2 = arith.constant 2 : index
// MAIN:   %c4 = arith.constant 4 : index
// MAIN:   %zero = arith.constant 0.0 : f32
// MAIN:   %in = memref.get_global @input : memref<2x3xf32>
// MAIN:   %out = memref.alloc() : memref<4x2xf32>
// MAIN:   call @mlp(%in, %out) : (memref<2x3xf32>, memref<4x2xf32>) -> ()
// MAIN:   %s = scf.for %i = %c0 to %c4 step %c1 iter_args(%a = %zero) -> (f32) {
// MAIN:     %t = scf.for %j = %c0 to %c2 step %c1 iter_args(%b = %a) -> (f32) {
// MAIN:       %v = memref.load %out[%i, %j] : memref<4x2xf32>
// MAIN:       %r = arith.muli %i, %c2 : index
// MAIN:       %f = arith.addi %r, %j : index
// MAIN:       %g = arith.addi %f, %c1 : index
// MAIN:       %gi = arith.index_cast %g : index to i64
// MAIN:       %gf = arith.sitofp %gi : i64 to f32
// MAIN:       %m = arith.mulf %v, %gf : f32
// MAIN:       %n = arith.addf %b, %m : f32
// MAIN:       scf.yield %n : f32
// MAIN:     }
// MAIN:     scf.yield %t : f32
// MAIN:   }
// MAIN:   memref.dealloc %out : memref<4x2xf32>
// MAIN:   return %s : f32
// MAIN: }
