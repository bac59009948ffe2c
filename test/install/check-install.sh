#!/bin/sh
# test/install/check-install.sh BUILD SRC LIT FILECHECK [CFLAGS] - runs
# the out-of-tree sections of docs/writing-a-dialect.md as a reader does:
# every `$` command of the page, as shown, in a scratch directory where
# `build` is BUILD and the page's install prefix /opt/edge is a scratch
# prefix (the only substitution), comparing what each prints with the
# page (test/docs/check_commands.py). That installs the build, builds the
# standalone dialect plugin against the installed tree, loads it into the
# installed edge-opt, runs the plugin's lit tests and explores its pass's
# knob with the installed edge-explore. Then every front point of that
# exploration is replayed with edge-opt, and docs/examples/out-of-tree is
# built against the installed tree only (static libraries, then
# libedgeopt.so, then a pkg-config compile line) and run each time.
# (The page names Debian's lit and FileCheck; LIT and FILECHECK are
# unused since it runs the plugin's lit tests itself.)
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
# The page, its prefix replaced, among the other docs.
mkdir -p "$tmp/page/docs"
for f in "$src"/docs/*; do
  ln -s "$f" "$tmp/page/docs/"
done
rm "$tmp/page/docs/writing-a-dialect.md"
sed -e "s|/opt/edge|$prefix|g" "$src/docs/writing-a-dialect.md" \
  > "$tmp/page/docs/writing-a-dialect.md"
run=$tmp/run
TMPDIR=$tmp PATH="$build/bin:$PATH" python3 "$src/test/docs/check_commands.py" \
  "$tmp/page" --link build="$build" --dir "$run" docs/writing-a-dialect.md \
  > "$tmp/page.txt" || { cat "$tmp/page.txt"; exit 1; }
# (All of them: install, configure, build, load, refuse a non-plugin,
# lit, explore, replay.)
grep -q '^check_commands: 12 command(s) print what 1 page(s) show$' \
  "$tmp/page.txt" || { cat "$tmp/page.txt"; exit 1; }
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
# Each front point of the page's exploration, replayed by the installed
# edge-opt with its knob file, costs what the front says.
sa=$src/docs/examples/standalone-dialect
plug="--load-dialect-plugin=$run/build-sa/libstandalone.so"
plug="$plug --load-pass-plugin=$run/build-sa/libstandalone.so"
pipe='builtin.module(func.func(standalone-lower),canonicalize)'
python3 - "$run/mix-out" "$prefix/bin/edge-opt" "$sa/mix.mlir" \
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
