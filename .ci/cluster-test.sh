#!/usr/bin/env bash
# Two application instances on one PostgreSQL behind nginx (docs/operations.md, "Several instances behind nginx").
# Run as root by .ci/run after `./mvnw verify`:  bash .ci/cluster-test.sh [RUN_DIR]
# The instances run the documented way (docs/operations.md, "Build and run"): JDK 25, the jar built with Spring AOT and
# extracted, with the AOT cache of a training run: RUN_DIR as tools/package.sh makes it (app/ and app.aot), made by
# this script when no RUN_DIR is given (about 1.5 min). One restart uses a missing cache: the JVM must start without it.
# Starts a private PostgreSQL cluster (127.0.0.1:15432), two instances (127.0.0.1:18081 = A, 127.0.0.1:18082 = B)
# and nginx with .ci/nginx-cluster.conf (127.0.0.1:18080) and an SMTP sink (bench/SmtpSink.java, 127.0.0.1:18025),
# checks sessions, change propagation, mail under Spring AOT, edit conflicts,
# stopping an instance under load and backup/restore, and stops everything it started, also on failure.
# Logs stay in /tmp/cluster-test.* when a check fails (or always with CLUSTER_KEEP=1).
set -eEuo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
RUN_DIR=${1:-}
[ -z "$RUN_DIR" ] || RUN_DIR=$(cd "$RUN_DIR" && pwd)
JAVA=$("$ROOT/tools/java.sh")
CONF=$HERE/nginx-cluster.conf

PROXY=18080 PORT_A=18081 PORT_B=18082 PGPORT=15432 SMTP_PORT=18025
ADMIN_PASSWORD=cluster-admin-password
DB_PASSWORD=cluster-db-password
CURL=(curl -s --connect-timeout 2 -m 15)
# Whether the page at a URL contains a text. (Not `curl | grep -q`: grep stops at the first match, curl then fails
# writing the rest, and with pipefail a found text would count as missing.)
has() { local body; body=$("${CURL[@]}" "$1" 2>/dev/null || true); [[ "$body" == *"$2"* ]]; }
status_of() { "${CURL[@]}" -o /dev/null -w '%{http_code}' "$1" || true; }
STARTED=$(date +%s)

# --- tools -----------------------------------------------------------------------------------------------------------
need=()
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx)
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || need+=(postgresql)
command -v curl >/dev/null || need+=(curl)
command -v python3 >/dev/null || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  echo "cluster: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null 2>&1 \
    || { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; }
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

for port in $PROXY $PORT_A $PORT_B $PGPORT $SMTP_PORT; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "cluster: FAIL port $port on 127.0.0.1 is already in use" >&2
    exit 1
  fi
done

# --- work area and clean-up ------------------------------------------------------------------------------------------
WORK=$(mktemp -d /tmp/cluster-test.XXXXXX)
chmod 755 "$WORK"
cd "$WORK"
mkdir -p nginx/logs nginx/temp pg
chown postgres pg
A_PID='' B_PID='' SMTP_PID='' NGINX_STARTED='' PG_STARTED='' LOAD_PIDS=() PASSED=0

as_postgres() { runuser -u postgres -- "$@"; }

stop_app() { # pid: SIGTERM, wait up to 25 s for the graceful shutdown, then SIGKILL
  local pid=$1 i
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 250); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  set +e
  for pid in "${LOAD_PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  stop_app "$A_PID"
  stop_app "$B_PID"
  [ -n "$SMTP_PID" ] && kill "$SMTP_PID" 2>/dev/null
  if [ -n "$NGINX_STARTED" ] && [ -f "$WORK/nginx/nginx.pid" ]; then
    kill -QUIT "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null
    for _ in $(seq 1 50); do [ -f "$WORK/nginx/nginx.pid" ] || break; sleep 0.1; done
  fi
  [ -n "$PG_STARTED" ] && as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg/data" -m fast -w stop >/dev/null 2>&1
  cd /
  if [ "$rc" -eq 0 ] && [ -z "${CLUSTER_KEEP:-}" ]; then
    rm -rf "$WORK"
  else
    echo "cluster: logs kept in $WORK (remove it when done)" >&2
  fi
  exit "$rc"
}
trap cleanup EXIT
# Any other failing command (set -e) names itself before the shell exits.
trap '[ "$BASHPID" = "$$" ] && { echo "cluster: FAIL line $LINENO: $BASH_COMMAND" >&2; show_logs; }' ERR
trap 'exit 130' INT
trap 'exit 143' TERM

