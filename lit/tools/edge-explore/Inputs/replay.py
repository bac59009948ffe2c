# replay.py OUT RANK MODEL TARGET: replays Pareto point RANK of the
# edge-explore output directory OUT with edge-opt (the pipeline of
# pareto.json, --knobs OUT/points/point_RANK.json, --evaluate on TARGET)
# and prints each objective with "same" when edge-opt's cost report gives
# the value pareto.json holds (to its 6 printed digits), else "differs".
import json
import subprocess
import sys

out, rank, model, target = sys.argv[1], int(sys.argv[2]), sys.argv[3], \
    sys.argv[4]
with open(out + "/pareto.json") as f:
    pareto = json.load(f)
point = pareto["points"][rank - 1]
cmd = ["edge-opt", "--import-onnx", model, "--pass-pipeline",
       pareto["pipeline"], "--knobs", out + "/" + point["knobs"],
       "--evaluate", "--target", target]
report = json.loads(subprocess.run(cmd, check=True, stdout=subprocess.PIPE)
                    .stdout)
got = {"latency": report["latency_s"], "energy": report["energy_j"],
       "memory": report["peak_memory_bytes"]}
for name in ("latency", "energy", "memory"):
    want = point[name]
    same = abs(got[name] - want) <= 1e-5 * abs(want)
    print("point %d %s: %s" % (rank, name, "same" if same else
                               "differs (%r vs %r)" % (got[name], want)))
