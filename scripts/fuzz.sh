#!/usr/bin/env bash
# Fuzzes the expression parser+checker and the document loader with libFuzzer and AddressSanitizer.
#   scripts/fuzz.sh                 60 s per target
#   scripts/fuzz.sh --seconds 600   a 10-minute run per target
#   scripts/fuzz.sh --target FuzzDocument --seconds 30
# Seeds come from Grammar/examples and Strategies/; the growing corpus lives in .build-fuzz/corpus
# (outside git). A crash, leak, timeout (>10 s per input) or out-of-memory (>2 GB) fails the script
# and leaves the input in out/fuzz/ for a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

seconds=60
targets=(FuzzExpression FuzzDocument)
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --target) targets=("$2"); shift 2 ;;
    *) echo "usage: scripts/fuzz.sh [--seconds N] [--target FuzzExpression|FuzzDocument]" >&2; exit 2 ;;
  esac
done

require_swift
step "building fuzz targets (libFuzzer + AddressSanitizer)"
SEXTANT_FUZZ=1 swift build -c debug --scratch-path .build-fuzz --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address \
  --product FuzzExpression
SEXTANT_FUZZ=1 swift build -c debug --scratch-path .build-fuzz --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address \
  --product FuzzDocument
bin=$(SEXTANT_FUZZ=1 swift build -c debug --scratch-path .build-fuzz --show-bin-path)

mkdir -p out/fuzz
for target in "${targets[@]}"; do
  corpus=".build-fuzz/corpus/$target"
  seeds=".build-fuzz/seeds/$target"
  rm -rf "$seeds" && mkdir -p "$corpus" "$seeds"
  if [ "$target" = FuzzExpression ]; then
    # One seed per example expression line.
    n=0
    while IFS= read -r line; do
      case "$line" in ""|\#*) continue ;; esac
      n=$((n + 1)); printf '%s' "$line" > "$seeds/example-$n"
    done < <(cat Grammar/examples/*.txt 2>/dev/null || true)
  else
    cp Strategies/*.yaml Config/*.yaml "$seeds/"
    cp Tests/SextantLanguageTests/Corpus/*.yaml "$seeds/" 2>/dev/null || true
  fi
  step "$target for ${seconds}s"
  set +o pipefail
  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 "$bin/$target" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="out/fuzz/$target-" "$corpus" "$seeds" 2>&1 | tail -n 15
  status=${PIPESTATUS[0]}
  set -o pipefail
  if [ "$status" -ne 0 ]; then
    echo "error: $target found a failing input (exit $status); see out/fuzz/" >&2
    exit 1
  fi
done
echo "fuzzing: no crash, hang or memory blow-up found"
