# shellcheck shell=bash
# select_jdk MIN: exports JAVA_HOME pointing at a JDK whose major version is >= MIN.
# Order: $JAVA_HOME if good enough, then the newest JDK under /usr/lib/jvm (Temurin first), then `java` on PATH.

jdk_major() {
  local version
  version=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  echo "${version%%.*}"
}

select_jdk() {
  local min=$1 candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(jdk_major "$JAVA_HOME")" -ge "$min" ]; then
    export JAVA_HOME
    return 0
  fi
  for candidate in /usr/lib/jvm/temurin-* /usr/lib/jvm/* /opt/java/* "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(jdk_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge "$min" ] && [ "$major" -gt "$best_major" ]; then
      best=$candidate
      best_major=$major
    fi
  done
  if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(jdk_major "$candidate")
    [ -n "$major" ] && [ "$major" -ge "$min" ] && best=$candidate
  fi
  if [ -z "$best" ]; then
    echo "error: no JDK $min or newer found (looked at \$JAVA_HOME, /usr/lib/jvm/*, PATH)." >&2
    echo "       Install one (e.g. Temurin 21+) and set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME=$best
}
