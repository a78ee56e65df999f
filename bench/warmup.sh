#!/usr/bin/env bash
# Start-up and JIT warm-up (issue 27, bench/README.md), on the default database (the 15 seeded programs), page cache
# off, wrk on 127.0.0.1 only. For each setup: a new data folder; a start on it (Flyway creates the database; the
# seconds from launch to the first 200 on /), a stop, a restart (the same), then load on the filtered list
# `/programs?category=gifts&region=tohoku` with wrk -t2 -c16 in windows of 15 s: req/s per window (the warm-up curve).
# Then, warm, 15 s on the filtered list and 15 s on a program page (the side-by-side figures).
#
#   bench/warmup.sh            after bench/run.sh has built target/bench/run (or with BENCH_SKIP_BUILD unset: builds)
#
# Setups: `documented` (JDK 25, Spring AOT + the AOT cache of tools/package.sh: target/bench/run) and `plain` (the same
# jar, JDK 25, plain java -jar); with BENCH_JAVA17_JAR=path a jar of the Java 17 line (the last one: commit 804d0ba)
# run with BENCH_JAVA17 (default /usr/lib/jvm/java-17-openjdk-amd64/bin/java), for the record; with
# BENCH_PETCLINIC_JAR=path spring-petclinic's jar (built from its repository with the same JDK 25), run with the same
# JDK and options: first 200 on /, the curve on its owners list, then its owners list `/owners?lastName=` and owner
# page `/owners/1` against our list and program page.
# Environment: BENCH_CURVE_WINDOWS (8: 2 minutes; 20 gives the 5-minute figure the 30 s target compares with),
# BENCH_JAVA_OPTS (the documented options), BENCH_PORT (18490), BENCH_SETUPS (documented plain), BENCH_SKIP_BUILD=1.
# Output: a Markdown section on stdout and in target/bench/warmup.md; logs in target/bench/warmup/.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
JAVA=$("$ROOT/tools/java.sh")
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}
PORT=${BENCH_PORT:-18490}
WINDOWS=${BENCH_CURVE_WINDOWS:-8}
SETUPS=${BENCH_SETUPS:-documented plain}
JAVA17_JAR=${BENCH_JAVA17_JAR:-}
JAVA17=${BENCH_JAVA17:-/usr/lib/jvm/java-17-openjdk-amd64/bin/java}
PETCLINIC_JAR=${BENCH_PETCLINIC_JAR:-}
OUT=$ROOT/target/bench
JAR=$ROOT/target/tsunagari-catalogue-0.1.0-SNAPSHOT.jar
WORK=$OUT/warmup
APP=http://127.0.0.1:$PORT
LIST='/programs?category=gifts&region=tohoku'
DETAIL='/programs/1'

log() { echo "warmup: $*" >&2; }
fail() { echo "warmup: FAIL $*" >&2; exit 1; }
command -v wrk >/dev/null || fail "wrk is missing (apt-get install wrk; bench/run.sh installs it)"
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then fail "port $PORT on 127.0.0.1 is in use (BENCH_PORT)"; fi

# The documented run's parts, made unless they exist for the jar as it is (bench/lib.sh).
# shellcheck source=bench/lib.sh
. "$HERE/lib.sh"
prepare_run 0
mkdir -p "$WORK"
PID=''
stop() {
  stop_java "$PID"
  PID=''
}
trap stop EXIT
trap 'exit 130' INT TERM

# launch setup data log: starts the setup in the background (PID)
launch() {
  local setup=$1 data=$2 logfile=$3 java=$JAVA opts=() jar=$JAR app=()
  case "$setup" in
    documented) jar=$OUT/run/app/$(basename "$JAR"); opts=(-Dspring.aot.enabled=true -XX:AOTCache="$OUT/run/app.aot") ;;
    plain) ;;
    java17) java=$JAVA17; jar=$JAVA17_JAR ;;
    petclinic) jar=$PETCLINIC_JAR ;;
    *) fail "unknown setup $setup" ;;
  esac
  [ "$setup" = petclinic ] || app=(--catalogue.page-cache.enabled=false)
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  CATALOGUE_DATA_DIR=$data "$java" $JAVA_OPTS "${opts[@]}" -jar "$jar" --server.port="$PORT" \
    --server.address=127.0.0.1 "${app[@]}" > "$logfile" 2>&1 &
  PID=$!
}

