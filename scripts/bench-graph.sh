#!/usr/bin/env bash
# The compiled strategy graph against the same logic written by hand, and `sextant eval` against the
# indicator benchmark, on one pinned core.
#
#   scripts/bench-graph.sh [--runs N] [--quick] [--core N] [--no-eval]
#
#   --runs N    timed runs per measurement, after one warm-up run; each number is the best (default 7)
#   --quick     100,000 bars, 3 runs, no 10M CSV: a smoke run for CI, not a measurement
#   --core N    the CPU everything is pinned to with taskset (default: the last one)
#   --no-eval   only the graph-against-hand-written part (no CLI build, no CSV files)
#
# Steps:
# 1. GraphTiming (Benchmarks/Benchmarks/GraphTiming, release) lints and plans an SMA cross with an RSI
#    filter and an ATR stop, evaluates it with BatchEvaluator on the seeded synthetic series at 1M and
#    10M bars, and times it against hand-written loops over the same kernels, checking that both
#    produce the same bits. Goal: graph/hand-written ≤ 1.25. It first checks that every strategy in
#    Strategies/ gives the same bits with and without the evaluator's buffer reuse.
# 2. IndicatorTiming (the tool of scripts/bench-indicators.sh) gives the SMA(close, 20) kernel's ns/bar.
# 3. `sextant eval BARS.csv -e s=sma(close, 20) --timings` (release) on CSV files from
#    scripts/gen-bars.py (1M and 10M rows): the reported column time per bar against step 2
#    (goal: within ±10 %), and `load_seconds` at 10M rows (goal: under 3 s).
#
# Environment: BENCH_SCRATCH (default .build-bench/swift, shared with bench-indicators.sh) and
# CLI_SCRATCH (default .build-bench/cli) are the SwiftPM scratch paths. Writes
# .build-bench/bench-graph.json; the CSV files are kept in .build-bench/ (regenerating 10M rows takes
# about a minute); nothing outside .build-bench/ is left changed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }

runs=7
runs_given=0
quick=0
core=""
eval_too=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="${2:?--runs needs a value}"; runs_given=1; shift 2 ;;
    --quick) quick=1; shift ;;
    --core) core="${2:?--core needs a value}"; shift 2 ;;
    --no-eval) eval_too=0; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "error: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
sizes=(1000000 10000000)
if [ "$quick" = 1 ]; then
  sizes=(100000)
  [ "$runs_given" = 1 ] || runs=3
fi
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "error: --runs takes a positive integer" >&2; exit 2; }

require_swift
ensure_packages util-linux  # taskset
[ -n "$core" ] || core=$(($(nproc) - 1))
pin=(taskset -c "$core")

work=.build-bench
mkdir -p "$work"
bench_scratch="${BENCH_SCRATCH:-$work/swift}"
cli_scratch="${CLI_SCRATCH:-$work/cli}"
# SwiftPM writes Package.resolved beside the manifest whatever the scratch path: remove it again if this
# run made it.
resolved=Benchmarks/Package.resolved
made_resolved=1
[ -e "$resolved" ] && made_resolved=0
cleanup() { if [ "$made_resolved" = 1 ]; then rm -f "$resolved"; fi; }
trap cleanup EXIT

if [ "$(cut -d' ' -f1 /proc/loadavg 2>/dev/null | cut -d. -f1)" -ge 1 ] 2>/dev/null; then
  echo "warning: load average $(cut -d' ' -f1-3 /proc/loadavg): other work is running, numbers are indicative" >&2
fi

step "building GraphTiming and IndicatorTiming (release)"
for product in GraphTiming IndicatorTiming; do
  swift build -c release --package-path Benchmarks --scratch-path "$bench_scratch" --product "$product" \
    >"$work/build-graph.log" 2>&1 || { tail -40 "$work/build-graph.log" >&2; exit 1; }
done

bars_flags=()
for size in "${sizes[@]}"; do bars_flags+=(--bars "$size"); done
step "graph against hand-written loops (core $core, best of $runs)"
"${pin[@]}" "$bench_scratch/release/GraphTiming" "${bars_flags[@]}" --runs "$runs" --check-strategies Strategies \
  >"$work/graph-timing.json"

