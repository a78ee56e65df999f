#!/usr/bin/env bash
# E-mail alerts at scale (issue 28, bench/README.md): N programs (the catalogue of bench/run.sh), S confirmed
# subscriptions, a day of C changed programs; the digest job matched and then sent to a local SMTP sink
# (bench/SmtpSink.java), run the documented way (Spring AOT, the AOT cache, the documented heap), 127.0.0.1 only.
#
#   bench/alerts.sh [N]     N programs (default 100000: target/bench/data-N, generated as bench/run.sh does if missing)
#
# In order:
#  1. the documented run's parts (bench/lib.sh, tools/package.sh; BENCH_SKIP_BUILD=1 uses them as they are);
#  2. target/bench/alerts/base-N-S: a copy of data-N with S synthetic subscriptions (the synthetic profile,
#     catalogue.synthetic.subscriptions; each confirmed at the newest history revision), made once and kept;
#  3. a work copy of it (target/bench/alerts/data); a first start there lets the digest job make yesterday's daily and
#     last week's weekly digest (nothing changed yet: no mail), as a site that has been running has them;
#  4. the day's changes: C published programs edited and published through the editor (catalogue.synthetic.changes);
#  5. the measured start, page cache off, with catalogue.alerts.daily-at set a few minutes ahead (Japan time) and
#     weekly-on today, so that today's daily and this week's weekly digest fall due while the app serves: idle latency
#     first; then the job matches both (the SMTP sink not started yet: each run's first mail fails, connection
#     refused, and the job goes on to the next run, so the two matchings follow each other as they would with a
#     working server, without the daily run's sending in between); then the sink starts and the job's next look sends
#     the daily mails at mails-per-second, counted by the sink for BENCH_ALERTS_SEND_SECONDS.
# Throughout: the heap (jstat -gc every second: used, old generation, GC counts and times), VmRSS every second, and a
# paced latency probe (wrk -t1 -c4, bench/paced.lua: each connection waits BENCH_ALERTS_PACE_MS between requests) on
# the category list /programs?category=gifts and a program page, idle, while matching and while sending.
#
# Environment: BENCH_ALERTS_SUBSCRIPTIONS (1000000), BENCH_ALERTS_CHANGES (500), BENCH_ALERTS_RATE (mails per second
# asked of the job, 500), BENCH_ALERTS_SEND_SECONDS (60), BENCH_ALERTS_PACE_MS (20), BENCH_ALERTS_TICK (PT30S: how
# often the job looks), BENCH_DURATION (seconds per probe, 10), BENCH_RUNS (idle and sending probes per page, 2),
# BENCH_WARMUP (seconds of wrk -t2 -c8 per page before the idle probes, 30),
# BENCH_JAVA_OPTS (the documented heap), BENCH_ALERTS_RUN (documented: Spring AOT and the AOT cache; plain: java -jar),
# BENCH_ALERTS_ARGS (more arguments for the app, e.g. --catalogue.alerts.give-way=PT0S), BENCH_PORT (18480),
# BENCH_SMTP_PORT (18425), BENCH_SKIP_BUILD=1.
# Output: a Markdown report on stdout and in target/bench/alerts/report.md; logs and samples in target/bench/alerts/.
set -euo pipefail

