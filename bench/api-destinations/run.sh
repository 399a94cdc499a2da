#!/usr/bin/env bash
# API-destination delivery throughput of local-cloud (no rate limit, local HTTP sink).
# Usage: bench/api-destinations/run.sh [events] [putThreads]     (from anywhere; needs a JDK 21+ in JAVA_HOME)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
java="${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java"

./mvnw -B -q -pl local-cloud -am package -DskipTests
./mvnw -B -q -pl local-cloud dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$root/local-cloud/target/bench.classpath"
classpath="$root/local-cloud/target/classes:$(cat "$root/local-cloud/target/bench.classpath")"

exec "$java" --enable-native-access=ALL-UNNAMED -Dlogback.configurationFile="$here/logback-bench.xml" \
  -cp "$classpath" "$here/ApiDestinationThroughput.java" "$@"
