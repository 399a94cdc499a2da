#!/usr/bin/env bash
# The time from the carrier's Dispatch click to the tracking page showing SHIPPED (p50/p99 over N orders), beside the
# time the orders API reads SHIPPED in the same run; see dispatch-to-shipped.mjs. Needs a running stack
# (./eventgate run, whose ports it takes from LOCAL_CLOUD_PORT / ORDERS_PORT / CARRIER_PORT), Chromium and
# browser-tests/node_modules (npm ci --prefix browser-tests). PAGE_ORDERS_URL puts the tracking page on another
# orders-service instance (e.g. a second one on the same table); SCREENSHOT_DIR=docs takes the pages' screenshots.
# Usage: bench/tracking/run.sh [orders=50]
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f .run/eventgate.env ] || { echo "no .run/eventgate.env: start the stack with ./eventgate run" >&2; exit 1; }
[ -d browser-tests/node_modules/playwright-core ] || npm ci --prefix browser-tests --no-audit --no-fund --loglevel=error
# shellcheck disable=SC1091
set -a && . .run/eventgate.env && set +a
export ORDERS_URL="http://localhost:${ORDERS_PORT:-8080}" CARRIER_URL="http://localhost:${CARRIER_PORT:-8081}"
export BACK_OFFICE_PASSWORD="$EVENTGATE_CARRIER_BACK_OFFICE_PASSWORD"
echo "load before: $(uptime)"
node bench/tracking/dispatch-to-shipped.mjs "${1:-50}"
echo "load after: $(uptime)"
