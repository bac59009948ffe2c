#!/usr/bin/env bash
# Explorer results identity: runs edge-explore with a fixed seed on the
# MLPerf-Tiny models (float on cortex-m55, int8 QDQ on stm32n6-npu; in
# process, nsga2 so that the prefix cache is hit) and compares every
# all.csv (status, objectives, assignment of each candidate) with the
# ones recorded in REF_DIR by an earlier run (a build before a speed-up).
# The first run with an empty REF_DIR records; later ones compare and
# exit 1 on any difference. Also prints CPU seconds per run.
#
# Usage: bench/check_explore_identity.sh -r REF_DIR [-b BUILD_DIR]
#                                        [-n BUDGET] [-a ALGO]
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=build
BUDGET=200
ALGO=nsga2
REF=
while getopts "b:n:r:a:" opt; do
    case $opt in
    b) BUILD=$OPTARG ;;
    n) BUDGET=$OPTARG ;;
    r) REF=$OPTARG ;;
    a) ALGO=$OPTARG ;;
    *) echo "usage: $0 -r REF_DIR [-b BUILD_DIR] [-n BUDGET] [-a ALGO]" >&2
       exit 2 ;;
    esac
done
[ -n "$REF" ] || { echo "$0: -r REF_DIR is required" >&2; exit 2; }
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
BIN=$BUILD/bin/edge-explore
[ -x "$BIN" ] || { echo "no $BIN: build the edge-explore target" >&2; exit 1; }
MODELS=$ROOT/../shared/models/mlperf-tiny
[ -d "$MODELS" ] || MODELS=/work/shared/models/mlperf-tiny
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$REF"

status=0
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in kws_dscnn_f32:cortex-m55 ic_resnet8_f32:cortex-m55 \
           vww_mobilenetv1_025_f32:cortex-m55 ad_autoencoder_f32:cortex-m55 \
           kws_dscnn_int8_qdq:stm32n6-npu ic_resnet8_qdq:stm32n6-npu \
           vww_mobilenetv1_025_qdq:stm32n6-npu \
           ad_autoencoder_int8_qdq:stm32n6-npu; do
    m=${run%%:*} t=${run##*:}
    name=$m.$t.$ALGO.$BUDGET
    out=$TMP/$name
    /usr/bin/time -f "%U %S" -o "$TMP/time" "$BIN" "$MODELS/$m.onnx" \
        --target "$t" --algorithm "$ALGO" --seed 1 --budget "$BUDGET" \
        --jobs 0 --quiet --out "$out" >/dev/null 2>"$TMP/err" || {
        echo "$name: edge-explore failed:" >&2
        cat "$TMP/err" >&2
        status=1
        continue
    }
    cpu=$(awk '{ printf "%.2f", $1 + $2 }' "$TMP/time")
    if [ -f "$REF/$name.csv" ]; then
        if cmp -s "$REF/$name.csv" "$out/all.csv"; then
            echo "$name: identical ($cpu cpu-s)"
        else
            echo "$name: DIFFERENT ($cpu cpu-s)"
            diff "$REF/$name.csv" "$out/all.csv" | head -5
            status=1
        fi
    else
        cp "$out/all.csv" "$REF/$name.csv"
        echo "$name: recorded ($cpu cpu-s)"
    fi
done
exit $status
