#!/usr/bin/env bash
# Waits until every service answers /health with every dependency up through nginx (the address
# clients use), not just on its replicas' own ports.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

for entry in "${CLUSTER_APPS[@]}"; do
  name=${entry%%:*} lb=${entry#*:}
  [[ -n $lb ]] || continue
  deadline=$(( $(date +%s) + START_TIMEOUT )) body=""
  until body=$(curl -fsS "http://$CLUSTER_HOST:$lb/health" 2>/dev/null) && [[ $body == *'"status":"ok"'* ]]; do
    (( $(date +%s) < deadline )) || { echo "$body" >&2; die "$name: not healthy through the balancer (:$lb) within ${START_TIMEOUT}s"; }
    sleep 0.5
  done
  log "$name: healthy through the balancer (http://$CLUSTER_HOST:$lb/health)"
done
