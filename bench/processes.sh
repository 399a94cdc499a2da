# shellcheck shell=bash
# What the benchmark scripts that start their own processes share: a work directory for their logs ($WORK), the
# processes to stop on exit ($PIDS, last started first), free_port and wait_for. Source it after `cd` to the root.
WORK=$(mktemp -d)
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_for() { # url, what
  for _ in $(seq 1 240); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.5; done
  echo "$2 did not come up; logs in $WORK" >&2; exit 1
}
