#!/usr/bin/env bash
# Makes sure the services the integration tests use are there: PostgreSQL with the pgvector
# extension, Redis, Neo4j, curl for the README test and Chromium for the console test. On Debian
# (run as root) it installs what is missing, builds pgvector from Debian's source package when the
# server has no package for it, and starts the servers. Elsewhere it says what to start:
# `docker-compose up -d postgres redis`.
#
# Connection settings: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD,
# REDIS_HOST (127.0.0.1), REDIS_PORT (6379), NEO4J_TEST_PORT (7687), NEO4J_TEST_DIR
# (/tmp/ai-agent-neo4j: the server's data, class path and log).
#
# Neo4j Community (GPLv3, a test-time tool only) runs as its own JVM from Maven Central: the
# classpath comes from scripts/neo4j/pom.xml alone (its Netty must not meet the driver's), and
# scripts/neo4j/Neo4jTestServer.java starts it with Bolt on 127.0.0.1:NEO4J_TEST_PORT, no auth.
set -euo pipefail

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
REDIS_HOST="${REDIS_HOST:-127.0.0.1}"
REDIS_PORT="${REDIS_PORT:-6379}"
NEO4J_TEST_PORT="${NEO4J_TEST_PORT:-7687}"
NEO4J_TEST_DIR="${NEO4J_TEST_DIR:-/tmp/ai-agent-neo4j}"
SCRIPTS="$(cd "$(dirname "$0")" && pwd)"

