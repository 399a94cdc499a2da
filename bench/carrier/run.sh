#!/usr/bin/env bash
# p99 of POST /shipments under 200 concurrent requests: carrier-service from its packaged jar against a local-cloud
# process (DynamoDB Local behind the edge). Usage: bench/carrier/run.sh [requests] [concurrency] [warmup]
# Set SKIP_BUILD=1 to reuse jars already built.
set -euo pipefail
cd "$(dirname "$0")/../.."
REQUESTS=${1:-10000}
CONCURRENCY=${2:-200}
WARMUP=${3:-3000}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
source bench/processes.sh

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -B -q -pl local-cloud,carrier-service -am package -DskipTests
fi

CLOUD_PORT=$(free_port)
CARRIER_PORT=$(free_port)
API_KEY="bench-inbound-key-$(date +%s%N)"

EXEC_JAR=local-cloud/target/local-cloud-0.1.0-SNAPSHOT-exec.jar
"$JAVA" -jar "$EXEC_JAR" --port "$CLOUD_PORT" >"$WORK/local-cloud.log" 2>&1 &
PIDS+=($!)
wait_for "http://localhost:$CLOUD_PORT/_localcloud/health" local-cloud

EVENTGATE_CARRIER_API_KEY="$API_KEY" EVENTGATE_CARRIER_GATEWAY_API_KEY="bench-gateway-key" \
EVENTGATE_CARRIER_BACK_OFFICE_PASSWORD="bench-back-office-$(date +%s%N)" \
"$JAVA" -jar carrier-service/target/carrier-service-0.1.0-SNAPSHOT.jar \
  --server.port="$CARRIER_PORT" \
  --eventgate.aws.endpoint="http://localhost:$CLOUD_PORT" \
  --eventgate.carrier.store.table-name=carrier-bench --eventgate.carrier.store.create-table=true \
  --eventgate.carrier.gateway.url="http://localhost:$CLOUD_PORT/_aws/execute-api/eventgate/local/events" \
  --logging.level.io.eventgate=WARN >"$WORK/carrier.log" 2>&1 &
PIDS+=($!)
wait_for "http://localhost:$CARRIER_PORT/actuator/health/readiness" carrier-service

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" bench/carrier/LoadClient.java "http://localhost:$CARRIER_PORT" "$API_KEY" "$REQUESTS" "$CONCURRENCY" "$WARMUP"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
