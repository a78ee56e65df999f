#!/usr/bin/env bash
# Prints the fault table of docs/reliability.md from the rows the reliability tests wrote in their last run
# (target/reliability/faults-*.md: DatabaseOutageIT, IndexFaultIT, ShutdownAnyMomentIT, OverloadIT).
# Usage: bash bench/reliability-table.sh [folder]   (default target/reliability)
set -euo pipefail
dir=${1:-target/reliability}
shopt -s nullglob
files=("$dir"/faults-*.md)
if [ ${#files[@]} -eq 0 ]; then
  echo "no fault rows in $dir (run ./mvnw verify -Preliability first)" >&2
  exit 1
fi
echo "| fault | how injected | what the user sees | lost | recovery (measured) |"
echo "| --- | --- | --- | --- | --- |"
cat "${files[@]}"