# first_200 setup data log: sets T200 to the seconds from launch to the first 200 on /; leaves the app running (PID)
T200=''
first_200() {
  local t0
  t0=$(date +%s.%N)
  launch "$@"
  until [ "$(curl -s -m 2 -o /dev/null -w '%{http_code}' "$APP/" 2>/dev/null || true)" = 200 ]; do
    kill -0 "$PID" 2>/dev/null || fail "$1 stopped (see $3)"
    awk -v a="$(date +%s.%N)" -v b="$t0" 'BEGIN { exit !(a - b > 180) }' && fail "$1: no 200 on / after 180 s"
    sleep 0.05
  done
  T200=$(awk -v a="$(date +%s.%N)" -v b="$t0" 'BEGIN { printf "%.2f", a - b }')
}

# rate path seconds: wrk -t2 -c16 on the path; prints "req/s p99-ms"
rate() {
  wrk -t2 -c16 -d"$2s" --timeout 30s --latency "$APP$1" 2>&1 | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v + 0 }
    /^ +99%/ { p99 = ms($2) } /^Requests\/sec:/ { rps = $2 }
    END { printf "%.0f %.0f\n", rps, p99 }'
}

declare -A NEW RESTART CURVE W2 LAST LISTR DETAILR
run_setup() {
  local setup=$1 data=$WORK/data-$1 list=$LIST detail=$DETAIL w r curve=()
  [ "$setup" = petclinic ] && { list='/owners?lastName='; detail='/owners/1'; }
  rm -rf "$data"
  first_200 "$setup" "$data" "$WORK/$setup-new.log"
  NEW[$setup]=$T200
  stop
  first_200 "$setup" "$data" "$WORK/$setup-restart.log"
  RESTART[$setup]=$T200
  log "$setup: first 200 after ${NEW[$setup]} s (new database), ${RESTART[$setup]} s (restart); $WINDOWS windows of 15 s on $list"
  for w in $(seq 1 "$WINDOWS"); do
    r=$(rate "$list" 15)
    curve+=("${r%% *}")
  done
  CURVE[$setup]="${curve[*]}"
  W2[$setup]=${curve[1]:-0}
  LAST[$setup]=${curve[-1]}
  LISTR[$setup]=$(rate "$list" 15)
  DETAILR[$setup]=$(rate "$detail" 15)
  log "$setup: curve ${CURVE[$setup]}; warm: list ${LISTR[$setup]}, detail ${DETAILR[$setup]} (req/s p99-ms)"
  stop
}

setups=($SETUPS)
[ -n "$JAVA17_JAR" ] && setups+=(java17)
[ -n "$PETCLINIC_JAR" ] && setups+=(petclinic)
for setup in "${setups[@]}"; do run_setup "$setup"; done

pct() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 > 0) printf "%.0f", 100 * a / b; else printf "-" }'; }
{
  echo "## Start-up and warm-up (15 programs, page cache off)"
  echo
  echo "JVM options \`$JAVA_OPTS\`; first 200 on \`/\` from launch; then wrk -t2 -c16 on \`$LIST\` (petclinic:" \
       "\`/owners?lastName=\`) in $WINDOWS windows of 15 s from the first request; then 15 s each, warm, on the list" \
       "and on a program page (petclinic: \`/owners/1\`). $("$JAVA" -version 2>&1 | head -1)."
  echo
  echo "| setup | first 200, new database s | first 200, restart s | req/s per 15 s window | 15–30 s as % of the last window | warm list req/s (p99 ms) | warm detail req/s (p99 ms) |"
  echo "| --- | ---: | ---: | --- | ---: | --- | --- |"
  for setup in "${setups[@]}"; do
    l=(${LISTR[$setup]}) d=(${DETAILR[$setup]})
    echo "| $setup | ${NEW[$setup]} | ${RESTART[$setup]} | ${CURVE[$setup]} | $(pct "${W2[$setup]}" "${LAST[$setup]}") |" \
         "${l[0]} (${l[1]}) | ${d[0]} (${d[1]}) |"
  done
  echo
  echo "- $(date -u '+%Y-%m-%d %H:%M UTC'); load average $(cut -d' ' -f1-3 /proc/loadavg); logs in target/bench/warmup/"
} | tee "$OUT/warmup.md"
