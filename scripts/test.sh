#!/usr/bin/env bash
# The quick start's second command, and what CI runs (.ci/run): every check of the repository.
#   scripts/test.sh            all checks
#   SEXTANT_FUZZ_SECONDS=N     length of the fuzzing smoke run (default 20 s per target; 0 skips it)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

require_swift
ensure_packages "${SEXTANT_BUILD_PACKAGES[@]}"

step "swift format lint --strict"
swift format lint --strict --recursive Package.swift Sources Tests

step "building (debug, with tests)"
swift build --build-tests

step "sextant lint --strict Strategies Config"
"$(swift build --show-bin-path)/sextant" lint --strict Strategies Config

step "sextant test Strategies"
"$(swift build --show-bin-path)/sextant" test Strategies

step "sextant backtest --report, checked in headless Chromium (out/report-check.png)"
mkdir -p out
"$(swift build --show-bin-path)/sextant" backtest Strategies/sma_cross.yaml --data examples/data/GOOG.csv \
  --commission 0.002 --report out/report-check.html --quiet
scripts/check-report.sh out/report-check.html out/report-check.png

fuzz_seconds="${SEXTANT_FUZZ_SECONDS:-20}"
if [ "$fuzz_seconds" != "0" ]; then
  step "fuzzing smoke run (${fuzz_seconds}s per target)"
  scripts/fuzz.sh --seconds "$fuzz_seconds"
fi

# Last, so that the test runner's summary is the closing line of the output.
step "swift test"
swift test --skip-build
