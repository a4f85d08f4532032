#!/usr/bin/env bash
# Recomputes stored embeddings with the configured provider, in batches, resumable: the Java
# counterpart of the original guide's generate_embeddings.py. Without arguments it re-embeds rows
# whose vector is missing or was made by another model; --all recomputes every row.
# Uses the same configuration as the service (APP_ENV, DATABASE_URL or PG*, EMBEDDING_PROVIDER...).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/ai-agent.jar ] || ./mvnw -q -B -ntp -DskipTests package
exec java -jar target/ai-agent.jar generate-embeddings "$@"
