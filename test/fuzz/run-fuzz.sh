#!/bin/sh
# Builds a libFuzzer target and fuzzes it for a bounded time.
#
# Usage: test/fuzz/run-fuzz.sh BUILD_DIR SECONDS [extra libFuzzer flags]
#
#   BUILD_DIR  a build directory for the fuzz build (configured here with
#              -DEO_FUZZ=ON and clang if it has no build.ninja yet; keep it
#              apart from the normal build, everything in it is sanitized)
#   SECONDS    -max_total_time for libFuzzer (CI uses 60)
#
# FUZZ_TARGET picks the target: fuzz_parser (default; whole files) or
# fuzz_attr (types and attributes alone, with a print/parse round trip)
# or fuzz_npy (the .npy reader; seeds are a few small files made here)
# or fuzz_onnx (the ONNX importer; seeds are ONNX test and shared models).
# or fuzz_target (target descriptions; seeds are targets/data/*.json and
# lit/targets/Inputs/*.json) or fuzz_knobs (knob files, knob-space JSON
# and canonical assignments; seeds are written here).
# Seeds come from every lit/**/*.mlir file of the repository: for
# fuzz_parser each "// -----" chunk (as --split-input-file cuts them), for
# fuzz_attr the attribute values and types found in them. They are written
# to BUILD_DIR/fuzz/TARGET/seeds; new inputs go to BUILD_DIR/fuzz/TARGET/
# corpus (kept between runs), crashes to BUILD_DIR/fuzz/TARGET/artifacts/.
# The dictionary is test/fuzz/mlir.dict. Environment: CC for the first
# configure (default: clang-19 if installed, else clang);
# EO_FUZZ_ROUNDTRIP=1 makes fuzz_parser also check that printed modules
# parse back to the same text. Exit status: 0 when no bug was found.
# POSIX sh (CI runs it with sh).
set -eu

if [ $# -lt 2 ]; then
  sed -n '2,25p' "$0"; exit 2
fi
BUILD=$1
SECONDS_MAX=$2
shift 2
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TARGET=${FUZZ_TARGET:-fuzz_parser}
case "$TARGET" in
  fuzz_parser|fuzz_attr|fuzz_npy|fuzz_onnx|fuzz_target|fuzz_knobs) ;;
  *) echo "run-fuzz.sh: unknown FUZZ_TARGET '$TARGET'" >&2; exit 2 ;;
esac

if [ -z "${CC:-}" ]; then
  if [ -x /usr/lib/llvm-19/bin/clang ]; then CC=/usr/lib/llvm-19/bin/clang
  else CC=clang; fi
fi
if [ ! -f "$BUILD/build.ninja" ]; then
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DEO_FUZZ=ON -DEO_BUILD_TESTS=OFF \
    -DCMAKE_C_COMPILER="$CC" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
ninja -C "$BUILD" "$TARGET"

FUZZ="$BUILD/fuzz/$TARGET"
mkdir -p "$FUZZ/corpus" "$FUZZ/artifacts"
rm -rf "$FUZZ/seeds"
mkdir -p "$FUZZ/seeds"
if [ "$TARGET" = fuzz_parser ]; then
  # One seed per "// -----" chunk of each lit test (awk keeps it fast).
  find "$ROOT/lit" -name '*.mlir' -type f | sort | while read -r f; do
    name=$(printf '%s' "${f#"$ROOT/lit/"}" | tr / _)
    awk -v out="$FUZZ/seeds/$name" '
      /^\/\/ -----/ { close(out "." n); n++; next }
      { print > (out "." n) }' n=0 "$f"
  done
elif [ "$TARGET" = fuzz_onnx ]; then
  # The ONNX backend tests' node models and the shared models under
  # max_len (64 KiB), each under a unique name.
  for f in /usr/share/libonnx-testdata/data/node/*/model.onnx \
           "$ROOT"/../shared/models/*/*.onnx; do
    [ -f "$f" ] && [ "$(wc -c < "$f")" -le 65536 ] || continue
    cp "$f" "$FUZZ/seeds/$(printf '%s' "$f" | tr / _)"
  done
