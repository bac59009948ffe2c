#!/usr/bin/env python3
"""Runs the shell sessions shown in documentation pages and compares output.

A session is a fenced block of type `console` in a Markdown page:

    ```console
    $ build/bin/edge-opt --list-knobs docs/examples/knobs.mlir
    {
      "knobs": [
    ...
    ```

Lines starting with "$ " are commands (a trailing backslash continues one
on the next line); the lines up to the next command are what it prints,
stdout and stderr together (blank lines at its end are not shown). A
line "..." in the expected text stands for any number of lines (none
included), and {{regex}} within a line matches what the Python regular
expression does (for times). Commands run with
bash, in order, in a scratch directory where `docs` is the repository's
docs folder (so files a command writes are there for the next one), with
"build/bin/" replaced by the directory of the edge-opt found on PATH.

Usage: check_commands.py REPO_ROOT [--update] [--link NAME=PATH]...
                         [--dir DIR] PAGE...
(pages relative to REPO_ROOT). --link puts a symbolic link NAME to PATH
in the scratch directory too (e.g. build=BUILD_DIR for a page whose
commands name the reader's build directory). --dir runs the commands in
DIR (created if needed, and kept, so a test can look at what they wrote)
instead of a temporary directory. Exit status 0 when every command printed
what its page shows. With --update, the shown output of each command that
printed something else is replaced by what it printed, unless it has
"..." or {{regex}} parts (those are reported, to be edited by hand).
"""
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

FENCE = re.compile(r"^```console\n(.*?)^```\n", re.M | re.S)


def steps(text):
    """Yields (line, command, expected, start, end) for each command of
    each console block: 'line' is the command's line number, and page
    lines [start, end) (0-based) hold what it should print."""
    for m in FENCE.finditer(text):
        base = text.count("\n", 0, m.start(1))
        lines = m.group(1).splitlines()
        i = 0
        while i < len(lines):
            if not lines[i].startswith("$ "):
                yield base + i + 1, None, [lines[i]], 0, 0
                i += 1
                continue
            line = base + i + 1
            cmd = lines[i][2:]
            while cmd.endswith("\\") and i + 1 < len(lines):
                i += 1
                cmd = cmd + "\n" + lines[i]      # bash joins them
            i += 1
            start = i
            while i < len(lines) and not lines[i].startswith("$ "):
                i += 1
            yield line, cmd, lines[start:i], base + start, base + i


def line_matches(want, got):
    """Whether a line matches an expected line with {{regex}} parts."""
    if "{{" not in want:
        return want == got
    parts = re.split(r"\{\{(.*?)\}\}", want)
    pat = "".join(re.escape(p) if i % 2 == 0 else f"(?:{p})"
                  for i, p in enumerate(parts))
    return re.fullmatch(pat, got) is not None


def matches(want, got):
    """Whether 'got' lines match 'want' lines, '...' matching any run."""
    n, m = len(want), len(got)
    ok = [[False] * (m + 1) for _ in range(n + 1)]
    ok[n][m] = True
    for i in range(n - 1, -1, -1):
        for j in range(m, -1, -1):
            if want[i] == "...":
                ok[i][j] = ok[i + 1][j] or (j < m and ok[i][j + 1])
            else:
                ok[i][j] = (j < m and line_matches(want[i], got[j]) and
                            ok[i + 1][j + 1])
    return ok[0][0]


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    root = pathlib.Path(sys.argv[1]).resolve()
    tool = shutil.which("edge-opt")
    if not tool:
        print("check_commands: edge-opt is not on PATH")
        return 2
    bindir = os.path.dirname(os.path.abspath(tool)) + "/"
    args = sys.argv[2:]
    update = False
    keep = None
    links, pages = [], []
    while args:
        a = args.pop(0)
        if a == "--update":
            update = True
        elif a == "--link" and args and "=" in args[0]:
            links.append(args.pop(0).split("=", 1))
        elif a.startswith("--link=") and "=" in a[7:]:
            links.append(a[7:].split("=", 1))
        elif a == "--dir" and args:
            keep = args.pop(0)
        elif a.startswith("--dir="):
            keep = a[6:]
        elif a.startswith("--"):
            print(f"check_commands: unknown option or missing value: {a}")
            return 2
        else:
            pages.append(a)
    errors = commands = 0
    for page in pages:
        text = (root / page).read_text(encoding="utf-8")
        edits = []
        with tempfile.TemporaryDirectory() as tmp:
            if keep:
                tmp = os.path.abspath(keep)
                os.makedirs(tmp, exist_ok=True)
            for name, path in [("docs", root / "docs")] + links:
                link = os.path.join(tmp, name)
                if os.path.islink(link):
                    os.remove(link)
                os.symlink(os.path.abspath(path), link)
            for line, cmd, want, start, end in steps(text):
                if cmd is None:
                    print(f"{page}:{line}: text before the first command: "
                          f"{want[0]!r}")
                    errors += 1
                    continue
                commands += 1
                run = subprocess.run(
                    ["bash", "-c", cmd.replace("build/bin/", bindir)],
                    cwd=tmp, stdout=subprocess.PIPE,
                    stderr=subprocess.STDOUT, timeout=60)
                got = run.stdout.decode("utf-8", "replace")
                got = got.replace(bindir, "build/bin/").splitlines()
                while got and not got[-1]:
                    got.pop()
                if matches(want, got):
                    continue
                if update and not any("..." == w or "{{" in w
                                      for w in want):
                    edits.append((start, end, got))
                    continue
                print(f"{page}:{line}: '$ {cmd}' printed:")
                print("\n".join(got))
                print("--- but the page shows:")
                print("\n".join(want))
                errors += 1
        if edits:
            lines = text.split("\n")
            for start, end, got in reversed(edits):
                lines[start:end] = got
            (root / page).write_text("\n".join(lines), encoding="utf-8")
            print(f"{page}: updated the output of {len(edits)} command(s)")
    if errors:
        print(f"check_commands: {errors} problem(s)")
        return 1
    print(f"check_commands: {commands} command(s) print what "
          f"{len(pages)} page(s) show")
    return 0


if __name__ == "__main__":
    sys.exit(main())
