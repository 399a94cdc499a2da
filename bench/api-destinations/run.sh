#!/usr/bin/env bash
# API-destination delivery throughput of local-cloud (no rate limit, local HTTP sink).
# Usage: bench/api-destinations/run.sh [events] [putThreads]     (from anywhere; finds a JDK 21+ itself)
# Not part of the build or CI: it loads the machine for a minute or two and prints its figures.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
# shellcheck source=../../.ci/jdk.sh
source .ci/jdk.sh
select_jdk 21
java="$JAVA_HOME/bin/java"

# One reactor run, so that event-contracts (a test dependency of local-cloud) resolves without mvn install.
./mvnw -B -q -pl local-cloud -am package dependency:build-classpath -DskipTests -Dmdep.includeScope=test \
  -Dmdep.outputFile="$root/local-cloud/target/bench.classpath"
classpath="$root/local-cloud/target/classes:$(cat "$root/local-cloud/target/bench.classpath")"

exec "$java" ${BENCH_JAVA_OPTS:-} -Xms1g -Xmx2g --enable-native-access=ALL-UNNAMED -Dlogback.configurationFile="$here/logback-bench.xml" \
  -cp "$classpath" "$here/ApiDestinationThroughput.java" "$@"
