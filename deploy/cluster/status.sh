#!/usr/bin/env bash
# `npm run status:cluster`: what of the cluster profile is running. Exits 3 when anything is stopped.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 2
rc=0
bash deploy/cluster/kafka.sh status || rc=3
bash deploy/cluster/temporal.sh status server ui || rc=3
bash deploy/cluster/apps.sh status all || rc=3
# the trace UI is part of the profile unless it was started with TRACING=off
if [[ ${TRACING:-zipkin} == zipkin ]]; then bash deploy/cluster/zipkin.sh status || rc=3; fi
bash deploy/cluster/nginx.sh status || rc=3
exit "$rc"
