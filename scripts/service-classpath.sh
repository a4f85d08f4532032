#!/usr/bin/env bash
# Writes the class path that runs the service from its build output (both modules' classes, with
# test classes for scope "test", then every dependency jar) to a file, for the scripts that start
# classes by hand (dev mode, the fake Vertex AI server, the benchmarks).
#   bash scripts/service-classpath.sh runtime|test FILE
# The api module is installed into the local Maven repository first, so the service module's
# dependencies resolve on their own (as they do for another team's project).
set -euo pipefail
cd "$(dirname "$0")/.."
scope="$1"
file="$2"
./mvnw -q -B -ntp -DskipTests -Dspotless.apply.skip=true -pl ai-agent-api -am install
./mvnw -q -B -ntp -pl ai-agent-service dependency:build-classpath \
  -Dmdep.excludeGroupIds=com.aiagent -Dmdep.includeScope="${scope}" \
  -Dmdep.outputFile="${PWD}/${file}.deps"
classes="ai-agent-service/target/classes:ai-agent-api/target/classes"
if [ "${scope}" = "test" ]; then
  classes="ai-agent-service/target/test-classes:ai-agent-api/target/test-classes:${classes}"
fi
mkdir -p "$(dirname "${file}")"
echo "${classes}:$(cat "${file}.deps")" >"${file}"
rm -f "${file}.deps"
