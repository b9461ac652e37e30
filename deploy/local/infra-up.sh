#!/usr/bin/env bash
# Provision (if needed) and start every local server: postgres, kafka, temporal.
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/infra.sh" start all
