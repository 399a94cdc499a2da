#!/usr/bin/env bash
# Fills a local-cloud data directory with N orders that went the whole way (placed, shipped to the carrier, dispatched,
# delivered, applied): the state a long `./eventgate run` session leaves, for measuring start time on it.
# Usage: bench/local-cloud/fill-orders.sh N DIR     (needs the jars: ./mvnw package -DskipTests; Node.js not needed)
# Ports come from LOCAL_CLOUD_PORT / ORDERS_PORT / CARRIER_PORT (defaults 4566/8080/8081), as for ./eventgate.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=../../.ci/jdk.sh
source .ci/jdk.sh
select_jdk 21
n=${1:?number of orders}
dir=${2:?data directory}
edge=${LOCAL_CLOUD_PORT:-4566}; orders=${ORDERS_PORT:-8080}; carrier=${CARRIER_PORT:-8081}
java="$JAVA_HOME/bin/java"
logs=$(mktemp -d)
pids=()
cleanup() { for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[$i]}" 2>/dev/null || true; wait "${pids[$i]}" 2>/dev/null || true; done; }
trap cleanup EXIT
wait_up() { until curl -fs "$1" 2>/dev/null | grep -q '"UP"'; do sleep 0.5; done; }

mkdir -p "$dir"
"$java" -jar local-cloud/target/local-cloud-0.1.0-SNAPSHOT-exec.jar --port "$edge" --data-dir "$dir" >"$logs/local-cloud.log" 2>&1 &
pids+=($!)
wait_up "http://localhost:$edge/_localcloud/health"
"$java" -jar gateway-infra/target/gateway-infra-0.1.0-SNAPSHOT-exec.jar apply --endpoint "http://localhost:$edge" \
  --env-file "$dir/../eventgate.env" --set "carrier.outbound.baseUrl=http://localhost:$carrier" >"$logs/infra.log" 2>&1
set -a; source "$dir/../eventgate.env"; set +a
EVENTGATE_CARRIER_BACK_OFFICE_PASSWORD=$(head -c 24 /dev/urandom | base64 | tr -d '=+/\n')
EVENTGATE_ORDERS_OPERATOR_PASSWORD=$(head -c 24 /dev/urandom | base64 | tr -d '=+/\n')
export EVENTGATE_CARRIER_BACK_OFFICE_PASSWORD EVENTGATE_ORDERS_OPERATOR_PASSWORD
"$java" -jar carrier-service/target/carrier-service-0.1.0-SNAPSHOT.jar --server.port="$carrier" \
  --eventgate.carrier.simulator.enabled=true --eventgate.carrier.simulator.dispatch-after=1s \
  --eventgate.carrier.simulator.deliver-after=1s >"$logs/carrier.log" 2>&1 &
pids+=($!)
"$java" -jar orders-service/target/orders-service-0.1.0-SNAPSHOT.jar --server.port="$orders" >"$logs/orders.log" 2>&1 &
pids+=($!)
wait_up "http://localhost:$carrier/actuator/health"
wait_up "http://localhost:$orders/actuator/health"

start=$(date +%s)
seq 1 "$n" | xargs -P 16 -I{} curl -fs -o /dev/null --retry 5 --retry-all-errors -X POST "http://localhost:$orders/orders" \
  -H 'Content-Type: application/json' -H 'Idempotency-Key: fill-{}' -d '{"customerId":"c-{}",
  "items":[{"sku":"SKU-1","quantity":1,"unitPrice":9.99}],"shippingAddress":{"name":"Ada","line1":"1 Main St",
  "city":"Berlin","postalCode":"10115","country":"DE"}}'
echo "placed $n orders in $(( $(date +%s) - start )) s; waiting until none is PENDING or SHIPPED"
for status in PENDING SHIPPED; do
  until curl -fs -u "operator:$EVENTGATE_ORDERS_OPERATOR_PASSWORD" "http://localhost:$orders/orders?status=$status&limit=1" \
    | grep -q '"items":\[\]'; do sleep 2; done
done
echo "all $n orders DELIVERED after $(( $(date +%s) - start )) s; stopping (clean stop)"
du -sh "$dir" "$dir"/* 2>/dev/null
