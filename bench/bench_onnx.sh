#!/usr/bin/env bash
# ONNX import and interpreter figures for every model of ../shared/models
# (one row per ref/<model>/ directory):
#   - import: `edge-opt --import-onnx M.onnx -o /dev/null` (import, verify,
#     print to /dev/null), best wall time of N runs (target: <= 50 ms for
#     the largest model); "np" columns: the same with
#     --mlir-print-skip-regions, i.e. without printing the body and its
#     weights, to tell import from printing;
#   - memory: that command's peak RSS (GNU time %M) above the RSS of
#     edge-opt on an empty module, over the file size (target: <= 2x,
#     judged on files of 256 KiB and more: below that the importer's code
#     pages dominate);
#   - interpreter: the model as edge-opt optimizes it, `edge-opt
#     --import-onnx M.onnx --graph-optimize -o M.mlir` (QDQ chains folded
#     into integer ops, constants folded, batch norms and activations
#     fused: what ONNX Runtime does at session creation before the runs it
#     times), then `edge-run --interpret M.mlir --input ref/input_*.npy
#     --repeat R --time`: min and median latency, as ratios to ONNX
#     Runtime's min and median in ref/<model>/manifest.json (1 thread, all
#     graph optimizations; target: <= 20x). On a loaded machine the min is
#     the steadier figure. Second figure: the imported graph as is
#     (`edge-run --interpret M.onnx`: QDQ models dequantize their weights
#     on every run and compute in float), min and ratio.
#
# Usage: bench/bench_onnx.sh [-b BUILD_DIR] [-n IMPORT_RUNS] [-r REPEAT]
#                            [-m MODEL_SUBSTR]
#   -b  build directory holding bin/edge-opt and bin/edge-run (default:
#       build)
#   -n  import runs per model, best taken (default 5)
#   -r  interpreter runs per model, min and median taken (default 5)
#   -m  only the models whose name contains this string
# Environment: MODELS (default: ../shared/models relative to the repo
#   root). Needs GNU time for peak RSS (Debian: apt-get install time).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=build
IMPORT_RUNS=5
REPEAT=5
ONLY=
while getopts "b:n:r:m:h" opt; do
  case "$opt" in
    b) BUILD=$OPTARG ;;
    n) IMPORT_RUNS=$OPTARG ;;
    r) REPEAT=$OPTARG ;;
    m) ONLY=$OPTARG ;;
    *) sed -n '2,33p' "$0"; exit 2 ;;
  esac
done
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
EDGE_OPT="$BUILD/bin/edge-opt"
EDGE_RUN="$BUILD/bin/edge-run"
MODELS=${MODELS:-$ROOT/../shared/models}
TIMEBIN=/usr/bin/time
for f in "$EDGE_OPT" "$EDGE_RUN"; do
  [ -x "$f" ] || { echo "error: $f not found (build first)" >&2; exit 2; }
