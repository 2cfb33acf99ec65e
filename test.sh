#!/usr/bin/env bash
# Runs every Showroom test and ends with one line: "N passed, N failed" (", N skipped" when some were).
#
#   ./test.sh                     all suites: .NET integration, .NET browser, client (npm) tests
#   ./test.sh --filter Profile    only the .NET tests matching a `dotnet test --filter` expression
#
# 1. Installs what the tests need when it is missing (Debian: chromium, postgresql, redis-server,
#    python3-aiosmtpd) if run as root, else says what to install.
# 2. Builds once: dotnet build Showroom.slnx -c Release -warnaserror (which also builds the clients).
# 3. Starts a throwaway PostgreSQL and Redis on free loopback ports (scripts/services.sh), and stops them
#    and anything the suites left running whatever happens.
# 4. Runs the suites, each even if an earlier one failed. Exit code 0 only if nothing failed and something passed.
# TRX files are kept in test-results/trx/.
set -euo pipefail
cd "$(dirname "$0")"
repo=$(pwd)
source scripts/services.sh

usage() { sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; }
filter=()
while [ $# -gt 0 ]; do
  case $1 in
    --filter) [ $# -ge 2 ] && [ -n "$2" ] || { usage >&2; exit 2; }; filter=(--filter "$2"); shift 2 ;;
    --filter=?*) filter=(--filter "${1#--filter=}"); shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "test.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
export MSBUILDDISABLENODEREUSE=1   # no MSBuild worker processes outliving the run

# Ends a run that could not get as far as the tests: the reason, then the usual last line.
give_up() { echo "test.sh: $*" >&2; echo "0 passed, 1 failed"; exit 1; }

# ---- 1. What the tests need --------------------------------------------------------------------------
for tool in dotnet node npm; do
  if ! command -v "$tool" >/dev/null; then
    echo "test.sh: '$tool' is not on PATH. Install the .NET 10 SDK (https://dot.net/download) and Node.js 20 with npm." >&2
    exit 1
  fi
done
node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' \
  || { echo "test.sh: Node.js $(node --version) is too old: install Node.js 20 or newer." >&2; exit 1; }

# Prints the Debian packages the tests need that are not installed. SHOWROOM_TEST_PRETEND_MISSING="chromium ..."
# adds packages to the list (to try the messages); SHOWROOM_TEST_NO_INSTALL=1 never runs apt-get.
missing_packages() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  postgres_bin >/dev/null || missing+=(postgresql)
  { command -v redis-server && command -v redis-cli; } >/dev/null || missing+=(redis-server)
  /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
  local pretend pretended=${SHOWROOM_TEST_PRETEND_MISSING:-}
  for pretend in ${pretended//,/ }; do
    [[ " ${missing[*]} " == *" $pretend "* ]] || missing+=("$pretend")
  done
  echo "${missing[*]}"
}

