#!/usr/bin/env bash
# Start time of the local-cloud executable: process start -> GET /_localcloud/health answers 200.
# Usage: bench/local-cloud/start-time.sh [RUNS] [extra java options...]   (builds the exec jar first)
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=../../.ci/jdk.sh
source .ci/jdk.sh
select_jdk 21
runs="${1:-5}"
shift || true

./mvnw -B -q -pl local-cloud -am package -DskipTests
jar=local-cloud/target/local-cloud-0.1.0-SNAPSHOT-exec.jar


echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)  cores: $(nproc)  java: $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1)"
total=0
for i in $(seq 1 "$runs"); do
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  start=$(date +%s%N)
  "$JAVA_HOME/bin/java" "$@" -jar "$jar" --port "$port" >/tmp/local-cloud-start.$$.log 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/_localcloud/health"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "local-cloud exited:"; cat /tmp/local-cloud-start.$$.log; exit 1; fi
    sleep 0.02
  done
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  total=$(( total + ms ))
  echo "run $i: ${ms} ms to health 200"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
echo "mean: $(( total / runs )) ms over $runs runs"
rm -f /tmp/local-cloud-start.$$.log
