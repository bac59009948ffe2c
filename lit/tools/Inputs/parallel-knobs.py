"""Reads the knob space edge-opt --list-knobs wrote (JSON) and prints a
knob assignment (JSON) giving every parallel.<site> knob its first
candidate loop, the outermost that may run in parallel.

  parallel-knobs.py SPACE.json > KNOBS.json
"""
import json
import sys

space = json.load(open(sys.argv[1]))
assign = {k["name"]: k["domain"]["names"][1] for k in space["knobs"]
          if k["name"].startswith("parallel.")
          and len(k["domain"]["names"]) > 1}
json.dump(assign, sys.stdout, indent=1, sort_keys=True)
print()
