#!/bin/sh
# Builds the libFuzzer parser target and fuzzes it for a bounded time.
#
# Usage: test/fuzz/run-fuzz.sh BUILD_DIR SECONDS [extra libFuzzer flags]
#
#   BUILD_DIR  a build directory for the fuzz build (configured here with
#              -DEO_FUZZ=ON and clang if it has no build.ninja yet; keep it
#              apart from the normal build, everything in it is sanitized)
#   SECONDS    -max_total_time for libFuzzer (CI uses 60)
#
# The seed corpus is every lit/**/*.mlir file of the repository, split on
# "// -----" lines as --split-input-file does, written to
# BUILD_DIR/fuzz/seeds. New inputs go to BUILD_DIR/fuzz/corpus (kept
# between runs), crashes to BUILD_DIR/fuzz/artifacts/. The dictionary is
# test/fuzz/mlir.dict. Environment: CC (default: clang-19 if installed,
# else clang), EO_FUZZ_ROUNDTRIP=1 to also check that printed modules
# parse back to the same text. Exit status: 0 when no bug was found.
# POSIX sh (CI runs it with sh).
set -eu

if [ $# -lt 2 ]; then
  sed -n '2,19p' "$0"; exit 2
fi
BUILD=$1
SECONDS_MAX=$2
shift 2
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

if [ -z "${CC:-}" ]; then
  if [ -x /usr/lib/llvm-19/bin/clang ]; then CC=/usr/lib/llvm-19/bin/clang
  else CC=clang; fi
fi
if [ ! -f "$BUILD/build.ninja" ]; then
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DEO_FUZZ=ON -DEO_BUILD_TESTS=OFF \
    -DCMAKE_C_COMPILER="$CC" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
ninja -C "$BUILD" fuzz_parser

FUZZ="$BUILD/fuzz"
mkdir -p "$FUZZ/corpus" "$FUZZ/artifacts"
rm -rf "$FUZZ/seeds"
mkdir -p "$FUZZ/seeds"
# One seed per "// -----" chunk of each lit test (awk keeps it fast).
find "$ROOT/lit" -name '*.mlir' -type f | sort | while read -r f; do
  name=$(printf '%s' "${f#"$ROOT/lit/"}" | tr / _)
  awk -v out="$FUZZ/seeds/$name" '
    /^\/\/ -----/ { close(out "." n); n++; next }
    { print > (out "." n) }' n=0 "$f"
done
echo "run-fuzz.sh: $(find "$FUZZ/seeds" -type f | wc -l) seeds," \
     "$(find "$FUZZ/corpus" -type f | wc -l) corpus inputs, ${SECONDS_MAX}s"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
exec "$BUILD/bin/fuzz_parser" "$FUZZ/corpus" "$FUZZ/seeds" \
  -dict="$ROOT/test/fuzz/mlir.dict" \
  -max_total_time="$SECONDS_MAX" -max_len=65536 -timeout=10 \
  -rss_limit_mb=4096 -print_final_stats=1 \
  -artifact_prefix="$FUZZ/artifacts/" "$@"
