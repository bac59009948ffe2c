#!/usr/bin/env python3
"""Rewrites every snippet block of the documentation from the file it quotes.

The inverse of check_snippets.py: for each

    <!-- snippet: PATH -->
    ```lang
    ...
    ```
    <!-- end snippet -->

in docs/**/*.md under REPO_ROOT, the fenced block is replaced by PATH's
current contents (the fence and its language are kept). Run it after
regenerating a quoted file, e.g. a tool's --help text.

Usage: update_snippets.py REPO_ROOT
Prints the pages it changed.
"""
import pathlib
import re
import sys

BLOCK = re.compile(r"(^<!-- snippet: (\S+) -->\n(```+)[\w+-]*\n)(.*?)"
                   r"(^\3\n<!-- end snippet -->)", re.M | re.S)


def main():
    root = pathlib.Path(sys.argv[1])
    for page in sorted((root / "docs").rglob("*.md")):
        text = page.read_text(encoding="utf-8")

        def fill(m):
            src = root / m.group(2)
            if not src.is_file():
                return m.group(0)
            body = src.read_text(encoding="utf-8")
            if not body.endswith("\n"):
                body += "\n"
            return m.group(1) + body + m.group(5)

        new = BLOCK.sub(fill, text)
        if new != text:
            page.write_text(new, encoding="utf-8")
            print(f"updated {page.relative_to(root)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
