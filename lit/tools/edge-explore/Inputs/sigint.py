# sigint.py DB N CMD ARGS...: runs CMD, sends it SIGINT (as Ctrl-C does)
# once the results database DB holds at least N evaluations, and prints
# its stderr, its stdout and "exit N" (130 expected).
import os
import signal
import sqlite3
import subprocess
import sys
import time

db, n, cmd = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
deadline = time.time() + 60
while p.poll() is None and time.time() < deadline:
    try:
        con = sqlite3.connect("file:%s?mode=ro" % db, uri=True, timeout=1)
        count = con.execute("SELECT COUNT(*) FROM evaluations").fetchone()[0]
        con.close()
    except sqlite3.Error:
        count = 0
    if count >= n:
        p.send_signal(signal.SIGINT)
        break
    time.sleep(0.005)
out, err = p.communicate(timeout=60)
sys.stdout.write(err.decode(errors="replace"))
sys.stdout.write(out.decode(errors="replace"))
print("exit", p.returncode)
