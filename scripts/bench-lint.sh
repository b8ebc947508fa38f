#!/usr/bin/env bash
# Lint throughput from the command line: Strategies/ and Config/ replicated to 1,000 files on disk,
# linted by the release build on one core (taskset). Goal: under 1 s. Prints files/s.
#   scripts/bench-lint.sh [FILES]        default 1000
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh
count="${1:-1000}"

require_swift
ensure_packages bc util-linux
swift build -c release --product sextant >/dev/null
bin="$(swift build -c release --show-bin-path)/sextant"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/Strategies"
sources=(Strategies/*.yaml Config/risk*.yaml)
for ((i = 0; i < count; i++)); do
  src="${sources[$((i % ${#sources[@]}))]}"
  cp "$src" "$work/Strategies/$(printf '%04d' "$i")-$(basename "$src")"
done

pin=""
command -v taskset >/dev/null && pin="taskset -c 0"
best=""
for run in 1 2 3 4 5; do
  start=$(date +%s.%N)
  $pin "$bin" lint "$work/Strategies" >/dev/null
  end=$(date +%s.%N)
  t=$(echo "$end - $start" | bc -l)
  if [ -z "$best" ] || (( $(echo "$t < $best" | bc -l) )); then best=$t; fi
done
printf 'lint: %d files in %.3f s (best of 5, one core) = %.0f files/s; goal: %d files < 1 s\n' \
  "$count" "$best" "$(echo "$count / $best" | bc -l)" "$count"
