#!/usr/bin/env bash
# Load test: starts the service jar and measures GET /v1/feed and POST /v1/ai/generate-feed with
# wrk (installed from Debian's packages when missing).
# Usage: scripts/loadtest.sh [seconds per run, default 30]
# Environment: STORE=memory (the embedded default) or STORE=postgres (APP_ENV=local against the
#              database PGDATABASE, default ai_agent_bench, created when missing, and Redis at
#              REDIS_URL, default redis://127.0.0.1:6379); RUNS=feed,generate-feed (which to run);
#              PORT (default 18080), FEED_CONNECTIONS (50), GENERATE_CONNECTIONS (16),
#              WRK_THREADS (2), and any service variable (e.g. MEDIA_PROVIDER=none,
#              FEED_CACHE_TTL_MS=0 for no feed cache).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${1:-30}"
PORT="${PORT:-18080}"
FEED_CONNECTIONS="${FEED_CONNECTIONS:-50}"
GENERATE_CONNECTIONS="${GENERATE_CONNECTIONS:-16}"
WRK_THREADS="${WRK_THREADS:-2}"
STORE="${STORE:-memory}"
RUNS="${RUNS:-feed,generate-feed}"
BASE="http://127.0.0.1:${PORT}"
# wrk sends far more than a person would; the per-user limit is not what is measured.
export RATE_LIMIT_PER_MINUTE="${RATE_LIMIT_PER_MINUTE:-0}"

if [ "${STORE}" = "postgres" ]; then
  export APP_ENV=local PGDATABASE="${PGDATABASE:-ai_agent_bench}"
  export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
  export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}" REDIS_KEY_PREFIX="loadtest-$$:"
  bash scripts/test-services.sh >/dev/null
  if [ "$(psql -d postgres -tAc "SELECT count(*) FROM pg_database WHERE datname = '${PGDATABASE}'")" = "0" ]; then
    psql -d postgres -q -c "CREATE DATABASE ${PGDATABASE}"
  fi
  echo "PostgreSQL mode: database ${PGDATABASE} ($(psql -tAc 'SELECT count(*) FROM campaigns' 2>/dev/null || echo 0) campaigns before start), Redis ${REDIS_URL}"
fi

if ! command -v wrk >/dev/null 2>&1; then
  echo "installing wrk from Debian's packages"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk >/dev/null
fi

if [ ! -f target/ai-agent.jar ]; then
  ./mvnw -q -B -ntp -DskipTests package
fi

WORK="$(mktemp -d)"
LOG="${WORK}/service.log"
export PORT MEDIA_DIR="${MEDIA_DIR:-${WORK}/media}"
java ${JAVA_OPTS:-} -jar target/ai-agent.jar >"${LOG}" 2>&1 &
SERVICE_PID=$!
trap 'kill ${SERVICE_PID} 2>/dev/null || true; wait ${SERVICE_PID} 2>/dev/null || true; rm -rf "${WORK}"' EXIT

for _ in $(seq 1 120); do
  if curl -fsS "${BASE}/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "${SERVICE_PID}" 2>/dev/null; then cat "${LOG}"; exit 1; fi
  sleep 0.5
done
curl -fsS "${BASE}/health" >/dev/null

run() {
  local name="$1" connections="$2" script="$3"
  echo
  echo "== ${name}: ${connections} connections, ${WRK_THREADS} threads, ${DURATION}s (after a 5s warm-up)"
  wrk -t"${WRK_THREADS}" -c"${connections}" -d5s -s "${script}" "${BASE}" >/dev/null
  wrk -t"${WRK_THREADS}" -c"${connections}" -d"${DURATION}s" --latency -s "${script}" "${BASE}" | tee "${WORK}/${name}.txt"
  awk -v name="${name}" '
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = $2 }
    /^ +99%/ { p99 = $2 }
    /Non-2xx/ { errors = $NF }
    END { printf "SUMMARY %s: %s req/s, p50 %s, p99 %s, non-2xx %s\n", name, rps, p50, p99, (errors == "" ? 0 : errors) }
  ' "${WORK}/${name}.txt"
}

case ",${RUNS}," in *,feed,*) run feed "${FEED_CONNECTIONS}" scripts/wrk/feed.lua ;; esac
case ",${RUNS}," in *,generate-feed,*) run generate-feed "${GENERATE_CONNECTIONS}" scripts/wrk/generate.lua ;; esac
echo
echo "pictures written: $(find "${MEDIA_DIR}" -name '*.webp' | wc -l)"
