#!/usr/bin/env bash
# Runs the load driver on a throwaway PostgreSQL (started the way ./test.sh starts one) and, for the
# counterparty suite, on SQLite too, and keeps the output in .bench-results/. Figures go to
# docs/benchmarks.md by hand. Extra arguments go to the driver.
#
#   bench/run.sh                                     counterparty list, 100 000 rows, SQLite and PostgreSQL
#   bench/run.sh --rows 20000                        the same, smaller
#   bench/run.sh --suite repairs                     repair orders, 1 000 000 of them, PostgreSQL only
#   bench/run.sh --suite repairs --orders 20000 --intake-seconds 10
#   bench/run.sh --suite repairs --provider sqlite   repair orders on SQLite instead (1M there is optional)
#   bench/run.sh --suite serials                     serial registry, 10 000 000 units, PostgreSQL: warranty status, card, registration
#   bench/run.sh --suite serials --serials 100000 --register-seconds 5
#   bench/run.sh --suite stock                       stock balances at a date (issue 5): 10 000 items × 20 warehouses, 10 000 000 ledger rows
#   bench/run.sh --suite stock --ledger-rows 1000000 --runs 5
#   bench/run.sh --suite serial-import               serial import (WAR-04): 1 000 000-row CSV, psql \copy baseline, PostgreSQL and SQLite
#   bench/run.sh --suite serial-import --rows 100000 --twice   smaller, and a second file into the filled registry
#   bench/run.sh --suite wizard                      order wizard (issue 5): 10 000 reorder rules over 10 000 items, PostgreSQL
#   bench/run.sh --suite around                      loaners, third-party centres, deliveries (issue 6): 200 000 orders, 20 000 units,
#                                                    200 000 loans, 20 000 transfers, 150 000 courier tasks; lists, reports, loaner issue
#   bench/run.sh --suite around --orders 20000 --units 2000 --transfers 2000 --deliveries 15000
#
# Counterparty defaults: --rows 100000, 300 requests per scenario, 1 and 4 clients. Repair defaults:
# --orders 1000000 --client-cards 50000 --intake-seconds 60 --intake-clients 8, and the same
# 300 requests / 1 and 4 clients per read scenario.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out="$root/.bench-results"
mkdir -p "$out"
stamp=$(date -u +%Y%m%dT%H%M%SZ)

# --suite and --provider are ours; everything else goes to the driver as given.
suite=counterparties
providers=()
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --suite) suite=$2; shift 2 ;;
    --provider) providers=("$2"); shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
case "$suite" in
  counterparties|counterparty)
    suite=counterparties
    [ ${#args[@]} -eq 0 ] && args=(--rows 100000)
    [ ${#providers[@]} -eq 0 ] && providers=(sqlite postgres) ;;
  repairs|repair)
    suite=repairs
    [ ${#providers[@]} -eq 0 ] && providers=(postgres) ;;
  serials|serial)
    suite=serials
    [ ${#providers[@]} -eq 0 ] && providers=(postgres) ;;
  stock)
    suite=stock
    [ ${#providers[@]} -eq 0 ] && providers=(postgres) ;;
  serial-import|serial-imports)
    suite=serial-import
    [ ${#providers[@]} -eq 0 ] && providers=(postgres sqlite) ;;
  wizard)
    suite=wizard
    [ ${#providers[@]} -eq 0 ] && providers=(postgres) ;;
  around|loaners)
    suite=around
    [ ${#providers[@]} -eq 0 ] && providers=(postgres) ;;
  *) echo "unknown suite '$suite': use counterparties, repairs, serials, serial-import, stock or wizard"; exit 2 ;;
esac
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cores: $(nproc); memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}'); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "dotnet: $(dotnet --version); suite: $suite; providers: ${providers[*]}; args: ${args[*]}"
} | tee "$out/$stamp-$suite-machine.txt"

# --- throwaway PostgreSQL on a free loopback port (as in test.sh) ---------------------------
pg=""
if [[ " ${providers[*]} " == *" postgres "* ]]; then
  . eng/throwaway-postgres.sh
  start_throwaway_postgres "$out" || exit 1
  pg="$PG_CONNECTION"
fi

# --- build once, run each provider ----------------------------------------------------------
dotnet build -c Release bench/ServiceCenter.Bench -nologo -v q -clp:ErrorsOnly
for provider in "${providers[@]}"; do
  echo; echo "=== $suite on $provider"
  extra=(); [ "$provider" = postgres ] && extra=(--pg "$pg")
  # The serial import is measured against psql \copy of the same file on the same server.
  [ "$provider" = postgres ] && [ "$suite" = serial-import ] && extra+=(--psql "$PGBIN/psql")
  dotnet run -c Release --no-build --project bench/ServiceCenter.Bench -- --suite "$suite" --provider "$provider" "${extra[@]}" "${args[@]}" \
    2>&1 | grep --line-buffered -v '^{' | tee "$out/$stamp-$suite-$provider.log"
done
echo; echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/$stamp-$suite-machine.txt"
echo "results in $out/$stamp-$suite-*"
