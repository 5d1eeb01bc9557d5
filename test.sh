#!/usr/bin/env bash
# Runs every test suite and ends with one line: "N passed, N failed, N skipped".
#
#   ./test.sh                 all suites (core, web, browser)
#   ./test.sh web browser     only those suites
#
# PostgreSQL: uses PROPORTION_TEST_POSTGRES if set (an Npgsql connection string without a Database),
# else starts a throwaway server when initdb is on the machine, else the web tests run on SQLite only.
# Browser suite: runs when Chromium and chromedriver are found (PROPORTION_CHROMIUM,
# PROPORTION_CHROMEDRIVER override the paths), else its tests report as skipped.
# With CI=true a missing PostgreSQL, Chromium or chromedriver is a failure, not a skip.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$PWD
CONFIG=${CONFIGURATION:-Release}
IS_CI=false
[[ ${CI:-} == true || ${CI:-} == 1 ]] && IS_CI=true

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDTERMINALLOGGER=off
# Each test host would otherwise watch appsettings.json and wwwroot (for asp-append-version) with inotify;
# hundreds of hosts reach a fresh machine's limit of 128 inotify instances and fail. Tests never change those
# files: configuration is not reloaded, and any file watch polls instead of taking an inotify instance.
export DOTNET_hostBuilder__reloadConfigOnChange=false DOTNET_USE_POLLING_FILE_WATCHER=1

