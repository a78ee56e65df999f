#!/bin/sh
# Restores a backup made by tools/backup-h2.sh into an EMPTY data folder (CATALOGUE_DATA_DIR, default ./data) with
# H2's own RunScript tool, run from the application jar. Then start the application on that folder.
#   tools/restore-h2.sh BACKUP_FILE
set -eu
[ $# -eq 1 ] && [ -f "$1" ] || { echo "usage: $0 BACKUP_FILE (a .zip from tools/backup-h2.sh)" >&2; exit 1; }
DATA_DIR=${CATALOGUE_DATA_DIR:-./data}
JAR=${CATALOGUE_JAR:-target/tsunagari-catalogue-0.1.0-SNAPSHOT.jar}
JAVA=$("$(dirname "$0")/java.sh")   # the JDK 25 the jar is built for
[ -f "$JAR" ] || { echo "no $JAR: run ./mvnw -DskipTests package (or set CATALOGUE_JAR)" >&2; exit 1; }
[ ! -e "$DATA_DIR/catalogue.mv.db" ] || { echo "$DATA_DIR already holds a database: move it away first" >&2; exit 1; }
mkdir -p "$DATA_DIR"
URL="jdbc:h2:file:$(cd "$DATA_DIR" && pwd)/catalogue;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
"$JAVA" -cp "$JAR" -Dloader.main=org.h2.tools.RunScript org.springframework.boot.loader.launch.PropertiesLauncher \
    -url "$URL" -user sa -password "" -script "$1" -options compression zip
echo "restored $1 into $DATA_DIR"
