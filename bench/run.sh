#!/usr/bin/env bash
# Builds Release, fills a 100,000-practice database on SQLite and on PostgreSQL, and on each times the
# person register page and the service open list against their queries, and the due work (DueWork) of a
# service and of an organisation against a direct query, then records incidents through the app against
# the database's raw insert rate. See bench/README.md.
#
#   bench/run.sh                 both providers (PostgreSQL when available)
#   bench/run.sh sqlite          one provider only
#   bench/run.sh postgres
#
# Sizing (defaults give 10 x 20 x 50 x 10 = 100,000 practices):
#   BENCH_ORGS=10 BENCH_SERVICES=20 BENCH_PEOPLE=50 BENCH_PRACTICES=10 BENCH_REQUESTS=300 BENCH_WARMUP=50
# Incidents: BENCH_CLIENTS=32 concurrent clients for BENCH_INCIDENT_SECONDS=30 after BENCH_INCIDENT_WARMUP=5.
# Due work: BENCH_DUE_RUNS=30 timed runs of each after BENCH_DUE_WARMUP=5.
# Analytics (BENCH_STEPS=analytics, not run unless asked): adds BENCH_ANALYTICS_INCIDENTS=100000 incidents over
#   three years by the bulk path, then times the charts' reads, BENCH_ANALYTICS_RUNS=20 after
#   BENCH_ANALYTICS_WARMUP=3. Full size: BENCH_ORGS=50 BENCH_SERVICES=100 BENCH_PEOPLE=4 BENCH_PRACTICES=1
#   BENCH_ANALYTICS_INCIDENTS=10000000 (5,000 services; see bench/README.md).
# BENCH_STEPS="reminders pages due council incidents" chooses the steps after generate (e.g. BENCH_STEPS=due; analytics runs last).
# BENCH_EXPLAIN=1 also prints the SQL and query plans of the pages' queries and of DueWork's (and the SQL of
# the analytics step's reads through the tallies).
# PostgreSQL: uses PROPORTION_BENCH_POSTGRES if set (an Npgsql connection string without a Database; a
# database proportion_bench_<pid> is created on it and dropped afterwards), else starts a throwaway
# server when initdb is found (as the postgres user when run as root), else skips PostgreSQL.
# The throwaway server keeps PostgreSQL's durable defaults (fsync, synchronous_commit on), because the
# register page commits an audit row on every view; set BENCH_PG_OPTIONS to add server options.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDTERMINALLOGGER=off

