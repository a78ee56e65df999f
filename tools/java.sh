#!/bin/sh
# Prints the path of a `java` of version 25 or newer, the JDK the application is built for: $CATALOGUE_JAVA if set,
# then JAVA_HOME, JAVA25_HOME, `java` on PATH, then the JDKs under /usr/lib/jvm (newest first) — much as the build's
# toolchain selection finds one (pom.xml, maven-toolchains-plugin select-jdk-toolchain: JAVA_HOME, JAVA25_HOME,
# /usr/lib/jvm, ~/.sdkman, … but not PATH). Exits with 1 and a message when there is none. Used by the scripts that start the packaged jar outside Maven (bench/, .ci/, tools/):
#   JAVA=$(tools/java.sh) && "$JAVA" -jar target/tsunagari-catalogue-0.1.0-SNAPSHOT.jar
set -eu
MIN=25

major() { # major version of a java executable, or 0
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -1 \
    | grep . || echo 0
}

try() {
  [ -n "$1" ] && [ -x "$1" ] || return 1
  [ "$(major "$1")" -ge "$MIN" ] || return 1
  echo "$1"
  exit 0
}

[ -n "${CATALOGUE_JAVA:-}" ] && { try "$CATALOGUE_JAVA" || { echo "CATALOGUE_JAVA=$CATALOGUE_JAVA is not a java $MIN or newer" >&2; exit 1; }; }
[ -n "${JAVA_HOME:-}" ] && try "$JAVA_HOME/bin/java" || true
[ -n "${JAVA25_HOME:-}" ] && try "$JAVA25_HOME/bin/java" || true
try "$(command -v java 2>/dev/null || true)" || true
for home in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
  try "${home}bin/java" || true
done
echo "no java $MIN or newer found (JAVA_HOME, PATH, /usr/lib/jvm): install a JDK $MIN, or set CATALOGUE_JAVA" >&2
exit 1
