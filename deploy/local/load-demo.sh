#!/usr/bin/env bash
# Loads the demo city (鞍山市: regions, departments, approval and supervision items, stage
# templates) into the catalog. Idempotent: a second run changes nothing. Its events wait in the
# catalog's outbox until the running service publishes them.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
t0=$(now_ms)
LOG_LEVEL=warn node -r ./scripts/register-paths.js dist/services/catalog/src/demo/load-demo.js
log "demo city loaded in $(elapsed_since "$t0")"
