#!/usr/bin/env bash
# Two replicas of every service and of the workflow worker, against the cluster's Temporal,
# Kafka brokers and database `cityworks_cluster`. Replica r of a service listens on
# 4<r><nn> (approval: 4102 and 4202) behind nginx's 40<nn>; logs and pids are per replica
# (.local/cluster/logs/approval-2.log).
#
#   deploy/cluster/apps.sh start|stop|status|wait [all|catalog|…|workflows|approval-2]...
#
# `start` expects a build (deploy/local/build.sh) and the cluster's servers up.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cluster_app_env

app_entry() {
  # absolute, so a replica's pid is never mistaken for the dev stack's process of the same app
  [[ $1 == workflows ]] && echo "$ROOT/dist/workflows/src/worker.js" || echo "$ROOT/dist/services/$1/src/main.js"
}
replica_pid() { live_pid "$RUN_DIR/$1-$2.pid" "$(app_entry "$1")"; }

replica_start() {
  local name=$1 r=$2 port=$3 pid
  if pid=$(replica_pid "$name" "$r"); then log "$name-$r: already running (pid $pid)"; return; fi
  [[ -f $(app_entry "$name") ]] || die "$name: $(app_entry "$name") missing; run deploy/local/build.sh"
  [[ -z $port ]] || ! port_open "$CLUSTER_HOST" "$port" || die "$name-$r: $CLUSTER_HOST:$port is already taken"
  # the tracing preload (ADR 0024): one Zipkin service per app, the replica as its instance
  (cd "$ROOT" && PORT=$port OTEL_SERVICE_NAME=$name OTEL_RESOURCE_ATTRIBUTES="service.instance.id=$name-$r" \
    spawn_daemon "$RUN_DIR/$name-$r.pid" "$LOG_DIR/$name-$r.log" \
    node $(app_node_flags "$name") --enable-source-maps -r ./scripts/register-paths.js -r ./dist/libs/tracing/src/register.js "$(app_entry "$name")")
  log "$name-$r: started (pid $(<"$RUN_DIR/$name-$r.pid")${port:+, :$port})"
}

replica_stop() {
  local name=$1 r=$2 pid
  if ! pid=$(replica_pid "$name" "$r"); then log "$name-$r: already stopped"; rm -f "$RUN_DIR/$name-$r.pid"; return; fi
  stop_pid "$pid" "$name-$r"
  rm -f "$RUN_DIR/$name-$r.pid"
  log "$name-$r: stopped"
}

replica_status() {
  local name=$1 r=$2 port=$3 pid
  if pid=$(replica_pid "$name" "$r"); then
    printf '%-14s running  %s  pid %s\n' "$name-$r" "${port:+http://$CLUSTER_HOST:$port}" "$pid"
  else
    printf '%-14s stopped  %s\n' "$name-$r" "${port:+http://$CLUSTER_HOST:$port}"; return 3
  fi
}

# A replica's own /health (every dependency up), not the balancer's: each must be healthy.
replica_wait() {
  local name=$1 r=$2 port=$3 body="" deadline=$(( $(date +%s) + START_TIMEOUT ))
  if [[ -z $port ]]; then
    replica_pid "$name" "$r" >/dev/null || { tail -n 30 "$LOG_DIR/$name-$r.log" >&2; die "$name-$r is not running"; }
    return
  fi
  until body=$(curl -fsS "http://$CLUSTER_HOST:$port/health" 2>/dev/null) && [[ $body == *'"status":"ok"'* ]]; do
    replica_pid "$name" "$r" >/dev/null || { tail -n 30 "$LOG_DIR/$name-$r.log" >&2; die "$name-$r exited during start-up"; }
    (( $(date +%s) < deadline )) || { echo "$body" >&2; die "$name-$r not healthy within ${START_TIMEOUT}s"; }
    sleep 0.5
  done
  log "$name-$r: healthy"
}

cmd=${1:-}; shift || true
(( $# )) || set -- all
ensure_dirs
rc=0
for entry in "${CLUSTER_APPS[@]}"; do
  name=${entry%%:*} lb=${entry#*:}
  for r in "${CLUSTER_REPLICAS[@]}"; do
    [[ " $* " == *" all "* || " $* " == *" $name "* || " $* " == *" $name-$r "* ]] || continue
    port=""; [[ -n $lb ]] && port=$(replica_port "$lb" "$r")
    case $cmd in
      start) replica_start "$name" "$r" "$port" ;;
      wait) replica_wait "$name" "$r" "$port" ;;
      stop) replica_stop "$name" "$r" ;;
      status) replica_status "$name" "$r" "$port" || rc=3 ;;
      *) sed -n '2,10s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2; exit 2 ;;
    esac
  done
done
exit "$rc"
