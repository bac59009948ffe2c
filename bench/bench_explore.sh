#!/usr/bin/env bash
# Explorer throughput (issue #8: >= 1,000 analytical evaluations per second
# per core on the MLPerf-Tiny-class models; 2 workers >= 1.8x one).
#
# For each float model of ../shared/models/mlperf-tiny on cortex-m55,
# edge-explore runs a random search of BUDGET candidates (no database, no
# output files) in-process (--jobs 0), with one worker (--jobs 1) and with
# two (--jobs 2). A run of budget 1 measures the fixed cost (loading,
# discovery), which is subtracted. Printed per configuration: evaluations
# per wall second, per CPU second (user + system of the tool and its
# workers: what one core does, meaningful on a loaded machine), and the
# ratio of the per-CPU-second rate to the 1,000/s target. For two
# workers: the wall-clock speed-up over one, and the CPU-time estimate of
# it (2 x the per-CPU-second rate with two workers over the rate with
# one), which is what two free cores would give.
#
# -a picks the search algorithm (default random: uniformly random
# candidates never hit the evaluator's prefix cache; nsga2, anneal and
# layerwise change a few knobs at a time and do); -x adds edge-explore
# arguments (e.g. -x --no-prefix-cache).
#
# Usage: bench/bench_explore.sh [-b BUILD_DIR] [-n BUDGET] [-a ALGO]
#                               [-x ARG ...] [-m MODEL ...]
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=build
BUDGET=500
MODELS_ARG=()
ALGO=random
EXTRA=()
while getopts "b:n:m:a:x:" opt; do
    case $opt in
    b) BUILD=$OPTARG ;;
    n) BUDGET=$OPTARG ;;
    m) MODELS_ARG+=("$OPTARG") ;;
    a) ALGO=$OPTARG ;;
    x) EXTRA+=("$OPTARG") ;;
    *) echo "usage: $0 [-b BUILD_DIR] [-n BUDGET] [-a ALGO] [-x ARG ...]" \
            "[-m MODEL ...]" >&2
       exit 2 ;;
    esac
done
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
BIN=$BUILD/bin/edge-explore
[ -x "$BIN" ] || { echo "no $BIN: build the edge-explore target" >&2; exit 1; }
[ -x /usr/bin/time ] ||
    { echo "needs /usr/bin/time (Debian: time)" >&2; exit 1; }
MODELS=$ROOT/../shared/models/mlperf-tiny
[ -d "$MODELS" ] || MODELS=/work/shared/models/mlperf-tiny
if [ ${#MODELS_ARG[@]} -eq 0 ]; then
    MODELS_ARG=(kws_dscnn_f32 ic_resnet8_f32 vww_mobilenetv1_025_f32
                ad_autoencoder_f32)
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# run MODEL JOBS BUDGET: prints "candidates wall cpu" (seconds).
run() {
    local out=$TMP/out err=$TMP/time
    /usr/bin/time -f "%e %U %S" -o "$err" \
        "$BIN" "$MODELS/$1.onnx" --target cortex-m55 --algorithm "$ALGO" \
        --seed 1 --budget "$3" --jobs "$2" --quiet ${EXTRA[@]+"${EXTRA[@]}"} \
        >"$out" 2>"$TMP/stderr" || {
        echo "edge-explore failed on $1 (--jobs $2):" >&2
        cat "$TMP/stderr" >&2
        return 1
    }
    local n
    n=$(sed -n 's/.* points of \([0-9]*\) candidates.*/\1/p' "$out" | head -1)
    [ -n "$n" ] || n=$3
    awk -v n="$n" '{ printf "%s %s %.3f\n", n, $1, $2 + $3 }' "$err"
}

printf "%-24s %5s %6s %10s %10s %8s\n" model jobs evals "eval/s" \
    "eval/cpu-s" "/1000"
for m in "${MODELS_ARG[@]}"; do
    [ -f "$MODELS/$m.onnx" ] || { echo "no $MODELS/$m.onnx" >&2; exit 1; }
    declare -A wall=() cpu=()
    for j in 0 1 2; do
        read -r _ w0 c0 < <(run "$m" "$j" 1)
        read -r n w c < <(run "$m" "$j" "$BUDGET")
        rates=$(awk -v n="$n" -v w="$w" -v c="$c" -v w0="$w0" -v c0="$c0" \
            'BEGIN { dw = w - w0; dc = c - c0; if (dw <= 0) dw = 1e-9;
                     if (dc <= 0) dc = 1e-9;
                     printf "%.1f %.1f", (n - 1) / dw, (n - 1) / dc }')
        read -r rw rc <<<"$rates"
        wall[$j]=$rw
        cpu[$j]=$rc
        printf "%-24s %5s %6s %10s %10s %8s\n" "$m" "$j" "$n" "$rw" "$rc" \
            "$(awk -v r="$rc" 'BEGIN { printf "%.2f", r / 1000 }')"
    done
    awk -v m="$m" -v w1="${wall[1]}" -v w2="${wall[2]}" -v c1="${cpu[1]}" \
        -v c2="${cpu[2]}" 'BEGIN {
        printf "%-24s 2 workers / 1: %.2fx wall, %.2fx from CPU time " \
               "(target 1.8x)\n", m, w2 / w1, 2 * c2 / c1 }'
    unset wall cpu
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
