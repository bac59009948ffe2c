#!/bin/sh
# Usage: roundtrip.sh DATA_DIR OUT_DIR
# For each DATA_DIR/*.json: validates it, writes its canonical JSON to
# OUT_DIR, and checks that the canonical JSON has the same hash and prints
# back byte for byte. Prints each "ok" line; exits 1 at the first problem.
set -eu
mkdir -p "$2"
for f in "$1"/*.json; do
  b=$(basename "$f")
  edge-target --no-detect "$f"
  edge-target --no-detect --print "$f" > "$2/$b"
  h1=$(edge-target --no-detect --hash "$f")
  h2=$(edge-target --no-detect --hash "$2/$b")
  [ "$h1" = "$h2" ] || { echo "hash differs: $b: $h1 vs $h2"; exit 1; }
  edge-target --no-detect --print "$2/$b" | cmp - "$2/$b"
done