done
[ -d "$MODELS/ref" ] || { echo "error: $MODELS/ref missing" >&2; exit 2; }
[ -x "$TIMEBIN" ] || {
  echo "error: GNU time missing (Debian: apt-get install time)" >&2; exit 2; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# The .onnx file of ref/<m>: <group>/<m>.onnx or <m>/model.onnx.
model_file() {
  local m=$1 f
  for f in "$MODELS"/*/"$m".onnx "$MODELS/$m/model.onnx"; do
    [ -f "$f" ] && { echo "$f"; return; }
  done
}

# Microseconds of one run of "$@" (output discarded); empty on failure.
wall_us() {
  local t0 t1
  t0=$(date +%s%N)
  "$@" > /dev/null 2> "$TMP/err" || return 1
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000 ))
}

# Peak RSS in KiB of one run of "$@".
peak_kib() {
  "$TIMEBIN" -f %M -o "$TMP/rss" "$@" > /dev/null 2>&1 || return 1
  tail -n 1 "$TMP/rss"
}

echo "module {}" > "$TMP/empty.mlir"
BASE_KIB=$(peak_kib "$EDGE_OPT" "$TMP/empty.mlir")
BASE_US=
for _ in $(seq "$IMPORT_RUNS"); do
  us=$(wall_us "$EDGE_OPT" "$TMP/empty.mlir")
  if [ -z "$BASE_US" ] || [ "$us" -lt "$BASE_US" ]; then BASE_US=$us; fi
done

echo "# bench_onnx.sh $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cpus," \
     "load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# edge-opt on an empty module: $(awk -v u="$BASE_US" \
     'BEGIN { printf "%.1f", u / 1000 }') ms, $BASE_KIB KiB." \
     "import: best of $IMPORT_RUNS, with"
echo "# the IR printed to /dev/null and (np) with" \
     "--mlir-print-skip-regions;"
echo "# interpreter: min and median of $REPEAT on the --graph-optimize'd" \
     "graph (raw_min, raw_x: the imported graph as is);"
echo "# add/sz: peak RSS above the empty module's over the file size"
ROW='%-26s %8s %7s %7s %7s %6s %6s %9s %9s %7s %7s %6s %6s %9s %6s\n'
printf "$ROW" model bytes imp_ms np_ms rss_kib add/sz np/sz int_min \
  int_med ort_min ort_med x_min x_med raw_min raw_x
largest= largest_bytes=0 worst_mem=0 worst_np=0 worst_min=0 worst_med=0
worst_raw=0

# Min and median ms of `edge-run --interpret "$@" --repeat REPEAT --time`
# on the inputs of the current model, or "- -" (and a message naming
# 'what') on failure.
interp_ms() {
  local what=$1
  shift
  if "$EDGE_RUN" --interpret "$@" "${inputs[@]}" --repeat "$REPEAT" \
       --time > "$TMP/run" 2> "$TMP/err"; then
    echo "$(sed -n 's/.*min \([0-9.]*\) ms.*/\1/p' "$TMP/run")" \
         "$(sed -n 's/.*median \([0-9.]*\) ms.*/\1/p' "$TMP/run")"
  else
    echo "$m: edge-run ($what) failed: $(head -c 300 "$TMP/err")" >&2
    echo "- -"
  fi
}

# a / b with one decimal, or "-" if a is "-".
ratio() {
  [ "$1" = - ] && { echo -; return; }
  awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'
}

# Best wall time (ms) of IMPORT_RUNS runs of "$@"; "-" on failure.
best_ms() {
  local best= us
  for _ in $(seq "$IMPORT_RUNS"); do
    us=$(wall_us "$@") || { echo -; return; }
    if [ -z "$best" ] || [ "$us" -lt "$best" ]; then best=$us; fi
  done
  awk -v u="$best" 'BEGIN { printf "%.1f", u / 1000 }'
}

# (peak KiB - empty module's) / file bytes, or "-".
added() {
  [ "$1" = - ] && { echo -; return; }
  awk -v k="$1" -v z="$BASE_KIB" -v b="$2" \
      'BEGIN { d = k - z; if (d < 0) d = 0; printf "%.2f", d * 1024 / b }'
}

max_of() {
  [ "$1" = - ] && { echo "$2"; return; }
  awk -v a="$1" -v w="$2" 'BEGIN { print (a > w ? a : w) }'
}

for dir in "$MODELS"/ref/*/; do
  m=$(basename "$dir")
  [ -n "$ONLY" ] && [[ "$m" != *"$ONLY"* ]] && continue
  f=$(model_file "$m")
  [ -n "$f" ] || { echo "$m: no .onnx file found" >&2; continue; }
  bytes=$(stat -c %s "$f")
  dyn=()
  [[ "$m" == strm_ww* ]] && dyn=(--onnx-dynamic-dim=1)
  imp=(--import-onnx "$f" "${dyn[@]}" -o /dev/null)
  imp_ms=$(best_ms "$EDGE_OPT" "${imp[@]}")
  [ "$imp_ms" = - ] &&
    echo "$m: import failed: $(head -c 300 "$TMP/err")" >&2
  np_ms=$(best_ms "$EDGE_OPT" "${imp[@]}" --mlir-print-skip-regions)
  kib=$(peak_kib "$EDGE_OPT" "${imp[@]}") || kib=-
  np_kib=$(peak_kib "$EDGE_OPT" "${imp[@]}" --mlir-print-skip-regions) ||
    np_kib=-
  add=$(added "$kib" "$bytes")
  np_add=$(added "$np_kib" "$bytes")
  if [ "$imp_ms" != - ] && [ "$bytes" -gt "$largest_bytes" ]; then
    largest_bytes=$bytes largest="$m: $imp_ms ms ($np_ms ms np)"
  fi
  # Below 256 KiB the code pages of the importer outweigh the model.
  if [ "$bytes" -ge 262144 ]; then
    worst_mem=$(max_of "$add" "$worst_mem")
    worst_np=$(max_of "$np_add" "$worst_np")
  fi
  inputs=()
  for i in "$dir"input_*.npy; do inputs+=(--input "$i"); done
  read -r ort_min ort_med < <(python3 -c 'import json, sys
l = json.load(open(sys.argv[1]))["latency_ms"]
print(l["min"], l["median"])' "$dir/manifest.json")
  lmin=- lmed=-
  if "$EDGE_OPT" --import-onnx "$f" "${dyn[@]}" --graph-optimize \
       -o "$TMP/opt.mlir" 2> "$TMP/err"; then
    read -r lmin lmed < <(interp_ms optimized "$TMP/opt.mlir")
  else
    echo "$m: --graph-optimize failed: $(head -c 300 "$TMP/err")" >&2
  fi
  read -r rmin _ < <(interp_ms imported "$f" "${dyn[@]}")
  xmin=$(ratio "$lmin" "$ort_min")
  xmed=$(ratio "$lmed" "$ort_med")
  rx=$(ratio "$rmin" "$ort_min")
  worst_min=$(max_of "$xmin" "$worst_min")
  worst_med=$(max_of "$xmed" "$worst_med")
  worst_raw=$(max_of "$rx" "$worst_raw")
  printf "$ROW" "$m" "$bytes" "$imp_ms" "$np_ms" "$kib" "$add" "$np_add" \
    "$lmin" "$lmed" "$ort_min" "$ort_med" "$xmin" "$xmed" "$rmin" "$rx"
done
echo
echo "largest model import: ${largest:-none} (target <= 50 ms)"
echo "worst RSS added / file size, files >= 256 KiB: ${worst_mem}x," \
     "${worst_np}x without printing (target <= 2x)"
echo "worst interpreter / ONNX Runtime latency: ${worst_min}x (min)," \
     "${worst_med}x (median) (target <= 20x); imported graph as is:" \
     "${worst_raw}x (min)"
