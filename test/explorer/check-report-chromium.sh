#!/bin/sh
# test/explorer/check-report-chromium.sh TEST_REPORT_BINARY
#
# Loads the explorer's HTML reports (1, 2 and 3 objectives, written by
# "test_report --write DIR") in headless Chromium and checks that each
# page loads, logs nothing to the console (no JavaScript error), runs its
# script to the end (<body data-ready="ok">), and that its front plot has
# exactly one mark (class "pt") per plottable point in each panel, counted
# in the browser's DOM. A control page with a deliberate error proves the
# console check works. The SVG files must parse as XML. Exit 77 (skipped)
# without chromium or python3.
set -u
bin=$1
chromium=${EO_CHROMIUM:-}
[ -n "$chromium" ] || chromium=$(command -v chromium 2>/dev/null) ||
    chromium=$(command -v chromium-browser 2>/dev/null) || chromium=""
if [ -z "$chromium" ]; then
    echo "SKIP: chromium is not installed (Debian package 'chromium')"
    exit 77
fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "SKIP: python3 is not installed"
    exit 77
fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/eo-report-chromium.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT INT TERM
"$bin" --write "$dir" || { echo "FAIL: $bin --write $dir"; exit 1; }
cat > "$dir/control.html" <<'HTML'
<!DOCTYPE html><html><head><meta charset="utf-8"><title>c</title></head>
<body><script>console.error("eo-control"); eo_undefined_function();
</script></body></html>
HTML
# One browser for all pages: a harness page loads each in an iframe and,
# once everything has loaded, counts the marks in each loaded DOM (file
# access between frames needs --allow-file-access-from-files).
{
    echo '<!DOCTYPE html><html><head><meta charset="utf-8">'
    echo '<title>harness</title></head><body>'
    echo '<iframe src="control.html"></iframe>'
    while read -r name _; do
        echo "<iframe src=\"$name.html\"></iframe>"
    done <"$dir/expected.txt"
    cat <<'HTML'
<pre id="out"></pre>
<script>
window.addEventListener('load', function () {
  var out = [], fr = document.querySelectorAll('iframe');
  for (var i = 1; i < fr.length; i++) {
    var name = fr[i].getAttribute('src').replace('.html', '');
    var doc = fr[i].contentDocument;
    if (!doc || !doc.body) { out.push(name + ' unreadable'); continue; }
    var line = name + ' ' + doc.body.getAttribute('data-ready') + ' ' +
               doc.body.getAttribute('data-points');
    var plots = doc.querySelectorAll('svg.plot');
    line += ' ' + plots.length;
    for (var p = 0; p < plots.length; p++) {
      var panels = plots[p].querySelectorAll('g.panel');
      for (var q = 0; q < panels.length; q++)
        line += ' ' + panels[q].querySelectorAll('.pt').length + '/' +
                panels[q].querySelectorAll('.pt.front').length;
    }
    out.push(line);
  }
  document.getElementById('out').textContent = out.join('\n');
});
</script></body></html>
HTML
} >"$dir/harness.html"

timeout 60 "$chromium" --headless=new --no-sandbox --disable-gpu \
    --no-first-run --no-default-browser-check --disable-extensions \
    --allow-file-access-from-files --user-data-dir="$dir/profile" \
    --enable-logging=stderr --v=0 \
    --dump-dom "file://$dir/harness.html" >"$dir/harness.dom" \
    2>"$dir/harness.log"
status=$?
if [ $status -ne 0 ]; then
    echo "FAIL: chromium exited with $status"
    tail -20 "$dir/harness.log"
    exit 1
fi

python3 - "$dir" <<'PY'
import sys, os, re, html
from xml.dom import minidom

d = sys.argv[1]
bad = []
with open(os.path.join(d, "harness.log"), errors="replace") as f:
    console = [l.rstrip() for l in f if ":CONSOLE" in l or "Uncaught" in l]
if not any("eo_undefined_function" in l and "control.html" in l
           for l in console):
    bad.append("control page: the deliberate JavaScript error was not "
               "seen in Chromium's log; the console check cannot work")
for l in console:
    if "control.html" not in l:
        bad.append("console: " + l)

with open(os.path.join(d, "harness.dom"), errors="replace") as f:
    m = re.search(r'<pre id="out">(.*?)</pre>', f.read(), re.S)
seen = {}
for line in html.unescape(m.group(1) if m else "").splitlines():
    w = line.split()
    if w:
        seen[w[0]] = w[1:]

with open(os.path.join(d, "expected.txt")) as f:
    expected = [l.split() for l in f if l.strip()]
for name, panels, plottable, front in expected:
    panels, plottable, front = int(panels), int(plottable), int(front)
    got = seen.get(name)
    if got is None or len(got) < 3:
        bad.append(f"{name}.html: not loaded ({got})")
        continue
    ready, points, nplots, marks = got[0], got[1], got[2], got[3:]
    if ready != "ok":
        bad.append(f"{name}.html: the page's script did not finish "
                   f"(data-ready={ready})")
    if points != str(plottable):
        bad.append(f"{name}.html: the embedded JSON says {points} "
                   f"plottable points, expected {plottable}")
    if nplots != "1":
        bad.append(f"{name}.html: {nplots} front plots, expected 1")
    if len(marks) != panels:
        bad.append(f"{name}.html: {len(marks)} panels, expected {panels}")
    for i, pf in enumerate(marks):
        if pf != f"{plottable}/{front}":
            bad.append(f"{name}.html: panel {i}: {pf} marks/front marks, "
                       f"expected {plottable}/{front}")
    # The standalone SVG: well-formed XML with the same marks.
    try:
        doc = minidom.parse(os.path.join(d, name + ".svg"))
        n = sum(1 for e in doc.getElementsByTagName("*")
                if "pt" in e.getAttribute("class").split())
        if n != panels * plottable:
            bad.append(f"{name}.svg: {n} marks, expected "
                       f"{panels * plottable}")
    except Exception as e:
        bad.append(f"{name}.svg: not well-formed XML: {e}")
    print(f"{name}: {panels} panel(s), {plottable} marks each, "
          f"{front} on the front")

for b in bad:
    print("FAIL:", b)
sys.exit(1 if bad else 0)
PY
