#!/usr/bin/env bash
# The feed benchmark of the events issue, side by side in one run against the scale data set
# (scripts/load_scale_data.sh), with wrk over uniformly random users so no per-user cache can help:
#   a      the service with its ranking cache off (FEED_CACHE_TTL_MS=0)
#   b      the service as configured by default (APP_ENV=local)
#   c      pgbench running the statements one uncached first page runs (state, then the page's
#          texts) as one transaction for a random user: the database's own limit for this work
#   d      the commit before the events issue (BASE_COMMIT), built in a git worktree, same wrk run
#   mixed  the default service with 90% feed reads and 10% event batches; then counts the run's
#          events in the database, so a lost event shows
# Before the runs, when more than 1% of the users have no stored candidate list younger than
# WARM_IF_OLDER_MIN minutes, it builds every user's list (`warm-candidates`; about 25 minutes for
# 100,000 users here).
# Lists older than the service's refresh_after_ms (1 h) are rebuilt by the service itself in the
# background during the runs, at most feed.candidates.warm_batch (10) a second, as in production.
# Prints one SUMMARY line per run and a table for docs/BENCHMARKS.md at the end.
#
# Usage: scripts/feed_bench.sh [seconds per run, default 20]
# Environment: PGDATABASE (ai_agent_scale), PGHOST, PGPORT, PGUSER; RUNS (a,b,c,d,mixed);
#              CONNECTIONS (32), WRK_THREADS (1), PGBENCH_CLIENTS (8), PORT (18090),
#              BASE_COMMIT (daad10e, the commit before the events issue), BATCH (10 events per
#              batch in the mixed run), WARM_IF_OLDER_MIN (1380: under the service's 24 h
#              feed.candidates.max_age_ms, past which it would build lists on the request path).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${1:-20}"
RUNS="${RUNS:-a,b,c,d,mixed}"
CONNECTIONS="${CONNECTIONS:-32}"
WRK_THREADS="${WRK_THREADS:-1}"
PGBENCH_CLIENTS="${PGBENCH_CLIENTS:-8}"
PORT="${PORT:-18090}"
BASE_COMMIT="${BASE_COMMIT:-daad10e}"
WARM_IF_OLDER_MIN="${WARM_IF_OLDER_MIN:-1380}"
export BATCH="${BATCH:-10}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
export PGDATABASE="${PGDATABASE:-ai_agent_scale}"
BASE="http://127.0.0.1:${PORT}"

say() { echo "[feed-bench $(date -u +%H:%M:%S)] $*"; }
q() { psql -X -tAc "$1"; }
wants() { case ",${RUNS}," in *,"$1",*) return 0 ;; *) return 1 ;; esac; }

bash scripts/test-services.sh >/dev/null
for tool in wrk pgbench; do
  if ! command -v "${tool}" >/dev/null 2>&1; then
    say "installing ${tool} from Debian's packages"
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    pkg="${tool}"; [ "${tool}" = pgbench ] && pkg="postgresql-client"
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${pkg}" >/dev/null
  fi
done

USERS="$(q "SELECT count(*) FROM users WHERE id LIKE 'scale\_user\_%'" 2>/dev/null || echo 0)"
if [ "${USERS}" = "0" ]; then
  echo "no scale data in ${PGDATABASE}: run scripts/load_scale_data.sh first" >&2
  exit 2
fi
export USERS
export CONTENTS="$(q "SELECT count(*) FROM contents WHERE id LIKE 'scale\_content\_%'")"
export CAMPAIGNS="$(q "SELECT count(*) FROM campaigns WHERE id LIKE 'scale\_camp\_%'")"
say "${PGDATABASE}: ${USERS} scale users, ${CONTENTS} contents, ${CAMPAIGNS} campaigns, $(q 'SELECT count(*) FROM edges') edges"

[ -f target/ai-agent.jar ] || ./mvnw -q -B -ntp -DskipTests package

WORK="$(mktemp -d)"
SERVICE_PID=""
stop_service() {
  if [ -n "${SERVICE_PID}" ]; then
    kill "${SERVICE_PID}" 2>/dev/null || true
    wait "${SERVICE_PID}" 2>/dev/null || true
    SERVICE_PID=""
  fi
}
trap 'stop_service; rm -rf "${WORK}"' EXIT

# The service against the scale database: PostgreSQL stores, Redis, no pictures, no rate limit.
service_env=(APP_ENV=local USE_MOCK_VECTOR_DB=false USE_MOCK_GRAPH_DB=false MEDIA_PROVIDER=none
  RATE_LIMIT_PER_MINUTE=0 SEED_ENABLED=false REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
  REDIS_KEY_PREFIX="feedbench-$$:" MEDIA_DIR="${WORK}/media" PORT="${PORT}")

