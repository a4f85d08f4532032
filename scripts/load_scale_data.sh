#!/usr/bin/env bash
# Loads the scale data set for the feed and ad benchmarks into a database of its own: USERS users
# (default 100,000), as many contents and campaigns unless given, and about EDGES_PER_USER (12)
# skewed edges per user, all grown from the demo data with 768-dim vectors by
# ai-agent-service/src/test/java/com/aiagent/bench/ScaleData.java (ids scale_user_0000001..., scale_content_...,
# scale_camp_...). Creates the database when missing and runs the service's own seed for the schema
# and the demo rows; deletes the scale_ rows of an earlier run; COPYs with the HNSW and secondary
# edge indexes dropped and rebuilds them after (much faster than inserting into them row by row);
# then VACUUM ANALYZE. Same sizes and SCALE_EPOCH give the same rows.
# Connection: PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE (ai_agent_scale).
# SCALE_EPOCH (an ISO instant, default now): contents are dated over the 30 days before it.
# Usage: scripts/load_scale_data.sh [USERS [CONTENTS [CAMPAIGNS]]]
set -euo pipefail
cd "$(dirname "$0")/.."

USERS="${1:-100000}"
CONTENTS="${2:-${USERS}}"
CAMPAIGNS="${3:-${USERS}}"
EDGES_PER_USER="${EDGES_PER_USER:-12}"
EPOCH="${SCALE_EPOCH:-$(date -u +%Y-%m-%dT%H:%M:%SZ)}"
for n in "${USERS}" "${CONTENTS}" "${CAMPAIGNS}"; do
  [[ "${n}" =~ ^[1-9][0-9]{0,6}$ ]] || { echo "sizes are whole numbers from 1 to 9999999, got '${n}'" >&2; exit 2; }
done
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
export PGDATABASE="${PGDATABASE:-ai_agent_scale}"
JDBC="jdbc:postgresql://${PGHOST}:${PGPORT}/${PGDATABASE}?user=${PGUSER}${PGPASSWORD:+&password=${PGPASSWORD}}"

STARTED=$(date +%s%N)
say() { echo "[scale $(date -u +%H:%M:%S)] $*"; }
since() { local ds=$((($(date +%s%N) - $1) / 100000000)); echo "$((ds / 10)).$((ds % 10)) s"; }
sql() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

say "database ${PGDATABASE} on ${PGHOST}:${PGPORT}: ${USERS} users, ${CONTENTS} contents, ${CAMPAIGNS} campaigns, ~${EDGES_PER_USER} edges per user, epoch ${EPOCH}"

# The jar runs the seed and carries the JDBC driver and pgvector the generator needs; the generator
# is compiled alone, so a main tree that does not compile at the moment does not stop the load.
[ -f target/ai-agent.jar ] || ./mvnw -q -B -ntp -DskipTests package
SRC=ai-agent-service/src/test/java/com/aiagent/bench/ScaleData.java
CLASSES=target/scale-data-classes
if [ ! -f "${CLASSES}/com/aiagent/bench/ScaleData.class" ] || [ "${SRC}" -nt "${CLASSES}/com/aiagent/bench/ScaleData.class" ]; then
  javac -d "${CLASSES}" -cp target/ai-agent.jar "${SRC}"
fi

t=$(date +%s%N)
if [ -z "$(psql -X -d postgres -v db="${PGDATABASE}" -tA <<<"SELECT 1 FROM pg_database WHERE datname = :'db'")" ]; then
  sql -d postgres -v db="${PGDATABASE}" <<<'CREATE DATABASE :"db"'
  say "created database ${PGDATABASE}"
fi

# The seed migrates under the service's advisory lock and upserts the demo rows with embeddings.
SEED_LOG=target/scale-seed.log
if ! env -u DATABASE_URL USE_MOCK_VECTOR_DB=false USE_MOCK_GRAPH_DB=false SEED_ENABLED=true \
  java -jar target/ai-agent.jar seed >"${SEED_LOG}" 2>&1; then
  cat "${SEED_LOG}" >&2
  exit 1
