#!/usr/bin/env python3
"""Checks that every public function of the public headers is documented.

A declaration starting with EO_API counts as documented when a comment
ends on the line just before it (or before the run of EO_API lines it
belongs to: one comment may cover a group of related accessors), or when
the declaration carries a trailing comment. Public headers are the .h
files of ir/, dialects/, rewrite/, targets/, codegen/ and explorer/
except *internal.h.

Usage: check_api_docs.py REPO_ROOT
Exit status 0 when every declaration is documented; otherwise prints
each undocumented one as FILE:LINE: declaration.
"""
import pathlib
import sys


def undocumented(lines):
    """Yields (line number, text) of EO_API declarations lacking a comment."""
    for i, line in enumerate(lines):
        if not line.startswith("EO_API"):
            continue
        if "/*" in line:
            continue
        k = i - 1
        # Walk back over the group: other declarations and their
        # continuation lines (indented, not comment lines).
        while k >= 0 and (lines[k].startswith("EO_API") or
                          (lines[k].startswith(" ") and
                           not lines[k].lstrip().startswith(("*", "/*")))):
            k -= 1
        if k >= 0 and lines[k].rstrip().endswith("*/"):
            continue
        yield i + 1, line.strip()


def main():
    root = pathlib.Path(sys.argv[1])
    headers = sorted(p for d in ("ir", "dialects", "rewrite", "targets",
                                 "codegen", "explorer")
                     for p in (root / d).rglob("*.h")
                     if not p.name.endswith("internal.h"))
    total = bad = 0
    for h in headers:
        lines = h.read_text().splitlines()
        total += sum(1 for l in lines if l.startswith("EO_API"))
        for n, text in undocumented(lines):
            bad += 1
            print(f"{h.relative_to(root)}:{n}: {text}")
    print(f"check_api_docs: {total} declaration(s) in {len(headers)} "
          f"header(s), {bad} undocumented")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
