#!/usr/bin/env python3
"""SSA-name normalization for the byte-for-byte interop tests.

mlir-opt gives some results hint names (%c0_i32, %cst, %sum, %overflow)
and splits multi-result definitions ("%sum, %overflow = ..."); a printer
that numbers every result (%0, %1:2 with %1#0) prints the same IR with
other names, and numbers shift. This filter renames op results and
block arguments of non-entry blocks to %vN in order of definition: each
definition gets a fresh name and uses take the latest definition of their
token (MLIR reuses names in sibling regions). "%x:2 = " is expanded to
"%x#0, %x#1 = " first. %argN names (never hint names) stay. Everything
else (layout, types, attributes, aliases, locations, block labels) is
left as is, so a diff of two normalized outputs shows every other
difference.
"""
import re
import sys

TOKEN = r"%[\w$.\-]+(?:#\d+)?"
GROUP_DEF = re.compile(r"^(\s*)%([\w$.\-]+):(\d+) = ")
RESULTS = re.compile(r"^\s*(" + TOKEN + r"(?:, " + TOKEN + r")*) = ")
BLOCK = re.compile(r"^\s*\^[\w$.\-]+\((.*)\):")
BLOCK_ARG = re.compile(r"(" + TOKEN + r"): ")
VALUE = re.compile(TOKEN)
ARG = re.compile(r"%arg\d+$")

names = {}
count = 0


def define(tok):
    global count
    if ARG.match(tok):
        return
    names[tok] = f"%v{count}"
    count += 1


def rename(m):
    tok = m.group(0)
    if ARG.match(tok):
        return tok
    if tok not in names:           # a use before its definition
        define(tok)
    return names[tok]


def main():
    for line in sys.stdin:
        line = GROUP_DEF.sub(
            lambda m: m.group(1) + ", ".join(
                f"%{m.group(2)}#{i}" for i in range(int(m.group(3))))
            + " = ", line)
        m = RESULTS.match(line)
        if m:
            for tok in VALUE.findall(m.group(1)):
                define(tok)
        m = BLOCK.match(line)
        if m:
            for tok in BLOCK_ARG.findall(m.group(1)):
                define(tok)
        sys.stdout.write(VALUE.sub(rename, line))


if __name__ == "__main__":
    main()
