#!/usr/bin/env bash
# Runs every Showroom test: builds, installs what the tests need when missing (Debian packages),
# starts throwaway PostgreSQL and Redis, runs the .NET and client suites, and ends with
# one line "N passed, N failed". Usage: ./test.sh [--filter EXPRESSION]
set -euo pipefail
cd "$(dirname "$0")"
repo=$(pwd)
source scripts/services.sh

filter=()
if [ "${1:-}" = "--filter" ] && [ -n "${2:-}" ]; then filter=(--filter "$2"); fi

# 1. What the tests need.
for tool in dotnet node npm; do
  command -v "$tool" >/dev/null || { echo "test.sh: $tool is missing: install the .NET 10 SDK and Node.js 20." >&2; exit 1; }
done
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
postgres_bin >/dev/null && [ -x "$(postgres_bin)/initdb" ] || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || missing+=(python3-aiosmtpd)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "test.sh: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "test.sh: missing Debian packages. Install them with: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

# 2. Build once (the client bundles are built by the same MSBuild run).
dotnet build Showroom.slnx -c Release -warnaserror -nologo -v q

# 3. Throwaway services, removed whatever happens.
work=$(mktemp -d -t showroom-tests-XXXXXX)
chmod 755 "$work"
cleanup() { stop_postgres; stop_redis; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
start_postgres "$work/postgres"
start_redis "$work/redis"
export SHOWROOM_TEST_SMTP_PYTHON=/usr/bin/python3
export SHOWROOM_TEST_SMTP_SINK="$repo/tests/smtp_sink.py"

# 4. The suites; a failing suite does not stop the others.
results="$work/results"
mkdir -p "$results"
for project in Showroom.Tests Showroom.Browser.Tests; do
  dotnet test "tests/$project/$project.csproj" -c Release --no-build "${filter[@]}" \
    --logger "trx;LogFileName=$project.trx" --logger "console;verbosity=normal" --results-directory "$results" || true
done
read -r passed failed skipped < <(/usr/bin/python3 scripts/summarize-trx.py "$results/Showroom.Tests.trx" "$results/Showroom.Browser.Tests.trx")

if [ ${#filter[@]} -eq 0 ]; then
  node_out="$work/node-tests.txt"
  (cd clients && npm test 2>&1) | tee "$node_out" || true
  node_passed=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$node_out" | tail -n 1)
  node_failed=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$node_out" | tail -n 1)
  node_skipped=$(sed -n 's/^# skipped \([0-9]*\)$/\1/p' "$node_out" | tail -n 1)
  if [ -z "$node_passed" ]; then node_failed=$(( ${node_failed:-0} + 1 )); fi
  passed=$(( passed + ${node_passed:-0} ))
  failed=$(( failed + ${node_failed:-0} ))
  skipped=$(( skipped + ${node_skipped:-0} ))
fi

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
