#!/usr/bin/env bash
# The quick start's first command: installs what is missing, builds Sextant in release mode, and
# runs the example job: lint every bundled strategy and config, explain the SMA cross and its
# evaluation graph, and compute its signals over the bundled GOOG bars.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

require_swift
ensure_packages "${SEXTANT_BUILD_PACKAGES[@]}"

step "building sextant (release)"
swift build -c release --product sextant
bin="$(swift build -c release --show-bin-path)/sextant"

step "sextant lint Strategies Config"
"$bin" lint Strategies Config

step "sextant lint --explain Strategies/sma_cross.yaml"
"$bin" lint --explain Strategies/sma_cross.yaml

step "sextant explain Strategies/sma_cross.yaml"
"$bin" explain Strategies/sma_cross.yaml

step "sextant eval: the SMA cross signals on the bundled GOOG bars (out/sma_cross_signals.csv)"
mkdir -p out
"$bin" eval examples/data/GOOG.csv --strategy Strategies/sma_cross.yaml \
  -e fast=fast_ma -e slow=slow_ma -e long='crosses_above(fast_ma, slow_ma)' -e short='crosses_below(fast_ma, slow_ma)' \
  --output out/sma_cross_signals.csv --timings
tail -n 5 out/sma_cross_signals.csv
