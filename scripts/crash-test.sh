#!/usr/bin/env bash
# Crash safety: a paced paper run of `sextant run` is killed with SIGKILL at random moments, N times,
# and restarted each time (it resumes from its store); then it runs to the end. The store's orders and
# fills are compared with those of an uninterrupted run of the same engine file, and the final trades
# with its trades. Prints the counts and fails on any difference: an order twice, a fill lost or doubled.
#   scripts/crash-test.sh [--kills N] [--pace SECONDS] [--seed S] [--store sqlite|postgres] [--smoke]
# With --store postgres the runs use fresh databases of the throwaway server (scripts/services.sh).
# --smoke (CI): 5 kills with the debug build scripts/test.sh has already made.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

kills=30
pace=0.003
seed=$RANDOM
kind=sqlite
configuration=release
while [ $# -gt 0 ]; do
  case "$1" in
    --kills) kills="$2"; shift 2 ;;
    --pace) pace="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --store) kind="$2"; shift 2 ;;
    --smoke) kills=5; configuration=debug; shift ;;
    *) echo "usage: scripts/crash-test.sh [--kills N] [--pace SECONDS] [--seed S] [--store sqlite|postgres] [--smoke]" >&2; exit 2 ;;
  esac
done

require_swift
ensure_packages "${SEXTANT_BUILD_PACKAGES[@]}"
step "building sextant ($configuration)"
swift build -c "$configuration" --product sextant
binary="$(swift build -c "$configuration" --show-bin-path)/sextant"

work="$(mktemp -d)"
databases=()
cleanup() {
  for db in "${databases[@]}"; do psql -h 127.0.0.1 -p 55432 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true; done
  [ -n "${SEXTANT_KEEP_WORK:-}" ] && echo "kept $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/Strategies"
cp Strategies/sma_cross.yaml Strategies/macd_trend.yaml Strategies/donchian_turtle.yaml "$work/Strategies/"
cp examples/data/GOOG.csv "$work/GOOG.csv"

# An engine file named NAME whose store is a fresh SQLite file or Postgres database.
engine_file() {
  local name="$1" store
  if [ "$kind" = postgres ]; then
    [ "$(scripts/services.sh status 2>/dev/null | grep -c '^postgres: up')" = 1 ] || scripts/services.sh start >/dev/null
    local db="sextant_crash_${name}_$$"
    psql -h 127.0.0.1 -p 55432 -U postgres -qc "CREATE DATABASE $db" >/dev/null
    databases+=("$db")
    store="postgres://postgres@127.0.0.1:55432/$db?sslmode=disable"
  else
    store="sqlite:$work/$name.sqlite"
  fi
  cat > "$work/$name.yaml" <<YAML
kind: engine
name: crash-$name
strategies: [Strategies/*.yaml]
venue: {adapter: paper, cash: 100000, commission: 0.1%}
data: {feed: csv, path: GOOG.csv, pace: $pace}
store: $store
YAML
  echo "$store"
}

# The store's orders and fills as sorted lines: "order ID STATE" and "fill VENUE ID ORDER QTY PRICE".
dump() {
  local store="$1"
  if [ "$kind" = postgres ]; then
    psql "${store%%\?*}" -U postgres -At -F ' ' -c "SELECT 'order', client_order_id, state FROM orders" \
      -c "SELECT 'fill', venue, fill_id, client_order_id, quantity, price FROM fills" \
      -c "SELECT 'position', strategy, symbol, quantity, average_price FROM positions"
  else
    python3 - "${store#sqlite:}" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for row in db.execute("SELECT client_order_id, state FROM orders"): print("order", *row)
for row in db.execute("SELECT venue, fill_id, client_order_id, quantity, price FROM fills"): print("fill", *row)
for row in db.execute("SELECT strategy, symbol, quantity, average_price FROM positions"): print("position", *row)
PY
  fi | sort
}

step "an uninterrupted run"
reference_store="$(engine_file reference)"
"$binary" run "$work/reference.yaml" > "$work/reference.out" 2> "$work/reference.err"
dump "$reference_store" > "$work/reference.dump"

step "$kills runs killed with SIGKILL at random moments (seed $seed), then one to the end"
crash_store="$(engine_file crash)"
RANDOM=$seed
for ((kill_number = 1; kill_number <= kills; kill_number++)); do
  "$binary" run "$work/crash.yaml" > /dev/null 2>> "$work/crash.err" &
  pid=$!
  sleep "$(printf '0.%03d' $((RANDOM % 1000)))"
  sleep "$((RANDOM % 4))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
done
"$binary" run "$work/crash.yaml" > "$work/crash.out" 2>> "$work/crash.err"
dump "$crash_store" > "$work/crash.dump"

orders_reference=$(grep -c '^order ' "$work/reference.dump" || true)
orders_crash=$(grep -c '^order ' "$work/crash.dump" || true)
fills_reference=$(grep -c '^fill ' "$work/reference.dump" || true)
fills_crash=$(grep -c '^fill ' "$work/crash.dump" || true)
duplicate_ids=$(grep '^order ' "$work/crash.dump" | awk '{print $2}' | sort | uniq -d | wc -l)
lost_fills=$(comm -23 <(grep '^fill ' "$work/reference.dump") <(grep '^fill ' "$work/crash.dump") | wc -l)
extra_fills=$(comm -13 <(grep '^fill ' "$work/reference.dump") <(grep '^fill ' "$work/crash.dump") | wc -l)
position_differences=$(diff <(grep '^position ' "$work/reference.dump") <(grep '^position ' "$work/crash.dump") | grep -c '^[<>]' || true)
order_differences=$(diff <(grep '^order ' "$work/reference.dump") <(grep '^order ' "$work/crash.dump") | grep -c '^[<>]' || true)
trades_equal=yes
cmp -s "$work/reference.out" "$work/crash.out" || trades_equal=no

echo "kills: $kills (seed $seed), store: $kind"
echo "orders: $orders_crash (uninterrupted run: $orders_reference), differing: $order_differences"
echo "client order ids stored twice: $duplicate_ids"
echo "fills: $fills_crash (uninterrupted run: $fills_reference), lost: $lost_fills, extra: $extra_fills"
echo "positions differing from the uninterrupted run's: $position_differences"
echo "final trades equal to the uninterrupted run's: $trades_equal"
if [ "$duplicate_ids" != 0 ] || [ "$lost_fills" != 0 ] || [ "$extra_fills" != 0 ] || [ "$order_differences" != 0 ] \
  || [ "$position_differences" != 0 ] \
  || [ "$trades_equal" != yes ]; then
  diff "$work/reference.out" "$work/crash.out" >&2 || true
  diff <(grep '^order ' "$work/reference.dump") <(grep '^order ' "$work/crash.dump") | head -20 >&2 || true
  echo "crash test FAILED" >&2
  exit 1
fi
echo "crash test passed"
