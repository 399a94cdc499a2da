#!/usr/bin/env bash
# Start time of the local-cloud executable: process start -> GET /_localcloud/health answers 200.
# Usage: bench/local-cloud/start-time.sh [RUNS] [extra java options...]   (builds the exec jar first)
#   LOCAL_CLOUD_DATA_DIRS="DIR1 DIR2 ..."  start on each data directory in turn (one per run, round robin) and report
#                                          a mean per directory, so that their figures come from the same minutes.
#                                          Each directory is copied before every run, so all runs start on the same state;
#                                          "-" stands for no data directory (in memory), "empty" for a new empty one.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=../../.ci/jdk.sh
source .ci/jdk.sh
select_jdk 21
runs="${1:-5}"
shift || true

./mvnw -B -q -pl local-cloud -am package -DskipTests
jar=local-cloud/target/local-cloud-0.1.0-SNAPSHOT-exec.jar
read -r -a dirs <<<"${LOCAL_CLOUD_DATA_DIRS:-}"
[ ${#dirs[@]} -gt 0 ] || dirs=("")
declare -A total count

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)  cores: $(nproc)  java: $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1)"
for i in $(seq 1 "$runs"); do
  for dir in "${dirs[@]}"; do
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    options=(--port "$port")
    copy=""
    if [ "$dir" = empty ]; then
      copy=$(mktemp -d)
      options+=(--data-dir "$copy")
    elif [ -n "$dir" ] && [ "$dir" != - ]; then
      copy=$(mktemp -d)
      cp -a "$dir/." "$copy/"
      rm -f "$copy/.lock"
      options+=(--data-dir "$copy")
    fi
    start=$(date +%s%N)
    "$JAVA_HOME/bin/java" "$@" -jar "$jar" "${options[@]}" >/tmp/local-cloud-start.$$.log 2>&1 &
    pid=$!
    until curl -fs -o /dev/null "http://127.0.0.1:$port/_localcloud/health"; do
      if ! kill -0 "$pid" 2>/dev/null; then echo "local-cloud exited:"; cat /tmp/local-cloud-start.$$.log; exit 1; fi
      sleep 0.02
    done
    end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    key=${dir:-in-memory}
    [ "$key" != - ] || key=in-memory
    total[$key]=$(( ${total[$key]:-0} + ms ))
    count[$key]=$(( ${count[$key]:-0} + 1 ))
    echo "run $i ($key): ${ms} ms to health 200 (load $(cut -d' ' -f1 /proc/loadavg))"
    kill "$pid"; wait "$pid" 2>/dev/null || true
    [ -z "$copy" ] || rm -rf "$copy"
  done
done
for key in "${!total[@]}"; do
  echo "mean ($key): $(( total[$key] / count[$key] )) ms over ${count[$key]} runs"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f /tmp/local-cloud-start.$$.log
