# shellcheck shell=bash
# Zipkin (the trace UI, ADR 0024): settings and the zipkin_* functions (start, stop, status).
# One jar from Maven Central (io.zipkin:zipkin-server, classifier exec), spans kept in memory.
#
# Sourced by ../lib.sh after the common paths and helpers; never executed or sourced alone.

# Variables defined here are used by the scripts that source lib.sh.
# shellcheck disable=SC2034

# --------------------------------------------------------------- zipkin ----
ZIPKIN_VERSION=3.4.2
ZIPKIN_HOST="${ZIPKIN_HOST:-127.0.0.1}"
ZIPKIN_PORT="${ZIPKIN_PORT:-9411}"
ZIPKIN_HEAP="${ZIPKIN_HEAP:-256m}"
ZIPKIN_JAR="$LOCAL/zipkin/zipkin-server-$ZIPKIN_VERSION-exec.jar"
ZIPKIN_PID="$RUN_DIR/zipkin.pid"
ZIPKIN_LOG="$LOG_DIR/zipkin.log"

zipkin_pid() { live_pid "$ZIPKIN_PID" zipkin-server; }

zipkin_start() {
  ensure_dirs
  [[ -f $ZIPKIN_JAR ]] || die "zipkin: $ZIPKIN_JAR missing (run deploy/local/provision.sh zipkin)"
  local pid
  if pid=$(zipkin_pid); then
    log "zipkin: already running (pid $pid, http://$ZIPKIN_HOST:$ZIPKIN_PORT/zipkin)"
    return
  fi
  port_open "$ZIPKIN_HOST" "$ZIPKIN_PORT" && die "zipkin: $ZIPKIN_HOST:$ZIPKIN_PORT is already taken by another process"
  local t0; t0=$(now_ms)
  log "zipkin: starting on http://$ZIPKIN_HOST:$ZIPKIN_PORT/zipkin (spans in memory)"
  # in-memory storage (the default) holds the latest 500,000 spans: enough to look at what just
  # happened; a production setup points Zipkin at Elasticsearch or Cassandra instead
  spawn_daemon "$ZIPKIN_PID" "$ZIPKIN_LOG" java -Xms64m "-Xmx$ZIPKIN_HEAP" -XX:+ExitOnOutOfMemoryError \
    -jar "$ZIPKIN_JAR" --server.address="$ZIPKIN_HOST" --server.port="$ZIPKIN_PORT"
  pid=$(<"$ZIPKIN_PID")
  wait_for_port "$ZIPKIN_HOST" "$ZIPKIN_PORT" "$START_TIMEOUT" zipkin "$pid" "$ZIPKIN_LOG"
  local deadline=$(( $(date +%s) + START_TIMEOUT ))
  until curl -fsS "http://$ZIPKIN_HOST:$ZIPKIN_PORT/health" 2>/dev/null | grep -q '"UP"'; do
    (( $(date +%s) < deadline )) || die "zipkin: not healthy within ${START_TIMEOUT}s (see ${ZIPKIN_LOG#"$ROOT"/})"
    sleep 0.3
  done
  log "zipkin: up in $(elapsed_since "$t0")"
}

zipkin_stop() {
  local pid
  if ! pid=$(zipkin_pid); then
    log "zipkin: already stopped"
    rm -f "$ZIPKIN_PID"
    return
  fi
  log "zipkin: stopping (pid $pid)"
  stop_pid "$pid" zipkin
  rm -f "$ZIPKIN_PID"
  log "zipkin: stopped"
}

zipkin_status() {
  local pid
  if pid=$(zipkin_pid); then
    printf '%-10s running  http://%s:%s/zipkin  pid %s\n' zipkin "$ZIPKIN_HOST" "$ZIPKIN_PORT" "$pid"
  else
    printf '%-10s stopped  http://%s:%s/zipkin\n' zipkin "$ZIPKIN_HOST" "$ZIPKIN_PORT"; return 3
  fi
}
