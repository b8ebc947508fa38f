#!/usr/bin/env bash
# Inserts per second into the embedded SQLite store with durability on (docs/store.md, "Measured").
#   scripts/bench-store.sh [--dir FOLDER] [--count N]
# FOLDER holds the scratch databases (default: the temporary folder); use the disk the engine runs on.
# Needs the StoreTiming target in Benchmarks/Package.swift (a plain release executable depending on
# SextantStore, path Benchmarks/StoreTiming).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

require_swift
ensure_packages libsqlite3-dev
step "building StoreTiming (release)"
swift build -c release --package-path Benchmarks --product StoreTiming
step "timing"
"$(swift build -c release --package-path Benchmarks --show-bin-path)/StoreTiming" "$@"