# --- settings ------------------------------------------------------------------------------------------------------
N=${1:-100000}
SUBSCRIPTIONS=${BENCH_ALERTS_SUBSCRIPTIONS:-1000000}
CHANGES=${BENCH_ALERTS_CHANGES:-500}
RATE=${BENCH_ALERTS_RATE:-500}
SEND_SECONDS=${BENCH_ALERTS_SEND_SECONDS:-60}
PACE_MS=${BENCH_ALERTS_PACE_MS:-20}
TICK=${BENCH_ALERTS_TICK:-PT30S}
DURATION=${BENCH_DURATION:-10}
WARMUP=${BENCH_WARMUP:-30}
RUNS=${BENCH_RUNS:-2}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}
PORT=${BENCH_PORT:-18480}
SMTP_PORT=${BENCH_SMTP_PORT:-18425}
PROBE_CONNECTIONS=4
[[ "$N" =~ ^[1-9][0-9]*$ ]] || { echo "usage: bench/alerts.sh [N]  (N > 0 programs)" >&2; exit 2; }

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
JAVA=$("$ROOT/tools/java.sh")
JSTAT=$(dirname "$(readlink -f "$JAVA")")/jstat
OUT=$ROOT/target/bench                       # absolute: H2 refuses a data folder relative to the working directory
JAR=$ROOT/target/tsunagari-catalogue-0.1.0-SNAPSHOT.jar
DATA=$OUT/data-$N
WORK=$OUT/alerts
BASE=$WORK/base-$N-$SUBSCRIPTIONS
RUN_DATA=$WORK/data
LOG=$WORK/app.log
PROBES=$WORK/probes.tsv                      # phase page run req/s p50 p99 max errors requests end-epoch
REPORT=$WORK/report.md
APP=http://127.0.0.1:$PORT
CURL=(curl -s --connect-timeout 2 -m 30)
T_START=$(date +%s)

log() { echo "alerts: $*" >&2; }
fail() { echo "alerts: FAIL $*" >&2; exit 1; }
command -v wrk >/dev/null || fail "wrk is missing (apt-get install wrk; bench/run.sh installs it)"
[ -x "$JSTAT" ] || fail "no jstat beside $JAVA"
for port in "$PORT" "$SMTP_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then fail "port $port on 127.0.0.1 is in use (BENCH_PORT, BENCH_SMTP_PORT)"; fi
done

# --- processes and clean-up ----------------------------------------------------------------------------------------
APP_PID='' GEN_PID='' SINK_PID='' HEAP_PID='' RSS_PID=''
# stop_java and prepare_run (bench/lib.sh)
# shellcheck source=bench/lib.sh
. "$HERE/lib.sh"
stop_samplers() {
  local p
  for p in "$HEAP_PID" "$RSS_PID"; do [ -n "$p" ] && { kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; }; done
  HEAP_PID='' RSS_PID=''
}
cleanup() {
  set +e
  stop_samplers
  stop_java "$GEN_PID"
  stop_java "$APP_PID"
  stop_java "$SINK_PID"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- the documented run ----------------------------------------------------------------------------------------------
mkdir -p "$WORK"
log "the jar and the AOT cache (tools/package.sh)"
prepare_run 1
RUN_JAR=$OUT/run/app/$(basename "$JAR")
[ -f "$RUN_JAR" ] || fail "no $RUN_JAR"

# How the app runs: BENCH_ALERTS_RUN=documented (default) with Spring AOT and the AOT cache (docs/operations.md);
# =plain is `java -jar` of the same jar with the same JVM options.
RUN_MODE=${BENCH_ALERTS_RUN:-documented}
case "$RUN_MODE" in
  plain) RUN_OPTS=() ;;
  documented) RUN_OPTS=(-Dspring.aot.enabled=true -XX:AOTCache="$OUT/run/app.aot") ;;
  *) fail "BENCH_ALERTS_RUN is plain or documented" ;;
esac

# start_app data log [args...]: the app in the background; APP_PID, T_LAUNCH
start_app() {
  local data=$1 logfile=$2
  shift 2
  T_LAUNCH=$(date +%s.%N)
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  CATALOGUE_DATA_DIR=$data "$JAVA" $JAVA_OPTS "${RUN_OPTS[@]}" \
    -jar "$RUN_JAR" --server.port="$PORT" --server.address=127.0.0.1 "$@" > "$logfile" 2>&1 &
  APP_PID=$!
}

