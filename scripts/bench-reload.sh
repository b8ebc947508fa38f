#!/usr/bin/env bash
# Hot-reload latency, end to end: `sextant run` on a paced csv feed with `watch: true`; the strategy file
# is saved N times (by rename, as editors do) and each save is timed to its `reload` event on the event
# stream and to the first bar after it (the new version live). Goal (the engine issue): saved → compiled
# in < 50 ms, live at the next bar.
#   scripts/bench-reload.sh [--saves N] [--pace SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

saves=20
pace=0.02
while [ $# -gt 0 ]; do
  case "$1" in
    --saves) saves="$2"; shift 2 ;;
    --pace) pace="$2"; shift 2 ;;
    *) echo "usage: scripts/bench-reload.sh [--saves N] [--pace SECONDS]" >&2; exit 2 ;;
  esac
done

require_swift
ensure_packages "${SEXTANT_BUILD_PACKAGES[@]}"
step "building sextant (release)"
swift build -c release --product sextant
binary="$(swift build -c release --show-bin-path)/sextant"

work="$(mktemp -d)"
trap 'kill "${engine_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/Strategies"
cp Strategies/sma_cross.yaml "$work/Strategies/sma.yaml"
cp examples/data/GOOG.csv "$work/GOOG.csv"
cat > "$work/engine.yaml" <<YAML
kind: engine
name: reload-latency
strategies: [Strategies/*.yaml]
venue: {adapter: paper, cash: 10000, commission: 0.2%}
data: {feed: csv, path: GOOG.csv, pace: $pace}
store: sqlite:$work/var/sextant.sqlite
watch: true
YAML

step "timing $saves saves (bars every ${pace}s)"
"$binary" run "$work/engine.yaml" --events "$work/events.jsonl" >"$work/engine.log" 2>&1 &
engine_pid=$!
status=0
python3 - "$work" "$saves" <<'PY' || status=$?
import json, os, statistics, sys, time
work, saves = sys.argv[1], int(sys.argv[2])
events, strategy = os.path.join(work, "events.jsonl"), os.path.join(work, "Strategies", "sma.yaml")
original = open(strategy).read()

def lines():
    with open(events) as f:
        return f.readlines()

deadline = time.monotonic() + 30
while time.monotonic() < deadline and sum(1 for l in lines() if '"type":"bar"' in l) < 50:
    time.sleep(0.01)
compiled, live, statuses = [], [], []
for n in range(saves):
    seen = len(lines())
    fast = 11 + n % 2
    tmp = strategy + ".tmp"
    with open(tmp, "w") as f:
        f.write(original.replace("fast: {value: 10", "fast: {value: %d" % fast))
    start = time.monotonic()
    os.replace(tmp, strategy)
    reload_at = bar_at = None
    while time.monotonic() - start < 5 and bar_at is None:
        for line in lines()[seen:]:
            event = json.loads(line)
            if reload_at is None and event["type"] == "reload":
                reload_at = time.monotonic()
                statuses.append(event["status"])
            elif reload_at is not None and event["type"] == "bar":
                bar_at = time.monotonic()
                break
        time.sleep(0.001)
    if reload_at is None or bar_at is None:
        sys.exit("no reload event within 5 s of save %d" % n)
    compiled.append((reload_at - start) * 1000)
    live.append((bar_at - start) * 1000)
    time.sleep(0.2)

def summary(values):
    ordered = sorted(values)
    return "p50 %.1f  p90 %.1f  max %.1f" % (statistics.median(ordered), ordered[int(0.9 * (len(ordered) - 1))], ordered[-1])
print("saves: %d, reload statuses: %s" % (saves, ", ".join(sorted(set(statuses)))))
print("saved → reload event (linted, compiled), ms: " + summary(compiled) + "  (goal < 50 ms)")
print("saved → first bar of the new version, ms:   " + summary(live))
PY
[ $status -eq 0 ] || { echo "engine log:" >&2; cat "$work/engine.log" >&2; exit $status; }
