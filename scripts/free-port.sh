#!/usr/bin/env bash
# Prints a TCP port that is free on 127.0.0.1 right now (the kernel picks it).
set -euo pipefail
for python in /usr/bin/python3 python3; do
  if command -v "$python" >/dev/null 2>&1; then
    exec "$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
  fi
done
# No Python: probe random ports in the ephemeral range with bash's /dev/tcp (refused = free).
for _ in $(seq 1 200); do
  port=$(( 20000 + RANDOM % 40000 ))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; exit 0; fi
done
echo "free-port.sh: no free port found" >&2
exit 1
