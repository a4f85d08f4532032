#!/usr/bin/env bash
# Loads N synthetic campaigns (default 100,000) into a seeded database with COPY, for benchmarks:
# variations of the 100 demo campaigns (same categories, noisy vectors, ids syn_0000001...).
# The HNSW index is dropped for the load and rebuilt after it, which is much faster than inserting
# into it row by row. Connection: PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE (ai_agent_bench).
# Usage: scripts/load_synthetic_campaigns.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."

N="${1:-100000}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
export PGDATABASE="${PGDATABASE:-ai_agent_bench}"

[ -f ai-agent-service/target/test-classes/com/aiagent/bench/SyntheticCampaigns.class ] || ./mvnw -q -B -ntp -DskipTests test-compile
CP_FILE=target/service-test-classpath.txt
[ -f "${CP_FILE}" ] || bash scripts/service-classpath.sh test "${CP_FILE}"
CLASSPATH="$(cat "${CP_FILE}")"
JDBC="jdbc:postgresql://${PGHOST}:${PGPORT}/${PGDATABASE}?user=${PGUSER}${PGPASSWORD:+&password=${PGPASSWORD}}"

started=$(date +%s)
psql -q -v ON_ERROR_STOP=1 -c "DELETE FROM campaigns WHERE id LIKE 'syn_%'" -c "DROP INDEX IF EXISTS campaigns_embedding_idx"
java -cp "${CLASSPATH}" com.aiagent.bench.SyntheticCampaigns "${JDBC}" "${N}" |
  psql -q -v ON_ERROR_STOP=1 -c "\\copy campaigns (id, product_id, category, advertiser, title_ko, title_en, body_ko, body_en, target_interests, bid, active, starts_at, ends_at, embedding, embedding_model) FROM STDIN WITH (FORMAT csv)"
loaded=$(date +%s)
psql -q -v ON_ERROR_STOP=1 \
  -c "SET maintenance_work_mem = '1GB'" \
  -c "SET max_parallel_maintenance_workers = 1" \
  -c "CREATE INDEX campaigns_embedding_idx ON campaigns USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 128)" \
  -c "ANALYZE campaigns"
indexed=$(date +%s)
echo "loaded ${N} synthetic campaigns in $((loaded - started)) s, HNSW index built in $((indexed - loaded)) s; campaigns now: $(psql -tAc 'SELECT count(*) FROM campaigns')"
