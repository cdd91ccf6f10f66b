#!/usr/bin/env bash
# Runs the counterparty-list load driver on SQLite and on a throwaway PostgreSQL (started the
# way ./test.sh starts one) and keeps the output in .bench-results/. Figures go to
# docs/benchmarks.md by hand. Extra arguments go to the driver, e.g. `bench/run.sh --rows 20000`.
# Default: 100 000 counterparties, 300 requests per scenario, 1 and 4 clients, over
# the indexes of the migrations.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out="$root/.bench-results"
mkdir -p "$out"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
args=("$@")
[ ${#args[@]} -eq 0 ] && args=(--rows 100000)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cores: $(nproc); memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}'); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "dotnet: $(dotnet --version); args: ${args[*]}"
} | tee "$out/$stamp-machine.txt"

# --- throwaway PostgreSQL on a free loopback port (as in test.sh) ---------------------------
. eng/throwaway-postgres.sh
start_throwaway_postgres "$out" || exit 1
pg="$PG_CONNECTION"

# --- build once, run both providers ---------------------------------------------------------
dotnet build -c Release bench/ServiceCenter.Bench -nologo -v q -clp:ErrorsOnly
for provider in sqlite postgres; do
  echo; echo "=== $provider"
  extra=(); [ "$provider" = postgres ] && extra=(--pg "$pg")
  dotnet run -c Release --no-build --project bench/ServiceCenter.Bench -- --provider "$provider" "${extra[@]}" "${args[@]}" \
    2>&1 | grep --line-buffered -v '^{' | tee "$out/$stamp-$provider.log"
done
echo; echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/$stamp-machine.txt"
echo "results in $out/$stamp-*"
