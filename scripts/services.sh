#!/usr/bin/env bash
# Throwaway PostgreSQL and Redis for the tests, on free loopback ports in temporary folders.
# Never touches a system cluster, /var/lib/postgresql or a system Redis.
#
# Sourced by test.sh, which calls start_postgres/start_redis and stop_postgres/stop_redis.
# Run directly, for running `dotnet test` by hand or from an IDE:
#   scripts/services.sh        starts both, prints the `export ...` lines the tests need,
#                              and keeps them running until Ctrl-C (then removes everything).

_services_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

free_port() { "$_services_dir/free-port.sh"; }

# _stop_pid PID: SIGTERM, up to 10 s to end, then SIGKILL. Polls rather than using `wait`, which can block for
# good when called from a trap that interrupted another `wait`.
_stop_pid() {
  local pid=$1
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 100); do _running "$pid" || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}
_running() {   # a zombie (ended, not yet reaped) is not running
  local state
  state=$(ps -o stat= -p "$1" 2>/dev/null) && [[ $state != Z* ]]
}

# The newest installed PostgreSQL's bin folder (Debian: /usr/lib/postgresql/<major>/bin).
postgres_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/postgres" ] && echo "$dir"
}

# PostgreSQL refuses to run as root: as root, run it as the postgres user (or nobody if there is none).
_pg_as() {
  if [ "$(id -u)" != 0 ]; then "$@"
  elif id postgres >/dev/null 2>&1; then runuser -u postgres -- "$@"
  else runuser -u nobody -- "$@"
  fi
}

# start_postgres DIR: initialises a cluster in DIR/data, starts it on a free port with its socket in DIR,
# and exports SHOWROOM_TEST_POSTGRES. Sets PG_PID and PG_DATA_DIR for stop_postgres.
start_postgres() {
  local dir=$1 bin port attempt
  bin=$(postgres_bin) || { echo "start_postgres: no PostgreSQL under /usr/lib/postgresql" >&2; return 1; }
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then
    local user=postgres
    id postgres >/dev/null 2>&1 || user=nobody
    chown "$user" "$dir"
  fi
  PG_DATA_DIR="$dir/data"
  _pg_as "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  for attempt in 1 2 3; do
    port=$(free_port)
    _pg_as "$bin/postgres" -D "$dir/data" -k "$dir" -p "$port" -c listen_addresses=127.0.0.1 \
      -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 \
      >"$dir/postgres.log" 2>&1 </dev/null &
    PG_PID=$!
    for _ in $(seq 1 150); do   # 30 s
      if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
        export SHOWROOM_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=unused;Database=postgres"
        return 0
      fi
      _running "$PG_PID" || break   # died (port taken meanwhile?): try another port
      sleep 0.2
    done
    stop_postgres
  done
  echo "start_postgres: PostgreSQL did not start; its log:" >&2
  cat "$dir/postgres.log" >&2
  return 1
}

stop_postgres() {
  if [ -n "${PG_DATA_DIR:-}" ] && [ -f "$PG_DATA_DIR/postmaster.pid" ]; then
    _pg_as "$(postgres_bin)/pg_ctl" -D "$PG_DATA_DIR" -m immediate -w -t 20 stop >/dev/null 2>&1 || true
    # Still there (pg_ctl failed)? Kill the postmaster itself; its children follow it.
    local postmaster
    postmaster=$(head -n 1 "$PG_DATA_DIR/postmaster.pid" 2>/dev/null || true)
    if [ -n "$postmaster" ] && kill -0 "$postmaster" 2>/dev/null; then kill -QUIT "$postmaster" 2>/dev/null || true; fi
  fi
  if [ -n "${PG_PID:-}" ]; then _stop_pid "$PG_PID"; PG_PID=; fi
}

# start_redis DIR: starts Redis on a free port (no persistence, working folder DIR) and exports SHOWROOM_TEST_REDIS.
start_redis() {
  local dir=$1 port attempt
  mkdir -p "$dir"
  for attempt in 1 2 3; do
    port=$(free_port)
    redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize no --dir "$dir" \
      >"$dir/redis.log" 2>&1 </dev/null &
    REDIS_PID=$!
    for _ in $(seq 1 100); do   # 10 s
      if [ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" = PONG ]; then
        export SHOWROOM_TEST_REDIS="127.0.0.1:$port"
        return 0
      fi
      _running "$REDIS_PID" || break
      sleep 0.1
    done
    stop_redis
  done
  echo "start_redis: Redis did not start; its log:" >&2
  cat "$dir/redis.log" >&2
  return 1
}

stop_redis() {
  if [ -n "${REDIS_PID:-}" ]; then _stop_pid "$REDIS_PID"; REDIS_PID=; fi
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  _work=$(mktemp -d -t showroom-services-XXXXXX)
  chmod 755 "$_work"
  _sleeper=
  trap '[ -n "$_sleeper" ] && kill "$_sleeper" 2>/dev/null; stop_postgres; stop_redis; rm -rf "$_work"' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  start_postgres "$_work/postgres"
  start_redis "$_work/redis"
  echo "export SHOWROOM_TEST_POSTGRES='$SHOWROOM_TEST_POSTGRES'"
  echo "export SHOWROOM_TEST_REDIS='$SHOWROOM_TEST_REDIS'"
  echo "export SHOWROOM_TEST_SMTP_PYTHON=/usr/bin/python3"
  echo "export SHOWROOM_TEST_SMTP_SINK='$(cd "$_services_dir/.." && pwd)/tests/smtp_sink.py'"
  echo "# PostgreSQL and Redis are running; Ctrl-C stops them." >&2
  while :; do sleep 3600 & _sleeper=$!; wait "$_sleeper" || true; done
fi
