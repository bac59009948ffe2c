#!/usr/bin/env bash
# The memory planner (rewrite/memplan.h) against TFLite Micro's greedy
# planner (re-implemented in bench/memplan_tflm.c) on every model of
# ../shared/models: each is imported with edge-opt (--import-onnx, dynamic
# dimensions set to 1) as is ("import") and after -graph-optimize ("opt",
# QDQ pairs folded, activations fused), then memplan_tflm prints one row
# per model: buffers, naive sum, TFLM greedy peak, ours in the kept order,
# ours with order search, the live-bytes lower bound of the kept order,
# the ratios and the search time. Targets: keep <= tflm on every model;
# within 10% of the optimum over topological orders on small graphs
# (checked by test/rewrite/test_memplan.c).
# Usage: bench/bench_memplan.sh [-b BUILD_DIR] [-t MEMPLAN_TFLM]
# Environment: BENCH_DIR for the imported modules (default
# /tmp/edge-opt-bench/memplan).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=build
TOOL=
while getopts "b:t:h" opt; do
  case "$opt" in
    b) BUILD=$OPTARG ;;
    t) TOOL=$OPTARG ;;
    *) sed -n '2,15p' "$0"; exit 2 ;;
  esac
done
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
TOOL=${TOOL:-$BUILD/bin/memplan_tflm}
EDGE_OPT=$BUILD/bin/edge-opt
MODELS=$ROOT/../shared/models
OUT=${BENCH_DIR:-/tmp/edge-opt-bench}/memplan
for f in "$EDGE_OPT" "$TOOL"; do
  [ -x "$f" ] || { echo "bench_memplan: missing $f (build first)" >&2; exit 1; }
done
mkdir -p "$OUT"

files=()
for m in $(find "$MODELS" -name '*.onnx' | sort); do
  name=$(basename "$m" .onnx)
  [ "$name" = model ] && name=$(basename "$(dirname "$m")")
  "$EDGE_OPT" --import-onnx "$m" --onnx-dynamic-dim=1 \
    -o "$OUT/$name.import.mlir"
  "$EDGE_OPT" --import-onnx "$m" --onnx-dynamic-dim=1 -graph-optimize \
    -o "$OUT/$name.opt.mlir"
  files+=("$OUT/$name.import.mlir" "$OUT/$name.opt.mlir")
done
"$TOOL" "${files[@]}" | tee "$OUT/results.txt"
# Summary: the worst ratios against TFLM.
awk 'NR > 1 { if ($8 > k) k = $8; if ($9 > s) s = $9 }
     END { printf "worst keep/tflm %.3f, worst search/tflm %.3f " \
           "(target: <= 1)\n", k, s }' "$OUT/results.txt"
