#!/usr/bin/env bash
# `npm run status`: what is running. Exits 3 when anything is stopped.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
rc=0
bash deploy/local/infra.sh status all || rc=3
bash deploy/local/apps.sh status all || rc=3
exit "$rc"
