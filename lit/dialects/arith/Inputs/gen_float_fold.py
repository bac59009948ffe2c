#!/usr/bin/env python3
"""Writes random arith folding cases on the given float types (bit
patterns as hex constants) for differential tests against mlir-opt.

usage: gen_float_fold.py --types f8E4M3FNUZ,f8E4M3 --cases 3000 --seed 1
Each case is one func.func whose body folds to a constant under
-canonicalize (or stays, where MLIR does not fold it)."""
import argparse
import random
import struct

WIDTH = {"f8E4M3FNUZ": 8, "f8E5M2FNUZ": 8, "f8E4M3B11FNUZ": 8,
         "f8E4M3": 8, "f8E4M3FN": 8, "f8E5M2": 8, "f16": 16, "bf16": 16,
         "f32": 32, "f64": 64, "f80": 80, "f128": 128, "tf32": 19}
BIN = ["addf", "subf", "mulf", "divf", "remf", "maximumf", "minimumf",
       "maxnumf", "minnumf"]
CMP = ["false", "oeq", "ogt", "oge", "olt", "ole", "one", "ord", "ueq",
       "ugt", "uge", "ult", "ule", "une", "uno", "true"]
INTS = ["i1", "i8", "i16", "i32", "i64", "i128"]


def f64_bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def rand_bits(rng, t):
    w = WIDTH[t]
    if w == 8:
        return rng.randrange(256)
    if t == "f80":
        # Canonical encodings only (explicit integer bit set iff the
        # exponent is not zero).
        # Few huge exponents: their decimal printing is slow.
        e = rng.choice([0x7FFF] + [rng.randrange(16383 - 70,
                                                     16383 + 70)] * 4)
        if rng.random() < 0.04:
            e = rng.choice([0, rng.randrange(1, 0x7FFF)])
        m = rng.getrandbits(63)
        if rng.random() < 0.3:
            m &= ~((1 << rng.randrange(40, 63)) - 1) & ((1 << 63) - 1)
        if e:
            m |= 1 << 63
        return (rng.getrandbits(1) << 79) | (e << 64) | m
    if t == "f128":
        e = rng.choice([0x7FFF] + [rng.randrange(16383 - 140,
                                                     16383 + 140)] * 4)
        if rng.random() < 0.04:
            e = rng.choice([0, rng.randrange(1, 0x7FFF)])
        m = rng.getrandbits(112)
        if rng.random() < 0.3:
            m &= ~((1 << rng.randrange(50, 112)) - 1) & ((1 << 112) - 1)
        return (rng.getrandbits(1) << 127) | (e << 112) | m
    if t == "f64" and rng.random() < 0.5:
        return f64_bits(rng.choice([0.0, -0.0, 1.0, -2.5, 0.1, 1e300,
                                    rng.uniform(-1e6, 1e6),
                                    float(rng.randrange(-2**70, 2**70))]))
    return rng.getrandbits(w)


def hexc(bits, t):
    digits = (WIDTH[t] + 3) // 4
    return "0x%0*X" % (digits, bits)


def rand_int(rng, it):
    if it == "i1":
        return rng.choice(["true", "false"])
    w = int(it[1:])
    v = rng.choice([rng.randrange(-2**(w - 1), 2**(w - 1)),
                    rng.randrange(-300, 300), 0, -1, 2**(w - 1) - 1,
                    -2**(w - 1)])
    v = max(-2**(w - 1), min(2**(w - 1) - 1, v))
    return "%d : %s" % (v, it)


