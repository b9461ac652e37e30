#!/usr/bin/env bash
# Stop every local server; data under .local/ is kept for the next infra-up.
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/infra.sh" stop all
