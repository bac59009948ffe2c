// The vectorize knob on real models, run by the interpreter and compiled
// (edge-run --interpret / --compile) against the plain lowering's outputs.
// The autoencoder's Gemm matmuls, interchanged to i, k, j, vectorize
// along j (a parallel loop: bit-identical results), its bias copies and
// ReLUs along their rows. The KWS convolutions vectorize along kw (a
// float reduction: its partial sums are added up in another order, so
// the results agree within rounding, not bit for bit).
// REQUIRES: shared-tools
// RUN: edge-opt --import-onnx %shared/models/mlperf-tiny/ad_autoencoder_f32.onnx -graph-optimize -graph-to-tl -tl-bufferize -tl-to-loops --knob 'interchange.Gemm_*.1=d0,d2,d1' -o %t.ad1.mlir
// RUN: edge-run --interpret %t.ad1.mlir --input %shared/models/ref/ad_autoencoder_f32/input_0.npy --output %t.ad1.npy
// RUN: edge-run --compile %t.ad1.mlir --input %shared/models/ref/ad_autoencoder_f32/input_0.npy --output %t.ad1c.npy
// RUN: edge-opt --import-onnx %shared/models/mlperf-tiny/ad_autoencoder_f32.onnx -graph-optimize -graph-to-tl -tl-bufferize -tl-to-loops --knob 'interchange.Gemm_*.1=d0,d2,d1' --knob 'vectorize.*=4' -o %t.ad4.mlir
// RUN: FileCheck %s --check-prefix=AD < %t.ad4.mlir
// RUN: edge-run --interpret %t.ad4.mlir --input %shared/models/ref/ad_autoencoder_f32/input_0.npy --check %t.ad1.npy --rtol 0 --atol 0 | FileCheck %s --check-prefix=OK
// RUN: edge-run --compile %t.ad4.mlir --input %shared/models/ref/ad_autoencoder_f32/input_0.npy --check %t.ad1c.npy --rtol 0 --atol 0 | FileCheck %s --check-prefix=OK
// RUN: edge-opt --import-onnx %shared/models/mlperf-tiny/ad_autoencoder_f32.onnx -graph-optimize -graph-to-tl -tl-bufferize -tl-to-loops --knob 'interchange.Gemm_*.1=d0,d2,d1' --knob 'vectorize.*=16' -o %t.ad16.mlir
// RUN: edge-run --compile %t.ad16.mlir --input %shared/models/ref/ad_autoencoder_f32/input_0.npy --check %t.ad1c.npy --rtol 0 --atol 0 | FileCheck %s --check-prefix=OK
//
// RUN: edge-opt --import-onnx %shared/models/mlperf-tiny/kws_dscnn_f32.onnx -graph-optimize -graph-to-tl -tl-bufferize -tl-to-loops -o %t.kws1.mlir
// RUN: edge-run --compile %t.kws1.mlir --input %shared/models/ref/kws_dscnn_f32/input_0.npy --output %t.kws1.npy
// RUN: edge-opt --import-onnx %shared/models/mlperf-tiny/kws_dscnn_f32.onnx -graph-optimize -graph-to-tl -tl-bufferize -tl-to-loops --knob 'vectorize.*=8' -o %t.kws8.mlir
// RUN: FileCheck %s --check-prefix=KWS < %t.kws8.mlir
// RUN: edge-run --interpret %t.kws8.mlir --input %shared/models/ref/kws_dscnn_f32/input_0.npy --check %t.kws1.npy --rtol 1e-5 --atol 1e-6 | FileCheck %s --check-prefix=OK
// RUN: edge-run --compile %t.kws8.mlir --input %shared/models/ref/kws_dscnn_f32/input_0.npy --check %t.kws1.npy --rtol 1e-5 --atol 1e-6 | FileCheck %s --check-prefix=OK
// RUN: edge-opt --import-onnx %shared/models/mlperf-tiny/kws_dscnn_f32.onnx -graph-optimize -graph-to-tl -tl-bufferize -tl-to-loops --knob 'vectorize.*=4' -o %t.kws4.mlir
// RUN: edge-run --compile %t.kws4.mlir --input %shared/models/ref/kws_dscnn_f32/input_0.npy --check %shared/models/ref/kws_dscnn_f32/output_0.npy --rtol 1e-3 --atol 1e-4 | FileCheck %s --check-prefix=OK

// AD: vector.load %{{.*}} : memref<640x128xf32>, vector<4xf32>
// AD: arith.mulf %{{.*}}, %{{.*}} : vector<4xf32>
// AD: arith.maximumf %{{.*}}, %{{.*}} : vector<4xf32>
// KWS: vector.fma %{{.*}}, %{{.*}}, %{{.*}} : vector<8xf32>
// KWS: vector.reduction <add>, %{{.*}}, %{{.*}} fastmath<reassoc> : vector<8xf32> into f32
// OK: result 0: ok
