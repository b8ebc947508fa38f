#!/usr/bin/env bash
# The quick start's first command: installs what is missing, builds Sextant in release mode, and runs
# the example job: lint the bundled files, then backtest the SMA cross (Backtesting.py's Quick-Start
# strategy) on the bundled GOOG bars, printing its statistics and writing an HTML report, the JSON
# result and the trades to out/.
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

step "sextant backtest Strategies/sma_cross.yaml on examples/data/GOOG.csv (cash 10,000, commission 0.2%)"
mkdir -p out
"$bin" backtest Strategies/sma_cross.yaml --data examples/data/GOOG.csv --cash 10000 --commission 0.002 \
  --report out/sma_cross.html --json out/sma_cross.json --trades out/sma_cross_trades.csv

step "written: out/sma_cross.html (open it in a browser), out/sma_cross.json, out/sma_cross_trades.csv"
