#!/usr/bin/env bash
# The statistics page's server time (issue 32): requests /statistics and each of its CSV files for a warm-up, then
# times requests one after another with curl and prints the median, p90 and the slowest. Start the app yourself
# first, e.g. on the 100,000 catalogue of bench/run.sh with the page cache off:
#
#   CATALOGUE_DATA_DIR=target/bench/data-100000 java -Xmx256m -XX:+UseSerialGC -jar target/*.jar \
#     --server.port=18089 --catalogue.page-cache.enabled=false
#   BENCH_URL=http://127.0.0.1:18089 bench/statistics.sh
#
# BENCH_WARMUP (seconds of requests before measuring, default 90), BENCH_REQUESTS (timed requests per URL, 50).
set -euo pipefail

URL=${BENCH_URL:-http://127.0.0.1:18089}
WARMUP=${BENCH_WARMUP:-90}
REQUESTS=${BENCH_REQUESTS:-50}

PATHS=(/statistics "/statistics?lang=en" /statistics/category-region.csv /statistics/prefectures.csv
  /statistics/reach.csv /statistics/months.csv)

# fetch path: prints "status seconds bytes"
fetch() {
  curl -s -o /dev/null -w '%{http_code} %{time_total} %{size_download}\n' "$URL$1"
}

deadline=$(( $(date +%s) + WARMUP ))
warm=0
while [ "$(date +%s)" -lt "$deadline" ]; do
  for p in "${PATHS[@]}"; do fetch "$p" > /dev/null; warm=$((warm + 1)); done
done
echo "warm-up: $warm requests in $WARMUP s"
echo "| URL | status | bytes | median ms | p90 ms | slowest ms |"
echo "| --- | --- | ---: | ---: | ---: | ---: |"
for p in "${PATHS[@]}"; do
  out=$(for _ in $(seq 1 "$REQUESTS"); do fetch "$p"; done)
  status=$(echo "$out" | awk '{print $1}' | sort -u | tr '\n' ' ')
  bytes=$(echo "$out" | awk '{print $3}' | tail -1)
  echo "$out" | awk '{print $2 * 1000}' | sort -n | awk -v p="$p" -v s="$status" -v b="$bytes" '
    { v[NR] = $1 } END { printf "| `%s` | %s| %s | %.0f | %.0f | %.0f |\n", p, s, b, v[int((NR + 1) / 2)],
      v[int(NR * 0.9 + 0.5)], v[NR] }'
done
