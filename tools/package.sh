#!/bin/sh
# Builds what the documented run needs (docs/operations.md, "Build and run"), into OUT (default target/run):
#   OUT/app/      the jar built with Spring AOT processing (-Paot), extracted (java -Djarmode=tools … extract): the
#                 application's jar beside its libraries, so that the JVM can map their classes from the cache;
#   OUT/app.aot   the JVM's AOT cache (JEP 483/514/515: classes loaded and linked, method profiles) recorded by the
#                 training run: the application starts on a scratch H2 database, serves every page type to itself
#                 (system.TrainingRun), with its page and search result caches off so that every request runs the
#                 whole path and is profiled, and stops; the JVM then writes the cache.
#   tools/package.sh [OUT]              builds the jar (./mvnw -Paot -DskipTests package), then the two parts
#   tools/package.sh --jar JAR [OUT]    the two parts from a jar already built with -Paot
# Maven runs on the JDK 25 this finds (tools/java.sh): Spring AOT compiles its generated code with the JDK that runs
# Maven, and the default java of a machine may be older. JVM options: CATALOGUE_JAVA_OPTS (default: the documented
# -Xmx256m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError). Train with the options the instances run with: a cache made
# with other GC or object layout options is not used (the JVM says so in one line and starts without it). About
# 1 min 30 s on 2 cores (40 s without the build).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
JAR=''
if [ "${1:-}" = --jar ]; then JAR=${2:?usage: tools/package.sh --jar JAR [OUT]}; shift 2; fi
OUT=${1:-$ROOT/target/run}
OPTS=${CATALOGUE_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}
JAVA=$("$HERE/java.sh")
JDK=$(dirname "$(dirname "$(readlink -f "$JAVA")")")   # the JDK's folder (java may be a link, as /usr/bin/java)

if [ -z "$JAR" ]; then
  echo "package: building the jar with Spring AOT processing (./mvnw -Paot -DskipTests package)" >&2
  mkdir -p "$OUT"
  [ -x "$JDK/bin/javac" ] || { echo "package: $JDK is not a JDK (no bin/javac): set CATALOGUE_JAVA to a JDK 25's java" >&2; exit 1; }
  (cd "$ROOT" && JAVA_HOME=$JDK ./mvnw -q -B -ntp -Paot -DskipTests package) \
    >"$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log" >&2; echo "package: the build failed (see $OUT/build.log)" >&2; exit 1; }
  JAR=$ROOT/target/tsunagari-catalogue-0.1.0-SNAPSHOT.jar
fi
[ -f "$JAR" ] || { echo "package: no $JAR" >&2; exit 1; }
"$JDK/bin/jar" tf "$JAR" 2>/dev/null | grep '__ApplicationContextInitializer' >/dev/null \
  || echo "package: warning: $JAR has no Spring AOT code (built without -Paot): -Dspring.aot.enabled=true will fail" >&2
NAME=$(basename "$JAR")

rm -rf "$OUT/app" "$OUT/app.aot" "$OUT/training-data"
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)   # absolute: H2 refuses a data folder relative to the working directory
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$OUT/app" >/dev/null
echo "package: training run ($JAVA $OPTS -Dspring.aot.enabled=true), log in $OUT/training.log" >&2
# shellcheck disable=SC2086 # OPTS is a list of options
if ! CATALOGUE_DATA_DIR=$OUT/training-data "$JAVA" $OPTS -Dspring.aot.enabled=true \
    -XX:AOTCacheOutput="$OUT/app.aot" -Dcatalogue.training-run=true \
    -jar "$OUT/app/$NAME" --server.port=0 --server.address=127.0.0.1 \
    --catalogue.page-cache.enabled=false --catalogue.search.result-cache-size=0 >"$OUT/training.log" 2>&1; then
  tail -20 "$OUT/training.log" >&2
  echo "package: the training run failed (see $OUT/training.log)" >&2
  exit 1
fi
rm -rf "$OUT/training-data"
[ -s "$OUT/app.aot" ] || { echo "package: no cache written (see $OUT/training.log)" >&2; exit 1; }
grep -o 'Training run: [0-9]* requests.*' "$OUT/training.log" >&2 || true
echo "package: $OUT/app.aot ($(du -m "$OUT/app.aot" | cut -f1) MB); run with" >&2
echo "  $JAVA $OPTS -Dspring.aot.enabled=true -XX:AOTCache=$OUT/app.aot -jar $OUT/app/$NAME" >&2
