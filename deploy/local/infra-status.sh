#!/usr/bin/env bash
# One line per local server: running/stopped, address, pid. Exits 3 if any is stopped.
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/infra.sh" status all
