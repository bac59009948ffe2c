"""End-to-end check of tl-bufferize on real models (used by
bufferize-models.test and bufferize-models-int8.test): each MLPerf-Tiny
model is imported, lowered by graph-optimize, graph-to-tl, tl-bufferize and
tl-to-loops (edge-opt), a main that feeds the reference input (a
memref.global) and returns the largest |out - reference output| is
appended, and mlir-opt + mlir-cpu-runner run it. Prints '<model>: ok' when
that error is within 1e-4 of the reference's largest magnitude
(onnxruntime's numbers, ref/<model>/*.npy), or within TOL for a MODEL
given as MODEL:TOL (int8 models: TOL in units of the int8 output; their
inputs and outputs are i8 memrefs, the error is computed in i32).

usage: bufferize-models.py SHARED_DIR MLIR_OPT MODEL[:TOL]..."""
import ast
import re
import struct
import subprocess
import sys


def read_npy(path):
    """(shape, values, element type) of a little-endian f32 or an int8
    .npy file."""
    with open(path, "rb") as f:
        b = f.read()
    if b[:6] != b"\x93NUMPY":
        sys.exit(f"{path}: not a .npy file")
    hl = struct.unpack("<H", b[8:10])[0]
    h = ast.literal_eval(b[10:10 + hl].decode())
    kinds = {"<f4": ("f", 4, "f32"), "|i1": ("b", 1, "i8")}
    if h["descr"] not in kinds or h["fortran_order"]:
        sys.exit(f"{path}: not little-endian f32 or int8 in C order")
    code, size, elem = kinds[h["descr"]]
    n = 1
    for d in h["shape"]:
        n *= d
    return (h["shape"],
            struct.unpack("<%d%s" % (n, code), b[10 + hl:10 + hl + size * n]),
            elem)


def dense(v, elem):
    fmt = "%.9e" if elem == "f32" else "%d"
    return "dense<[" + ", ".join(fmt % x for x in v) + "]>"


def group(rank):
    return "[[" + ", ".join(str(i) for i in range(rank)) + "]]"


def error_loop(elem):
    """The body of main's loop: the running max of |x - y| (f32), in i32
    for i8 outputs."""
    if elem == "f32":
        return """      %d = arith.subf %x, %y : f32
      %ad = math.absf %d : f32
      %mx = arith.maximumf %a, %ad : f32"""
    return """      %xi = arith.extsi %x : i8 to i32
      %yi = arith.extsi %y : i8 to i32
      %d = arith.subi %xi, %yi : i32
      %nd = arith.subi %yi, %xi : i32
      %di = arith.maxsi %d, %nd : i32
      %ad = arith.sitofp %di : i32 to f32
      %mx = arith.maximumf %a, %ad : f32"""


def check(shared, mlir_opt, spec):
    model, _, tol = spec.partition(":")
    ish, iv, ie = read_npy(f"{shared}/models/ref/{model}/input_0.npy")
    osh, ov, oe = read_npy(f"{shared}/models/ref/{model}/output_0.npy")
    r = subprocess.run(
        ["edge-opt", "--onnx-dynamic-dim=1", "--import-onnx",
         f"{shared}/models/mlperf-tiny/{model}.onnx",
         "--pass-pipeline=builtin.module(graph-optimize,"
         "func.func(graph-to-tl),tl-bufferize,tl-to-loops)"],
        capture_output=True, text=True)
    if r.returncode:
        return f"edge-opt failed: {r.stderr}"
    txt = r.stdout
    m = re.search(r"func\.func @(\w+)\(([^)]*)\)", txt)
    types = [a.split(": ", 1)[1] for a in m.group(2).split(", %")]
    if len(types) != 2:
        return f"expected one input and one out-param, got {types}"
    it, ot = types
    n, flat = len(ov), "memref<%dx%s>" % (len(ov), oe)
    iflat = "memref<%dx%s>" % (len(iv), ie)
    main = f"""
  memref.global "private" constant @in_data : {iflat} = {dense(iv, ie)}
  memref.global "private" constant @ref_data : {flat} = {dense(ov, oe)}
  func.func @main() -> f32 {{
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %cn = arith.constant {n} : index
    %z = arith.constant 0.0 : f32
    %g = memref.get_global @in_data : {iflat}
    %in = memref.expand_shape %g {group(len(ish))} output_shape [{", ".join(map(str, ish))}] : {iflat} into {it}
    %out = memref.alloc() : {ot}
    call @{m.group(1)}(%in, %out) : ({it}, {ot}) -> ()
    %of = memref.collapse_shape %out {group(len(osh))} : {ot} into {flat}
    %ref = memref.get_global @ref_data : {flat}
    %e = scf.for %i = %c0 to %cn step %c1 iter_args(%a = %z) -> (f32) {{
      %x = memref.load %of[%i] : {flat}
      %y = memref.load %ref[%i] : {flat}
{error_loop(oe)}
      scf.yield %mx : f32
    }}
    memref.dealloc %out : {ot}
    return %e : f32
  }}
"""
    # The module's closing brace: before the resource section if any.
    end = txt.index("\n}\n")
    full = txt[:end] + main + txt[end:]
    low = subprocess.run(
        [mlir_opt, "-convert-math-to-libm", "-convert-math-to-llvm",
         "-convert-scf-to-cf", "-convert-cf-to-llvm",
         "-expand-strided-metadata", "-lower-affine",
         "-convert-arith-to-llvm", "-finalize-memref-to-llvm",
         "-convert-func-to-llvm", "-reconcile-unrealized-casts"],
        input=full, capture_output=True, text=True)
    if low.returncode:
        return f"mlir-opt failed: {low.stderr[:2000]}"
    run = subprocess.run(["mlir-cpu-runner", "-e", "main",
                          "-entry-point-result=f32"],
                         input=low.stdout, capture_output=True, text=True)
    if run.returncode:
        return f"mlir-cpu-runner failed: {run.stderr[:2000]}"
    err = float(run.stdout.strip())
    scale = max(abs(x) for x in ov)
    if tol:
        if not err <= float(tol):
            return f"max |out - ref| = {err} (tolerance {tol})"
    elif not err <= 1e-4 * max(scale, 1.0):
        return f"max |out - ref| = {err} (largest |ref| {scale})"
    return "ok"


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    for spec in sys.argv[3:]:
        model = spec.partition(":")[0]
        print(f"{model}: {check(sys.argv[1], sys.argv[2], spec)}")


main()
