#!/usr/bin/env bash
# Bar import into the Postgres store: `sextant data import` (release build) of synthetic bars from
# scripts/gen-bars.py into a fresh database of the throwaway server, in bars per second.
#
#   scripts/bench-postgres.sh [--rows N] [--runs N] [--smoke]
#
#   --rows N   bars in the file (default 1,000,000)
#   --runs N   timed imports, each into a fresh database; the best and the median are printed (default 3)
#   --smoke    10,000 bars and one run: checks that the path works (CI), measures nothing
#
# Goal (issue 7): ≥ 200,000 bars/s into Postgres. The rate is the store's part (`store … s` in the
# import's own report: the one transaction of batched `INSERT … SELECT FROM unnest(…)`), and the
# whole command's time (reading and checking the CSV included) is printed beside it.
# Starts the throwaway servers with scripts/services.sh if they are down (and leaves them as found).
# Environment: SEXTANT_BENCH_STORE (default postgres://postgres@127.0.0.1:55432/postgres) is the
# server; CLI_SCRATCH (default .build) the SwiftPM scratch path of the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

rows=1000000
runs=3
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --smoke) rows=10000; runs=1; shift ;;
    *) echo "usage: scripts/bench-postgres.sh [--rows N] [--runs N] [--smoke]" >&2; exit 2 ;;
  esac
done

require_swift
server="${SEXTANT_BENCH_STORE:-postgres://postgres@127.0.0.1:55432/postgres}"
scratch="${CLI_SCRATCH:-.build}"
started_services=0
if ! scripts/services.sh status >/dev/null 2>&1; then
  scripts/services.sh start >/dev/null
  started_services=1
fi
work=$(mktemp -d)
cleanup() {
  rm -rf "$work"
  [ "$started_services" = 1 ] && scripts/services.sh stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

step "building sextant (release)"
swift build -c release --scratch-path "$scratch" --product sextant
sextant="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/sextant"

step "generating $rows bars"
python3 scripts/gen-bars.py --rows "$rows" --time epoch > "$work/bars.csv"

base="${server%/*}"
psql_admin() { psql "$server" -qAtX -v ON_ERROR_STOP=1 -c "$1"; }
rates=()
for run in $(seq "$runs"); do
  database="sextant_bench_$$_$run"
  psql_admin "CREATE DATABASE $database"
  "$sextant" db migrate --store "$base/$database" >/dev/null
  line=$("$sextant" data import "$work/bars.csv" --symbol BENCH --timeframe 1m --store "$base/$database")
  count=$(psql "$base/$database" -qAtX -c "SELECT count(*) FROM bars")
  psql_admin "DROP DATABASE $database WITH (FORCE)"
  [ "$count" = "$rows" ] || { echo "error: $count bars stored, $rows expected" >&2; exit 1; }
  echo "run $run: $line"
  rates+=("$(sed -E 's/.* ([0-9]+) bars\/s\)$/\1/' <<<"$line")")
done
sorted=$(printf '%s\n' "${rates[@]}" | sort -n)
best=$(tail -1 <<<"$sorted")
median=$(sed -n "$(( (runs + 1) / 2 ))p" <<<"$sorted")
echo "import into Postgres: $rows bars, best $best bars/s, median $median bars/s (goal ≥ 200000)"
