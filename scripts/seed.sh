#!/usr/bin/env bash
# Seeds the demo data now (15 users, 100 products, 100 campaigns, 100 contents, with embeddings),
# updating rows that exist: the Java counterpart of the original guide's seed_demo_data.py.
# Uses the same configuration as the service (APP_ENV, DATABASE_URL or PG*, EMBEDDING_PROVIDER...).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/ai-agent.jar ] || ./mvnw -q -B -ntp -DskipTests package
exec java -jar target/ai-agent.jar seed
