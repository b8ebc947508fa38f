#!/usr/bin/env bash
# The engine's bar latency: N symbols × the bundled strategies on 1-minute bars, from each bar's close to
# every order intent routed (p50/p90/p99/max). Goal (the engine issue): p99 < 5 ms for 500 × 3.
# With a store, the fills stored per second too (goal, the persistence issue: ≥ 5,000 into Postgres
# with the bus on).
#   scripts/bench-engine.sh [--smoke] [--postgres | --durable-postgres]
#                           [EngineTiming options: --symbols N --bars N --warmup N --store none|sqlite|URL --bus URL]
# --postgres: a fresh database on the throwaway server of scripts/services.sh (fsync off) and its Redis
# as the bus; --durable-postgres: the same on its durable twin (fsync on, port 55433). Both start the
# servers when they are down and leave them running.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

require_swift
ensure_packages "${SEXTANT_BUILD_PACKAGES[@]}"
args=()
server=""
for argument in "$@"; do
  case "$argument" in
    --smoke) args+=(--symbols 20 --bars 400 --warmup 100) ;;
    --postgres) server=fast ;;
    --durable-postgres) server=durable ;;
    *) args+=("$argument") ;;
  esac
done
if [ -n "$server" ]; then
  durable=0
  port=55432
  if [ "$server" = durable ]; then durable=1; port=55433; fi
  SEXTANT_SERVICES_DURABLE=$durable scripts/services.sh start >/dev/null
  psql "postgres://postgres@127.0.0.1:$port/postgres" -qc "DROP DATABASE IF EXISTS bench_engine" \
    -c "CREATE DATABASE bench_engine"
  args+=(--store "postgres://postgres@127.0.0.1:$port/bench_engine" --bus redis://127.0.0.1:56379)
  step "store: $server Postgres on port $port (fsync $([ $durable = 1 ] && echo on || echo off)), bus: Redis"
fi
step "building EngineTiming (release)"
swift build -c release --package-path Benchmarks --product EngineTiming
step "timing"
# Not pinned to a core: the engine spreads its hosts' evaluation over every core, as it runs in production.
"$(swift build -c release --package-path Benchmarks --show-bin-path)/EngineTiming" "${args[@]}"
