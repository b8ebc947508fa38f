#!/usr/bin/env bash
# The quick start's first command: installs what is missing, builds Sextant in release mode, and
# runs the example job: lint every bundled strategy and config, then explain the SMA cross.
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
