#!/usr/bin/env bash
# PutEvents throughput and put-to-delivered latency of local-cloud's EventBridge, one rule -> one SQS target.
# Usage: bench/local-cloud/run.sh [--events N] [--rate EVENTS_PER_S] [--seconds S] [--persistence off|on|both]
#        [--warmup N]
# Not part of the build or CI: it loads the machine for about a minute and prints its figures and BENCH_RESULT lines.
# Env: SKIP_BUILD=1 reuses the compiled classes; LOCAL_CLOUD_CLASSES=DIR runs another build's classes (a before/after
# comparison in one session); BENCH_JAVA_OPTS adds JVM options (e.g. a JFR recording).
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=../../.ci/jdk.sh
source .ci/jdk.sh
select_jdk 21

# One reactor run, so that event-contracts (a test dependency of local-cloud) resolves without mvn install.
if [[ "${SKIP_BUILD:-0}" != 1 || ! -s local-cloud/target/bench-classpath.txt ]]; then
  ./mvnw -B -q -pl local-cloud -am compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
fi
source bench/support/compile.sh
classpath="${LOCAL_CLOUD_CLASSES:-local-cloud/target/classes}:$(cat local-cloud/target/bench-classpath.txt):$BENCH_SUPPORT"

exec "$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:-} -Xms1g -Xmx2g --enable-native-access=ALL-UNNAMED \
  -Dlogback.configurationFile=local-cloud/src/test/resources/logback-test.xml \
  -cp "$classpath" bench/local-cloud/PutEventsBenchmark.java "$@"
