#!/usr/bin/env bash
# The streaming update of every builtin in the builtin table, on one core, two ways: as the builtin's
# public typed stream called directly, and through the interface the engine calls. The evidence for the
# goal of a streaming update <= 20 ns per bar per indicator, judged on the typed stream.
#
#   scripts/bench-streams.sh [--bars N] [--runs N] [--window-updates N] [--quick] [--typed-only] [--core N]
#
#   --bars N            bars in the synthetic series, and updates per run of each stream (default
#                       1,000,000; underscores and commas are ignored)
#   --runs N            timed runs per builtin and path, after one warm-up run; the best is reported
#                       (default 11)
#   --window-updates N  updates per run of the per-window statistics (ADF, coint, Hurst, half-life,
#                       historical VaR/CVaR, Calmar, drawdowns), whose streams recompute a batch window
#                       on every bar by design (decision D9) (default 20,000)
#   --quick             20,000 bars, 1 run: a smoke run for CI, not a measurement
#   --typed-only        time only the typed streams, not the table path (about half the time)
#   --core N            the CPU the timing is pinned to with taskset (default: the last one)
#
# Steps: builds Benchmarks/Benchmarks/StreamTiming in release mode, which generates the seeded synthetic
# series of bench-indicators.sh (SyntheticBars.swift) and, for every builtin of BuiltinTable.all that has
# a stream, makes the stream with the table's default settings (a length without a default is 14, or its
# minimum if higher) and times it two ways on the same inputs: series arguments read close (a second
# series open), conditions close > open as 1/0, bar fields the bars.
#   typed  the builtin's public typed stream of SextantIndicators (SMAStream, BetaStream, ...), the type
#          and initializer arguments its kernel uses, its own update called in a loop specialized for it;
#   table  the kernel's makeStream(settings), one update per bar through `any BuiltinStream`, as the
#          stream evaluator does.
# Prints a table sorted by name with both ns/update columns and ok/over against 20 ns on the typed one
# (the per-window statistics are marked as such), lists each path's overs, checks that both paths gave
# the same outputs, and writes .build-bench/bench-streams.json. Everything it makes stays under
# .build-bench/ (gitignored).
#
# Other benchmarks share this machine: run it as `flock /tmp/sextant-bench.lock scripts/bench-streams.sh`
# so that two timings never overlap.
#
# Environment: BENCH_SCRATCH (the SwiftPM scratch path, default .build-bench/swift, as in bench-graph.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }

bars=1000000
runs=11
window_updates=20000
quick=0
typed_only=()
bars_given=0
runs_given=0
core=""
while [ $# -gt 0 ]; do
  case "$1" in
    --bars) bars="${2:?--bars needs a value}"; bars_given=1; shift 2 ;;
    --runs) runs="${2:?--runs needs a value}"; runs_given=1; shift 2 ;;
    --window-updates) window_updates="${2:?--window-updates needs a value}"; shift 2 ;;
    --quick) quick=1; shift ;;
    --typed-only) typed_only=(--typed-only); shift ;;
    --core) core="${2:?--core needs a value}"; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "error: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [ "$quick" = 1 ]; then
  [ "$bars_given" = 1 ] || bars=20000
  [ "$runs_given" = 1 ] || runs=1
fi
bars="${bars//[_,]/}"
window_updates="${window_updates//[_,]/}"
for value in "$bars" "$runs" "$window_updates"; do
  [[ "$value" =~ ^[1-9][0-9]*$ ]] || {
    echo "error: --bars, --runs and --window-updates take positive integers" >&2
    exit 2
  }
done

require_swift
ensure_packages util-linux  # taskset
[ -n "$core" ] || core=$(($(nproc) - 1))
[[ "$core" =~ ^[0-9]+$ ]] && [ "$core" -lt "$(nproc)" ] || {
  echo "error: --core takes a CPU number below $(nproc)" >&2
  exit 2
}

work=.build-bench
mkdir -p "$work"
# SwiftPM writes Package.resolved beside the manifest whatever the scratch path; remove it again if this
# run made it (it is gitignored, but the promise is to leave nothing behind).
resolved=Benchmarks/Package.resolved
made_resolved=1
[ -e "$resolved" ] && made_resolved=0
cleanup() {
  if [ "$made_resolved" = 1 ]; then rm -f "$resolved"; fi
}
trap cleanup EXIT

step "building StreamTiming (release)"
bench_scratch="${BENCH_SCRATCH:-$work/swift}"
swift build -c release --package-path Benchmarks --scratch-path "$bench_scratch" --product StreamTiming \
  >"$work/build-streams.log" 2>&1 || { tail -40 "$work/build-streams.log" >&2; exit 1; }
timing="$bench_scratch/release/StreamTiming"

step "timing every builtin's stream on $bars bars, best of $runs, core $core"
taskset -c "$core" "$timing" --bars "$bars" --runs "$runs" --window-updates "$window_updates" \
  --json "$work/bench-streams.json" "${typed_only[@]}"
