#!/usr/bin/env python3
"""Checks that every edge-opt API name the documentation mentions exists.

Scans docs/**/*.md under REPO_ROOT for identifiers in backticks that
start with eo_ or EO_ (functions, types, macros, constants) and looks
each up in the public headers and the documented examples. Prints the
names it cannot find with their page and line.

Usage: check_api_names.py REPO_ROOT
Exit status 0 when every name is found.
"""
import pathlib
import re
import sys

NAME = re.compile(r"\b(eo_[a-z0-9_]+|EO_[A-Z0-9_]+)\b")
CODE = re.compile(r"`([^`\n]+)`")


def main():
    root = pathlib.Path(sys.argv[1])
    defined = set()
    sources = [p for d in ("ir", "dialects", "rewrite", "targets", "tools",
                           "codegen", "explorer",
                           "docs/examples")
               for p in (root / d).rglob("*") if p.suffix in (".h", ".c", ".def")]
    for src in sources:
        defined.update(NAME.findall(src.read_text(errors="replace")))
    # Library (CMake target) names: eo_ir, eo_rewrite, ...
    for cm in root.rglob("CMakeLists.txt"):
        defined.update(re.findall(r"add_library\((eo_[a-z0-9_]+)",
                                  cm.read_text(errors="replace")))
    missing = []
    checked = 0
    for page in sorted((root / "docs").rglob("*.md")):
        for n, line in enumerate(page.read_text().splitlines(), 1):
            for code in CODE.findall(line):
                for name in NAME.findall(code):
                    checked += 1
                    if name not in defined:
                        missing.append(f"{page.relative_to(root)}:{n}: "
                                       f"'{name}' is not defined anywhere")
    for m in missing:
        print(m)
    print(f"check_api_names: {checked} name(s) checked, "
          f"{len(missing)} missing")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
