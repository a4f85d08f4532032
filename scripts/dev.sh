#!/usr/bin/env bash
# Dev mode: runs the service from the modules' target/classes and, whenever a file under their
# src/main or conf is
# saved, recompiles and restarts it (a few seconds: compile, then a JVM start of about a second).
# The Java counterpart of the original guide's hot reload. Uses the same environment as the
# service; against docker-compose's databases on the host:
#   docker-compose up -d postgres redis
#   APP_ENV=local PGPORT=5433 PGPASSWORD=postgres scripts/dev.sh
set -euo pipefail
cd "$(dirname "$0")/.."

CP_FILE=target/service-runtime-classpath.txt
bash scripts/service-classpath.sh runtime "${CP_FILE}"
SERVICE_PID=""

stop_service() {
  if [ -n "${SERVICE_PID}" ] && kill -0 "${SERVICE_PID}" 2>/dev/null; then
    kill "${SERVICE_PID}" && wait "${SERVICE_PID}" 2>/dev/null || true
  fi
}
trap 'stop_service; exit 0' INT TERM

build_and_start() {
  if ./mvnw -q -B -ntp -o compile; then
    stop_service
    java -cp "$(cat "${CP_FILE}")" com.aiagent.Main &
    SERVICE_PID=$!
  else
    echo "dev: compilation failed; the running service (if any) is unchanged"
  fi
}

fingerprint() {
  find ai-agent-service/src/main ai-agent-api/src/main conf -type f -newer "${CP_FILE}" -printf '%p %T@\n' 2>/dev/null | sort | md5sum
}

build_and_start
last="$(fingerprint)"
while true; do
  if command -v inotifywait >/dev/null 2>&1; then
    inotifywait -qq -r -e close_write,create,delete,move ai-agent-service/src/main \
      ai-agent-api/src/main conf || true
  else
    sleep 1
  fi
  now="$(fingerprint)"
  if [ "${now}" != "${last}" ]; then
    last="${now}"
    echo "dev: change detected, recompiling"
    build_and_start
  fi
done
