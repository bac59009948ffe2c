#!/usr/bin/env python3
"""Checks that code quoted in the documentation equals the files it quotes.

A quoted file sits in a Markdown page between two markers:

    <!-- snippet: docs/examples/toy_dialect.c -->
    ```c
    ...the file's exact contents...
    ```
    <!-- end snippet -->

Usage: check_snippets.py REPO_ROOT [--require PATH]...
Every docs/**/*.md page under REPO_ROOT is scanned; each snippet must equal
its file byte for byte (a unified diff is printed otherwise). --require
names files that must be quoted somewhere, so the check is never vacuous.
Exit status 0 when all snippets match.
"""
import argparse
import difflib
import pathlib
import re
import sys

BEGIN = re.compile(r"^<!-- snippet: (\S+) -->\n", re.M)
END = "<!-- end snippet -->"


def snippets(page):
    """Yields (path, code, line) for each snippet of a page's text."""
    for m in BEGIN.finditer(page):
        rest = page[m.end():]
        line = page.count("\n", 0, m.start()) + 1
        fence = re.match(r"(```+)[\w+-]*\n", rest)
        end = rest.find(END)
        if not fence or end < 0:
            yield m.group(1), None, line
            continue
        body = rest[fence.end():end]
        close = body.rstrip("\n").rfind("\n" + fence.group(1))
        if not body.rstrip("\n").endswith(fence.group(1)):
            yield m.group(1), None, line
            continue
        yield m.group(1), body[:close + 1], line


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("--require", action="append", default=[])
    args = ap.parse_args()
    root = pathlib.Path(args.root)
    errors = 0
    quoted = set()
    pages = sorted((root / "docs").rglob("*.md"))
    for page in pages:
        text = page.read_text(encoding="utf-8")
        rel_page = page.relative_to(root)
        for path, code, line in snippets(text):
            where = f"{rel_page}:{line}"
            if code is None:
                print(f"{where}: snippet of {path} has no fenced block "
                      f"followed by '{END}'")
                errors += 1
                continue
            src = root / path
            if not src.is_file():
                print(f"{where}: quoted file {path} does not exist")
                errors += 1
                continue
            quoted.add(path)
            want = src.read_text(encoding="utf-8")
            if code != want:
                print(f"{where}: snippet differs from {path}:")
                sys.stdout.writelines(difflib.unified_diff(
                    want.splitlines(True), code.splitlines(True),
                    fromfile=path, tofile=f"{rel_page} snippet"))
                errors += 1
    for path in args.require:
        if path not in quoted:
            print(f"{path} is not quoted in any docs/**/*.md page")
            errors += 1
    if errors:
        print(f"check_snippets: {errors} problem(s)")
        return 1
    print(f"check_snippets: {len(quoted)} quoted file(s) match "
          f"({len(pages)} pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
