#!/usr/bin/env bash
# Starts the test suite's fake Vertex AI server (it speaks Vertex's REST format for Gemini text,
# embeddings, Imagen and Gemini image models) so the whole service can run in Vertex mode with no
# Google account. Usage: scripts/fake-vertex.sh [port, default 8089]; stop it with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp -DskipTests test-compile
CP_FILE=target/service-test-classpath.txt
[ -f "${CP_FILE}" ] || bash scripts/service-classpath.sh test "${CP_FILE}"
exec java -cp "$(cat "${CP_FILE}")" com.aiagent.vertex.FakeVertexServer "${1:-8089}"