stale="$(q "SELECT count(*) FROM users u LEFT JOIN feed_candidates fc ON fc.user_id = u.id
  WHERE fc.built_at IS NULL OR fc.built_at < now() - interval '${WARM_IF_OLDER_MIN} minutes'")"
# A few users without a list (events drop a user's list until it is rebuilt) are built on their
# first request, as in production; many mean a fresh load, and a run would measure builds.
if [ "${stale}" -gt $((USERS / 100)) ] && { wants a || wants b || wants c || wants mixed; }; then
  say "${stale} users have no candidate list younger than ${WARM_IF_OLDER_MIN} min: warm-candidates"
  t=$(date +%s)
  env "${service_env[@]}" java -jar target/ai-agent.jar warm-candidates >"${WORK}/warm.log" 2>&1 \
    || { cat "${WORK}/warm.log" >&2; exit 1; }
  say "warm-candidates: $(grep -o 'built the feed candidates.*' "${WORK}/warm.log" | tail -1) ($(($(date +%s) - t)) s)"
fi

start_service() { # jar, extra VAR=value...
  local jar="$1"; shift
  env "${service_env[@]}" "$@" java ${JAVA_OPTS:-} -jar "${jar}" >"${WORK}/service.log" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 1 240); do
    if curl -fsS "${BASE}/health" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "${SERVICE_PID}" 2>/dev/null; then cat "${WORK}/service.log" >&2; exit 1; fi
    sleep 0.5
  done
  echo "the service did not become healthy" >&2
  cat "${WORK}/service.log" >&2
  exit 1
}

declare -A RPS P50 P99 ERRS
wrk_run() { # name, script
  local name="$1" script="$2"
  wrk -t"${WRK_THREADS}" -c"${CONNECTIONS}" -d5s -s "${script}" "${BASE}" >/dev/null
  wrk -t"${WRK_THREADS}" -c"${CONNECTIONS}" -d"${DURATION}s" --latency -s "${script}" "${BASE}" \
    >"${WORK}/${name}.txt" || true
  RPS[${name}]="$(awk '/Requests\/sec/ { print $2 }' "${WORK}/${name}.txt")"
  P50[${name}]="$(awk '/^ +50%/ { print $2 }' "${WORK}/${name}.txt")"
  P99[${name}]="$(awk '/^ +99%/ { print $2 }' "${WORK}/${name}.txt")"
  ERRS[${name}]="$(awk '/Non-2xx/ { n = $NF } /Socket errors/ { s = $0 } END { print (n == "" ? 0 : n) (s == "" ? "" : "; " s) }' "${WORK}/${name}.txt")"
  echo "SUMMARY ${name}: ${RPS[${name}]} req/s, p50 ${P50[${name}]}, p99 ${P99[${name}]}, non-2xx ${ERRS[${name}]}"
}

if wants a; then
  say "(a) this commit, ranking cache off"
  start_service target/ai-agent.jar FEED_CACHE_TTL_MS=0
  wrk_run a scripts/wrk/feed_random.lua
  stop_service
fi

if wants b; then
  say "(b) this commit, default configuration"
  start_service target/ai-agent.jar
  wrk_run b scripts/wrk/feed_random.lua
  stop_service
fi

if wants c; then
  say "(c) pgbench: state + page texts as one transaction, ${PGBENCH_CLIENTS} clients"
  mkdir -p target/feed-bench-classes
  javac -d target/feed-bench-classes -cp target/ai-agent.jar \
    ai-agent-service/src/test/java/com/aiagent/store/pg/FeedBenchScript.java
  java -cp target/ai-agent.jar:target/feed-bench-classes com.aiagent.store.pg.FeedBenchScript \
    "${USERS}" 20 >"${WORK}/feed.pgbench"
  (cd "${WORK}" && pgbench -n -M prepared -c "${PGBENCH_CLIENTS}" -j 2 -T 5 -f feed.pgbench >/dev/null)
  (cd "${WORK}" && pgbench -n -M prepared -c "${PGBENCH_CLIENTS}" -j 2 -T "${DURATION}" -l \
    --log-prefix=pgb -f feed.pgbench >pgbench.txt)
  RPS[c]="$(awk '/^tps = / { printf "%.1f", $3 }' "${WORK}/pgbench.txt")"
  # Per-transaction log: the third field is the latency in microseconds.
  cat "${WORK}"/pgb.* | awk '{ print $3 }' | sort -n >"${WORK}/pgb.sorted"
  n=$(wc -l <"${WORK}/pgb.sorted")
  P50[c]="$(awk -v k=$((n / 2 + 1)) 'NR == k { printf "%.2fms", $1 / 1000 }' "${WORK}/pgb.sorted")"
  P99[c]="$(awk -v k=$((n * 99 / 100 + 1)) 'NR == k { printf "%.2fms", $1 / 1000 }' "${WORK}/pgb.sorted")"
  ERRS[c]="$(awk '/number of failed transactions/ { print $5; f = 1 } END { if (!f) print 0 }' "${WORK}/pgbench.txt")"
  echo "SUMMARY c: ${RPS[c]} tps, p50 ${P50[c]}, p99 ${P99[c]}"