declare -A SUITE_DIRS=(
  [core]=tests/Proportion.Core.Tests
  [web]=tests/Proportion.Web.Tests
  [browser]=tests/Proportion.Browser.Tests
)
ALL_SUITES=(core web browser)
SUITES=("$@")
if ((${#SUITES[@]} == 0)); then SUITES=("${ALL_SUITES[@]}"); fi
for s in "${SUITES[@]}"; do
  [[ -n ${SUITE_DIRS[$s]:-} ]] || { echo "test.sh: unknown suite '$s' (core, web, browser)" >&2; exit 2; }
done

log() { printf '\n== %s\n' "$*"; }
die() { printf '\ntest.sh: %s\n' "$*" >&2; exit 1; }

RESULTS=$(mktemp -d "${TMPDIR:-/tmp}/proportion-tests.XXXXXX")
PG_DIR=""
PG_CTL=""
AS_PG=()

cleanup() {
  if [[ -n $PG_DIR && -f $PG_DIR/data/postmaster.pid ]]; then
    as_pg "$PG_CTL" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  [[ -n $PG_DIR ]] && rm -rf "$PG_DIR"
  rm -rf "$RESULTS"
}
trap cleanup EXIT

# ---------------------------------------------------------------- PostgreSQL

as_pg() { (cd "$PG_DIR" && "${AS_PG[@]}" "$@"); }

find_pg_bin() {
  local initdb
  if initdb=$(command -v initdb 2>/dev/null); then
    dirname "$(readlink -f "$initdb")"
    return 0
  fi
  local dir
  for dir in /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
    if [[ -x $dir/initdb && -x $dir/pg_ctl ]]; then echo "$dir"; return 0; fi
  done
  return 1
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_postgres() {
  local bin=$1
  PG_CTL=$bin/pg_ctl
  PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/proportion-pg.XXXXXX")
  chmod 755 "$PG_DIR"

  if [[ $(id -u) == 0 ]]; then
    # initdb refuses to run as root: the server runs as the postgres OS user.
    if ! id postgres >/dev/null 2>&1; then
      useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin postgres
    fi
    chown postgres: "$PG_DIR"
    AS_PG=(runuser -u postgres --)
  fi

  as_pg "$bin/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C -N \
    >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log" >&2; die "initdb failed"; }

  local port attempt
  port=55432
  for attempt in 1 2 3 4 5; do
    while port_in_use "$port"; do port=$((port + 1)); done
    if as_pg "$PG_CTL" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 -o \
        "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
        start >/dev/null 2>&1; then
      export PROPORTION_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=;Include Error Detail=true"
      echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') started on 127.0.0.1:$port (throwaway, $PG_DIR)"
      return 0
    fi
    port=$((port + 1))
  done
  cat "$PG_DIR/server.log" >&2 || true
  die "could not start a throwaway PostgreSQL"
}

log "Prerequisites"
if [[ -n ${PROPORTION_TEST_POSTGRES:-} ]]; then
  echo "PostgreSQL: using PROPORTION_TEST_POSTGRES"
elif [[ " ${SUITES[*]} " == *" web "* ]]; then
  if PG_BIN=$(find_pg_bin); then
    start_postgres "$PG_BIN"
  elif [[ $IS_CI == true ]]; then
    die "CI=true but no PostgreSQL: initdb not found on PATH or under /usr/lib/postgresql/*/bin, and PROPORTION_TEST_POSTGRES is not set."
  else
    echo "PostgreSQL: not found (no initdb, no PROPORTION_TEST_POSTGRES); the web tests run on SQLite only"
  fi
fi

find_exe() {
  local candidate
  for candidate in "$@"; do
    [[ -z $candidate ]] && continue
    if [[ $candidate == /* ]]; then
      [[ -x $candidate ]] && { echo "$candidate"; return 0; }
    elif command -v "$candidate" >/dev/null 2>&1; then
      command -v "$candidate"; return 0
    fi
  done
  return 1
}

if [[ " ${SUITES[*]} " == *" browser "* ]]; then
  if chromium=$(find_exe "${PROPORTION_CHROMIUM:-}" /usr/bin/chromium chromium chromium-browser) &&
     chromedriver=$(find_exe "${PROPORTION_CHROMEDRIVER:-}" /usr/bin/chromedriver chromedriver); then
    export PROPORTION_CHROMIUM=$chromium PROPORTION_CHROMEDRIVER=$chromedriver
    echo "Browser: $chromium, $chromedriver"
  elif [[ $IS_CI == true ]]; then
    die "CI=true but Chromium or chromedriver is missing (apt-get install -y chromium chromium-driver)."
  else
    echo "Browser: Chromium or chromedriver not found; the browser tests are skipped"
  fi
fi

# ---------------------------------------------------------------- build once

# The whole solution for a full run; only the chosen suites' projects (and what they reference) otherwise.
BUILD_TARGETS=(Proportion.slnx)
if (($# > 0)); then
  BUILD_TARGETS=()
  for s in "${SUITES[@]}"; do BUILD_TARGETS+=("${SUITE_DIRS[$s]}"); done
fi

log "Build ($CONFIG): ${BUILD_TARGETS[*]}"
for target in "${BUILD_TARGETS[@]}"; do
  if ! dotnet build "$target" -c "$CONFIG" -nologo -v:minimal; then
    echo "test.sh: the build failed; no suite ran" >&2
    echo "0 passed, 0 failed, 0 skipped"
    exit 1
  fi
done

# ---------------------------------------------------------------- run the suites

PASSED=0 FAILED=0 SKIPPED=0
BROKEN=()

counter() { # counter NAME FILE -> the value of NAME="..." in the <Counters> element
  sed -n 's/.*<Counters[^>]* '"$1"'="\([0-9]*\)".*/\1/p' "$2" | head -n1
}

for suite in "${SUITES[@]}"; do
  dir=${SUITE_DIRS[$suite]}
  trx=$RESULTS/$suite.trx
  log "Tests: $suite ($dir)"
  status=0
  dotnet test "$dir" -c "$CONFIG" --no-build --nologo \
    --logger "trx;LogFileName=$suite.trx" --results-directory "$RESULTS" \
    --blame-hang-timeout 5m --blame-hang-dump-type none || status=$?

  if [[ ! -f $trx ]]; then
    BROKEN+=("$suite (no results: dotnet test exited $status)")
    continue
  fi
  total=$(counter total "$trx"); executed=$(counter executed "$trx")
  passed=$(counter passed "$trx"); failed=$(counter failed "$trx")
  errors=$(( $(counter error "$trx") + $(counter timeout "$trx") + $(counter aborted "$trx") ))
  # xunit's skipped tests are neither executed nor counted as notExecuted in the TRX.
  skipped=$(( total - executed ))
  PASSED=$((PASSED + passed)); FAILED=$((FAILED + failed + errors)); SKIPPED=$((SKIPPED + skipped))
  if ((status != 0 && failed + errors == 0)); then
    BROKEN+=("$suite (dotnet test exited $status)")
  fi
done

echo
for broken in "${BROKEN[@]}"; do echo "test.sh: suite did not run to completion: $broken" >&2; done
echo "$PASSED passed, $FAILED failed, $SKIPPED skipped"
((FAILED == 0 && ${#BROKEN[@]} == 0))