# The SMA kernel at each size, as bench-indicators.sh measures it (streams skipped: 1 update).
for size in "${sizes[@]}"; do
  "${pin[@]}" "$bench_scratch/release/IndicatorTiming" --bars "$size" --runs "$runs" --stream-updates 1 \
    >"$work/indicator-timing-$size.json" 2>/dev/null
done

eval_files=()
if [ "$eval_too" = 1 ]; then
  step "building sextant (release)"
  swift build -c release --scratch-path "$cli_scratch" --product sextant >"$work/build-cli.log" 2>&1 \
    || { tail -40 "$work/build-cli.log" >&2; exit 1; }
  sextant="$cli_scratch/release/sextant"
  for size in "${sizes[@]}"; do
    csv="$work/bars-$size.csv"
    if [ ! -s "$csv" ]; then
      step "writing $csv (scripts/gen-bars.py --rows $size)"
      python3 scripts/gen-bars.py --rows "$size" >"$csv.tmp" && mv "$csv.tmp" "$csv"
    fi
    step "sextant eval $csv -e 's=sma(close, 20)' --timings (best of $runs)"
    out="$work/eval-timings-$size.jsonl"
    : >"$out"
    # One warm-up run (page cache), then the timed ones; --timings prints one JSON line on stderr.
    for run in $(seq 0 "$runs"); do
      "${pin[@]}" "$sextant" eval "$csv" -e 's=sma(close, 20)' --timings -o /dev/null 2>"$work/eval-stderr"
      [ "$run" = 0 ] || grep '^{' "$work/eval-stderr" | tail -1 >>"$out"
    done
    eval_files+=("$size=$out")
  done
fi

python3 - "$work/graph-timing.json" "$work/bench-graph.json" "${eval_files[@]}" <<'PY'
"""Prints the tables of scripts/bench-graph.sh and writes its JSON."""
import json
import sys

graph = json.load(open(sys.argv[1]))
out_path = sys.argv[2]
evals = dict(item.split("=", 1) for item in sys.argv[3:])
flag = lambda good: "ok" if good else "MISS"

print(f"\nGraph against hand-written ({graph['nodes']} nodes, lint + plan {graph['plan_ms']:.2f} ms, best of {graph['runs']}):\n")
print("| bars | graph ns/bar | hand-written ns/bar | ratio (goal ≤ 1.25) |")
print("| ---: | ---: | ---: | ---: |")
for bars, row in graph["bars"].items():
    print(f"| {int(bars):,} | {row['graph_ns_per_bar']:.2f} | {row['hand_ns_per_bar']:.2f} | "
          f"{row['ratio']:.2f} {flag(row['ratio'] <= 1.25)} |")

result = {"graph": graph, "eval": {}}
if evals:
    print("\n`sextant eval -e s=sma(close, 20) --timings` against IndicatorTiming's SMA(close, 20):\n")
    print("| bars | eval column ns/bar | kernel ns/bar | difference (goal ±10 %) | load_seconds |")
    print("| ---: | ---: | ---: | ---: | ---: |")
for bars, path in evals.items():
    lines = [json.loads(line) for line in open(path) if line.strip()]
    column = min(line["columns"]["s"] for line in lines) * 1e9 / int(bars)
    load = min(line["load_seconds"] for line in lines)
    kernel = json.load(open(f".build-bench/indicator-timing-{bars}.json"))["batch"]["SMA"]["ns_per_bar"]
    difference = column / kernel - 1
    load_note = f"{load:.3f}" + (f" {flag(load < 3)}" if int(bars) >= 10_000_000 else "")
    # Below 1M bars a process's one cold kernel call carries fixed costs that the goal does not cover.
    judged = flag(abs(difference) <= 0.10) if int(bars) >= 1_000_000 else "(not judged below 1M bars)"
    print(f"| {int(bars):,} | {column:.3f} | {kernel:.3f} | {difference:+.1%} {judged} | {load_note} |")
    result["eval"][bars] = {"column_ns_per_bar": column, "kernel_ns_per_bar": kernel, "load_seconds": load}
json.dump(result, open(out_path, "w"), indent=2)
PY
