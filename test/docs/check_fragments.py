#!/usr/bin/env python3
"""Checks that code fragments quoted in the documentation exist in the
files they are quoted from.

A fragment sits in a Markdown page between two markers:

    <!-- fragment: docs/examples/knob_pass.c -->
    ```c
    ...consecutive lines of that file...
    ```
    <!-- end fragment -->

The fragment's lines must equal consecutive lines of the file, except
that the file's lines may all be indented by the same extra whitespace
(so a fragment from inside a function can be shown without its
indentation). Whole files are quoted with snippet markers instead
(check_snippets.py).

Usage: check_fragments.py REPO_ROOT PAGE... (pages relative to REPO_ROOT)
Exit status 0 when every fragment is found.
"""
import pathlib
import re
import sys

BEGIN = re.compile(r"^<!-- fragment: (\S+) -->\n(```+)[\w+-]*\n", re.M)
END = "<!-- end fragment -->"


def found(frag, lines):
    """Whether 'frag' lines occur in 'lines', allowing a common indent."""
    for i in range(len(lines) - len(frag) + 1):
        first = lines[i]
        if not first.endswith(frag[0]):
            continue
        indent = first[:len(first) - len(frag[0])]
        if indent.strip():
            continue
        if all(lines[i + k] == (indent + f if f else "")
               or (not f and not lines[i + k].strip())
               for k, f in enumerate(frag)):
            return True
    return False


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    root = pathlib.Path(sys.argv[1])
    errors = count = 0
    for page in sys.argv[2:]:
        text = (root / page).read_text(encoding="utf-8")
        for m in BEGIN.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            rest = text[m.end():]
            close = rest.find("\n" + m.group(2) + "\n")
            if close < 0 or not rest[close:].lstrip("`\n").startswith(END):
                print(f"{page}:{line}: fragment of {m.group(1)} has no "
                      f"closing fence followed by '{END}'")
                errors += 1
                continue
            frag = rest[:close].split("\n")
            src = root / m.group(1)
            if not src.is_file():
                print(f"{page}:{line}: quoted file {m.group(1)} does not "
                      f"exist")
                errors += 1
                continue
            count += 1
            if not found(frag, src.read_text(encoding="utf-8").split("\n")):
                print(f"{page}:{line}: fragment not found in {m.group(1)}:")
                print("\n".join(frag))
                errors += 1
    if errors:
        print(f"check_fragments: {errors} problem(s)")
        return 1
    print(f"check_fragments: {count} fragment(s) found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
