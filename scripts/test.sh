#!/usr/bin/env bash
# The quick start's second command, and what CI runs (.ci/run): every check of the repository.
#   scripts/test.sh            all checks
#   SEXTANT_FUZZ_SECONDS=N     length of the fuzzing smoke run (default 20 s per target; 0 skips it)
# The integration tests need PostgreSQL and Redis: scripts/services.sh installs (Debian packages) and
# starts throwaway servers before `swift test` and stops them on exit.
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

step "crash safety smoke run: 5 SIGKILLs of a paced paper run (scripts/crash-test.sh --smoke)"
scripts/crash-test.sh --smoke

fuzz_seconds="${SEXTANT_FUZZ_SECONDS:-20}"
if [ "$fuzz_seconds" != "0" ]; then
  step "fuzzing smoke run (${fuzz_seconds}s per target)"
  scripts/fuzz.sh --seconds "$fuzz_seconds"
fi

# Last, so that the test runner's summary is the closing line of the output. The integration tests
# run against throwaway PostgreSQL and Redis servers, stopped again however the tests end.
step "starting PostgreSQL and Redis for the integration tests (scripts/services.sh)"
trap 'scripts/services.sh stop >/dev/null 2>&1 || true' EXIT
scripts/services.sh start
export SEXTANT_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:55432/postgres"
export SEXTANT_TEST_REDIS_URL="redis://127.0.0.1:56379"

step "swift test"
swift test --skip-build
