#!/usr/bin/env bash
# The project's test command: builds with the Maven wrapper and runs every test.
# The embedded default needs no services; extra Maven arguments pass through (e.g. -Dtest=ApiTest).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v java >/dev/null 2>&1; then
  echo "scripts/test.sh: a JDK 17 or newer is required (java not found on PATH)" >&2
  exit 1
fi

exec ./mvnw -B -ntp verify "$@"