# synthetic data log [args...]: the synthetic profile on the data folder (plain java -jar: Spring AOT fixed the beans
# without that profile), with catalogue.synthetic.exit=true and no jobs; waits up to 60 min for it to finish
synthetic() {
  local data=$1 logfile=$2 rc=0 deadline=$(( $(date +%s) + 3600 ))
  shift 2
  CATALOGUE_DATA_DIR=$data "$JAVA" -jar "$RUN_JAR" --spring.profiles.active=synthetic \
    --catalogue.synthetic.exit=true --catalogue.jobs.enabled=false --server.port=0 "$@" > "$logfile" 2>&1 &
  GEN_PID=$!
  while kill -0 "$GEN_PID" 2>/dev/null; do
    [ "$(date +%s)" -lt "$deadline" ] || fail "the synthetic profile did not finish in 60 min (see $logfile)"
    sleep 1
  done
  wait "$GEN_PID" || rc=$?
  GEN_PID=''
  [ "$rc" = 0 ] || fail "the synthetic profile exited with $rc (see $logfile)"
}

status_of() { "${CURL[@]}" -o /dev/null -w '%{http_code}' "$1" 2>/dev/null || true; }
alive() { kill -0 "$APP_PID" 2>/dev/null || fail "the app stopped (see $1)$(grep -m1 -o 'OutOfMemoryError.*' "$1" || true)"; }
wait_ready() { # log seconds: until readiness answers 200; READY_S from launch
  local deadline=$(( $(date +%s) + $2 ))
  until [ "$(status_of "$APP/actuator/health/readiness")" = 200 ]; do
    alive "$1"
    [ "$(date +%s)" -lt "$deadline" ] || fail "not ready after $2 s (see $1)"
    sleep 0.5
  done
  READY_S=$(awk -v a="$(date +%s.%N)" -v b="$T_LAUNCH" 'BEGIN { printf "%.0f", a - b }')
}
wait_line() { # log regex seconds: until the log has a line matching regex
  local deadline=$(( $(date +%s) + $3 ))
  until grep -Eq "$2" "$1"; do
    alive "$1"
    [ "$(date +%s)" -lt "$deadline" ] || fail "no line /$2/ in $1 after $3 s"
    sleep 0.5
  done
}
# line_epoch line: the epoch seconds (with millis) of a log line's leading ISO timestamp
line_epoch() { date -d "$(cut -d' ' -f1 <<<"$1")" +%s.%3N; }

# --- data ----------------------------------------------------------------------------------------------------------
if [ ! -d "$DATA" ]; then
  log "generating $N programs into $DATA (once; kept for later runs, also by bench/run.sh)"
  rm -rf "$DATA.tmp"
  synthetic "$DATA.tmp" "$OUT/generate.log" --catalogue.synthetic.programs="$N"
  mv "$DATA.tmp" "$DATA"
fi
if [ ! -d "$BASE" ]; then
  log "adding $SUBSCRIPTIONS subscriptions to a copy of $DATA (once; kept in $BASE)"
  rm -rf "$BASE.tmp"
  cp -r "$DATA" "$BASE.tmp"
  synthetic "$BASE.tmp" "$WORK/subscriptions.log" --catalogue.synthetic.subscriptions="$SUBSCRIPTIONS"
  mv "$BASE.tmp" "$BASE"
fi
SUBSCRIBED=$(grep -ho 'Synthetic subscriptions: .*' "$WORK/subscriptions.log" 2>/dev/null | head -1 || true)
rm -rf "$RUN_DATA"
cp -r "$BASE" "$RUN_DATA"

# The digest's periods: today's daily and this week's weekly (weekly-on = today), in Japan time.
TODAY=$(TZ=Asia/Tokyo date +%F)
WEEKDAY=$(TZ=Asia/Tokyo date +%A | tr '[:lower:]' '[:upper:]')
ALERT_ARGS=(--catalogue.alerts.weekly-on="$WEEKDAY" --catalogue.alerts.settle=PT0S --catalogue.alerts.tick="$TICK"
  --catalogue.alerts.mails-per-second="$RATE" --catalogue.jobs.polling-interval=PT2S
  --spring.mail.host=127.0.0.1 --spring.mail.port="$SMTP_PORT")
# shellcheck disable=SC2206 # BENCH_ALERTS_ARGS is a list of arguments (experiments: another give-way, H2 setting …)
ALERT_ARGS+=(${BENCH_ALERTS_ARGS:-})

