#!/usr/bin/env python3
"""Writes an MLIR module whose weights are dense_resource blobs.

The module is what an imported network looks like to the parser: a
function with one arith.constant per weight tensor, each a
dense_resource<wN> of f32, and the blobs in the file's
{-# dialect_resources #-} section as hex (4-byte alignment prefix, then
the data). Both mlir-opt and edge-opt read it. The bytes are
pseudo-random from --seed, so the file is reproducible.

  gen_resource.py --mb 50 -o weights.mlir   # 50 MB of blob data
"""
import argparse
import random
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=50.0,
                    help="megabytes (2^20) of blob data in all (default 50)")
    ap.add_argument("--blobs", type=int, default=50,
                    help="number of weight tensors (default 50)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output", default="-")
    args = ap.parse_args()
    if args.blobs < 1 or args.mb <= 0:
        ap.error("--blobs and --mb must be positive")

    total = int(args.mb * (1 << 20))
    elems = max(1, total // 4 // args.blobs)   # f32 elements per blob
    rng = random.Random(args.seed)
    out = sys.stdout if args.output == "-" else open(args.output, "w")

    w = out.write
    w(f"// gen_resource.py --mb {args.mb:g} --blobs {args.blobs} "
      f"--seed {args.seed}: {args.blobs} x tensor<{elems}xf32>\n")
    w("module {\n  func.func @weights() {\n")
    for i in range(args.blobs):
        w(f"    %w{i} = arith.constant dense_resource<w{i}> : "
          f"tensor<{elems}xf32>\n")
    w("    return\n  }\n}\n\n{-#\n  dialect_resources: {\n    builtin: {\n")
    for i in range(args.blobs):
        data = rng.randbytes(elems * 4)
        sep = "," if i + 1 < args.blobs else ""
        w(f'      w{i}: "0x04000000{data.hex().upper()}"{sep}\n')
    w("    }\n  }\n#-}\n")
    if out is not sys.stdout:
        out.close()
    print(f"{args.blobs} blobs, {args.blobs * elems * 4 / (1 << 20):.1f} MB "
          f"of data", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
