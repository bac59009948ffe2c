"""A random knob assignment of a model for fuse-random.mlir.

Picks values stage by stage (seeded): the tl-fuse edges, then what they
make the run ask (tl-fuse-tile, tl-fuse-ew), then the loop knobs of
tl-to-loops (tile, interchange, vectorize; on the fused ops these are
asked with the tile-sized extents), then the inner tiles (tile2, asked
under a tile above 2). Each stage runs EDGE_OPT with the assignment so
far and --list-knobs, and picks a random value of every knob of its
prefixes not assigned yet, so every value is in the domain the run asks
it with. An assigned knob the run then does not ask (fusing one edge can
make another illegal) is dropped. Writes name=value lines to OUT and
prints how many knobs of each prefix are not at their default.

usage: fuse-random.py EDGE_OPT MODEL.onnx PIPELINE SEED OUT"""
import json
import os
import random
import re
import subprocess
import sys

STAGES = [["tl-fuse"], ["tl-fuse-tile", "tl-fuse-ew"],
          ["tile", "interchange", "vectorize"], ["tile2"]]


def run(edge_opt, model, pipeline, knobs, out, space):
    """Runs the pipeline with assignment 'knobs' (dict); the knob space
    as a list, or the names of unknown knobs as a set on failure."""
    with open(out, "w") as f:
        f.write("".join(f"{k}={v}\n" for k, v in knobs.items()))
    p = subprocess.run([edge_opt, "--import-onnx", model,
                        f"--pass-pipeline={pipeline}", f"--knobs={out}",
                        f"--list-knobs={space}", "-o", os.devnull],
                       capture_output=True, text=True)
    if p.returncode == 0:
        with open(space) as f:
            return json.load(f)["knobs"]
    unknown = set(re.findall(r"unknown knob '([^']*)'", p.stderr))
    if not unknown:
        sys.exit(p.stderr)
    return unknown


def pick(rng, dom):
    if dom["kind"] == "bool":
        return "true" if rng.random() < 0.5 else "false"
    if dom["kind"] == "set":
        return str(rng.choice(dom["values"]))
    if dom["kind"] == "enum":
        return rng.choice(dom["names"])
    return str(rng.randrange(dom["lo"], dom["hi"] + 1, dom["step"]))


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    edge_opt, model, pipeline, seed, out = sys.argv[1:]
    rng = random.Random(int(seed))
    space_file = out + ".space.json"
    knobs = {}
    space = run(edge_opt, model, pipeline, knobs, out, space_file)
    for stage in STAGES + [[]]:
        for k in space:
            if k["name"] not in knobs and \
                    k["name"].split(".", 1)[0] in stage:
                knobs[k["name"]] = pick(rng, k["domain"])
        for _ in range(len(knobs) + 1):
            space = run(edge_opt, model, pipeline, knobs, out, space_file)
            if isinstance(space, list):
                break
            for name in space:
                del knobs[name]
    off = {}
    for k in space:
        if k["value"] != k["default"]:
            pre = k["name"].split(".", 1)[0]
            off[pre] = off.get(pre, 0) + 1
    print(" ".join(f"{p}: {n}" for p, n in sorted(off.items())))


main()
