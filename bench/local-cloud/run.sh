#!/usr/bin/env bash
# PutEvents throughput and put-to-delivered latency of local-cloud's EventBridge, one rule -> one SQS target.
# Usage: bench/local-cloud/run.sh [--events N] [--rate EVENTS_PER_S] [--seconds S] [--persistence off|on|both]
# Not part of the build or CI: it loads the machine for about a minute and prints its figures.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=../../.ci/jdk.sh
source .ci/jdk.sh
select_jdk 21

# One reactor run, so that event-contracts (a test dependency of local-cloud) resolves without mvn install.
./mvnw -B -q -pl local-cloud -am compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
classpath="local-cloud/target/classes:$(cat local-cloud/target/bench-classpath.txt)"

exec "$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:-} -Xms1g -Xmx2g --enable-native-access=ALL-UNNAMED \
  -Dlogback.configurationFile=local-cloud/src/test/resources/logback-test.xml \
  -cp "$classpath" bench/local-cloud/PutEventsBenchmark.java "$@"
