"""End-to-end check of tl-bufferize on real models (used by
bufferize-models.test): each MLPerf-Tiny f32 model is imported, lowered by
graph-optimize, graph-to-tl, tl-bufferize and tl-to-loops (edge-opt), a
main that feeds the reference input (a memref.global) and returns the
largest |out - reference output| is appended, and mlir-opt + mlir-cpu-runner
run it. Prints '<model>: ok' when that error is within 1e-4 of the
reference's largest magnitude (onnxruntime's numbers, ref/<model>/*.npy).

usage: bufferize-models.py SHARED_DIR MLIR_OPT MODEL..."""
import ast
import re
import struct
import subprocess
import sys


def read_npy(path):
    """(shape, values) of a little-endian f32 .npy file."""
    with open(path, "rb") as f:
        b = f.read()
    if b[:6] != b"\x93NUMPY":
        sys.exit(f"{path}: not a .npy file")
    hl = struct.unpack("<H", b[8:10])[0]
    h = ast.literal_eval(b[10:10 + hl].decode())
    if h["descr"] != "<f4" or h["fortran_order"]:
        sys.exit(f"{path}: not little-endian f32 in C order")
    n = 1
    for d in h["shape"]:
        n *= d
    return h["shape"], struct.unpack("<%df" % n, b[10 + hl:10 + hl + 4 * n])


def dense(v):
    return "dense<[" + ", ".join("%.9e" % x for x in v) + "]>"


def group(rank):
    return "[[" + ", ".join(str(i) for i in range(rank)) + "]]"


def check(shared, mlir_opt, model):
    ish, iv = read_npy(f"{shared}/models/ref/{model}/input_0.npy")
    osh, ov = read_npy(f"{shared}/models/ref/{model}/output_0.npy")
    r = subprocess.run(
        ["edge-opt", "--import-onnx",
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
    n, flat = len(ov), "memref<%dxf32>" % len(ov)
    main = f"""
  memref.global "private" constant @in_data : memref<{len(iv)}xf32> = {dense(iv)}
  memref.global "private" constant @ref_data : {flat} = {dense(ov)}
  func.func @main() -> f32 {{
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %cn = arith.constant {n} : index
    %z = arith.constant 0.0 : f32
    %g = memref.get_global @in_data : memref<{len(iv)}xf32>
    %in = memref.expand_shape %g {group(len(ish))} output_shape [{", ".join(map(str, ish))}] : memref<{len(iv)}xf32> into {it}
    %out = memref.alloc() : {ot}
    call @{m.group(1)}(%in, %out) : ({it}, {ot}) -> ()
    %of = memref.collapse_shape %out {group(len(osh))} : {ot} into {flat}
    %ref = memref.get_global @ref_data : {flat}
    %e = scf.for %i = %c0 to %cn step %c1 iter_args(%a = %z) -> (f32) {{
      %x = memref.load %of[%i] : {flat}
      %y = memref.load %ref[%i] : {flat}
      %d = arith.subf %x, %y : f32
      %ad = math.absf %d : f32
      %mx = arith.maximumf %a, %ad : f32
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
    if not err <= 1e-4 * max(scale, 1.0):
        return f"max |out - ref| = {err} (largest |ref| {scale})"
    return "ok"


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    for model in sys.argv[3:]:
        print(f"{model}: {check(sys.argv[1], sys.argv[2], model)}")


main()
