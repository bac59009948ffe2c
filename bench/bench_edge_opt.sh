#!/usr/bin/env bash
# edge-opt vs mlir-opt, side by side, on the same inputs:
#   1. ../shared/tools/bench_mlir_opt.sh (relative to the repo root) in the
#      modes print, parse (--mlir-print-skip-regions) and parse-null at
#      10k, 100k and 1M generated ops: median wall time, peak RSS, ratios;
#   2. start-up: `module {}` run many times, ms per run;
#   3. weights: a module with 50 MB of dense_resource blobs
#      (bench/gen_resource.py) read and printed to /dev/null;
#   4. linear scaling: edge-opt's time per op at the smallest vs the largest
#      size (10k vs 1M by default);
#   then a summary against the targets: at 1M ops edge-opt <= 0.25x
#   mlir-opt's wall time and <= 0.4x its peak RSS, start-up <= 5 ms,
#   50 MB of weights read in < 0.2 s.
#
# Usage: bench/bench_edge_opt.sh [-b BUILD_DIR] [-n STARTUP_RUNS]
#                                [-w WEIGHTS_MB] [-k] [-- BENCH_OPTS...]
#   -b  build directory holding bin/edge-opt (default: build)
#   -n  start-up runs per tool (default 200)
#   -w  megabytes of dense_resource data (default 50)
#   -k  skip part 1 (the generated-module comparison), e.g. for a quick run
#   BENCH_OPTS go to bench_mlir_opt.sh unchanged and replace the defaults
#   below, e.g. -- -r 5 -s "10000 100000" -m "print"
# Environment: MLIR_OPT (default /usr/lib/llvm-19/bin/mlir-opt),
#   BENCH_DIR for cached inputs and results (default /tmp/edge-opt-bench).
# Needs GNU time for peak RSS (Debian: apt-get install time).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=build
STARTUP_RUNS=200
WEIGHTS_MB=50
SKIP_GEN=0
while getopts "b:n:w:kh" opt; do
  case "$opt" in
    b) BUILD=$OPTARG ;;
    n) STARTUP_RUNS=$OPTARG ;;
    w) WEIGHTS_MB=$OPTARG ;;
    k) SKIP_GEN=1 ;;
    *) sed -n '2,28p' "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ "${1:-}" = "--" ] && shift

case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
EDGE_OPT="$BUILD/bin/edge-opt"
MLIR_OPT=${MLIR_OPT:-/usr/lib/llvm-19/bin/mlir-opt}
SHARED_BENCH="$ROOT/../shared/tools/bench_mlir_opt.sh"
BENCH_DIR=${BENCH_DIR:-/tmp/edge-opt-bench}
TIMEBIN=$(type -P time || true)

for f in "$EDGE_OPT" "$MLIR_OPT"; do
  [ -x "$f" ] || { echo "error: $f not found (build first)" >&2; exit 2; }
done
[ -f "$SHARED_BENCH" ] || { echo "error: $SHARED_BENCH missing" >&2; exit 2; }
if [ -z "$TIMEBIN" ]; then
  echo "error: GNU time missing (Debian: apt-get install time)" >&2; exit 2
fi
mkdir -p "$BENCH_DIR/inputs"
TSV="$BENCH_DIR/results.tsv"
: > "$TSV"

echo "# bench_edge_opt.sh $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cpus"
echo "# tool1 (reference): $MLIR_OPT"
echo "# tool2:             $EDGE_OPT"

# 1. Generated modules.
if [ "$SKIP_GEN" = 0 ]; then
  if [ $# -gt 0 ]; then
    OPTS=("$@")
  else
    OPTS=(-r 3 -s "10000 100000 1000000" -m "print parse parse-null")
  fi
  echo
  echo "## 1. generated modules (bench_mlir_opt.sh ${OPTS[*]})"
  bash "$SHARED_BENCH" -d "$BENCH_DIR/inputs" -o "$TSV" "${OPTS[@]}" \
    "$MLIR_OPT" "$EDGE_OPT"
fi

# ms per run of "TOOL IN -o /dev/null", best of three batches of N runs.
startup_ms() {
  local tool=$1 in=$2 n=$3 best="" t0 t1 ms
  for _ in 1 2 3; do
    t0=$(date +%s%N)
    for ((i = 0; i < n; i++)); do "$tool" "$in" -o /dev/null; done
    t1=$(date +%s%N)
    ms=$(awk -v a="$t0" -v b="$t1" -v n="$n" \
         'BEGIN {printf "%.3f", (b - a) / 1e6 / n}')
    if [ -z "$best" ] || awk -v x="$ms" -v y="$best" 'BEGIN {exit !(x < y)}'
    then best=$ms; fi
  done
  echo "$best"
}

# median wall seconds and max peak RSS (MB) of 3 runs: "secs rss_mb".
timed3() {
  local ts=() rss=0 t0 t1 r
  for _ in 1 2 3; do
    t0=$(date +%s%N)
    "$TIMEBIN" -v -o "$BENCH_DIR/time.txt" "$@" > /dev/null
    t1=$(date +%s%N)
    ts+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.4f", (b - a) / 1e9}')")
    r=$(awk -F': ' '/Maximum resident set size/ {print $2}' \
        "$BENCH_DIR/time.txt")
    [ "$r" -gt "$rss" ] && rss=$r
  done
  printf '%s\n' "${ts[@]}" | sort -g | sed -n 2p | tr '\n' ' '
  awk -v r="$rss" 'BEGIN {printf "%.1f\n", r / 1024}'
}

