"""Compares a layer's latency in two edge-opt --evaluate reports:
prints '<layer>: faster with the first|second|equal (ratio r)'."""
import json
import sys


def latency(path, layer):
    with open(path) as f:
        r = json.load(f)
    return sum(l["latency_s"] for l in r["layers"] if l["name"] == layer)


a = latency(sys.argv[1], sys.argv[3])
b = latency(sys.argv[2], sys.argv[3])
which = "first" if a < b else "second" if b < a else "equal"
print("%s: faster with the %s (ratio %.3f)" % (sys.argv[3], which, b / a))
