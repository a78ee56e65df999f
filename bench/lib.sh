# Sourced by bench/run.sh, bench/warmup.sh and bench/alerts.sh; prepare_run needs ROOT, OUT, JAR, JAVA_OPTS and fail
# from the caller.

# stop_java pid: SIGTERM (the app's graceful shutdown takes up to 20 s), up to 25 s, then SIGKILL; nothing if no pid.
stop_java() {
  local pid=$1
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 250); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# prepare_run always: the documented run's parts in $OUT/run (tools/package.sh: the jar built with Spring AOT,
# extracted, and the AOT cache trained with $JAVA_OPTS). always=1: build them anew unless BENCH_SKIP_BUILD=1;
# always=0: only when missing or older than the jar. With BENCH_SKIP_BUILD=1 a missing or stale cache is made from the
# jar as it is, which must then have been built with -Paot (tools/package.sh does that; ./mvnw verify does not).
prepare_run() {
  local stale=0
  { [ ! -s "$OUT/run/app.aot" ] || [ "$JAR" -nt "$OUT/run/app.aot" ]; } && stale=1
  if [ "${BENCH_SKIP_BUILD:-}" != 1 ] && { [ "$1" = 1 ] || [ "$stale" = 1 ]; }; then
    CATALOGUE_JAVA_OPTS=$JAVA_OPTS "$ROOT/tools/package.sh" "$OUT/run" || fail "tools/package.sh failed"
  elif [ "$stale" = 1 ]; then
    [ -f "$JAR" ] || fail "no $JAR (build it, or unset BENCH_SKIP_BUILD)"
    CATALOGUE_JAVA_OPTS=$JAVA_OPTS "$ROOT/tools/package.sh" --jar "$JAR" "$OUT/run" || fail "tools/package.sh failed"
  fi
}
