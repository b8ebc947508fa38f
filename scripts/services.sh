#!/usr/bin/env bash
# Throwaway PostgreSQL and Redis for the integration tests, on loopback and non-default ports.
#   scripts/services.sh start    install what is missing, start both (a no-op for one already up)
#   scripts/services.sh stop     stop both (a no-op for one already down)
#   scripts/services.sh status   say which is up; exit 1 unless both are
# `start` and `status` print the URLs the tests read; the script exports nothing itself:
#   SEXTANT_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:55432/postgres
#   SEXTANT_TEST_REDIS_URL=redis://127.0.0.1:56379
# Data lives in SEXTANT_SERVICES_DIR (default /tmp/sextant-svc), fsync off: nothing here is worth
# keeping. With SEXTANT_SERVICES_DURABLE=1 the PostgreSQL server is another one, on port 55433 with
# fsync on (every commit reaches the disk, as in production): what scripts/bench-engine.sh
# --durable-postgres measures against. Root cannot run postgres itself, so the server runs as the
# `postgres` user (runuser).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

POSTGRES_PORT=55432
REDIS_PORT=56379
ROOT="${SEXTANT_SERVICES_DIR:-/tmp/sextant-svc}"
PGDATA="$ROOT/pg"
FSYNC=off
INITDB_SYNC=--no-sync
if [ "${SEXTANT_SERVICES_DURABLE:-0}" = 1 ]; then
  POSTGRES_PORT=55433
  PGDATA="$ROOT/pg-durable"
  FSYNC=on
  INITDB_SYNC=
fi
POSTGRES_URL="postgres://postgres@127.0.0.1:${POSTGRES_PORT}/postgres"
REDIS_URL="redis://127.0.0.1:${REDIS_PORT}"

postgres_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$bin" ] || { echo "error: no PostgreSQL server under /usr/lib/postgresql" >&2; exit 1; }
  echo "$bin"
}

# Runs a command as the postgres user (as is, when that is who we are).
as_postgres() {
  if [ "$(id -un)" = "postgres" ]; then "$@"; else runuser -u postgres -- "$@"; fi
}

postgres_up() { as_postgres "$(postgres_bin)/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; }
redis_up() { redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; }

start() {
  ensure_packages "${SEXTANT_SERVICE_PACKAGES[@]}"
  mkdir -p "$ROOT" && chmod 755 "$ROOT"
  if ! redis_up; then
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes --save '' --appendonly no \
      --dir "$ROOT" --pidfile "$ROOT/redis.pid" --logfile "$ROOT/redis.log"
    for _ in $(seq 50); do redis_up && break; sleep 0.1; done
    redis_up || { echo "error: redis-server did not start (see $ROOT/redis.log)" >&2; exit 1; }
  fi
  local bin
  bin=$(postgres_bin)
  if [ ! -s "$PGDATA/PG_VERSION" ]; then
    install -d -m 700 -o postgres -g postgres "$PGDATA"
    as_postgres "$bin/initdb" -D "$PGDATA" -U postgres -A trust $INITDB_SYNC -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! postgres_up; then
    as_postgres "$bin/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 30 start \
      -o "-p $POSTGRES_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PGDATA -c fsync=$FSYNC -c max_connections=200" \
      >/dev/null || { echo "error: PostgreSQL did not start (see $PGDATA/server.log)" >&2; exit 1; }
  fi
  status
}

stop() {
  if redis_up; then redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true; fi
  if [ -d "$PGDATA" ] && postgres_up; then
    as_postgres "$(postgres_bin)/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null
  fi
  echo "postgres: stopped"
  echo "redis: stopped"
}

status() {
  local ok=0
  if [ -d "$PGDATA" ] && postgres_up; then echo "postgres: up  SEXTANT_TEST_POSTGRES_URL=$POSTGRES_URL"; else echo "postgres: down"; ok=1; fi
  if command -v redis-cli >/dev/null && redis_up; then echo "redis: up  SEXTANT_TEST_REDIS_URL=$REDIS_URL"; else echo "redis: down"; ok=1; fi
  return $ok
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: scripts/services.sh start|stop|status" >&2; exit 2 ;;
esac