log "first start: yesterday's and last week's digests (nothing changed since the subscriptions: no mail)"
start_app "$RUN_DATA" "$WORK/app-previous.log" --catalogue.alerts.daily-at=23:59:59 "${ALERT_ARGS[@]}"
wait_ready "$WORK/app-previous.log" 900
READY_PREVIOUS=$READY_S
wait_line "$WORK/app-previous.log" 'Alert digest daily [0-9-]+: sent' 900
wait_line "$WORK/app-previous.log" 'Alert digest weekly [0-9W-]+: sent' 900
grep -q "Alert digest daily $TODAY" "$WORK/app-previous.log" && fail "today's digest ran already (past 23:59 JST?)"
stop_java "$APP_PID"
APP_PID=''

log "the day's changes: $CHANGES programs edited and published (catalogue.synthetic.changes)"
synthetic "$RUN_DATA" "$WORK/changes.log" --catalogue.synthetic.changes="$CHANGES"
CHANGED=$(grep -o 'Synthetic changes: .*' "$WORK/changes.log" | head -1 || true)
[ -n "$CHANGED" ] || fail "no 'Synthetic changes' line in $WORK/changes.log"
log "$CHANGED"

# --- the measured start ----------------------------------------------------------------------------------------------
# The digest falls due after the start, the warm-up and the idle probes, with a margin.
LEAD=$(( READY_PREVIOUS * 3 / 2 + 2 * (WARMUP + RUNS * DURATION) + 60 ))
DUE=$(TZ=Asia/Tokyo date -d "+$LEAD seconds" +%H:%M:%S)
[ "$(TZ=Asia/Tokyo date -d "+$LEAD seconds" +%F)" = "$TODAY" ] && [[ "$DUE" < 23:59:00 ]] \
  || fail "the digest would fall due after midnight in Japan: run again after 00:00 JST"
log "measured start: today's digests due at $DUE JST (in $LEAD s), page cache off"
: > "$PROBES"
rm -f "$WORK"/wrk-*.txt
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
start_app "$RUN_DATA" "$LOG" --catalogue.page-cache.enabled=false --catalogue.alerts.daily-at="$DUE" "${ALERT_ARGS[@]}"
until "$JSTAT" -gc "$APP_PID" > /dev/null 2>&1; do alive "$LOG"; sleep 0.5; done
"$JSTAT" -gc -t "$APP_PID" 1000 > "$WORK/heap.txt" 2>&1 &
HEAP_PID=$!
# every second: epoch, VmRSS (kB), the app's CPU time so far (utime + stime, clock ticks), the 1-minute load average
( while kill -0 "$APP_PID" 2>/dev/null; do
    echo "$(date +%s) $(awk '/^VmRSS:/ { print $2 }' "/proc/$APP_PID/status" 2>/dev/null || true)" \
      "$(sed 's/.*) //' "/proc/$APP_PID/stat" 2>/dev/null | awk '{ print $12 + $13 }' || true) $(cut -d' ' -f1 /proc/loadavg)"
    sleep 1
  done ) > "$WORK/rss.txt" &
