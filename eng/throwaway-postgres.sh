# Sourced by test.sh and bench/run.sh: starts a throwaway PostgreSQL on a free 127.0.0.1 port
# (initdb into a mktemp folder owned by postgres, no fsync) and stops it when the caller exits.
# Sets PGBIN, PGDIR, PGPORT and PG_CONNECTION ("Host=127.0.0.1;Port=…;Username=postgres;Database=postgres").
# Usage: . eng/throwaway-postgres.sh <folder for initdb.log>
start_throwaway_postgres() {
  local logs=$1
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "PostgreSQL is not installed: apt-get install postgresql (./test.sh installs it)"; return 1
  fi
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  PGDIR=$(mktemp -d /tmp/sc-pg.XXXXXX)
  PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || shuf -i 20000-60000 -n 1)
  PG_RUNAS=()
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$PGDIR"; PG_RUNAS=(runuser -u postgres --); fi
  trap stop_throwaway_postgres EXIT
  "${PG_RUNAS[@]}" "$PGBIN/initdb" -D "$PGDIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$logs/initdb.log" 2>&1 \
    || { cat "$logs/initdb.log"; echo "initdb failed"; return 1; }
  "${PG_RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null \
    || { cat "$PGDIR/log"; echo "PostgreSQL did not start"; return 1; }
  PG_CONNECTION="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres"
  echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT"
}

stop_throwaway_postgres() {
  [ -n "${PGDIR:-}" ] || return 0
  "${PG_RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast stop >/dev/null 2>&1
  rm -rf "$PGDIR"
}