fi

if wants d; then
  BASE_DIR="${TMPDIR:-/tmp}/ai-agent-feed-bench-$(git rev-parse --short "${BASE_COMMIT}")"
  if [ ! -f "${BASE_DIR}/target/ai-agent.jar" ]; then
    say "building ${BASE_COMMIT} in a git worktree at ${BASE_DIR}"
    git worktree remove --force "${BASE_DIR}" 2>/dev/null || rm -rf "${BASE_DIR}"
    git worktree prune
    git worktree add --detach "${BASE_DIR}" "${BASE_COMMIT}" >/dev/null
    (cd "${BASE_DIR}" && ./mvnw -q -B -ntp -DskipTests package)
  fi
  say "(d) ${BASE_COMMIT}, the commit before the events issue, its default configuration"
  start_service "${BASE_DIR}/target/ai-agent.jar"
  wrk_run d scripts/wrk/feed_random.lua
  stop_service
fi

if wants mixed; then
  say "mixed: 90% feed reads, 10% batches of ${BATCH} events, default configuration"
  start_service target/ai-agent.jar
  export RUN="feedbench-$(date +%s)-$$"
  wrk -t"${WRK_THREADS}" -c"${CONNECTIONS}" -d5s -s scripts/wrk/feed_random.lua "${BASE}" >/dev/null
  wrk -t"${WRK_THREADS}" -c"${CONNECTIONS}" -d"${DURATION}s" --latency -s scripts/wrk/feed_mixed.lua \
    "${BASE}" >"${WORK}/mixed.txt" || true
  stop_service
  RPS[mixed]="$(awk '/Requests\/sec/ { print $2 }' "${WORK}/mixed.txt")"
  P50[mixed]="$(awk '/^ +50%/ { print $2 }' "${WORK}/mixed.txt")"
  P99[mixed]="$(awk '/^ +99%/ { print $2 }' "${WORK}/mixed.txt")"
  ERRS[mixed]="$(awk '/Non-2xx/ { print $NF; f = 1 } END { if (!f) print 0 }' "${WORK}/mixed.txt")"
  events_line="$(grep '^EVENTS' "${WORK}/mixed.txt")"
  accepted="$(sed -E 's/.*accepted=([0-9]+).*/\1/' <<<"${events_line}")"
  sent="$(sed -E 's/.*sent=([0-9]+).*/\1/' <<<"${events_line}")"
  stored="$(q "SELECT count(*) FROM user_events WHERE event_id LIKE '${RUN}-%'")"
  echo "SUMMARY mixed: ${RPS[mixed]} req/s, p50 ${P50[mixed]}, p99 ${P99[mixed]}, non-2xx ${ERRS[mixed]}"
  echo "SUMMARY mixed events: ${events_line#EVENTS }; in the database: ${stored}"
  # Batches still in flight when wrk stopped may land without their answer being counted, so the
  # database may hold more than was acknowledged, never less.
  if [ "${stored}" -lt "${accepted}" ] || [ "${stored}" -gt "${sent}" ]; then
    echo "LOST EVENTS: ${accepted} acknowledged as accepted, ${stored} in the database" >&2
    MIXED_FAILED=1
  fi
fi

echo
echo "| run | feeds/s | p50 | p99 | non-2xx |"
echo "|---|---|---|---|---|"
for name in a b c d mixed; do
  [ -n "${RPS[${name}]:-}" ] && echo "| ${name} | ${RPS[${name}]} | ${P50[${name}]} | ${P99[${name}]} | ${ERRS[${name}]} |"
done
ratio() { awk -v x="${RPS[$1]:-}" -v y="${RPS[$2]:-}" 'BEGIN { if (x != "" && y != "" && y > 0) printf "%.1f", x / y; else printf "n/a" }'; }
echo
echo "a/d $(ratio a d)x, a/c $(ratio a c), b/d $(ratio b d)x"
[ -z "${MIXED_FAILED:-}" ]
