# Shared shell helpers for Sextant's scripts. Source it; do not run it.

# Prints a step heading.
step() { printf '\n==> %s\n' "$*" >&2; }

# Installs the Debian packages among "$@" that are missing. Needs root (or sudo) only when
# something is actually missing, so it is a no-op on a machine that has everything.
ensure_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  step "installing system packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Fails with a clear message when the Swift toolchain is missing.
require_swift() {
  command -v swift >/dev/null 2>&1 || {
    echo "error: the Swift toolchain (6.1 or newer) is required: https://www.swift.org/install/" >&2
    exit 1
  }
}

# The Debian packages the build and the tests need: SQLite's headers for the embedded store (GRDB
# links the system SQLite; Yams vendors libyaml) and hiredis's for the Redis bus (the CHiredis
# system-library target links libhiredis). scripts/check-report.sh adds Chromium when it runs; the
# servers the tests run against (PostgreSQL, Redis) are the business of scripts/services.sh.
SEXTANT_BUILD_PACKAGES=(git ca-certificates libsqlite3-dev libhiredis-dev)

# The servers the integration tests run against (scripts/services.sh starts throwaway instances):
# PostgreSQL for the Postgres store, Redis for the bus.
SEXTANT_SERVICE_PACKAGES=(postgresql redis-server)
