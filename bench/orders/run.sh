#!/usr/bin/env bash
# POST /orders throughput beside the TransactWriteItems ceiling of the same two items through the same edge, and the
# outbox relay's publish rate beside the write rate during that load. Starts local-cloud and orders-service from their
# packaged jars on free ports (or LOCAL_CLOUD_PORT / ORDERS_PORT), runs bench/orders/OrdersBench.java, stops both.
# Usage: bench/orders/run.sh [seconds=20] [connections=32] [warmupSeconds=10]
# Env: SKIP_BUILD=1 reuses built jars; ORDERS_JAVA_OPTS / CLOUD_JAVA_OPTS add JVM options to orders-service / local-cloud (e.g. a JFR recording:
# -XX:StartFlightRecording=filename=/tmp/orders.jfr,settings=profile); ORDERS_ARGS adds orders-service arguments
# (e.g. --eventgate.orders.outbox.workers=8); ORDERS_JAR / CLOUD_JAR run another build of the service / of local-cloud
# (a before/after comparison); PROFILE_PREFIX=PATH- records both processes with JFR once they are ready (PATH-local-cloud.jfr,
# PATH-orders-service.jfr).
# Needs wrk (apt-get install -y wrk).
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=../../.ci/jdk.sh
source .ci/jdk.sh
select_jdk 21
JAVA="$JAVA_HOME/bin/java"
command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk" >&2; exit 1; }
source bench/processes.sh
source bench/support/compile.sh

# The bench's own classpath (AWS SDK) is orders-service's runtime classpath, listed in the same reactor run.
CLASSPATH_FILE=orders-service/target/bench-classpath.txt
if [[ "${SKIP_BUILD:-0}" != 1 || ! -s $CLASSPATH_FILE ]]; then
  ./mvnw -B -q -pl local-cloud,orders-service -am package -DskipTests dependency:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
fi

CLOUD_PORT=${LOCAL_CLOUD_PORT:-$(free_port)}
ORDERS_PORT=${ORDERS_PORT:-$(free_port)}
EDGE="http://localhost:$CLOUD_PORT"

# shellcheck disable=SC2086
"$JAVA" ${CLOUD_JAVA_OPTS:-} -jar "${CLOUD_JAR:-local-cloud/target/local-cloud-0.1.0-SNAPSHOT-exec.jar}" --port "$CLOUD_PORT" >"$WORK/local-cloud.log" 2>&1 &
PIDS+=($!)
wait_for "$EDGE/_localcloud/health" local-cloud
# The bus the relay publishes to (no rules: events are accepted and go nowhere, without the missing-bus WARN).
curl -fsS -o /dev/null "$EDGE/" -H 'Content-Type: application/x-amz-json-1.1' -H 'X-Amz-Target: AWSEvents.CreateEventBus' \
  -H 'Authorization: AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/events/aws4_request, SignedHeaders=host, Signature=0' \
  -d '{"Name":"eventgate"}' || echo "note: could not create bus eventgate (relay still publishes; local-cloud drops)"

# shellcheck disable=SC2086
"$JAVA" ${ORDERS_JAVA_OPTS:-} -jar "${ORDERS_JAR:-orders-service/target/orders-service-0.1.0-SNAPSHOT.jar}" \
  --server.port="$ORDERS_PORT" \
  --eventgate.aws.endpoint="$EDGE" \
  --eventgate.orders.table.create-on-start=true --eventgate.orders.inbox.create-on-start=true \
  --logging.level.io.eventgate=WARN ${ORDERS_ARGS:-} >"$WORK/orders.log" 2>&1 &
PIDS+=($!)
wait_for "http://localhost:$ORDERS_PORT/actuator/health/readiness" orders-service
if [ -n "${PROFILE_PREFIX:-}" ]; then
  # A JFR recording of each process from here on (not of its start-up): PREFIXlocal-cloud.jfr, PREFIXorders-service.jfr.
  for entry in "local-cloud:${PIDS[0]}" "orders-service:${PIDS[1]}"; do
    "$JAVA_HOME/bin/jcmd" "${entry#*:}" JFR.configure stackdepth=256 >/dev/null
    "$JAVA_HOME/bin/jcmd" "${entry#*:}" JFR.start name=bench settings=profile dumponexit=true \
      filename="${PROFILE_PREFIX}${entry%%:*}.jfr" >/dev/null
  done
fi

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); logs in $WORK"
# The bench reads the two processes' CPU time from /proc to say how much CPU one order costs each of them.
BENCH_PIDS="local-cloud=${PIDS[0]},orders-service=${PIDS[1]}" \
"$JAVA" -Xmx1g -cp "$(cat "$CLASSPATH_FILE"):$BENCH_SUPPORT" bench/orders/OrdersBench.java \
  "$EDGE" "http://localhost:$ORDERS_PORT" "$@"
