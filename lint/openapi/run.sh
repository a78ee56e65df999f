#!/usr/bin/env bash
# Lints docs/openapi.json — the committed snapshot of the served /v3/api-docs (OpenApiSnapshotTest keeps them equal) —
# with Redocly's recommended rules (redocly.yaml) and Spectral's spectral:oas (.spectral.yaml), at the versions pinned
# in package-lock.json (npm ci). Exits non-zero on any error; Spectral also on any warning. Needs Node 20.19+ and npm.
set -euo pipefail
cd "$(dirname "$0")"
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
npm ci --no-audit --no-fund --loglevel=error
npx --no-install redocly lint ../../docs/openapi.json --config redocly.yaml
npx --no-install spectral lint ../../docs/openapi.json --ruleset .spectral.yaml --fail-severity=warn
echo "lint/openapi: docs/openapi.json passes Redocly (recommended) and Spectral (spectral:oas)"
