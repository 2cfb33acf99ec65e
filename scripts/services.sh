# Throwaway PostgreSQL and Redis for the tests, on free loopback ports in temporary folders.
# Sourced by test.sh. Never touches a system cluster.

free_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

postgres_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

# start_postgres DIR: exports SHOWROOM_TEST_POSTGRES and PG_DATA_DIR.
start_postgres() {
  local dir=$1 bin port
  bin=$(postgres_bin)
  port=$(free_port)
  mkdir -p "$dir"
  # PostgreSQL refuses to run as root: run it as the postgres user, socket in the temporary folder.
  local as=()
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$dir"
    as=(runuser -u postgres --)
  fi
  "${as[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log"; return 1; }
  "${as[@]}" "$bin/postgres" -D "$dir/data" -k "$dir" -p "$port" -c listen_addresses=127.0.0.1 \
    -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 >"$dir/postgres.log" 2>&1 &
  PG_PID=$!
  PG_DATA_DIR="$dir/data"
  for _ in $(seq 1 150); do
    if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
      export SHOWROOM_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=unused;Database=postgres"
      return 0
    fi
    sleep 0.2
  done
  cat "$dir/postgres.log"
  return 1
}

stop_postgres() {
  if [ -n "${PG_DATA_DIR:-}" ] && [ -d "$PG_DATA_DIR" ]; then
    local as=()
    [ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
    "${as[@]}" "$(postgres_bin)/pg_ctl" -D "$PG_DATA_DIR" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  if [ -n "${PG_PID:-}" ]; then kill "$PG_PID" 2>/dev/null || true; wait "$PG_PID" 2>/dev/null || true; fi
}

# start_redis DIR: exports SHOWROOM_TEST_REDIS.
start_redis() {
  local dir=$1 port
  port=$(free_port)
  mkdir -p "$dir"
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize no --dir "$dir" >"$dir/redis.log" 2>&1 &
  REDIS_PID=$!
  for _ in $(seq 1 100); do
    if redis-cli -p "$port" ping >/dev/null 2>&1; then
      export SHOWROOM_TEST_REDIS="127.0.0.1:$port"
      return 0
    fi
    sleep 0.1
  done
  cat "$dir/redis.log"
  return 1
}

stop_redis() {
  if [ -n "${REDIS_PID:-}" ]; then kill "$REDIS_PID" 2>/dev/null || true; wait "$REDIS_PID" 2>/dev/null || true; fi
}
