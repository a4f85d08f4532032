#!/usr/bin/env bash
# Vector-search latency and HNSW recall@10 against exact search, on the campaigns of a seeded
# database (PGDATABASE, default ai_agent_bench). Arguments: the hnsw.ef_search values to try.
# Usage: scripts/vector_bench.sh [ef_search ...]
set -euo pipefail
cd "$(dirname "$0")/.."
export APP_ENV=local PGDATABASE="${PGDATABASE:-ai_agent_bench}"
./mvnw -q -B -ntp -DskipTests test-compile
CP_FILE=target/service-test-classpath.txt
[ -f "${CP_FILE}" ] || bash scripts/service-classpath.sh test "${CP_FILE}"
LOG_LEVEL=WARN java -cp "$(cat "${CP_FILE}")" com.aiagent.bench.VectorBench "$@"
