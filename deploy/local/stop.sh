#!/usr/bin/env bash
# `npm stop`: stops the services and workflow worker, then the servers. Data is kept in .local/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
bash deploy/local/apps.sh stop all
bash deploy/local/infra.sh stop all
