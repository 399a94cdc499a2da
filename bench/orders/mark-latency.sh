#!/usr/bin/env bash
# How long marking ten outbox records published takes, as BatchWriteItem and as TransactWriteItems, while 32 callers
# write order transactions through the same local-cloud edge (why the relay marks with a transaction).
# Usage: bench/orders/mark-latency.sh [seconds per probe=8] [threads=32]. SKIP_BUILD=1 reuses built jars.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=../../.ci/jdk.sh
source .ci/jdk.sh
select_jdk 21
JAVA="$JAVA_HOME/bin/java"
WORK=$(mktemp -d)
PID=""
cleanup() { [[ -n $PID ]] && kill "$PID" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT

CLASSPATH_FILE=orders-service/target/bench-classpath.txt
if [[ "${SKIP_BUILD:-0}" != 1 || ! -s $CLASSPATH_FILE ]]; then
  ./mvnw -B -q -pl local-cloud,orders-service -am package -DskipTests dependency:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
fi
PORT=${LOCAL_CLOUD_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')}
"$JAVA" -jar local-cloud/target/local-cloud-0.1.0-SNAPSHOT-exec.jar --port "$PORT" >"$WORK/local-cloud.log" 2>&1 &
PID=$!
for _ in $(seq 1 240); do curl -fsS -o /dev/null "http://localhost:$PORT/_localcloud/health" 2>/dev/null && break; sleep 0.5; done
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" -cp "$(cat "$CLASSPATH_FILE")" bench/orders/MarkLatency.java "http://localhost:$PORT" "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
