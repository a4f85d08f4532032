#!/usr/bin/env bash
# The project's test command: makes sure PostgreSQL with pgvector and Redis are there
# (scripts/test-services.sh installs and starts them on Debian), then builds with the Maven wrapper
# and runs every test. Extra arguments pass through to Maven (e.g. -Dtest=ApiTest).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v java >/dev/null 2>&1; then
  echo "scripts/test.sh: a JDK 17 or newer is required (java not found on PATH)" >&2
  exit 1
fi

bash scripts/test-services.sh
exec ./mvnw -B -ntp verify "$@"
