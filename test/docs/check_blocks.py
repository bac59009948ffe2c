#!/usr/bin/env python3
"""Checks that every code block of docs/*.md is compiled or run by a test.

A block is a fenced block (```lang ... ```) or an indented one (lines
starting with four spaces after a blank line). It counts as tested when:

- it is a `console` block of a page whose `$` sessions a test runs: a
  page named on a check_commands.py command line of lit/docs/*.test or
  test/install/*.sh;
- it quotes a file (`<!-- snippet: PATH -->`, test/docs/check_snippets.py)
  or a piece of one (`<!-- fragment: PATH -->`, check_fragments.py);
- the nearest non-blank line above it is `<!-- tested by: TEST -->`,
  naming an existing file of the repository that mentions the page (the
  test that reads, runs or compares the block);
- or that line is `<!-- not input: WHY -->`, for notation that is no
  program text (a grammar, a formula, the shape of an op with "...").

Usage: check_blocks.py REPO_ROOT
Prints each untested block with its place; exit status 0 when all are.
"""
import pathlib
import re
import sys

MARK = re.compile(
    r"^\s*<!-- (snippet|fragment|tested by|not input): ?(.*?) -->$")


def blocks(lines):
    """Yields (index, kind) of each code block: kind is the fence's
    language ('' if none) or None for an indented block."""
    i = 0
    while i < len(lines):
        m = re.match(r"^\s*(```+)(\S*)", lines[i])
        if m:
            yield i, m.group(2)
            fence = m.group(1)
            i += 1
            while i < len(lines) and not lines[i].lstrip().startswith(fence):
                i += 1
            i += 1
            continue
        if lines[i].startswith("    ") and lines[i].strip() and \
                (i == 0 or not lines[i - 1].strip()):
            yield i, None
            while i < len(lines) and (lines[i].startswith("    ") or
                                      not lines[i].strip()):
                i += 1
            continue
        i += 1


def run_pages(root):
    """Pages a test runs with check_commands.py."""
    pages = set()
    tests = list((root / "lit" / "docs").glob("*.test")) + \
        list((root / "test" / "install").glob("*.sh"))
    for t in tests:
        text = t.read_text(encoding="utf-8").replace("\\\n", " ")
        for line in text.splitlines():
            if "check_commands.py" in line:
                pages.update(re.findall(r"docs/[\w.-]+\.md", line))
    return pages


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    root = pathlib.Path(sys.argv[1]).resolve()
    ran = run_pages(root)
    problems = count = 0
    pages = sorted((root / "docs").glob("*.md"))
    for page in pages:
        rel = f"docs/{page.name}"
        lines = page.read_text(encoding="utf-8").split("\n")
        for i, kind in blocks(lines):
            count += 1
            j = i - 1
            while j >= 0 and not lines[j].strip():
                j -= 1
            mark = MARK.match(lines[j]) if j >= 0 else None
            why = None
            if kind == "console":
                if rel not in ran:
                    why = "a console block of a page no test runs"
            elif not mark:
                why = "no snippet, fragment, tested-by or not-input mark"
            elif mark.group(1) == "tested by":
                test = root / mark.group(2)
                if not test.is_file():
                    why = f"'{mark.group(2)}' does not exist"
                elif page.name not in test.read_text(encoding="utf-8",
                                                     errors="replace"):
                    why = f"'{mark.group(2)}' does not mention {page.name}"
            if why:
                problems += 1
                print(f"{rel}:{i + 1}: untested block ({why}):")
                print(f"  {lines[i].strip()}")
    if problems:
        print(f"check_blocks: {problems} untested block(s)")
        return 1
    print(f"check_blocks: {count} block(s) in {len(pages)} page(s), "
          f"all tested")
    return 0


if __name__ == "__main__":
    sys.exit(main())
