#!/usr/bin/env bash
# Benchmark of local-cloud's API Gateway route (not part of the default build).
# Usage: bench/apigateway/run.sh [requests=20000] [concurrency=64] [open-loop rate=1000] [open-loop seconds=20] [in-process]
# ("in-process" runs only the gateway-alone phase.) Bounded: about a minute on an idle 2-core machine, and every wait in
# it has a deadline. Prints its figures and BENCH_RESULT lines.
# Env: SKIP_BUILD=1 reuses the compiled classes; LOCAL_CLOUD_CLASSES=DIR runs another build's classes (a before/after
# comparison in one session); BENCH_JAVA_OPTS adds JVM options (e.g. a JFR recording).
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/jdk.sh
select_jdk 21

# One reactor run, so that event-contracts (a test dependency of local-cloud) resolves without mvn install.
mkdir -p target
if [[ "${SKIP_BUILD:-0}" != 1 || ! -s target/bench-apigateway.classpath ]]; then
  ./mvnw -B -q -pl local-cloud -am compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$PWD/target/bench-apigateway.classpath" >/dev/null
fi
source bench/support/compile.sh
classpath="${LOCAL_CLOUD_CLASSES:-local-cloud/target/classes}:$(cat target/bench-apigateway.classpath):$BENCH_SUPPORT"

# Open-loop load may hold many connections at once when latency spikes.
ulimit -n 65536 2>/dev/null || true

# shellcheck disable=SC2086
exec "$JAVA_HOME/bin/java" -Xmx2g ${BENCH_JAVA_OPTS:-} -Dlogback.configurationFile=io/eventgate/localcloud/logback-local-cloud.xml \
  -DLOCAL_CLOUD_LOG_LEVEL=WARN --enable-native-access=ALL-UNNAMED \
  -cp "$classpath" bench/apigateway/GatewayBench.java "$@"