fi
# Migrations newer than the jar (a jar built before migration_003.sql) are applied here as the
# service applies them: in one transaction, recorded in schema_migrations under the same name.
for file in scripts/migration_*.sql; do
  name="db/$(basename "${file}")"
  unzip -l target/ai-agent.jar "${name}" >/dev/null 2>&1 && continue
  version=$((10#$(basename "${file}" .sql | tr -dc 0-9)))
  [ -z "$(psql -X -tAc "SELECT 1 FROM schema_migrations WHERE version = ${version}")" ] || continue
  { echo 'BEGIN;'; cat "${file}"
    echo "INSERT INTO schema_migrations (version, name) VALUES (${version}, '${name}') ON CONFLICT DO NOTHING;"
    echo 'COMMIT;'; } | sql
  say "applied ${file}, which the jar does not have"
done
say "seed: $(psql -X -tAc "SELECT count(*) FROM users") users, $(psql -X -tAc "SELECT count(*) FROM contents") contents, $(psql -X -tAc "SELECT count(*) FROM campaigns") campaigns, $(psql -X -tAc "SELECT count(*) FROM edges") edges in the database, $(since "${t}")"

# Every secondary index of the four big tables is dropped for the load and rebuilt after it, from
# the definition the database holds (whatever the migrations made). They are kept in a file until
# rebuilt, so a run stopped in between leaves them for the next; the four below are the fallback.
declare -A INDEXES=(
  [users_embedding_idx]="CREATE INDEX users_embedding_idx ON public.users USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 128)"
  [contents_embedding_idx]="CREATE INDEX contents_embedding_idx ON public.contents USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 128)"
  [campaigns_embedding_idx]="CREATE INDEX campaigns_embedding_idx ON public.campaigns USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 128)"
  [edges_likes_by_item_idx]="CREATE INDEX edges_likes_by_item_idx ON public.edges USING btree (to_id, seq DESC) WHERE (type = 'LIKES'::text)"
)
PENDING="target/scale-indexes.${PGDATABASE}.tsv"
[ -f "${PENDING}" ] && while IFS=$'\t' read -r name definition; do INDEXES[${name}]=${definition}; done <"${PENDING}"
while IFS=$'\t' read -r name definition; do INDEXES[${name}]=${definition}; done < <(psql -X -tA -F $'\t' -c "
  SELECT i.indexname, i.indexdef FROM pg_indexes i
  WHERE i.schemaname = 'public' AND i.tablename IN ('users', 'contents', 'campaigns', 'edges')
    AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)")
for name in "${!INDEXES[@]}"; do printf '%s\t%s\n' "${name}" "${INDEXES[${name}]}"; done | sort >"${PENDING}"

t=$(date +%s%N)
say "earlier scale rows: $(psql -X -tA -F ', ' -c "SELECT 'users ' || (SELECT count(*) FROM users WHERE id LIKE 'scale\_%'), 'contents ' || (SELECT count(*) FROM contents WHERE id LIKE 'scale\_%'), 'campaigns ' || (SELECT count(*) FROM campaigns WHERE id LIKE 'scale\_%'), 'edges ' || (SELECT count(*) FROM edges WHERE from_id LIKE 'scale\_%' OR to_id LIKE 'scale\_%')")"
{
  echo 'SET client_min_messages = warning;'
  echo 'BEGIN;'
  cut -f1 "${PENDING}" | sed 's/.*/DROP INDEX IF EXISTS public."&";/'
  cat <<'SQL'
DELETE FROM edges WHERE from_id LIKE 'scale\_%' OR to_id LIKE 'scale\_%';
DELETE FROM user_events WHERE user_id LIKE 'scale\_%' OR item_id LIKE 'scale\_%';
DELETE FROM hidden_items WHERE user_id LIKE 'scale\_%' OR item_id LIKE 'scale\_%';
DELETE FROM seen_items WHERE user_id LIKE 'scale\_%' OR item_id LIKE 'scale\_%';
DELETE FROM ad_frequency WHERE user_id LIKE 'scale\_%' OR campaign_id LIKE 'scale\_%';
DELETE FROM ad_delivery WHERE campaign_id LIKE 'scale\_%';
DELETE FROM feed_candidates WHERE user_id LIKE 'scale\_%';
DELETE FROM generated_posts WHERE user_id LIKE 'scale\_%';
DELETE FROM contents WHERE id LIKE 'scale\_%';
DELETE FROM campaigns WHERE id LIKE 'scale\_%';
DELETE FROM users WHERE id LIKE 'scale\_%';
COMMIT;
-- What is left is the demo rows: rewriting the tables is quick and gives the space back.
VACUUM FULL users, contents, campaigns, edges;
SQL
} | sql
say "dropped the indexes ($(cut -f1 "${PENDING}" | paste -sd ' ')) and the earlier scale rows: $(since "${t}")"

# One generator run per table, streamed into COPY: the generator and the server share the 2 cores.
copy() {
  local table=$1 columns=$2 t rows
  t=$(date +%s%N)
  rows=$(java -cp "${CLASSES}:target/ai-agent.jar" com.aiagent.bench.ScaleData "${JDBC}" "${table}" \
    "${USERS}" "${CONTENTS}" "${CAMPAIGNS}" "${EDGES_PER_USER}" "${EPOCH}" |
    psql -X -v ON_ERROR_STOP=1 -c "\\copy ${table} (${columns}) FROM STDIN WITH (FORMAT csv)")
  say "${table}: ${rows#COPY } rows copied in $(since "${t}")"
}
copy users "id, name_ko, name_en, interests, bio_ko, bio_en, embedding, embedding_model"
copy contents "id, author_id, category, product_id, title_ko, title_en, body_ko, body_en, tags, created_at, embedding, embedding_model"
copy campaigns "id, product_id, category, advertiser, title_ko, title_en, body_ko, body_en, target_interests, bid, active, starts_at, ends_at, daily_budget, frequency_cap, embedding, embedding_model"
copy edges "from_id, type, to_id"

# HNSW first (the slow ones, in memory with 1 GB), then the others.
index() {
  local name=$1 t
  t=$(date +%s%N)
  sql -c "SET maintenance_work_mem = '1GB'" -c "SET max_parallel_maintenance_workers = 1" \
    -c "${INDEXES[${name}]}"
  say "index ${name} built in $(since "${t}")"
}
for name in $(grep -i 'using hnsw' "${PENDING}" | cut -f1); do index "${name}"; done
for name in $(grep -iv 'using hnsw' "${PENDING}" | cut -f1); do index "${name}"; done
rm -f "${PENDING}"

# VACUUM as well as ANALYZE: the visibility map is set now, not by autovacuum during a benchmark.
t=$(date +%s%N)
sql -c "VACUUM (ANALYZE) users, contents, campaigns, edges, products"
say "vacuum analyze: $(since "${t}")"

psql -X -q -v ON_ERROR_STOP=1 <<'SQL'
SELECT rows_in, count FROM (
  SELECT 1 AS o, 'users' AS rows_in, count(*) FROM users
  UNION ALL SELECT 2, 'contents', count(*) FROM contents
  UNION ALL SELECT 3, 'campaigns', count(*) FROM campaigns
  UNION ALL SELECT 4, '  live now', count(*) FROM campaigns WHERE active AND starts_at <= now() AND ends_at > now()
  UNION ALL SELECT 5, '  with daily_budget', count(*) FROM campaigns WHERE daily_budget IS NOT NULL
  UNION ALL SELECT 6, '  with frequency_cap', count(*) FROM campaigns WHERE frequency_cap IS NOT NULL
  UNION ALL SELECT 7, 'products', count(*) FROM products
  UNION ALL SELECT 8, 'edges', count(*) FROM edges
  UNION ALL SELECT 9, '  ' || type, count(*) FROM edges GROUP BY type
) counts ORDER BY o, rows_in;
SELECT pg_size_pretty(pg_database_size(current_database())) AS database_size;
SQL
say "done in $(since "${STARTED}")"