RSS_PID=$!
wait_ready "$LOG" 900
READY_MEASURED=$READY_S
body=$("${CURL[@]}" "$APP/categories/gifts") || fail "cannot read /categories/gifts"
[[ "$body" =~ href=\"(/programs/[0-9]+)\" ]] || fail "no program link on /categories/gifts"
declare -A URL=([list]='/programs?category=gifts' [detail]=${BASH_REMATCH[1]})
PAGES=(list detail)

# probe phase page run: one paced wrk run; appends a line to PROBES
probe() {
  local out=$WORK/wrk-$1-$2-$3.txt
  timeout $(( DURATION + 60 )) wrk -t1 -c"$PROBE_CONNECTIONS" -d"${DURATION}s" --timeout 30s --latency \
    -s "$HERE/paced.lua" "$APP${URL[$2]}" -- "$PACE_MS" > "$out" 2>&1 || log "wrk failed (see $out)"
  awk -v phase="$1" -v page="$2" -v run="$3" -v end="$(date +%s)" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000
                     if (v ~ /s$/) return v * 1000; return v + 0 }
    /^ +Latency +[0-9]/ { max = ms($4) }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /^Requests\/sec:/ { rps = $2 }
    /Socket errors:/ { gsub(/,/, ""); err += $4 + $6 + $8 + $10 }
    /Non-2xx or 3xx responses:/ { err += $5 }
    / requests in / { reqs = $1 }
    END { if (reqs + 0 == 0) { p50 = "-"; p99 = "-"; max = "-" }
          printf "%s\t%s\t%s\t%.1f\t%s\t%s\t%s\t%d\t%d\t%s\n", phase, page, run, rps, p50, p99, max, err, reqs, end }' \
    "$out" >> "$PROBES"
}

log "ready after $READY_MEASURED s; warm-up, then idle probes (wrk -t1 -c$PROBE_CONNECTIONS, $PACE_MS ms pace)"
for page in "${PAGES[@]}"; do
  timeout $(( WARMUP + 60 )) wrk -t2 -c8 -d"${WARMUP}s" --timeout 30s "$APP${URL[$page]}" > "$WORK/wrk-warmup-$page.txt" 2>&1 || true
done
IDLE_FROM=$(date +%s)
for run in $(seq 1 "$RUNS"); do for page in "${PAGES[@]}"; do probe idle "$page" "$run"; done; done
IDLE_TO=$(date +%s)
MATCH_START_RE="Alert digest daily $TODAY: revisions"
grep -Eq "$MATCH_START_RE" "$LOG" && log "NOTE: the digest started during the idle probes"

log "waiting for the digest (due $DUE JST)"
wait_line "$LOG" "$MATCH_START_RE" $(( LEAD + 600 ))
DAILY_DONE_RE="Alert digest daily $TODAY: [0-9]+ changed programs"
WEEKLY_DONE_RE="Alert digest weekly [0-9W-]+: [0-9]+ changed programs"
run=0
until grep -Eq "$WEEKLY_DONE_RE" "$LOG"; do
  alive "$LOG"
  run=$(( run + 1 ))
  [ "$run" -le 400 ] || fail "matching did not end within about $(( 400 * DURATION )) s"
  probe matching "${PAGES[$(( (run - 1) % 2 ))]}" "$run"
done
START_LINE=$(grep -E -m1 "$MATCH_START_RE" "$LOG")
DAILY_LINE=$(grep -E -m1 "$DAILY_DONE_RE" "$LOG")
WEEKLY_LINE=$(grep -E -m1 "$WEEKLY_DONE_RE" "$LOG")
MATCH_FROM=$(line_epoch "$START_LINE")
MATCH_TO=$(line_epoch "$WEEKLY_LINE")
log "${DAILY_LINE##*: Alert digest }"
log "${WEEKLY_LINE##*: Alert digest }"

log "SMTP sink on 127.0.0.1:$SMTP_PORT; the daily digest's mails at $RATE/s asked"
"$JAVA" "$HERE/SmtpSink.java" "$SMTP_PORT" > "$WORK/smtp.txt" 2>&1 &
SINK_PID=$!
sink_count() { tail -1 "$WORK/smtp.txt" | awk '{ print $1, $2, $3 }'; }
deadline=$(( $(date +%s) + 300 ))
until [ "$(sink_count | cut -d' ' -f2)" -gt 0 ] 2>/dev/null; do
  alive "$LOG"
  [ "$(date +%s)" -lt "$deadline" ] || fail "no mail reached the sink within 300 s (see $LOG, $WORK/smtp.txt)"
  sleep 0.5
done
sleep 5                                   # past the first look's start
read -r SEND_T0 SEND_C0 SEND_K0 < <(sink_count)
SEND_FROM=$(date +%s)
for run in $(seq 1 "$RUNS"); do for page in "${PAGES[@]}"; do probe sending "$page" "$run"; done; done
while [ $(( $(date +%s) - SEND_FROM )) -lt "$SEND_SECONDS" ]; do alive "$LOG"; sleep 1; done
sleep 1.1
read -r SEND_T1 SEND_C1 SEND_K1 < <(sink_count)
SEND_TO=$(date +%s)
MAILS_PER_S=$(awk -v c="$(( SEND_C1 - SEND_C0 ))" -v t="$(( SEND_T1 - SEND_T0 ))" 'BEGIN { printf "%.0f", c * 1000 / t }')
SEND_WINDOW=$(awk -v t="$(( SEND_T1 - SEND_T0 ))" 'BEGIN { printf "%.0f", t / 1000 }')
log "sending: $(( SEND_C1 - SEND_C0 )) mails in $SEND_WINDOW s: $MAILS_PER_S/s"
stop_samplers
stop_java "$APP_PID"
APP_PID=''
stop_java "$SINK_PID"
SINK_PID=''
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# --- figures ---------------------------------------------------------------------------------------------------------
# heap from to: "max used MiB | max old MiB | young GCs (s) | full GCs (s)" over jstat samples in [from, to] (epochs)
heap() {
  awk -v launch="$T_LAUNCH" -v from="$1" -v to="$2" '
    $1 == "Timestamp" { for (i = 1; i <= NF; i++) col[$i] = i; next }
    col["EU"] && $1 ~ /^[0-9.]+$/ {
      t = launch + $1; if (t < from || t > to) next
      used = ($col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"]) / 1024; old = $col["OU"] / 1024
      if (used > mu) mu = used; if (old > mo) mo = old
      if (n++ == 0) { y0 = $col["YGC"]; yt0 = $col["YGCT"]; f0 = $col["FGC"]; ft0 = $col["FGCT"] }
      y1 = $col["YGC"]; yt1 = $col["YGCT"]; f1 = $col["FGC"]; ft1 = $col["FGCT"] }
    END { if (n == 0) { print "- | - | - | -"; exit }
          printf "%.0f | %.0f | %d (%.2f s) | %d (%.2f s)\n", mu, mo, y1 - y0, yt1 - yt0, f1 - f0, ft1 - ft0 }' \
    "$WORK/heap.txt"
}
rss() { awk -v from="$1" -v to="$2" '$1 >= from && $1 <= to && $2 > m { m = $2 } END { printf "%.0f", m / 1024 }' "$WORK/rss.txt"; }
# cpu from to: "CPU seconds of the app (share of the wall time) | mean 1-minute load average" over [from, to]
cpu() {
  awk -v from="$1" -v to="$2" -v hz="$(getconf CLK_TCK)" '$1 >= from && $1 <= to && NF >= 4 {
      if (n++ == 0) { t0 = $1; c0 = $3 } t1 = $1; c1 = $3; load += $4 }
    END { if (n < 2) { print "- | -"; exit }
          printf "%.0f s (%.0f %% of %d s) | %.1f\n", (c1 - c0) / hz, 100 * (c1 - c0) / hz / (t1 - t0), t1 - t0, load / n }' \
    "$WORK/rss.txt"
}
# pstat phase page column: median of a probe column (4 req/s, 5 p50, 6 p99, 7 max); errors: the sum
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2];
                                              else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
