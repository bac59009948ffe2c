# replay_all.py OUT DB MODEL TARGET: checks an edge-explore output
# directory OUT and results database DB of a search that grew the space
# by conditional knobs: every Pareto point of
# pareto.json replays exactly with edge-opt --knobs points/point_N.json
# (objectives within 1e-5, as replay.py), `edge-explore export` (CSV and
# JSON) gives the database's assignments verbatim, conditional knobs
# included, and `edge-explore show` lists the front. Prints one summary
# line; anything else that differs is printed and the exit status is 1.
import csv
import io
import json
import sqlite3
import subprocess
import sys

out, db_path, model, target = sys.argv[1:5]
with open(out + "/pareto.json") as f:
    pareto = json.load(f)
db = sqlite3.connect("file:%s?mode=ro" % db_path, uri=True)
cond = {}
for (knobs,) in db.execute("SELECT knobs FROM discovered"):
    for k in json.loads(knobs)["knobs"]:
        cond[k["name"]] = k["default"]
bad = 0
off_points = 0
for rank, point in enumerate(pareto["points"], 1):
    with open(out + "/" + point["knobs"]) as f:
        knobs = json.load(f)
    if any(k in cond and v != cond[k] for k, v in knobs.items()):
        off_points += 1
    cmd = ["edge-opt", "--import-onnx", model, "--pass-pipeline",
           pareto["pipeline"], "--knobs", out + "/" + point["knobs"],
           "--evaluate", "--target", target]
    report = json.loads(subprocess.run(cmd, check=True,
                                       stdout=subprocess.PIPE).stdout)
    got = {"latency": report["latency_s"], "energy": report["energy_j"],
           "memory": report["peak_memory_bytes"]}
    for name, value in got.items():
        if abs(value - point[name]) > 1e-5 * abs(point[name]):
            print("point %d %s differs: %r vs %r" % (rank, name, value,
                                                     point[name]))
            bad += 1
recorded = [a for (a,) in db.execute(
    "SELECT assignment FROM evaluations ORDER BY id")]
exp = subprocess.run(["edge-explore", "export", db_path, "--format", "csv"],
                     check=True, stdout=subprocess.PIPE, text=True).stdout
if [r["assignment"] for r in csv.DictReader(io.StringIO(exp))] != recorded:
    print("export --format csv: assignments differ from the database")
    bad += 1
exp = json.loads(subprocess.run(
    ["edge-explore", "export", db_path, "--format", "json"], check=True,
    stdout=subprocess.PIPE).stdout)
if [e["assignment"] for e in exp["runs"][0]["evaluations"]] != recorded:
    print("export --format json: assignments differ from the database")
    bad += 1
with_cond = sum(any(p.split("=", 1)[0] in cond for p in a.split(","))
                for a in recorded)
show = subprocess.run(["edge-explore", "show", db_path], check=True,
                      stdout=subprocess.PIPE, text=True).stdout
if "%d evaluations" % len(recorded) not in show or "front" not in show:
    print("show: no front of %d evaluations" % len(recorded))
    bad += 1
print("%d points replay exactly (%d with conditional knobs off their "
      "defaults); %d of %d records assign conditional knobs; %s" %
      (len(pareto["points"]), off_points, with_cond, len(recorded),
       "export and show agree" if not bad else "MISMATCHES"))
sys.exit(1 if bad else 0)