elif [ "$TARGET" = fuzz_target ]; then
  for f in "$ROOT"/targets/data/*.json "$ROOT"/lit/targets/Inputs/*.json; do
    cp "$f" "$FUZZ/seeds/$(basename "$f")"
  done
elif [ "$TARGET" = fuzz_knobs ]; then
  # Knob files (JSON and lines, with globs), a knob space as edge-opt
  # --list-knobs writes it, and canonical assignments.
  S="$FUZZ/seeds"
  printf '{"fuse.conv_1": false, "tile.*.1": 4, "layout.conv_1": "NHWC"}\n' \
    > "$S/knobs.json"
  printf '# pinned\nunroll.*.factor=4\ntile.conv_1.0 = 8\nlayout.conv_1="NCHW"\n' \
    > "$S/knobs.txt"
  cat > "$S/space.json" <<'JSON'
{"knobs": [
 {"name": "fuse.conv_1", "domain": {"kind": "bool"}, "default": true,
  "value": true, "assigned": false, "asker": "graph.fuse-activation",
  "site": "conv_1", "loc": "m.onnx:0:0", "asks": 1, "depends_on": []},
 {"name": "tile.conv_1.0", "domain": {"kind": "set",
  "values": [0, 2, 4, 8, 16]}, "default": 0, "site": "conv_1",
  "depends_on": [{"name": "fuse.conv_1", "value": true}]},
 {"name": "unroll.loop_3.factor", "domain": {"kind": "range", "lo": 1,
  "hi": 8, "step": 1}, "default": 1},
 {"name": "layout.conv_1", "domain": {"kind": "enum",
  "names": ["NCHW", "NHWC"]}, "default": "NCHW"}]}
JSON
  printf 'fuse.conv_1=true,layout.conv_1=NHWC,tile.conv_1.0=4,unroll.loop_3.factor=2' \
    > "$S/canonical.txt"
elif [ "$TARGET" = fuzz_npy ]; then
  # Version 1.0 files: f32 [2, 3], i64 [2], u8 scalar, bool [2, 2].
  npy() { # NAME DICT DATA(printf escapes)
    printf '\223NUMPY\001\000' > "$FUZZ/seeds/$1"
    printf "\\$(printf %03o ${#2})\\000" >> "$FUZZ/seeds/$1"
    printf '%s' "$2" >> "$FUZZ/seeds/$1"
    printf "$3" >> "$FUZZ/seeds/$1"
  }
  npy f32 "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }" \
    '\000\000\200\077\000\000\000\100\000\000\100\100\000\000\200\100\000\000\240\100\000\000\300\100'
  npy i64 "{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }" \
    '\377\377\377\377\377\377\377\377\002\000\000\000\000\000\000\000'
  npy u8 "{'descr': '|u1', 'fortran_order': False, 'shape': (), }" '\310'
  npy b1 "{'descr': '|b1', 'fortran_order': False, 'shape': (2, 2), }" \
    '\001\000\000\001'
else
  # "\0" + an attribute value ("name = value" in a dictionary), "\1" + a
  # type (after ": "), deduplicated.
  python3 - "$ROOT/lit" "$FUZZ/seeds" <<'PY'
import hashlib, pathlib, re, sys
root, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
attr = re.compile(r"\b[\w.]+ = ([^,{}()]+?|\w+<[^<>]*>(?: : [^,{}]+?)?)(?=[,}])")
typ = re.compile(r": ([\w!.]+(?:<[^<>]*(?:<[^<>]*>[^<>]*)*>)?)")
seen = set()
for f in sorted(root.rglob("*.mlir")):
    text = f.read_text(errors="replace")
    for tag, rx in ((b"\0", attr), (b"\1", typ)):
        for m in rx.finditer(text):
            seed = tag + m.group(1).strip().encode()
            if seed not in seen:
                seen.add(seed)
                (out / hashlib.sha1(seed).hexdigest()).write_bytes(seed)
PY
fi
echo "run-fuzz.sh: $TARGET, $(find "$FUZZ/seeds" -type f | wc -l) seeds," \
     "$(find "$FUZZ/corpus" -type f | wc -l) corpus inputs, ${SECONDS_MAX}s"

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
DICT="$ROOT/test/fuzz/mlir.dict"
if [ "$TARGET" = fuzz_npy ]; then DICT="$ROOT/test/fuzz/npy.dict"; fi
if [ "$TARGET" = fuzz_onnx ]; then DICT="$ROOT/test/fuzz/onnx.dict"; fi
if [ "$TARGET" = fuzz_target ]; then DICT="$ROOT/test/fuzz/target.dict"; fi
if [ "$TARGET" = fuzz_knobs ]; then DICT="$ROOT/test/fuzz/knobs.dict"; fi
exec "$BUILD/bin/$TARGET" "$FUZZ/corpus" "$FUZZ/seeds" \
  -dict="$DICT" \
  -max_total_time="$SECONDS_MAX" -max_len=65536 -timeout=10 \
  -rss_limit_mb=4096 -print_final_stats=1 \
  -artifact_prefix="$FUZZ/artifacts/" "$@"
