#!/usr/bin/env bash
# Start, stop or inspect the platform's own processes: the five services (each with its
# activity worker), the portal (the 工改办 console and the public 公示 page) and the workflow worker.
#
#   deploy/local/apps.sh start|stop|status [all|catalog|approval|supervision|credit|complaints|portal|workflows]...
#
# `start` expects a build (deploy/local/build.sh) and running infrastructure.
set -euo pipefail
# The services honour an existing cluster's addresses (the scale path); lib.sh would otherwise
# point them at the local servers.
given_kafka=${KAFKA_BROKERS:-} given_temporal=${TEMPORAL_ADDRESS:-}
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[[ -n $given_kafka ]] && export KAFKA_BROKERS=$given_kafka
[[ -n $given_temporal ]] && export TEMPORAL_ADDRESS=$given_temporal

# name:port — ports are overridable as <NAME>_PORT, e.g. APPROVAL_PORT=4002
APPS=(catalog:3001 approval:3002 supervision:3003 credit:3004 complaints:3005 portal:3006 workflows:)

app_port() {
  local name=$1 default=$2 var
  var="$(tr '[:lower:]' '[:upper:]' <<<"$name")_PORT"
  echo "${!var:-$default}"
}

app_entry() {
  [[ $1 == workflows ]] && echo "dist/workflows/src/worker.js" || echo "dist/services/$1/src/main.js"
}

app_pid() { live_pid "$RUN_DIR/$1.pid" "$(app_entry "$1")"; }

app_start() {
  local name=$1 port=$2 pid
  if pid=$(app_pid "$name"); then log "$name: already running (pid $pid)"; return; fi
  [[ -f $ROOT/$(app_entry "$name") ]] || die "$name: $(app_entry "$name") missing; run deploy/local/build.sh"
  # the tracing preload starts OpenTelemetry before the app requires what it instruments; it does
  # nothing unless TRACING=zipkin (ADR 0024)
  (cd "$ROOT" && PORT=$port OTEL_SERVICE_NAME=$name spawn_daemon "$RUN_DIR/$name.pid" "$LOG_DIR/$name.log" \
    node $(app_node_flags "$name") --enable-source-maps -r ./scripts/register-paths.js -r ./dist/libs/tracing/src/register.js "$(app_entry "$name")")
  log "$name: started (pid $(<"$RUN_DIR/$name.pid"), log ${LOG_DIR#"$ROOT"/}/$name.log)"
}

app_stop() {
  local name=$1 pid
  if ! pid=$(app_pid "$name"); then log "$name: already stopped"; rm -f "$RUN_DIR/$name.pid"; return; fi
  stop_pid "$pid" "$name"
  rm -f "$RUN_DIR/$name.pid"
  log "$name: stopped"
}

app_status() {
  local name=$1 port=$2 pid
  if pid=$(app_pid "$name"); then
    log "$name: running (pid $pid${port:+, http://127.0.0.1:$port})"
  else
    log "$name: stopped"; return 3
  fi
}

# Waits until a service's /health says every dependency is up.
app_wait_healthy() {
  local name=$1 port=$2 deadline=$(( $(date +%s) + START_TIMEOUT )) body=""
  [[ -n $port ]] || return 0
  until body=$(curl -fsS "http://127.0.0.1:$port/health" 2>/dev/null) && [[ $body == *'"status":"ok"'* ]]; do
    app_pid "$name" >/dev/null || { tail -n 30 "$LOG_DIR/$name.log" >&2; die "$name exited during start-up"; }
    (( $(date +%s) < deadline )) || { echo "$body" >&2; die "$name not healthy within ${START_TIMEOUT}s"; }
    sleep 0.5
  done
  log "$name: healthy ($body)"
}

cmd=${1:-}; shift || true
(( $# )) || set -- all
rc=0
for entry in "${APPS[@]}"; do
  name=${entry%%:*}; default_port=${entry#*:}
  [[ " $* " == *" all "* || " $* " == *" $name "* ]] || continue
  port=""; [[ -n $default_port ]] && port=$(app_port "$name" "$default_port")
  case $cmd in
    start) ensure_dirs; app_start "$name" "$port" ;;
    wait) app_wait_healthy "$name" "$port" ;;
    stop) app_stop "$name" ;;
    status) app_status "$name" "$port" || rc=3 ;;
    *) sed -n '2,7s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2; exit 2 ;;
  esac
done
exit "$rc"
