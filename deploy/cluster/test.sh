#!/usr/bin/env bash
# `npm run test:cluster`: checks against the running cluster profile (npm run start:cluster
# first), run by .ci/run after `npm test`: one project end to end through the balancer, then the
# fault checks. Each fault check kills or stops a part on purpose and brings it back afterwards,
# so the cluster is whole again when this ends. Ends with one line `Tests: N passed, N failed`
# over all checks.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
bash deploy/cluster/status.sh >/dev/null || die "the cluster profile is not (wholly) running: npm run start:cluster"

out=$(mktemp)
trap 'rm -f "$out"' EXIT
rc=0
log "end to end: a project from 项目赋码 to 竣工验收, its decisions to supervision over Kafka, their workflows"
node deploy/cluster/faults/end-to-end.js | tee -a "$out" || rc=1

log "fault: approval-2 killed while projects are registered through the balancer"
node deploy/cluster/faults/approval-replica-kill.js | tee -a "$out" || rc=1
bash deploy/cluster/apps.sh start approval-2
bash deploy/cluster/apps.sh wait approval-2

log "fault: kafka-2 killed while approval's relays publish"
node deploy/cluster/faults/kafka-broker-kill.js | tee -a "$out" || rc=1
bash deploy/cluster/kafka.sh start 2

log "fault: workflows-2 killed while project workflows start"
node deploy/cluster/faults/workflow-worker-kill.js | tee -a "$out" || rc=1
bash deploy/cluster/apps.sh start workflows-2

log "fault: the Temporal server stopped with timers pending, started after some were due"
node deploy/cluster/faults/temporal-restart-timers.js | tee -a "$out" || rc=1
bash deploy/cluster/temporal.sh start server

passed=$(grep -c '^PASS' "$out" || true) failed=$(grep -c '^FAIL' "$out" || true)
(( rc == 0 && failed == 0 )) || rc=1
echo "Tests: $passed passed, $failed failed"
exit "$rc"