PROVIDERS=("$@")
if ((${#PROVIDERS[@]} == 0)); then PROVIDERS=(sqlite postgres); fi
for p in "${PROVIDERS[@]}"; do
  [[ $p == sqlite || $p == postgres ]] || { echo "run.sh: unknown provider '$p' (sqlite, postgres)" >&2; exit 2; }
done

SIZE=(--organisations "${BENCH_ORGS:-10}" --services-per-org "${BENCH_SERVICES:-20}"
      --people-per-service "${BENCH_PEOPLE:-50}" --practices-per-person "${BENCH_PRACTICES:-10}")
PAGES=(--requests "${BENCH_REQUESTS:-300}" --warmup "${BENCH_WARMUP:-50}")
DUE=(--runs "${BENCH_DUE_RUNS:-30}" --warmup "${BENCH_DUE_WARMUP:-5}")
ANALYTICS_GENERATE=(--incidents "${BENCH_ANALYTICS_INCIDENTS:-100000}")
ANALYTICS=(--runs "${BENCH_ANALYTICS_RUNS:-20}" --warmup "${BENCH_ANALYTICS_WARMUP:-3}")
COUNCIL=(--runs "${BENCH_COUNCIL_RUNS:-50}" --warmup "${BENCH_COUNCIL_WARMUP:-5}" --funded-per-provider "${BENCH_FUNDED_PER_PROVIDER:-10}")
INCIDENTS=(--clients "${BENCH_CLIENTS:-32}" --seconds "${BENCH_INCIDENT_SECONDS:-30}" --warmup-seconds "${BENCH_INCIDENT_WARMUP:-60}")
STEPS_TEXT=${BENCH_STEPS:-reminders pages due council incidents}
read -r -a STEPS <<<"${STEPS_TEXT//,/ }"
for step in "${STEPS[@]}"; do
  [[ $step == reminders || $step == pages || $step == due || $step == council || $step == incidents || $step == analytics ]] || { echo "run.sh: unknown step '$step' in BENCH_STEPS (reminders, pages, due, council, incidents, analytics)" >&2; exit 2; }
done
BENCH=(dotnet "$ROOT/bench/Proportion.Bench/bin/Release/net10.0/Proportion.Bench.dll")

log() { printf '\n== %s\n' "$*"; }
die() { printf '\nrun.sh: %s\n' "$*" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/proportion-bench.XXXXXX")
chmod 755 "$WORK"
PG_DIR=""
PG_CTL=""
AS_PG=()
PG_BIN=""
DROP_CONNECTION=""
FAILED=()

cleanup() {
  if [[ -n $DROP_CONNECTION ]]; then
    "${BENCH[@]}" drop --provider Postgres --connection "$DROP_CONNECTION" >/dev/null 2>&1 || true
  fi
  if [[ -n $PG_DIR && -f $PG_DIR/data/postmaster.pid ]]; then
    as_pg "$PG_CTL" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

log "Build (Release)"
dotnet build -c Release -v quiet -nologo src/Proportion.Web/Proportion.Web.csproj
dotnet build -c Release -v quiet -nologo bench/Proportion.Bench/Proportion.Bench.csproj
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), .NET $(dotnet --version)"

has_step() { [[ " ${STEPS[*]} " == *" $1 "* ]]; }

run_provider() {
  local provider=$1 connection=$2
  local pgbench=()
  # The pgbench that came with the server, when run.sh started one; else the command looks for one.
  if [[ -n $PG_BIN && -x $PG_BIN/pgbench ]]; then pgbench=(--pgbench "$PG_BIN/pgbench"); fi
  log "$provider: generate"
  "${BENCH[@]}" generate --provider "$provider" --connection "$connection" "${SIZE[@]}"
  if has_step reminders; then
    # First: the app started by the later steps runs the reminder job itself and would send them all.
    log "$provider: reminders"
    "${BENCH[@]}" reminders --provider "$provider" --connection "$connection"
  fi
  if has_step pages; then
    log "$provider: pages"
    "${BENCH[@]}" pages --provider "$provider" --connection "$connection" "${PAGES[@]}"
  fi
  if [[ -n ${BENCH_EXPLAIN:-} ]]; then
    log "$provider: query plans"
    "${BENCH[@]}" explain --provider "$provider" --connection "$connection"
  fi
  if has_step due; then
    log "$provider: due work"
    # Before incidents, which would add its own incidents to what is due. Exit code 1 (the two answers
    # differ) is reported at the end, after the other provider has run, as for incidents.
    "${BENCH[@]}" due --provider "$provider" --connection "$connection" "${DUE[@]}" \
      || { local rc=$?; ((rc == 1)) || exit "$rc"; FAILED+=("$provider due"); }
  fi
  if has_step council; then
    log "$provider: council picture"
    # Before incidents, like due. Exit code 1 (the picture and the direct query differ) is reported at the end.
    "${BENCH[@]}" council --provider "$provider" --connection "$connection" "${COUNCIL[@]}" \
      || { local rc=$?; ((rc == 1)) || exit "$rc"; FAILED+=("$provider council"); }
  fi
  if has_step incidents; then
    log "$provider: incidents"
    # Exit code 1 (a failed post, or a count that does not add up) is reported at the end, after the other
    # provider has run; anything else (bad options, Ctrl+C) stops here.
    "${BENCH[@]}" incidents --provider "$provider" --connection "$connection" "${INCIDENTS[@]}" "${pgbench[@]}" \
      || { local rc=$?; ((rc == 1)) || exit "$rc"; FAILED+=("$provider incidents"); }
  fi
  if has_step analytics; then
    # Last: it adds millions of incidents, which would change what the other steps measure.
    log "$provider: analytics (bulk load)"
    "${BENCH[@]}" analytics-generate --provider "$provider" --connection "$connection" "${ANALYTICS_GENERATE[@]}"
    log "$provider: analytics"
    # Exit code 1 (the tallies and the direct queries disagree) is reported at the end, as for due.
    "${BENCH[@]}" analytics --provider "$provider" --connection "$connection" "${ANALYTICS[@]}" ${BENCH_EXPLAIN:+--show-sql 1} \
      || { local rc=$?; ((rc == 1)) || exit "$rc"; FAILED+=("$provider analytics"); }
  fi
}

# ---------------------------------------------------------------- PostgreSQL (as test.sh does)

as_pg() { (cd "$PG_DIR" && "${AS_PG[@]}" "$@"); }

find_pg_bin() {
  local initdb dir
  if initdb=$(command -v initdb 2>/dev/null); then
    dirname "$(readlink -f "$initdb")"
    return 0
  fi
  for dir in /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
    if [[ -x $dir/initdb && -x $dir/pg_ctl ]]; then echo "$dir"; return 0; fi
  done
  return 1
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Sets PG_SERVER to a connection string without a Database.
start_postgres() {
  local bin=$1 port attempt
  PG_CTL=$bin/pg_ctl
  PG_DIR=$WORK/pg
  mkdir -p "$PG_DIR"
  if [[ $(id -u) == 0 ]]; then
    # initdb refuses to run as root: the server runs as the postgres OS user.
    if ! id postgres >/dev/null 2>&1; then
      useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin postgres
    fi
    chown postgres: "$PG_DIR"
    AS_PG=(runuser -u postgres --)
  fi
  as_pg "$bin/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C \
    >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log" >&2; die "initdb failed"; }
  port=56432
  for attempt in 1 2 3 4 5; do
    while port_in_use "$port"; do port=$((port + 1)); done
    if as_pg "$PG_CTL" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 -o \
        "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$PG_DIR ${BENCH_PG_OPTIONS:-}" \
        start >/dev/null 2>&1; then
      PG_SERVER="Host=127.0.0.1;Port=$port;Username=postgres;Password="
      echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') started on 127.0.0.1:$port (throwaway, $PG_DIR)"
      return 0
    fi
    port=$((port + 1))
  done
  cat "$PG_DIR/server.log" >&2 || true
  die "could not start a throwaway PostgreSQL"
}

for provider in "${PROVIDERS[@]}"; do
  case $provider in
    sqlite)
      run_provider Sqlite "Data Source=$WORK/proportion-bench.db"
      ;;
    postgres)
      PG_SERVER=""
      if [[ -n ${PROPORTION_BENCH_POSTGRES:-} ]]; then
        PG_SERVER=$PROPORTION_BENCH_POSTGRES
        echo "PostgreSQL: using PROPORTION_BENCH_POSTGRES"
      elif PG_BIN=$(find_pg_bin); then
        start_postgres "$PG_BIN"
      else
        PG_BIN=""
        log "PostgreSQL: skipped (no initdb found and PROPORTION_BENCH_POSTGRES not set)"
        continue
      fi
      connection="${PG_SERVER%;};Database=proportion_bench_$$"
      DROP_CONNECTION=$connection
      run_provider Postgres "$connection"
      ;;
  esac
done

if ((${#FAILED[@]} > 0)); then
  die "failed: ${FAILED[*]} (see above)"
fi