show_logs() {
  local f
  for f in "$WORK"/app-*.log "$WORK/nginx/logs/error.log"; do
    [ -s "$f" ] || continue
    echo "----- last lines of $f" >&2
    tail -n 40 "$f" >&2
  done
}
fail() { echo "cluster: FAIL $*" >&2; show_logs; exit 1; }
ok() { PASSED=$((PASSED + 1)); echo "cluster: ok $*"; }
now_ms() { date +%s%3N; }
seconds_since() { awk -v a="$1" -v b="$(now_ms)" 'BEGIN { printf "%.1f", (b - a) / 1000 }'; }

# Form helper: reads a saved HTML page and prints what a browser would submit.
cat > "$WORK/form.py" <<'PY'
import sys, urllib.parse
from html.parser import HTMLParser

class Forms(HTMLParser):
    """Every form of a page with the fields a browser submits (no buttons: the caller adds the action)."""
    def __init__(self):
        super().__init__()
        self.forms, self.form, self.select, self.textarea, self.option = [], None, None, None, None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.form = {"action": a.get("action", ""), "fields": []}
            self.forms.append(self.form)
        elif self.form is None:
            return
        elif tag == "input" and a.get("name"):
            kind = (a.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self.form["fields"].append([a["name"], a.get("value") or ("on" if kind in ("checkbox", "radio") else "")])
        elif tag == "textarea" and a.get("name"):
            self.textarea = [a["name"], ""]
        elif tag == "select" and a.get("name"):
            self.select = {"name": a["name"], "first": None, "chosen": None}
        elif tag == "option" and self.select is not None:
            self.option = {"value": a.get("value"), "text": "", "selected": "selected" in a}
    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "textarea" and self.textarea is not None:
            name, text = self.textarea
            self.form["fields"].append([name, text[1:] if text.startswith("\n") else text])
            self.textarea = None
        elif tag == "option" and self.option is not None:
            self.close_option()
        elif tag == "select" and self.select is not None:
            self.close_option()
            s = self.select
            value = s["chosen"] if s["chosen"] is not None else s["first"]
            if value is not None:
                self.form["fields"].append([s["name"], value])
            self.select = None
    def close_option(self):
        o = self.option
        if o is None:
            return
        value = o["value"] if o["value"] is not None else o["text"].strip()
        if self.select["first"] is None:
            self.select["first"] = value
        if o["selected"]:
            self.select["chosen"] = value
        self.option = None
    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data
        elif self.option is not None:
            self.option["text"] += data

def form(page, action):
    p = Forms()
    with open(page, encoding="utf-8") as f:
        p.feed(f.read())
    for f in p.forms:
        if action == "*" or f["action"] == action or f["action"].split("?")[0].endswith(action):
            return f["fields"]
    sys.exit("no form with action %s in %s" % (action, page))

mode, page, action, *rest = sys.argv[1:]
fields = form(page, action)
if mode == "value":      # value PAGE ACTION NAME
    print(next((v for n, v in fields if n == rest[0]), ""))
elif mode == "body":     # body PAGE ACTION NAME=VALUE...: the form's own values, some replaced or added
    for change in rest:
        name, value = change.split("=", 1)
        for field in fields:
            if field[0] == name:
                field[1] = value
                break
        else:
            fields.append([name, value])
    print(urllib.parse.urlencode([tuple(f) for f in fields]), end="")
PY
form() { python3 "$WORK/form.py" "$@"; }

# --- PostgreSQL ------------------------------------------------------------------------------------------------------
# Passwords are checked on TCP (scram-sha-256) as on a real server; the postgres superuser uses the socket (peer).
as_postgres "$PGBIN/initdb" -D "$WORK/pg/data" -E UTF8 --locale=C.UTF-8 --auth-local=peer --auth-host=scram-sha-256 >/dev/null
as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/log" -w \
  -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k $WORK/pg" start >/dev/null
PG_STARTED=1
psql_on() { local db=$1; shift; as_postgres "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$WORK/pg" -p "$PGPORT" -d "$db" "$@"; }
psql_on postgres -c "create user catalogue password '$DB_PASSWORD'" -c "create database catalogue owner catalogue"
echo "cluster: PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT"

# --- application instances -------------------------------------------------------------------------------------------
if [ -z "$RUN_DIR" ]; then
  RUN_DIR=$WORK/run
  "$ROOT/tools/package.sh" "$RUN_DIR" || fail "tools/package.sh failed"
fi
RUN_JAR=$(ls "$RUN_DIR"/app/*.jar 2>/dev/null | head -1 || true)
[ -f "$RUN_JAR" ] && [ -s "$RUN_DIR/app.aot" ] || fail "no app/*.jar and app.aot in $RUN_DIR (tools/package.sh makes them)"
AOT_CACHE=$RUN_DIR/app.aot    # start_app's cache; one restart below uses a missing one
echo "cluster: instances run $JAVA with Spring AOT and the AOT cache $AOT_CACHE"
start_app() { # name port: starts an instance in the background, log in $WORK/app-NAME.log, pid in NAME_PID
  local name=$1 port=$2
  env SPRING_PROFILES_ACTIVE=postgres \
      SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PGPORT/catalogue" \
      SPRING_DATASOURCE_USERNAME=catalogue SPRING_DATASOURCE_PASSWORD="$DB_PASSWORD" \
      SERVER_PORT="$port" SERVER_FORWARD_HEADERS_STRATEGY=native \
      CATALOGUE_ADMIN_PASSWORD="$ADMIN_PASSWORD" CATALOGUE_DATA_DIR="$WORK/unused-data-$name" \
      CATALOGUE_SEARCH_REFRESH_MS=1000 SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT="$SMTP_PORT" \
      "$JAVA" -Xmx256m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -Dspring.aot.enabled=true \
      -XX:AOTCache="$AOT_CACHE" -jar "$RUN_JAR" >>"$WORK/app-$name.log" 2>&1 &
  printf -v "${name}_PID" '%s' "$!"
}

wait_ready() { # name port pid
  local name=$1 port=$2 pid=$3 since
  since=$(now_ms)
  while :; do
    if has "http://127.0.0.1:$port/actuator/health/readiness" '"status":"UP"'; then
      echo "cluster: instance $name ready on 127.0.0.1:$port after $(seconds_since "$since") s"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || fail "instance $name (port $port) exited during start-up"
    [ $(( $(now_ms) - since )) -lt 90000 ] || fail "instance $name (port $port) not ready within 90 s"
    sleep 0.5
  done
}

# A local SMTP sink (bench/SmtpSink.java: counts the mails it accepts, once a second) for the instances' mail.
"$JAVA" "$ROOT/bench/SmtpSink.java" "$SMTP_PORT" > "$WORK/smtp.log" 2>&1 &
SMTP_PID=$!
start_app A "$PORT_A"
wait_ready A "$PORT_A" "$A_PID"        # A runs the Flyway migrations; B starts on a migrated database
start_app B "$PORT_B"
wait_ready B "$PORT_B" "$B_PID"
# Both used the cache: the JVM says so in an [aot] error or "Unable to use AOT cache" line when it cannot.
for name in A B; do
  ! grep -Eq 'error.*\[aot|Unable to use AOT cache' "$WORK/app-$name.log" \
    || fail "instance $name started without the AOT cache: $(grep -Em1 'error.*\[aot|Unable to use AOT cache' "$WORK/app-$name.log")"
done

# --- nginx -----------------------------------------------------------------------------------------------------------
"$NGINX" -t -q -p "$WORK/nginx/" -e "$WORK/nginx/logs/error.log" -c "$CONF" || fail "nginx rejects $CONF"
"$NGINX" -p "$WORK/nginx/" -e "$WORK/nginx/logs/error.log" -c "$CONF"
NGINX_STARTED=1
for _ in $(seq 1 50); do [ -s "$WORK/nginx/nginx.pid" ] && break; sleep 0.1; done
[ -s "$WORK/nginx/nginx.pid" ] || fail "nginx did not start"
echo "cluster: nginx $("$NGINX" -v 2>&1 | sed 's/.*\///') on 127.0.0.1:$PROXY -> $PORT_A, $PORT_B"
ACCESS=$WORK/nginx/logs/access.log
P=http://127.0.0.1:$PROXY A=http://127.0.0.1:$PORT_A B=http://127.0.0.1:$PORT_B
JAR_COOKIES=$WORK/cookies.txt
get() { # url [file]: GET with the staff cookie jar, prints the status
  "${CURL[@]}" -b "$JAR_COOKIES" -c "$JAR_COOKIES" -o "${2:-/dev/null}" -w '%{http_code}' "$1" || true
}
post_form() { # url bodyfile [out]: POST a form with the staff cookie jar, prints "status location"
  "${CURL[@]}" -b "$JAR_COOKIES" -c "$JAR_COOKIES" -o "${3:-/dev/null}" -w '%{http_code} %{redirect_url}\n' \
    -H 'Content-Type: application/x-www-form-urlencoded' --data-binary "@$2" "$1" || true
}

# --- a. sign in through the proxy; the session works on both instances -----------------------------------------------
status=$(get "$P/login" "$WORK/login.html")
[ "$status" = 200 ] || fail "GET /login through the proxy: HTTP $status"
grep -q 'SESSION' "$JAR_COOKIES" || fail "GET /login set no SESSION cookie"
form body "$WORK/login.html" /login username=admin password="$ADMIN_PASSWORD" > "$WORK/login.body"
read -r status location < <(post_form "$P/login" "$WORK/login.body")
[ "$status" = 302 ] && [ "$location" = "$P/admin" ] \
  || fail "sign-in through the proxy: HTTP $status to '$location' (expected 302 to $P/admin)"
from=$(( $(wc -l < "$ACCESS") + 1 ))
for i in $(seq 1 10); do
  status=$(get "$P/admin")
  [ "$status" = 200 ] || fail "GET /admin through the proxy (request $i of 10): HTTP $status, expected 200 (signed in)"
done
sleep 0.2   # let nginx write its log lines
served_by() { tail -n "+$from" "$ACCESS" | grep '"GET /admin HTTP' | grep -c "upstream=127.0.0.1:$1 " || true; }
by_a=$(served_by "$PORT_A") by_b=$(served_by "$PORT_B")
[ "$by_a" -gt 0 ] && [ "$by_b" -gt 0 ] || fail "/admin was not served by both instances (A: $by_a, B: $by_b requests)"
# With X-Forwarded-* (SERVER_FORWARD_HEADERS_STRATEGY=native) absolute links name the proxy, not the instance.
has "$P/programs/3" "\"$P/programs/3\"" || fail "the canonical link of /programs/3 through the proxy does not name $P"
ok "signed in through nginx (302 to $P/admin); 10 x GET /admin = 200, served by A ($by_a) and B ($by_b); links name the proxy"

# --- Actuator through the proxy: health only --------------------------------------------------------------------------
[ "$(status_of "$P/actuator/health")" = 200 ] && [ "$(status_of "$P/actuator/health/readiness")" = 200 ] \
  || fail "/actuator/health is not reachable through the proxy"
for path in /actuator /actuator/ /actuator/info /actuator/prometheus /Actuator/info //actuator/info \
            /actuator/%69nfo /actuator%2finfo '/actuator;x/info' '/actuator/health/..;/info' \
            '/actuator/health/../prometheus' '/actuator/health/%2e%2e/prometheus' '/static/..;/actuator/info'; do
  status=$("${CURL[@]}" --path-as-is -o "$WORK/probe.out" -w '%{http_code}' "$P$path" || true)
  [ "$status" != 200 ] || fail "$path is reachable through the proxy (HTTP 200): $(head -c 200 "$WORK/probe.out")"
done
[ "$(status_of "$A/actuator/prometheus")" = 200 ] \
  || fail "/actuator/prometheus does not answer on the instance itself (127.0.0.1)"
ok "Actuator through nginx: health 200; info, prometheus and 12 path variants refused (prometheus 200 on the instance)"

# --- b. a change published on A is visible on B (page and search) ----------------------------------------------------
TOKEN="cl$(date +%s)"
NEW_NAME="クラスタ試験 $TOKEN"
search_has() { # base token id: does the search page for token list the program?
  has "$1/programs?q=$2" "href=\"/programs/$3\""
}
# Before the edit B must not show the text (else the check proves nothing); this also warms up both pages on B.
! has "$B/programs/3" "$TOKEN" && ! search_has "$B" "$TOKEN" 3 || fail "B shows '$TOKEN' before the edit"
status=$(get "$A/admin/programs/3/edit" "$WORK/edit3.html")
[ "$status" = 200 ] || fail "GET /admin/programs/3/edit on A: HTTP $status"
form body "$WORK/edit3.html" /admin/programs/3 name="$NEW_NAME" action=publish > "$WORK/edit3.body"
read -r status location < <(post_form "$A/admin/programs/3" "$WORK/edit3.body" "$WORK/save3.html")
saved=$(now_ms)
[ "$status" = 302 ] || fail "publishing program 3 on A: HTTP $status (expected 302); $(grep -o 'tsn-error-summary.*' "$WORK/save3.html" | head -c 600)"
search_has "$A" "$TOKEN" 3 || fail "A's search does not find its own change at once (A rebuilds its index on commit)"
page_at='' search_at='' polls=0
while :; do
  polls=$((polls + 1))
  [ -n "$page_at" ] || { has "$B/programs/3" "$TOKEN" && page_at=$(seconds_since "$saved"); }
  [ -n "$search_at" ] || { search_has "$B" "$TOKEN" 3 && search_at=$(seconds_since "$saved"); }
  [ -n "$page_at" ] && [ -n "$search_at" ] && break
  [ $(( $(now_ms) - saved )) -le 5000 ] \
    || fail "B still shows stale data 5 s after the publish on A (page: ${page_at:-stale}, search: ${search_at:-stale})"
  sleep 0.1
done
ok "published on A (its search has it at once), visible on B: page after ${page_at} s, search after ${search_at} s (polls: $polls; bound 5 s, refresh 1 s)"

# --- mail: the AOT-built instances send mail to the SMTP server given at run time --------------------------------------
# (Spring AOT fixes beans when the jar is built; a mail sender that depended on spring.mail.host then would never send.)
VISITOR=$WORK/visitor-cookies.txt
"${CURL[@]}" -b "$VISITOR" -c "$VISITOR" -o "$WORK/alerts-new.html" "$P/alerts/new?category=sns" || true
grep -q 'name="email"' "$WORK/alerts-new.html" || fail "/alerts/new through the proxy offers no subscription form (is mail configured?)"
form body "$WORK/alerts-new.html" /alerts email=cluster-check@example.jp consent=true > "$WORK/alerts.body"
status=$("${CURL[@]}" -b "$VISITOR" -c "$VISITOR" -o /dev/null -w '%{http_code}' \
  -H 'Content-Type: application/x-www-form-urlencoded' --data-binary "@$WORK/alerts.body" "$P/alerts" || true)
[ "$status" = 200 ] || fail "subscribing through the proxy: HTTP $status, expected 200 (the confirmation mail is sent)"
mailed=$(now_ms)
until [ "$(tail -n 1 "$WORK/smtp.log" | awk '{print $2}')" = 1 ]; do
  [ $(( $(now_ms) - mailed )) -lt 10000 ] || fail "the SMTP sink got no confirmation mail within 10 s: $(tail -n 1 "$WORK/smtp.log")"
  sleep 0.5
done
ok "a subscription through nginx: the instance (Spring AOT, SPRING_MAIL_HOST at run time) sent 1 confirmation mail to the SMTP sink"

# --- c. concurrent edits on A and B: the second save gets the conflict page -------------------------------------------
[ "$(get "$A/admin/programs/4/edit" "$WORK/edit4a.html")" = 200 ] || fail "GET /admin/programs/4/edit on A"
[ "$(get "$B/admin/programs/4/edit" "$WORK/edit4b.html")" = 200 ] || fail "GET /admin/programs/4/edit on B"
version_a=$(form value "$WORK/edit4a.html" /admin/programs/4 version)
version_b=$(form value "$WORK/edit4b.html" /admin/programs/4 version)
[ -n "$version_a" ] && [ "$version_a" = "$version_b" ] || fail "A and B show different versions of program 4 ($version_a, $version_b)"
form body "$WORK/edit4a.html" /admin/programs/4 name="編集A $TOKEN" action=publish > "$WORK/edit4a.body"
form body "$WORK/edit4b.html" /admin/programs/4 name="編集B $TOKEN" action=publish > "$WORK/edit4b.body"
read -r status _ < <(post_form "$A/admin/programs/4" "$WORK/edit4a.body")
[ "$status" = 302 ] || fail "saving program 4 on A: HTTP $status (expected 302)"
read -r status _ < <(post_form "$B/admin/programs/4" "$WORK/edit4b.body" "$WORK/conflict.html")
[ "$status" = 409 ] || fail "saving program 4 on B with the old version $version_b: HTTP $status (expected 409 conflict)"
grep -q 'id="conflict-title"' "$WORK/conflict.html" || fail "the 409 answer is not the conflict page"
"${CURL[@]}" "$B/programs/4" > "$WORK/program4.html" || true
grep -q "編集A $TOKEN" "$WORK/program4.html" && ! grep -q "編集B $TOKEN" "$WORK/program4.html" \
  || fail "program 4 does not keep A's change after the refused save on B"
ok "same version $version_a edited on A and B: A saved, B got the conflict page (409), program 4 keeps A's change"

# --- d. stopping an instance under load loses no public request ------------------------------------------------------
load() { # label: 300 public GETs through the proxy by 4 clients, one line per request in $WORK/load-LABEL.N
  local label=$1 w
  LOAD_PIDS=()
  for w in 1 2 3 4; do
    (
      for i in $(seq 1 75); do
        case $(( (i + w) % 4 )) in
          0) path=/ ;; 1) path=/programs ;; 2) path=/programs/5 ;; 3) path=/api/v1/programs ;;
        esac
        "${CURL[@]}" -o /dev/null -w "%{http_code} $path\n" "$P$path" || true
      done > "$WORK/load-$label.$w"
    ) &
    LOAD_PIDS+=("$!")
  done
}
load_wait() { # label: waits for the clients (in this shell: they are its children), sets failed and total
  local pid
  for pid in "${LOAD_PIDS[@]}"; do wait "$pid" || true; done
  LOAD_PIDS=()
  read -r failed total < <(cat "$WORK/load-$1".* | awk '$1 != 200 { f++ } END { print f + 0, NR }')
}
when_requests_done() { # label n: waits until n requests of the load are done
  for _ in $(seq 1 300); do
    [ "$(cat "$WORK/load-$1".* 2>/dev/null | wc -l)" -ge "$2" ] && return 0
    sleep 0.05
  done
}
retried() { # access log line: how many requests nginx sent to a second instance, and the first one's answers
  local lines n
  lines=$(tail -n "+$1" "$ACCESS" | grep 'upstream=[^ ]*, ' || true)
  n=$(printf '%s' "$lines" | grep -c . || true)
  if [ "$n" -gt 0 ]; then
    echo "$n retried by nginx ($(printf '%s\n' "$lines" | sed -n 's/.*upstream_status=\([^,]*\),.*/\1/p' | sort | uniq -c | awk '{ printf "%s%s x %s", sep, $1, ($2 == "502" ? "502 (no answer)" : $2); sep = ", " }'))"
  else
    echo "0 retried by nginx"
  fi
}

from=$(( $(wc -l < "$ACCESS") + 1 ))
load term
when_requests_done term 60
stop_at=$(now_ms)
kill -TERM "$B_PID"
for _ in $(seq 1 300); do kill -0 "$B_PID" 2>/dev/null || break; sleep 0.1; done
kill -0 "$B_PID" 2>/dev/null && fail "instance B did not stop within 30 s of SIGTERM"
wait "$B_PID" 2>/dev/null || true
stopped_in=$(seconds_since "$stop_at")
B_PID=''
load_wait term
[ "$total" = 300 ] || fail "the load ran $total requests, expected 300"
[ "$failed" = 0 ] || fail "$failed of $total public requests failed while B stopped (SIGTERM): $(cat "$WORK"/load-term.* | grep -v '^200' | sort | uniq -c | head -5 | tr -s ' ' | paste -sd';')"
[ "$(status_of "$A/")" = 200 ] || fail "A does not serve / after B stopped"
has "$A/actuator/health/readiness" '"status":"UP"' || fail "A is not ready after B stopped"
ok "B stopped with SIGTERM (exited in ${stopped_in} s) under 300 public GETs: 0 failed, $(retried "$from"); A still serves"

start_app B "$PORT_B"
wait_ready B "$PORT_B" "$B_PID"
# nginx marked B down when it stopped (max_fails=1, fail_timeout=5s, per worker): before killing A, wait until nginx
# sends requests to B again, as an operator would before taking the other instance away.
back=$(now_ms)
until [ "$(tail -n 10 "$ACCESS" | grep -c "upstream=127.0.0.1:$PORT_B ")" -ge 4 ]; do
  [ $(( $(now_ms) - back )) -lt 30000 ] || fail "nginx did not send requests to the restarted B within 30 s"
  status_of "$P/" > /dev/null
  sleep 0.2
done
from=$(( $(wc -l < "$ACCESS") + 1 ))
load kill
when_requests_done kill 60
kill -KILL "$A_PID"
wait "$A_PID" 2>/dev/null || true
A_PID=''
load_wait kill
[ "$total" = 300 ] || fail "the load ran $total requests, expected 300"
[ "$failed" = 0 ] || fail "$failed of $total public requests failed when A was killed (SIGKILL): $(cat "$WORK"/load-kill.* | grep -v '^200' | sort | uniq -c | head -5 | tr -s ' ' | paste -sd';')"
[ "$(status_of "$B/")" = 200 ] || fail "B does not serve / after A was killed"
ok "A killed with SIGKILL under 300 public GETs: 0 failed, $(retried "$from"); B still serves"

# --- e. backup and restore (docs/operations.md, "Backups and restore") ----------------------------------------------
export PGPASSWORD=$DB_PASSWORD
"$PGBIN/pg_dump" -Fc -h 127.0.0.1 -p "$PGPORT" -U catalogue catalogue > "$WORK/catalogue.dump" \
  || fail "pg_dump failed"
stop_app "$B_PID"; B_PID=''
psql_on postgres -c "drop database catalogue"
as_postgres "$PGBIN/createdb" -h "$WORK/pg" -p "$PGPORT" -O catalogue catalogue
[ "$(psql_on catalogue -tAc "select count(*) from pg_tables where schemaname = 'public'")" = 0 ] \
  || fail "the recreated database is not empty"
"$PGBIN/pg_restore" -h 127.0.0.1 -p "$PGPORT" -U catalogue -d catalogue --no-owner --exit-on-error "$WORK/catalogue.dump" \
  || fail "pg_restore failed"
unset PGPASSWORD
# This start also shows that a missing AOT cache never stops an instance: the JVM reports it and starts without it.
AOT_CACHE=$WORK/missing.aot
lines=$(wc -l < "$WORK/app-A.log")
start_app A "$PORT_A"
wait_ready A "$PORT_A" "$A_PID"
grep -q 'error.*\[aot.*processing the AOT cache' <(tail -n +"$((lines + 1))" "$WORK/app-A.log") \
  || fail "the JVM did not report the missing AOT cache"
has "$A/programs/3" "$NEW_NAME" || fail "after the restore, A does not serve program 3 with the edited name"
search_has "$A" "$TOKEN" 3 || fail "after the restore, A's search does not find the edited program 3"
has "$P/programs/3" "$NEW_NAME" || fail "after the restore, the proxy does not serve program 3 with the edited name"
[ "$(grep -c 'Successfully applied' "$WORK/app-A.log" || true)" -le 1 ] || fail "Flyway migrated the restored database again"
ok "pg_dump -Fc, drop and recreate the database, pg_restore: a restarted instance (started with a missing AOT cache) serves the edited program 3 (page and search)"

echo "cluster: $PASSED checks passed in $(( $(date +%s) - STARTED )) s"
