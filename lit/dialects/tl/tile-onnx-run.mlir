// The tile and interchange knobs on a real model: the MLPerf Tiny
// anomaly-detection autoencoder (ONNX Gemm nodes: each becomes a bias
// broadcast, a matmul and an activation, so the matmul's site is
// "Gemm_<k>.1") with every matmul interchanged to k, i, j and its j and k
// loops tiled (partial tiles included), compiled to a host object, linked
// with the C driver of lit/codegen/ad-autoencoder-run.test and compared
// with onnxruntime and with the untiled build: the reductions keep their
// order, so both print the same outputs and the same error.
// RUN: edge-opt --import-onnx %shared/models/mlperf-tiny/ad_autoencoder_f32.onnx -graph-optimize -graph-to-tl -tl-bufferize -tl-to-loops --knob 'interchange.Gemm_*.1=d2,d0,d1' --knob 'tile.Gemm_*.1.1=4' --knob 'tile.Gemm_*.1.2=2' --knobs-out %t.knobs.json --emit=obj -o %t.o
// RUN: FileCheck %s --check-prefix=KNOBS < %t.knobs.json
// RUN: cc %S/../../codegen/Inputs/ad_driver.c %t.o -o %t.exe -lm
// RUN: %t.exe %shared/models/ref/ad_autoencoder_f32/input_0.npy %shared/models/ref/ad_autoencoder_f32/output_0.npy > %t.tiled.txt
// RUN: FileCheck %s < %t.tiled.txt
// RUN: edge-opt --import-onnx %shared/models/mlperf-tiny/ad_autoencoder_f32.onnx -graph-optimize -graph-to-tl -tl-bufferize -tl-to-loops --emit=obj -o %t.base.o
// RUN: cc %S/../../codegen/Inputs/ad_driver.c %t.base.o -o %t.base.exe -lm
// RUN: %t.base.exe %shared/models/ref/ad_autoencoder_f32/input_0.npy %shared/models/ref/ad_autoencoder_f32/output_0.npy > %t.base.txt
// RUN: diff %t.base.txt %t.tiled.txt
// KNOBS: "interchange.Gemm_0.1": "d2,d0,d1"
// KNOBS: "tile.Gemm_0.1.1": 4
// KNOBS: "tile.Gemm_0.1.2": 2
// CHECK: out[0]=-34.76{{[0-9]+}} out[639]=-42.44{{[0-9]+}}
// CHECK: MATCH max_abs_err=