read -r -a missing <<<"$(missing_packages)"
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null && [ -z "${SHOWROOM_TEST_NO_INSTALL:-}" ]; then
    echo "test.sh: installing ${missing[*]} (apt-get)"
    apt_log=$(mktemp -t showroom-apt-XXXXXX.log)
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } \
        >"$apt_log" 2>&1 </dev/null; then
      cat "$apt_log" >&2; rm -f "$apt_log"
      echo "test.sh: apt-get could not install ${missing[*]}" >&2
      exit 1
    fi
    rm -f "$apt_log"
    read -r -a still <<<"$(SHOWROOM_TEST_PRETEND_MISSING= missing_packages)"
    [ ${#still[@]} -eq 0 ] || { echo "test.sh: still missing after apt-get install: ${still[*]}" >&2; exit 1; }
  else
    echo "test.sh: the tests need Debian packages that are not installed. Install them with:" >&2
    echo "  sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

# ---- Cleanup, whatever happens -------------------------------------------------------------------------
work=$(mktemp -d -t showroom-tests-XXXXXX)
chmod 755 "$work"   # the postgres user must reach its folder inside
group=             # process group of the step running now (its own session, see run_group)
cleanup() {
  trap - EXIT INT TERM
  if [ -n "$group" ]; then kill -TERM -- "-$group" 2>/dev/null || true; sleep 0.5; kill -KILL -- "-$group" 2>/dev/null || true; fi
  stop_postgres
  stop_redis
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# run_group COMMAND...: runs COMMAND in a session of its own (so servers, browsers and SMTP sinks the tests
# start can all be found afterwards), waits for it (signals to test.sh still act at once) and returns its exit
# code. Whatever it leaves running is stopped; with RUN_GROUP_REPORT set, named first.
run_group() {
  local rc=0 leftovers
  /usr/bin/python3 scripts/new-session.py "$@" </dev/null &
  group=$!
  wait "$group" || rc=$?
  # Still running in the step's process group (zombies waiting for their parent are not running).
  leftovers=$(ps -e -o pgid=,pid=,stat=,args= | awk -v g="$group" '$1 == g && $3 !~ /^Z/ { $1 = ""; $3 = ""; print }')
  if [ -n "$leftovers" ]; then
    [ -z "${RUN_GROUP_REPORT:-}" ] || printf 'test.sh: stopping what %s left running:\n%s\n' "$RUN_GROUP_REPORT" "$leftovers" >&2
    kill -TERM -- "-$group" 2>/dev/null || true
    for _ in 1 2 3 4 5 6 7 8 9 10; do pgrep -g "$group" >/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$group" 2>/dev/null || true
  fi
  group=
  return "$rc"
}

# ---- 2. Build once ---------------------------------------------------------------------------------------
echo "== dotnet build Showroom.slnx -c Release -warnaserror"
run_group dotnet build Showroom.slnx -c Release -warnaserror -nologo -v q || give_up "the build failed (see above)"

# ---- 3. Services -----------------------------------------------------------------------------------------
start_postgres "$work/postgres" || give_up "could not start PostgreSQL"
start_redis "$work/redis" || give_up "could not start Redis"
export SHOWROOM_TEST_SMTP_PYTHON=/usr/bin/python3
export SHOWROOM_TEST_SMTP_SINK="$repo/tests/smtp_sink.py"
echo "== PostgreSQL: $SHOWROOM_TEST_POSTGRES"
echo "== Redis: $SHOWROOM_TEST_REDIS"

# ---- 4. Suites -------------------------------------------------------------------------------------------
results="$repo/test-results/trx"
mkdir -p "$results"
passed=0 failed=0 skipped=0
summary_lines="$work/summary.txt"
: >"$summary_lines"
count() {   # count trx|node NAME FILE EXIT_CODE: adds the suite's numbers to the totals
  local p=0 f=1 s=0
  read -r p f s < <(/usr/bin/python3 scripts/summarize.py "$@" 2>>"$summary_lines") || true
  p=${p:-0} f=${f:-1} s=${s:-0}
  passed=$(( passed + p )) failed=$(( failed + f )) skipped=$(( skipped + s ))
}

for project in Showroom.Tests Showroom.Browser.Tests; do
  echo "== dotnet test $project ${filter[*]}"
  rm -f "$results/$project.trx"
  rc=0
  RUN_GROUP_REPORT=$project run_group dotnet test "tests/$project/$project.csproj" --no-build -c Release "${filter[@]}" \
    --logger "trx;LogFileName=$project.trx" --logger "console;verbosity=normal" --results-directory "$results" || rc=$?
  count trx "$project" "$results/$project.trx" "$rc"
done

if [ ${#filter[@]} -eq 0 ]; then
  echo "== npm test --prefix clients"
  node_out="$work/node-tests.txt"
  rc=0
  RUN_GROUP_REPORT="the client tests" run_group bash -c 'set -o pipefail; npm test --prefix clients 2>&1 | tee "$0"' "$node_out" || rc=$?
  count node "client tests" "$node_out" "$rc"
fi

echo "== Summary"
cat "$summary_lines"
line="$passed passed, $failed failed"
[ "$skipped" -eq 0 ] || line="$line, $skipped skipped"
echo "$line"
if [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]; then exit 0; else exit 1; fi
