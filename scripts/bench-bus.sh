#!/usr/bin/env bash
# Publish-to-receive latency (p50/p99/p99.9) and throughput on the Redis bus (docs/bus.md, "Measured").
#   scripts/bench-bus.sh [--url redis://HOST:PORT] [--count N] [--rate MESSAGES_PER_SECOND] [--smoke]
# Without --url, uses a throwaway server on 127.0.0.1:56380, starting one if none answers (and
# stopping it afterwards). --smoke runs 2,000 messages per scenario.
# Needs the BusTiming target in Benchmarks/Package.swift (a plain release executable depending on
# SextantBus, path Benchmarks/BusTiming).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

require_swift
ensure_packages libhiredis-dev redis-server

arguments=("$@")

step "building BusTiming (release)"
swift build -c release --package-path Benchmarks --product BusTiming
if [[ " $* " != *" --url "* ]]; then
  # Its own server, not the tests' 56379: a benchmark must not stop a server others use, nor be slowed by them.
  port=56380
  if ! redis-cli -p "$port" ping >/dev/null 2>&1; then
    step "starting a throwaway redis-server on 127.0.0.1:$port"
    folder=$(mktemp -d)
    redis-server --bind 127.0.0.1 --port "$port" --daemonize yes --save '' --appendonly no --dir "$folder" \
      --pidfile "$folder/redis.pid" --logfile "$folder/redis.log"
    trap 'redis-cli -p '"$port"' shutdown nosave >/dev/null 2>&1 || true; rm -rf '"$folder" EXIT
    for _ in $(seq 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  fi
  arguments+=(--url "redis://127.0.0.1:$port")
fi

step "timing"
"$(swift build -c release --package-path Benchmarks --show-bin-path)/BusTiming" "${arguments[@]}"
