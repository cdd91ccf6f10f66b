#!/usr/bin/env bash
# The one test command (README, CI): installs what the tests need, starts a throwaway
# PostgreSQL, checks both migration sets against the model, runs every test on SQLite and the
# database tests again on PostgreSQL, the browser journeys in Chromium, and prints one
# "N passed, N failed" line. Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
results="$root/.test-results"
rm -rf "$results"; mkdir -p "$results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

step() { echo; echo "=== $*"; }

# --- 1. machine packages (Debian) ---------------------------------------------------------
need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
[ -d /usr/share/fonts/truetype/liberation2 ] || [ -d /usr/share/fonts/truetype/liberation ] || need+=(fonts-liberation2)
[ -d /usr/share/fonts/truetype/dejavu ] || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  step "installing ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
    || { echo "apt-get install ${need[*]} failed"; exit 1; }
fi

# --- 2. throwaway PostgreSQL on a free loopback port --------------------------------------
step "starting PostgreSQL"
. eng/throwaway-postgres.sh
start_throwaway_postgres "$results" || exit 1
export SC_TEST_PG="$PG_CONNECTION;Pooling=true;Maximum Pool Size=20"

# --- 3. build ------------------------------------------------------------------------------
step "restoring and building"
dotnet tool restore >/dev/null || { echo "dotnet tool restore failed"; exit 1; }
dotnet build ServiceCenter.slnx -nologo -v q -clp:ErrorsOnly || { echo "0 passed, 1 failed"; echo "build failed"; exit 1; }

failed_steps=0
step "checking that both migration sets match the model"
if ! eng/check-migrations.sh >"$results/migrations.log" 2>&1; then
  cat "$results/migrations.log"; echo "migrations are out of date: run eng/add-migration.sh <Name>"; failed_steps=$((failed_steps+1))
fi

run_tests() { # name project filter env...
  local name=$1 project=$2 filter=$3; shift 3
  step "tests: $name"
  env "$@" dotnet test "$project" --no-build -nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
    ${filter:+--filter "$filter"} 2>&1 | grep -vE '^\s*$' | grep -vE '^(  Passed |\[xUnit.net .*\]\s+(Starting|Finished|Discovering|Discovered))' | tail -n 60
}

run_tests sqlite tests/ServiceCenter.Tests "" SC_TEST_PROVIDER=Sqlite
run_tests postgres tests/ServiceCenter.Tests "Category!=Unit" SC_TEST_PROVIDER=Postgres
run_tests e2e tests/ServiceCenter.E2E "" SC_TEST_PROVIDER=Sqlite

# --- 4. one summary line from the TRX files ------------------------------------------------
passed=0; failed=0; total=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p'); f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  t=$(echo "$counters" | sed -n 's/.* total="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); total=$((total + ${t:-0}))
done
expected_runs=3
runs=$(ls "$results"/*.trx 2>/dev/null | wc -l)
if [ "$runs" -lt "$expected_runs" ]; then
  echo "only $runs of $expected_runs test runs produced results (a test host crashed?)"; failed=$((failed + expected_runs - runs))
fi
failed=$((failed + failed_steps))
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
