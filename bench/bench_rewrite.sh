#!/usr/bin/env bash
# The rewrite layer (issue #3) against mlir-opt 19, side by side on the same
# generated inputs:
#   1. `-canonicalize -cse` (both tools, same flags) at 100k and 1M ops
#      through ../shared/tools/bench_mlir_opt.sh: median wall time, peak RSS
#      and the ratios edge-opt / mlir-opt (targets: <= 0.5x time, <= 0.4x
#      peak RSS);
#   2. threads: edge-opt --pass-pipeline='builtin.module(func.func(
#      canonicalize,cse))' with --mlir-num-threads=1 and =2 on the 1M-op
#      module (many functions), alternating, median wall time and the
#      speed-up (target >= 1.6x on 2 idle cores); the two outputs must be
#      identical. The load average is printed with the figure: on a busy
#      machine the speed-up is only indicative.
# Usage: bench/bench_rewrite.sh [-b BUILD_DIR] [-r RUNS] [-s SIZES] [-t]
#   -t: only part 2 (threads), on the last size of SIZES.
# Environment: MLIR_OPT (default /usr/lib/llvm-19/bin/mlir-opt), BENCH_DIR
# for cached inputs (default /tmp/edge-opt-bench). Needs GNU time.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=build
RUNS=3
SIZES="100000 1000000"
THREADS_ONLY=0
while getopts "b:r:s:th" opt; do
  case "$opt" in
    b) BUILD=$OPTARG ;;
    r) RUNS=$OPTARG ;;
    s) SIZES=$OPTARG ;;
    t) THREADS_ONLY=1 ;;
    *) sed -n '2,20p' "$0"; exit 2 ;;
  esac
done
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
EDGE_OPT="$BUILD/bin/edge-opt"
MLIR_OPT=${MLIR_OPT:-/usr/lib/llvm-19/bin/mlir-opt}
SHARED="$ROOT/../shared/tools"
BENCH_DIR=${BENCH_DIR:-/tmp/edge-opt-bench}
for f in "$EDGE_OPT" "$MLIR_OPT"; do
  [ -x "$f" ] || { echo "error: $f not found (build first)" >&2; exit 2; }
done
type -P time >/dev/null || { echo "error: GNU time missing (apt-get install time)" >&2; exit 2; }
mkdir -p "$BENCH_DIR/inputs"

if [ "$THREADS_ONLY" = 0 ]; then
  echo "== 1. -canonicalize -cse, edge-opt (tool2) vs mlir-opt (tool1)"
  FLAGS_canonicalize="--canonicalize --cse IN -o OUT" \
    "$SHARED/bench_mlir_opt.sh" -r "$RUNS" -s "$SIZES" -m canonicalize \
    -d "$BENCH_DIR/inputs" "$MLIR_OPT" "$EDGE_OPT"
  echo
fi
echo "== 2. threads: func.func(canonicalize,cse), 1 vs 2 threads"
big=${SIZES##* }
in="$BENCH_DIR/inputs/gen-$big-s1_generic.mlir"
if [ ! -f "$in" ]; then
  python3 "$SHARED/gen_mlir.py" --ops "$big" --seed 1 --generic -o "$in" 2>/dev/null
fi
pipeline='--pass-pipeline=builtin.module(func.func(canonicalize,cse))'
nfunc=$(grep -c 'func\.func' "$in" || true)
echo "input: $in ($nfunc functions)"
load0=$(cut -d' ' -f1-3 /proc/loadavg)
declare -a t1 t2
for ((i = 0; i < RUNS; i++)); do
  for n in 1 2; do
    s=$(date +%s%N)
    "$EDGE_OPT" "$pipeline" --mlir-num-threads=$n "$in" -o "$BENCH_DIR/thr$n.mlir"
    e=$(date +%s%N)
    if [ $n = 1 ]; then t1+=($(( (e - s) / 1000000 ))); else t2+=($(( (e - s) / 1000000 ))); fi
  done
done
cmp -s "$BENCH_DIR/thr1.mlir" "$BENCH_DIR/thr2.mlir" \
  || { echo "error: 1- and 2-thread outputs differ" >&2; exit 1; }
med() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
m1=$(med "${t1[@]}"); m2=$(med "${t2[@]}")
load1=$(cut -d' ' -f1-3 /proc/loadavg)
awk -v a="$m1" -v b="$m2" -v c="$(nproc)" -v l0="$load0" -v l1="$load1" 'BEGIN {
  printf "1 thread %d ms, 2 threads %d ms: speed-up %.2fx (target >= 1.6x; %d cpus)\n", a, b, a / b, c
  printf "load average (1/5/15 min) before: %s, after: %s\n", l0, l1 }'