say() { echo "test-services: $*"; }
fail() {
  echo "test-services: $*" >&2
  echo "test-services: start the services with 'docker-compose up -d postgres redis' or install PostgreSQL 15+ with pgvector and Redis" >&2
  exit 1
}
local_host() { [ "$1" = "127.0.0.1" ] || [ "$1" = "localhost" ] || [ "$1" = "::1" ]; }
can_install() { [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; }

APT_UPDATED=""
apt_install() {
  if [ -z "${APT_UPDATED}" ]; then
    apt-get update -qq
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

pg_ready() { psql -d postgres -tAc 'SELECT 1' >/dev/null 2>&1; }

ensure_postgres() {
  if pg_ready; then return; fi
  local_host "${PGHOST}" && can_install || fail "PostgreSQL is not reachable at ${PGHOST}:${PGPORT}"
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    say "installing PostgreSQL"
    apt_install postgresql
  fi
  local version
  version="$(ls /etc/postgresql | sort -n | tail -n 1)"
  say "starting PostgreSQL ${version}"
  pg_ctlcluster --skip-systemctl-redirect "${version}" main start || true
  for _ in $(seq 1 30); do pg_ready && return; sleep 1; done
  fail "PostgreSQL did not start"
}

has_pgvector() {
  [ "$(psql -d postgres -tAc "SELECT count(*) FROM pg_available_extensions WHERE name = 'vector'")" = "1" ]
}

build_pgvector() {
  local major pg_config work
  major="$(psql -d postgres -tAc 'SHOW server_version_num' | cut -c1-2)"
  pg_config="/usr/lib/postgresql/${major}/bin/pg_config"
  say "building pgvector for PostgreSQL ${major} from Debian's source package"
  apt_install "postgresql-server-dev-${major}" build-essential
  work="$(mktemp -d)"
  chmod 755 "${work}" # apt downloads as the _apt user
  mkdir -p "${work}/lists/partial"
  cat >"${work}/sources.sources" <<SOURCES
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: sid trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
  local apt_opts=(-o "Dir::Etc::SourceList=${work}/sources.sources" -o "Dir::Etc::SourceParts=/dev/null" -o "Dir::State::Lists=${work}/lists")
  apt-get "${apt_opts[@]}" update -qq
  # The newest version first; its files are not always on the mirror, so fall back to trixie's.
  if ! (cd "${work}" && apt-get "${apt_opts[@]}" source --download-only pgvector >/dev/null 2>&1); then
    (cd "${work}" && apt-get "${apt_opts[@]}" source --download-only pgvector=0.8.0-1 >/dev/null)
  fi
  tar -xzf "${work}"/pgvector_*.orig.tar.gz -C "${work}"
  local src
  src="$(find "${work}" -maxdepth 1 -type d -name 'pgvector*' | head -n 1)"
  # OPTFLAGS="" leaves out -march=native, so the build runs on any x86-64.
  make -s -C "${src}" PG_CONFIG="${pg_config}" OPTFLAGS="" >/dev/null
  make -s -C "${src}" PG_CONFIG="${pg_config}" OPTFLAGS="" install >/dev/null
  rm -rf "${work}"
}

ensure_pgvector() {
  if has_pgvector; then return; fi
  local_host "${PGHOST}" && can_install || fail "the PostgreSQL server at ${PGHOST}:${PGPORT} has no pgvector extension"
  build_pgvector
  has_pgvector || fail "pgvector was built but the server does not list it"
}

redis_ready() {
  if command -v redis-cli >/dev/null 2>&1; then
    [ "$(redis-cli -h "${REDIS_HOST}" -p "${REDIS_PORT}" ping 2>/dev/null)" = "PONG" ]
  else
    exec 3<>"/dev/tcp/${REDIS_HOST}/${REDIS_PORT}" 2>/dev/null || return 1
    printf 'PING\r\n' >&3
    local reply
    read -r -t 2 reply <&3 || true
    exec 3>&-
    [[ "${reply}" == +PONG* ]]
  fi
}

ensure_redis() {
  if redis_ready; then return; fi
  local_host "${REDIS_HOST}" && can_install || fail "Redis is not reachable at ${REDIS_HOST}:${REDIS_PORT}"
  if ! command -v redis-server >/dev/null 2>&1; then
    say "installing Redis"
    apt_install redis-server
  fi
  say "starting Redis on port ${REDIS_PORT}"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "${REDIS_PORT}" --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  for _ in $(seq 1 30); do redis_ready && return; sleep 1; done
  fail "Redis did not start"
}

neo4j_ready() { (exec 3<>"/dev/tcp/127.0.0.1/${NEO4J_TEST_PORT}") 2>/dev/null; }

ensure_neo4j() {
  if neo4j_ready; then return; fi
  command -v java >/dev/null 2>&1 || fail "Neo4j: a JDK 17 or newer is required (java not found on PATH)"
  local started cp classes="${NEO4J_TEST_DIR}/classes"
  started="$(date +%s)"
  mkdir -p "${NEO4J_TEST_DIR}"
  cp="${NEO4J_TEST_DIR}/classpath.txt"
  # The class path (and its download, about 60 MB once) is redone only when the pom changes.
  if [ ! -s "${cp}" ] || [ "${SCRIPTS}/neo4j/pom.xml" -nt "${cp}" ]; then
    say "resolving the Neo4j test server (scripts/neo4j/pom.xml)"
    "${SCRIPTS}/../mvnw" -B -ntp -q -f "${SCRIPTS}/neo4j/pom.xml" dependency:build-classpath \
      -Dmdep.outputFile="${cp}.new" >/dev/null
    mv "${cp}.new" "${cp}"
  fi
  if [ ! -f "${classes}/Neo4jTestServer.class" ] || [ "${SCRIPTS}/neo4j/Neo4jTestServer.java" -nt "${classes}/Neo4jTestServer.class" ]; then
    mkdir -p "${classes}"
    javac -d "${classes}" -cp "$(cat "${cp}")" "${SCRIPTS}/neo4j/Neo4jTestServer.java"
  fi
  say "starting Neo4j on 127.0.0.1:${NEO4J_TEST_PORT} (data in ${NEO4J_TEST_DIR}/data)"
  nohup java -Xms128m -Xmx512m -XX:+UseSerialGC -cp "${classes}:$(cat "${cp}")" Neo4jTestServer \
    "${NEO4J_TEST_DIR}/data" "${NEO4J_TEST_PORT}" >"${NEO4J_TEST_DIR}/server.log" 2>&1 &
  echo $! >"${NEO4J_TEST_DIR}/server.pid"
  for _ in $(seq 1 120); do
    if neo4j_ready; then
      say "Neo4j up in $(($(date +%s) - started)) s"
      return
    fi
    kill -0 "$(cat "${NEO4J_TEST_DIR}/server.pid")" 2>/dev/null || break
    sleep 0.5
  done
  tail -n 20 "${NEO4J_TEST_DIR}/server.log" >&2 || true
  fail "Neo4j did not start (log: ${NEO4J_TEST_DIR}/server.log)"
}

# The database local mode uses by default (tests make databases of their own).
ensure_database() {
  local name="${PGDATABASE_DEFAULT:-ai_agent}"
  if [ "$(psql -d postgres -tAc "SELECT count(*) FROM pg_database WHERE datname = '${name}'")" = "0" ]; then
    say "creating database ${name}"
    psql -d postgres -q -c "CREATE DATABASE ${name}"
  fi
}

# The README test runs the README's curl commands as written.
ensure_curl() {
  if command -v curl >/dev/null 2>&1; then return; fi
  can_install || fail "curl is missing (the README test runs the README's curl commands)"
  say "installing curl"
  apt_install curl
}

# The console test drives Debian's headless Chromium (no browser download at test time); the
# emoji font lets the posts' 🎁 lines render in its screenshot.
ensure_chromium() {
  if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then return; fi
  can_install || fail "chromium is missing (the console test runs the web console in headless Chromium)"
  say "installing Chromium"
  apt_install chromium fonts-noto-color-emoji
}

ensure_postgres
ensure_pgvector
ensure_database
ensure_redis
ensure_neo4j
ensure_curl
ensure_chromium
say "PostgreSQL $(psql -d postgres -tAc 'SHOW server_version') with pgvector at ${PGHOST}:${PGPORT}, Redis at ${REDIS_HOST}:${REDIS_PORT}, Neo4j at 127.0.0.1:${NEO4J_TEST_PORT}, $(chromium --version 2>/dev/null || chromium-browser --version): ready"
