#!/bin/sh
# Backs up the embedded H2 database (CATALOGUE_DATA_DIR, default ./data) into a zipped SQL script with H2's own
# Script tool, run from the application jar. Stop the application first: H2 locks the file while it runs.
#   tools/backup-h2.sh [BACKUP_FILE]        default: catalogue-YYYYMMDD-HHMMSS.zip
# Restore with tools/restore-h2.sh. See docs/operations.md, "Backups and restore".
set -eu
DATA_DIR=${CATALOGUE_DATA_DIR:-./data}
JAR=${CATALOGUE_JAR:-target/tsunagari-catalogue-0.1.0-SNAPSHOT.jar}
JAVA=$("$(dirname "$0")/java.sh")   # the JDK 25 the jar is built for
OUT=${1:-catalogue-$(date +%Y%m%d-%H%M%S).zip}
[ -f "$JAR" ] || { echo "no $JAR: run ./mvnw -DskipTests package (or set CATALOGUE_JAR)" >&2; exit 1; }
[ -f "$DATA_DIR/catalogue.mv.db" ] || { echo "no database in $DATA_DIR (set CATALOGUE_DATA_DIR)" >&2; exit 1; }
[ ! -e "$OUT" ] || { echo "$OUT exists" >&2; exit 1; }
# The same settings as the application's URL (src/main/resources/application.properties); IFEXISTS: never create one.
URL="jdbc:h2:file:$(cd "$DATA_DIR" && pwd)/catalogue;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;IFEXISTS=TRUE"
"$JAVA" -cp "$JAR" -Dloader.main=org.h2.tools.Script org.springframework.boot.loader.launch.PropertiesLauncher \
    -url "$URL" -user sa -password "" -script "$OUT" -options compression zip
echo "backed up $DATA_DIR to $OUT"
