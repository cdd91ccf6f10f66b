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
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "PostgreSQL is not installed: apt-get install postgresql (./test.sh installs it)"; exit 1
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGDIR=$(mktemp -d /tmp/sc-pg.XXXXXX)
PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
  || shuf -i 20000-60000 -n 1)
RUNAS=()
if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$PGDIR"; RUNAS=(runuser -u postgres --); fi
stop_pg() { "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast stop >/dev/null 2>&1; rm -rf "$PGDIR"; }
trap stop_pg EXIT
"${RUNAS[@]}" "$PGBIN/initdb" -D "$PGDIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$out/$stamp-initdb.log" 2>&1 \
  || { cat "$out/$stamp-initdb.log"; echo "initdb failed"; exit 1; }
"${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null \
  || { cat "$PGDIR/log"; echo "PostgreSQL did not start"; exit 1; }
pg="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres"
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT"

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
