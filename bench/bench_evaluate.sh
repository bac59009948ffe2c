#!/usr/bin/env bash
# Speed of the analytical cost model (targets/costmodel.c): every model of
# ../shared/models/mlperf-tiny is imported and lowered once (float models
# to loops with the default pipeline, int8 QDQ models to tl ops on
# tensors, as far as the pipeline goes today), the pipeline time printed,
# then evaluated on each MCU / NPU / host / GPU target for at least
# MIN_SECONDS: evaluations per second and ms per evaluation. Target: one
# evaluation of KWS well under 5 ms (issue #7).
# Usage: bench/bench_evaluate.sh [-b BUILD_DIR] [-s MIN_SECONDS]
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=build
MIN_S=0.5
while getopts "b:s:" opt; do
    case $opt in
    b) BUILD=$OPTARG ;;
    s) MIN_S=$OPTARG ;;
    *) echo "usage: $0 [-b BUILD_DIR] [-s MIN_SECONDS]" >&2; exit 2 ;;
    esac
done
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
BIN=$BUILD/bin/bench_evaluate
[ -x "$BIN" ] || { echo "no $BIN: build the bench_evaluate target" >&2; exit 1; }
MODELS=$ROOT/../shared/models/mlperf-tiny
[ -d "$MODELS" ] || MODELS=/work/shared/models/mlperf-tiny
LOOPS='builtin.module(graph-optimize,func.func(graph-layout,graph-to-tl),tl-bufferize,func.func(tl-to-loops))'
TENSORS='builtin.module(graph-optimize,func.func(graph-layout,graph-to-tl))'
TARGETS=()
for t in cortex-m4 cortex-m7 cortex-m55 stm32n6-npu host mobile-gpu; do
    TARGETS+=("$ROOT/targets/data/$t.json")
done
for m in kws_dscnn_f32 vww_mobilenetv1_025_f32 ic_resnet8_f32 \
         ad_autoencoder_f32; do
    "$BIN" "$MODELS/$m.onnx" "$LOOPS" "$MIN_S" "${TARGETS[@]}"
done
for m in kws_dscnn_int8_qdq vww_mobilenetv1_025_qdq ic_resnet8_qdq \
         ad_autoencoder_int8_qdq; do
    "$BIN" "$MODELS/$m.onnx" "$TENSORS" "$MIN_S" "${TARGETS[@]}"
done
