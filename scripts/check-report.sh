#!/usr/bin/env bash
# Checks an HTML backtest report (`sextant backtest --report`, Sources/SextantBacktest/Report) in a
# real headless browser, Debian's `chromium`, and optionally saves a screenshot.
#
#   scripts/check-report.sh REPORT.html [SCREENSHOT.png]
#
# It fails (exit 1) when
#   - the file references anything outside itself (http(s) URLs, <script src>, <link href>, <img>,
#     @import, url(...)): the report must work offline;
#   - the page throws, rejects a promise, logs with console.error, or fails to load any resource:
#     a small hook, injected at the top of <head> of a temporary copy, records these into a DOM
#     attribute that `--dump-dom` prints (Chromium's own stderr log does not tell console levels
#     apart, so it is only a second witness, for "Uncaught" errors);
#   - the report's script did not finish (it sets <body data-report-ready="1"> when done);
#   - a chart canvas is blank.
# Name resolution is disabled in the browser, so a reference the static check missed fails to load
# instead of reaching the network. Exit 2: usage error.
set -euo pipefail

usage() { echo "usage: scripts/check-report.sh REPORT.html [SCREENSHOT.png]" >&2; exit 2; }
[ $# -ge 1 ] && [ $# -le 2 ] || usage
report=$1
screenshot=${2:-}
[ -f "$report" ] || { echo "error: no such file: $report" >&2; exit 2; }
# Absolute paths before moving to the repository root.
report=$(realpath "$report")
[ -z "$screenshot" ] || screenshot=$(realpath -m "$screenshot")
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

command -v chromium >/dev/null 2>&1 || ensure_packages chromium
command -v chromium >/dev/null 2>&1 || { echo "error: chromium is not available" >&2; exit 1; }

failures=0
pass() { printf '  ok    %s\n' "$*"; }
fail() { printf '  FAIL  %s\n' "$*"; failures=$((failures + 1)); }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "checking $report ($(wc -c <"$report") bytes)"

# 1. Nothing outside the file.
pattern='https?://[^"'\''<> ]*|//cdn[^"'\''<> ]*|<script[^>]*[[:space:]]src=|<link[^>]*href=|<img[[:space:]]|<iframe|@import|url\('
external=$(grep -Eoi "$pattern" "$report" | sort -u || true)
if [ -n "$external" ]; then
  fail "external references: $(echo "$external" | head -5 | tr '\n' ' ')"
else
  pass "self-contained: no URL, <script src>, <link href>, <img>, @import or url()"
fi

# 2. The instrumented copy: the hook must run before any script of the page.
cat >"$work/hook.html" <<'HOOK'
<script>
(function () {
  var errors = [], warnings = [], root = document.documentElement;
  function note(list, name, text) {
    list.push(String(text).slice(0, 300));
    root.setAttribute(name, JSON.stringify(list));
  }
  window.addEventListener('error', function (event) {
    var target = event.target;
    if (target && target !== window && (target.src || target.href)) {
      note(errors, 'data-check-errors', 'failed to load ' + (target.src || target.href));
    } else {
      note(errors, 'data-check-errors', (event.message || 'error') + ' at line ' + (event.lineno || '?'));
    }
  }, true);
  window.addEventListener('unhandledrejection', function (event) {
    note(errors, 'data-check-errors', 'unhandled rejection: ' + event.reason);
  });
  var consoleError = console.error, consoleWarn = console.warn;
  console.error = function () {
    note(errors, 'data-check-errors', 'console.error: ' + Array.prototype.join.call(arguments, ' '));
    return consoleError.apply(console, arguments);
  };
  console.warn = function () {
    note(warnings, 'data-check-warnings', 'console.warn: ' + Array.prototype.join.call(arguments, ' '));
    return consoleWarn.apply(console, arguments);
  };
  // After load: how many canvases hold at least one painted pixel.
  window.addEventListener('load', function () {
    var canvases = document.querySelectorAll('canvas'), painted = 0;
    for (var i = 0; i < canvases.length; i++) {
      var c = canvases[i];
      if (c.classList.contains('overlay') || !c.width || !c.height) continue;
      var pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      for (var j = 3; j < pixels.length; j += 4) { if (pixels[j]) { painted++; break; } }
    }
    var drawn = document.querySelectorAll('canvas:not(.overlay)').length;
    root.setAttribute('data-check-canvases', painted + '/' + drawn);
  });
})();
</script>
HOOK
# Right after the <head> tag, so that it runs before any script of the page.
awk -v hook="$work/hook.html" '
  !done && match(tolower($0), /<head[ >]/) {
    rest = substr($0, RSTART); close_at = index(rest, ">")
    if (close_at) {
      print substr($0, 1, RSTART + close_at - 1)
      while ((getline line < hook) > 0) print line
      print substr($0, RSTART + close_at); done = 1; next
    }
  }
  { print }
  END { if (!done) exit 3 }' "$report" >"$work/report.html" || cat "$work/hook.html" "$report" >"$work/report.html"

browser=(
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions
  --disable-background-networking --host-resolver-rules="MAP * ~NOTFOUND"
  --enable-logging=stderr --v=0 --virtual-time-budget=10000 --window-size=1400,2000
)

# 3. Run it and read the DOM it ends with.
if ! timeout 120 "${browser[@]}" --dump-dom "file://$work/report.html" >"$work/dom.html" 2>"$work/browser.log"; then
  fail "chromium did not finish (see its log below)"
  tail -n 20 "$work/browser.log" | grep -v 'dbus\|unexpected operator' >&2 || true
fi
attribute() { # the decoded value of a data-check-* attribute of <html>, empty when absent
  grep -o "$1=\"[^\"]*\"" "$work/dom.html" | head -1 | sed -e "s/^$1=\"//" -e 's/"$//' \
    -e 's/&quot;/"/g' -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&amp;/\&/g' || true
}
errors=$(attribute data-check-errors)
warnings=$(attribute data-check-warnings)
canvases=$(attribute data-check-canvases)
uncaught=$(grep -E 'CONSOLE.*"Uncaught' "$work/browser.log" | sed -E 's/^.*CONSOLE[^"]*//' | head -5 || true)

if [ -n "$errors" ] || [ -n "$uncaught" ]; then
  fail "errors in the page: ${errors:-} ${uncaught:-}"
else
  pass "no JavaScript error, no console.error, no failed resource"
fi
[ -z "$warnings" ] || echo "  note  console warnings: $warnings"
if grep -q 'data-report-ready="1"' "$work/dom.html"; then
  pass "the report's script ran to the end (data-report-ready)"
else
  fail "the report's script did not finish: no data-report-ready on <body>"
fi
if [ -z "$canvases" ]; then
  fail "the load check did not run"
elif [ "${canvases%%/*}" -gt 0 ] && [ "${canvases%%/*}" = "${canvases##*/}" ]; then
  pass "every chart canvas is painted ($canvases)"
else
  fail "blank chart canvases: $canvases painted"
fi

# 4. The screenshot (of the report itself, at the size above).
if [ -n "$screenshot" ]; then
  mkdir -p "$(dirname "$screenshot")"
  rm -f "$screenshot"
  timeout 120 "${browser[@]}" --screenshot="$screenshot" "file://$work/report.html" >/dev/null 2>&1 || true
  if [ -s "$screenshot" ]; then
    pass "screenshot: $screenshot ($(wc -c <"$screenshot") bytes, 1400x2000)"
  else
    fail "no screenshot written to $screenshot"
  fi
fi

if [ "$failures" -gt 0 ]; then
  echo "report check failed: $failures problem(s)"
  exit 1
fi
echo "report check passed"