pstat() { awk -F'\t' -v p="$1" -v g="$2" -v c="$3" -v to="${4:-9999999999}" '$1 == p && $2 == g && $c != "-" && $10 <= to { print $c }' "$PROBES" | median; }
pmax() { awk -F'\t' -v p="$1" -v g="$2" -v to="${3:-9999999999}" '$1 == p && $2 == g && $7 != "-" && $10 <= to && $7 > m { m = $7 } END { print m + 0 }' "$PROBES"; }
perr() { awk -F'\t' -v p="$1" '$1 == p { e += $8 } END { print e + 0 }' "$PROBES"; }
pruns() { awk -F'\t' -v p="$1" -v g="$2" -v to="${3:-9999999999}" '$1 == p && $2 == g && $10 <= to { n++ } END { print n + 0 }' "$PROBES"; }
ms_of() { grep -o 'in [0-9]* ms' <<<"$1" | grep -o '[0-9]*'; }
DAILY_MS=$(ms_of "$DAILY_LINE") WEEKLY_MS=$(ms_of "$WEEKLY_LINE")
MATCH_MS=$(awk -v a="$MATCH_TO" -v b="$MATCH_FROM" 'BEGIN { printf "%.0f", (a - b) * 1000 }')
MATCH_END=${MATCH_TO%.*}
judge_max() { awk -v v="$1" -v t="$2" 'BEGIN { print (v != "-" && v != "" && v + 0 <= t) ? "met" : "**not met**" }'; }

