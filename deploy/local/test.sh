#!/usr/bin/env bash
# `npm test`: everything a change must pass, against the real servers — provisions and starts
# PostgreSQL, Kafka and Temporal if needed, builds, lints (module boundaries included),
# typechecks, then runs every project's jest suite: unit, integration and end-to-end.
# Tests use their own database, topics and Temporal namespace, so a running system is untouched.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
t0=$(now_ms)
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false NX_SKIP_NX_CACHE=true

bash deploy/local/infra.sh start all
bash deploy/local/provision.sh chromium zipkin  # the portal's browser tests (test/browser); the trace test's Zipkin (test/tracing)
bash deploy/local/build.sh
bash deploy/local/schemathesis.sh >/dev/null  # the contract fuzzer test/contract runs (pinned, into .local)

export DATABASE_URL="postgres://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/${TEST_DATABASE:-cityworks_test}"
export KAFKA_TOPIC_PREFIX="${KAFKA_TOPIC_PREFIX:-test.}"
export TEMPORAL_NAMESPACE="$TEMPORAL_TEST_NAMESPACE"
pg_ensure_database "${TEST_DATABASE:-cityworks_test}"
node deploy/local/create-topics.js

log "lint"
npx nx run-many -t lint --outputStyle=static
log "format (prettier --check; \`npm run format\` fixes it)"
npx prettier --check --log-level warn "**/*.{ts,js,mjs,json}"
log "typecheck"
npx tsc -p tsconfig.json

results="$LOCAL/test-results"
rm -rf "$results"; mkdir -p "$results"
status=0
npx nx run-many -t test --outputStyle=static || status=$?

# The closing lines: the sum over every project's jest run, and what failed.
node scripts/test-summary.js "$results"
log "npm test finished in $(elapsed_since "$t0") (exit $status)"
exit "$status"
