"""Sanity of an edge-opt --evaluate report: energy components add up to
energy_j, layers add up to the totals, every layer has a unit. With
--differs OTHER --layer NAME: the reports differ in layer NAME's figures
and agree on every other layer's MACs."""
import json
import sys


def main():
    args = sys.argv[1:]
    r = json.load(open(args[0]))
    assert r["latency_s"] > 0, "latency"
    total = sum(r["energy"].values())
    assert abs(total - r["energy_j"]) <= 1e-6 * r["energy_j"], "energy sum"
    lat = sum(l["latency_s"] for l in r["layers"])
    assert abs(lat - r["latency_s"]) <= 1e-6 * r["latency_s"], "latency sum"
    macs = sum(l["macs"] for l in r["layers"])
    assert macs == r["macs"], "macs sum"
    for level, b in r["bytes"].items():
        lb = sum(l["bytes"][level] for l in r["layers"])
        assert abs(lb - b) <= 1e-6 * max(b, 1), "bytes of " + level
    assert all(l["unit"] for l in r["layers"]), "units"
    if "--differs" in args:
        other = json.load(open(args[args.index("--differs") + 1]))
        name = args[args.index("--layer") + 1]
        mine = {l["name"]: l for l in r["layers"]}
        theirs = {l["name"]: l for l in other["layers"]}
        assert mine.keys() == theirs.keys(), "same layers"
        assert mine[name]["macs"] == theirs[name]["macs"], "same MACs"
        assert mine[name]["latency_s"] != theirs[name]["latency_s"], \
            "the knob changes the layer's latency"
        for k in mine:
            assert mine[k]["macs"] == theirs[k]["macs"], k
    print("ok")


main()