def case(rng, n, types, wider):
    t = rng.choice(types)
    kind = rng.random()
    out = ["func.func @c%d() -> " % n]
    if kind < 0.45:
        op = rng.choice(BIN)
        a, b = hexc(rand_bits(rng, t), t), hexc(rand_bits(rng, t), t)
        out[0] += t + " {"
        out += ["  %%a = arith.constant %s : %s" % (a, t),
                "  %%b = arith.constant %s : %s" % (b, t),
                "  %%r = arith.%s %%a, %%b : %s" % (op, t),
                "  return %%r : %s" % t]
    elif kind < 0.5:
        out[0] += t + " {"
        out += ["  %%a = arith.constant %s : %s" % (hexc(rand_bits(rng, t),
                                                        t), t),
                "  %%r = arith.negf %%a : %s" % t,
                "  return %%r : %s" % t]
    elif kind < 0.6:
        p = rng.choice(CMP)
        a, b = rand_bits(rng, t), rand_bits(rng, t)
        if rng.random() < 0.2:
            b = a
        out[0] += "i1 {"
        out += ["  %%a = arith.constant %s : %s" % (hexc(a, t), t),
                "  %%b = arith.constant %s : %s" % (hexc(b, t), t),
                "  %%r = arith.cmpf %s, %%a, %%b : %s" % (p, t),
                "  return %r : i1"]
    elif kind < 0.7:
        # extf to a wider type
        ws = [u for u in wider if WIDTH[u] > WIDTH[t]]
        if not ws:
            return case(rng, n, types, wider)
        u = rng.choice(ws)
        out[0] += u + " {"
        out += ["  %%a = arith.constant %s : %s" % (hexc(rand_bits(rng, t),
                                                        t), t),
                "  %%r = arith.extf %%a : %s to %s" % (t, u),
                "  return %%r : %s" % u]
    elif kind < 0.8:
        # truncf from a wider type: often an exactly representable value
        ws = [u for u in wider if WIDTH[u] > WIDTH[t]]
        if not ws:
            return case(rng, n, types, wider)
        u = rng.choice(ws)
        out[0] += t + " {"
        out += ["  %%s = arith.constant %s : %s" % (hexc(rand_bits(rng, t),
                                                        t), t),
                "  %%a = arith.extf %%s : %s to %s" % (t, u)]
        if rng.random() < 0.4:
            out += ["  %%z = arith.constant %s : %s"
                    % (hexc(rand_bits(rng, u), u), u),
                    "  %%a2 = arith.addf %%a, %%z : %s" % u,
                    "  %%r = arith.truncf %%a2 : %s to %s" % (u, t)]
        else:
            out += ["  %%r = arith.truncf %%a : %s to %s" % (u, t)]
        out += ["  return %%r : %s" % t]
    elif kind < 0.9:
        it = rng.choice(INTS)
        op = rng.choice(["sitofp", "uitofp"])
        out[0] += t + " {"
        out += ["  %%a = arith.constant %s" % rand_int(rng, it),
                "  %%r = arith.%s %%a : %s to %s" % (op, it, t),
                "  return %%r : %s" % t]
    else:
        it = rng.choice(INTS)
        op = rng.choice(["fptosi", "fptoui"])
        out[0] += it + " {"
        out += ["  %%a = arith.constant %s : %s" % (hexc(rand_bits(rng, t),
                                                        t), t),
                "  %%r = arith.%s %%a : %s to %s" % (op, t, it),
                "  return %%r : %s" % it]
    out.append("}")
    return out


def dense_case(rng, n, t):
    """A non-splat and a splat tensor operand of one binary op."""
    op = rng.choice(BIN)
    a = ", ".join(hexc(rand_bits(rng, t), t) for _ in range(4))
    b = hexc(rand_bits(rng, t), t)
    ty = "tensor<4x%s>" % t
    return ["func.func @d%d() -> %s {" % (n, ty),
            "  %%a = arith.constant dense<[%s]> : %s" % (a, ty),
            "  %%b = arith.constant dense<%s> : %s" % (b, ty),
            "  %%r = arith.%s %%a, %%b : %s" % (op, ty),
            "  return %%r : %s" % ty, "}"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--types", required=True)
    ap.add_argument("--wider", default="f16,bf16,f32,f64")
    ap.add_argument("--cases", type=int, default=1000)
    ap.add_argument("--dense", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", dest="out", required=True)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    types = args.types.split(",")
    wider = args.wider.split(",")
    lines = []
    for n in range(args.cases):
        lines += case(rng, n, types, wider)
    for n in range(args.dense):
        lines += dense_case(rng, n, rng.choice(types))
    with open(args.out, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