report() {
  local page phase label to
  echo "# Benchmark: e-mail alerts (issue 28)"
  echo
  echo "N = $N programs; $SUBSCRIBED; $CHANGED. Run: $RUN_MODE, heap \`$JAVA_OPTS\`," \
       "page cache off; \`catalogue.alerts.settle=PT0S\`, \`tick=$TICK\`, \`mails-per-second=$RATE\`; ready after" \
       "$READY_MEASURED s; today's digests due at $DUE JST."
  echo
  echo "| digest | changed programs, subscriptions, mails, time (the job's log line) |"
  echo "| --- | --- |"
  echo "| daily $TODAY | ${DAILY_LINE##*: Alert digest daily $TODAY: } |"
  echo "| weekly | ${WEEKLY_LINE##*: Alert digest weekly } |"
  echo
  echo "- matching both, from the daily run's first line to the weekly run's matching line: $MATCH_MS ms" \
       "(daily $DAILY_MS ms + weekly $WEEKLY_MS ms, each from the job's line; ≤ 60 s: $(judge_max "$MATCH_MS" 60000))"
  echo "- sending: $(( SEND_C1 - SEND_C0 )) mails accepted by the sink in $SEND_WINDOW s: **$MAILS_PER_S mails/s**" \
       "(asked: $RATE/s; SMTP connections opened meanwhile: $(( SEND_K1 - SEND_K0 )))"
  echo
  echo "| phase | heap used max MiB | old gen max MiB | young GCs (time) | full GCs (time) | RSS max MiB | app CPU | load avg |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  echo "| idle (probes) | $(heap "$IDLE_FROM" "$IDLE_TO") | $(rss "$IDLE_FROM" "$IDLE_TO") | $(cpu "$IDLE_FROM" "$IDLE_TO") |"
  echo "| matching | $(heap "$MATCH_FROM" "$MATCH_TO") | $(rss "${MATCH_FROM%.*}" "$MATCH_END") |" \
       "$(cpu "${MATCH_FROM%.*}" "$MATCH_END") |"
  echo "| sending | $(heap "$SEND_FROM" "$SEND_TO") | $(rss "$SEND_FROM" "$SEND_TO") | $(cpu "$SEND_FROM" "$SEND_TO") |"
  echo
  echo "Latency probe: wrk -t1 -c$PROBE_CONNECTIONS, each connection $PACE_MS ms between requests, $DURATION s per run;" \
       "medians of the runs (matching: only runs that ended before the matching did, their number in brackets)."
  echo
  echo "| page | phase | runs | req/s | p50 ms | p99 ms | max ms |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
  for page in "${PAGES[@]}"; do
    for phase in idle matching sending; do
      to=''; [ "$phase" = matching ] && to=$MATCH_END
      label="\`${URL[$page]}\`"
      echo "| $label | $phase | $(pruns "$phase" "$page" "$to") | $(pstat "$phase" "$page" 4 "$to") |" \
           "$(pstat "$phase" "$page" 5 "$to") | $(pstat "$phase" "$page" 6 "$to") | $(pmax "$phase" "$page" "$to") |"
    done
  done
  echo
  echo "- probe errors (socket errors, non-2xx): idle $(perr idle), matching $(perr matching), sending $(perr sending)"
  echo "- machine: $(nproc) cores, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)," \
       "$(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); load average $LOAD_BEFORE at the" \
       "measured start, $LOAD_AFTER after;" \
       "$("$JAVA" -version 2>&1 | head -1); $(date -u '+%Y-%m-%d %H:%M UTC'); total $(( $(date +%s) - T_START )) s"
  echo "- logs: target/bench/alerts/ (app.log, app-previous.log, changes.log, subscriptions.log, heap.txt, rss.txt," \
       "smtp.txt, probes.tsv, wrk-*.txt)"
}
report | tee "$REPORT"
