#!/bin/sh
# bench/bench_compile.sh - compile time per model (issue #6: ONNX import
# to object code <= 0.5 s per model): for each .onnx under the shared
# models directory, `edge-opt M.onnx --import-onnx --onnx-dynamic-dim=1
# --emit=c-lib -o DIR`
# (import, the default graph-to-loops pipeline, LLVM at O2, object and
# header written), best of -n runs, wall and CPU (user + system) seconds,
# and the share of the IR passes (--mlir-timing: all but "Rest", which is
# the code generator). On a loaded machine compare the CPU column.
#
#   bench/bench_compile.sh [-b BUILD_DIR] [-n RUNS] [-m MODELS_DIR]
set -eu
BUILD=build
RUNS=3
MODELS=
while getopts b:n:m: o; do
  case $o in
    b) BUILD=$OPTARG ;;
    n) RUNS=$OPTARG ;;
    m) MODELS=$OPTARG ;;
    *) echo "usage: $0 [-b BUILD_DIR] [-n RUNS] [-m MODELS_DIR]" >&2; exit 2 ;;
  esac
done
ROOT=$(cd "$(dirname "$0")/.." && pwd)
[ -n "$MODELS" ] || MODELS=$ROOT/../shared/models
EO=$BUILD/bin/edge-opt
[ -x "$EO" ] || { echo "no $EO: build first" >&2; exit 1; }
[ -x /usr/bin/time ] ||
  { echo "needs GNU time (apt-get install time)" >&2; exit 1; }
# The wall time of --mlir-timing's line 'k' (its second number).
WALL='$NF == k { n = 0; for (i = 1; i <= NF; i++)
  if ($i ~ /^[0-9]+[.][0-9]+$/ && ++n == 2) print $i }'
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg); best of $RUNS;" \
  "target: <= 0.5 s"
printf '%-40s %8s %8s %8s %9s  %s\n' model wall_s cpu_s ir_s obj_kib \
  status
fails=0
for m in $(find "$MODELS" -name '*.onnx' | sort); do
  name=$(basename "$(dirname "$m")")/$(basename "$m" .onnx)
  best_w= best_c= ok=1
  for _ in $(seq "$RUNS"); do
    rm -rf "$TMP/out"
    if ! /usr/bin/time -f '%e %U %S' -o "$TMP/t" "$EO" "$m" --import-onnx \
        --onnx-dynamic-dim=1 --emit=c-lib -o "$TMP/out/" --mlir-timing \
        >/dev/null 2>"$TMP/err"; then
      ok=0; break
    fi
    read -r w u s < "$TMP/t"
    c=$(echo "$u + $s" | bc)
    if [ -z "$best_w" ] || [ "$(echo "$w < $best_w" | bc)" = 1 ]; then
      best_w=$w; best_c=$c
      rest=$(awk "$WALL" k=Rest "$TMP/err")
      total=$(awk "$WALL" k=Total "$TMP/err")
      ir=$(echo "${total:-0} - ${rest:-0}" | bc)
      kib=$(( $(cat "$TMP"/out/*.o | wc -c) / 1024 ))
    fi
  done
  if [ "$ok" = 1 ]; then
    st=ok
    [ "$(echo "$best_c > 0.5" | bc)" = 1 ] && st="over target (cpu)"
    printf '%-40s %8.3f %8.3f %8.3f %9d  %s\n' "$name" "$best_w" "$best_c" \
      "$ir" "$kib" "$st"
  else
    fails=$((fails + 1))
    printf '%-40s %8s %8s %8s %9s  %s\n' "$name" - - - - \
      "fails: $(grep -m1 error "$TMP/err" | sed 's/.*error: //' | cut -c1-60)"
  fi
done
echo "# $fails model(s) do not compile"
