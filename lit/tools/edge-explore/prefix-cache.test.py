# Compares the evaluations of two results databases (prefix-cache.test).
import sqlite3
import sys

COLS = "assignment, status, message, latency, energy, memory"


def rows(path):
    db = sqlite3.connect(path)
    try:
        return db.execute(f"SELECT {COLS} FROM evaluations ORDER BY id"
                          ).fetchall()
    finally:
        db.close()


a, b = rows(sys.argv[1]), rows(sys.argv[2])
if a != b:
    print(f"differ: {len(a)} and {len(b)} evaluations")
    sys.exit(1)
print(f"same {len(a)} evaluations")