# 2. Start-up.
echo
echo "## 2. start-up: 'module {}' -o /dev/null, ms per run (best of 3 x $STARTUP_RUNS)"
EMPTY="$BENCH_DIR/inputs/empty.mlir"
echo "module {}" > "$EMPTY"
SU1=$(startup_ms "$MLIR_OPT" "$EMPTY" "$STARTUP_RUNS")
SU2=$(startup_ms "$EDGE_OPT" "$EMPTY" "$STARTUP_RUNS")
printf "%-10s %10s ms\n%-10s %10s ms\n" mlir-opt "$SU1" edge-opt "$SU2"
awk -v a="$SU1" -v b="$SU2" 'BEGIN {printf "ratio edge-opt/mlir-opt: %.3f\n", b / a}'

# 3. Weights.
echo
WFILE="$BENCH_DIR/inputs/weights-${WEIGHTS_MB}mb.mlir"
[ -f "$WFILE" ] || python3 "$ROOT/bench/gen_resource.py" --mb "$WEIGHTS_MB" \
  -o "$WFILE" 2>/dev/null
WSIZE=$(awk -v s="$(stat -c %s "$WFILE")" 'BEGIN {printf "%.1f", s / 1048576}')
echo "## 3. weights: $WEIGHTS_MB MB of dense_resource data ($WSIZE MB file), -o /dev/null, median of 3"
read -r W1 R1 <<< "$(timed3 "$MLIR_OPT" "$WFILE" -o /dev/null)"
read -r W2 R2 <<< "$(timed3 "$EDGE_OPT" "$WFILE" -o /dev/null)"
printf "%-10s %8s s %9s MB\n%-10s %8s s %9s MB\n" mlir-opt "$W1" "$R1" \
  edge-opt "$W2" "$R2"
awk -v a="$W1" -v b="$W2" -v ra="$R1" -v rb="$R2" 'BEGIN {
  printf "ratio edge-opt/mlir-opt: time %.3f  peak RSS %.3f\n", b / a, rb / ra }'

# 4. Linear scaling and summary (from part 1's TSV).
echo
echo "## 4. summary"
if [ -s "$TSV" ]; then
  awk -F'\t' -v t2="$EDGE_OPT" '
    $1 == "empty" { next }
    { key = $1 SUBSEP $2
      if ($4 == t2) { T2[key] = $5; R2[key] = $8 } else { T1[key] = $5; R1[key] = $8 }
      modes[$2] = 1
      if (lo == "" || $1 + 0 < lo + 0) lo = $1
      if (hi == "" || $1 + 0 > hi + 0) hi = $1 }
    END {
      for (m in modes) {
        a = T2[lo, m]; b = T2[hi, m]
        if (lo != hi && a != "" && b != "" && a != "nan" && b != "nan")
          printf "linear scaling (%s): edge-opt %.3f us/op at %d ops, %.3f us/op at %d ops (x%.2f per op)\n",
                 m, a / lo * 1e6, lo, b / hi * 1e6, hi, (b / hi) / (a / lo)
      }
      for (m in modes) {
        k = hi SUBSEP m
        if (T1[k] == "" || T2[k] == "" || T1[k] == "nan" || T2[k] == "nan") continue
        tr = T2[k] / T1[k]; rr = (R1[k] > 0) ? R2[k] / R1[k] : 0
        printf "%d ops %-10s time %.3fx (target <= 0.25 at 1M: %s)  peak RSS %.3fx (target <= 0.4 at 1M: %s)\n",
               hi, m, tr, tr <= 0.25 ? "met" : "MISSED", rr, rr <= 0.4 ? "met" : "MISSED"
      }
    }' "$TSV" | sort
fi
awk -v s="$SU2" 'BEGIN {printf "start-up %.3f ms (target <= 5 ms: %s)\n", s, s <= 5 ? "met" : "MISSED"}'
awk -v w="$W2" -v mb="$WEIGHTS_MB" 'BEGIN {
  printf "weights %s MB read in %.3f s (target < 0.2 s: %s)\n", mb, w, w < 0.2 ? "met" : "MISSED" }'
