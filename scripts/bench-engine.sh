#!/usr/bin/env bash
# The engine's bar latency: N symbols × the bundled strategies on 1-minute bars, from each bar's close to
# every order intent routed (p50/p90/p99/max). Goal (the engine issue): p99 < 5 ms for 500 × 3.
#   scripts/bench-engine.sh [--smoke] [EngineTiming options: --symbols N --bars N --warmup N --store none|sqlite]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

require_swift
ensure_packages "${SEXTANT_BUILD_PACKAGES[@]}"
args=()
for argument in "$@"; do
  if [ "$argument" = "--smoke" ]; then args+=(--symbols 20 --bars 400 --warmup 100); else args+=("$argument"); fi
done
step "building EngineTiming (release)"
swift build -c release --package-path Benchmarks --product EngineTiming
step "timing"
# Not pinned to a core: the engine spreads its hosts' evaluation over every core, as it runs in production.
"$(swift build -c release --package-path Benchmarks --show-bin-path)/EngineTiming" "${args[@]}"
