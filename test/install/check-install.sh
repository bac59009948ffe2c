#!/bin/sh
# test/install/check-install.sh BUILD SRC LIT FILECHECK [CFLAGS] - installs the build into a
# scratch prefix and builds docs/examples/out-of-tree against that
# installed tree only (static libraries, then libedgeopt.so, then a
# pkg-config compile line), running the result each time; then builds the
# standalone dialect plugin against it, runs the plugin's lit tests and
# explores its pass's knob with the installed edge-explore.
set -eu
build=$1
src=$2
lit=$3
filecheck=$4
# Compiler flags the consumers need to link a sanitized build's libraries
# ("-fsanitize=address,undefined" there, empty otherwise).
cflags=${5:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
cmake --install "$build" --prefix "$prefix" >/dev/null
ex=$src/docs/examples/out-of-tree
expect='%0 = toy.add %cst, %cst : i32'
for shared in OFF ON; do
  cmake -S "$ex" -B "$tmp/b-$shared" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
        -DTOY_USE_SHARED=$shared -DCMAKE_C_FLAGS="$cflags" >/dev/null
  cmake --build "$tmp/b-$shared" >/dev/null
  LD_LIBRARY_PATH=$prefix/lib "$tmp/b-$shared/toy-opt" "$ex/input.mlir" \
    > "$tmp/out-$shared"
  grep -qF "$expect" "$tmp/out-$shared" || {
    echo "toy-opt (shared=$shared) printed:"; cat "$tmp/out-$shared"; exit 1; }
done
# pkg-config: one compile line, the shared library.
PKG_CONFIG_PATH=$prefix/lib/pkgconfig
export PKG_CONFIG_PATH
cc -std=c11 $cflags -o "$tmp/toy-pc" "$ex/toy_opt.c" "$ex/../toy_dialect.c" \
   $(pkg-config --cflags --libs edgeopt)
LD_LIBRARY_PATH=$prefix/lib "$tmp/toy-pc" "$ex/input.mlir" | grep -qF "$expect"
# The standalone dialect: a plugin built against the installed package,
# loaded into the installed edge-opt, with its own lit tests.
sa=$src/docs/examples/standalone-dialect
cmake -S "$sa" -B "$tmp/b-sa" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
      -DCMAKE_C_FLAGS="$cflags" >/dev/null
cmake --build "$tmp/b-sa" >/dev/null
python3 "$lit" -q "$sa/test" -D edge_opt="$prefix/bin/edge-opt" \
        -D plugin="$tmp/b-sa/libstandalone.so" -D filecheck="$filecheck" \
        -D exec_root="$tmp/sa-lit"
# Exploring the plugin pass's knob with the installed edge-explore (the
# plugins loaded, the shipped target found by name in the installed
# tree); each front point's knob file, replayed by the installed edge-opt,
# costs what the front says.
plug="--load-dialect-plugin=$tmp/b-sa/libstandalone.so"
plug="$plug --load-pass-plugin=$tmp/b-sa/libstandalone.so"
pipe='builtin.module(func.func(standalone-lower),canonicalize)'
"$prefix/bin/edge-explore" "$sa/mix.mlir" $plug --pipeline="$pipe" \
  --target cortex-m55 --algorithm exhaustive --out "$tmp/sa-explore" \
  --quiet > "$tmp/sa-explore.txt"
grep -q '^Pareto front: .* of 4 candidates$' "$tmp/sa-explore.txt" || {
  echo "edge-explore printed:"; cat "$tmp/sa-explore.txt"; exit 1; }
python3 - "$tmp/sa-explore" "$prefix/bin/edge-opt" "$sa/mix.mlir" \
          "$pipe" $plug <<'PY'
import json, subprocess, sys
out, opt, model, pipe, plugins = (sys.argv[1], sys.argv[2], sys.argv[3],
                                  sys.argv[4], sys.argv[5:])
front = json.load(open(out + "/pareto.json"))
assert front["candidates"] == 4 and front["points"], front
rows = open(out + "/all.csv").read().splitlines()[1:]
assert len(rows) == 4 and all(",ok," in r for r in rows), rows
for p in front["points"]:
    cost = json.loads(subprocess.run(
        [opt, *plugins, "--pass-pipeline=" + pipe, "--knobs",
         out + "/" + p["knobs"], model, "--target", "cortex-m55",
         "--evaluate"], check=True, capture_output=True).stdout)
    for obj, key in (("latency", "latency_s"), ("energy", "energy_j"),
                     ("memory", "peak_memory_bytes")):
        assert abs(cost[key] - p[obj]) <= 1e-9 * abs(p[obj]), (p, cost)
PY
# Only the public headers are installed.
test -f "$prefix/include/edge/ir/ir.h"
test ! -e "$prefix/include/edge/ir/internal.h"
test -x "$prefix/bin/edge-opt"
test -x "$prefix/bin/edge-explore"
echo "install: static, shared and pkg-config consumers and plugins work"
