# shellcheck shell=bash
# Temporal dev server: settings and the temporal_* functions (start, stop, status).
#
# Sourced by ../lib.sh after the common paths and helpers; never executed or sourced alone.

# Variables defined here are used by the scripts that source lib.sh.
# shellcheck disable=SC2034

# ------------------------------------------------------------- temporal ----
TEMPORAL_HOST="${TEMPORAL_HOST:-127.0.0.1}"
TEMPORAL_PORT="${TEMPORAL_PORT:-7233}"
TEMPORAL_UI_PORT="${TEMPORAL_UI_PORT:-8233}"
# Derived, not overridable: it must always name the server started here.
export TEMPORAL_ADDRESS="$TEMPORAL_HOST:$TEMPORAL_PORT"
export TEMPORAL_NAMESPACE="${TEMPORAL_NAMESPACE:-default}"
# Tests run their workflows in a namespace of their own, so operators never see them in `default`.
TEMPORAL_TEST_NAMESPACE="${TEMPORAL_TEST_NAMESPACE:-cityworks-test}"
TEMPORAL_CLI_VERSION="${TEMPORAL_CLI_VERSION:-v1.5.1}"
TEMPORAL_BIN="$BIN_DIR/temporal"
TEMPORAL_DIR="$STATE/temporal"
TEMPORAL_DB="$TEMPORAL_DIR/temporal.db"
TEMPORAL_PID="$RUN_DIR/temporal.pid"
TEMPORAL_LOG="$LOG_DIR/temporal.log"
SEARCH_ATTRIBUTES_JSON="$ROOT/libs/contracts/src/search-attributes.json"

# Prints one "--search-attribute Name=Type" pair per line of the contracts
# file, so workflows can be started with the project's custom attributes.
temporal_search_attribute_args() {
  [[ -f $SEARCH_ATTRIBUTES_JSON ]] || return 0
  # shellcheck disable=SC2016 # JavaScript template literal, not shell
  node -e '
    const attrs = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    for (const [name, type] of Object.entries(attrs)) console.log(`--search-attribute\n${name}=${type}`);
  ' "$SEARCH_ATTRIBUTES_JSON"
}

temporal_pid() { live_pid "$TEMPORAL_PID" 'server start-dev'; }

temporal_ready() {
  "$TEMPORAL_BIN" operator namespace describe "$TEMPORAL_NAMESPACE" --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1
}

temporal_start() {
  ensure_dirs
  [[ -x $TEMPORAL_BIN ]] || die "temporal: CLI missing (run deploy/local/provision.sh)"
  local pid
  if pid=$(temporal_pid); then
    log "temporal: already running (pid $pid, $TEMPORAL_ADDRESS, UI http://$TEMPORAL_HOST:$TEMPORAL_UI_PORT)"
    return
  fi
  port_open "$TEMPORAL_HOST" "$TEMPORAL_PORT" && die "temporal: $TEMPORAL_HOST:$TEMPORAL_PORT is already taken by another process"
  mkdir -p "$TEMPORAL_DIR"
  local -a sa_args=()
  if [[ -f $SEARCH_ATTRIBUTES_JSON ]]; then
    mapfile -t sa_args < <(temporal_search_attribute_args)
    log "temporal: registering $(( ${#sa_args[@]} / 2 )) search attribute(s) from ${SEARCH_ATTRIBUTES_JSON#"$ROOT"/}"
  else
    log "temporal: ${SEARCH_ATTRIBUTES_JSON#"$ROOT"/} not found, starting without custom search attributes"
  fi
  local t0; t0=$(now_ms)
  log "temporal: starting dev server on $TEMPORAL_ADDRESS (UI :$TEMPORAL_UI_PORT, db ${TEMPORAL_DB#"$ROOT"/})"
  # --db-filename makes the dev server persist to SQLite instead of memory,
  # so workflows survive an infra-down/up cycle. SQLite's write-ahead log with synchronous=normal
  # (safe against a killed process, not against losing power) doubled the rate of workflow starts
  # on two cores (57 → 111 a second, scripts/bench timer-lateness on two throw-away servers).
  # Batch operations (an operator terminating or signalling many workflows by query, as the
  # benchmarks end theirs) run at up to 500 a second instead of the server's default 50: 61,000
  # terminations took 20 minutes at 50.
  spawn_daemon "$TEMPORAL_PID" "$TEMPORAL_LOG" "$TEMPORAL_BIN" server start-dev \
    --ip "$TEMPORAL_HOST" --port "$TEMPORAL_PORT" --ui-port "$TEMPORAL_UI_PORT" \
    --db-filename "$TEMPORAL_DB" --sqlite-pragma journal_mode=wal --sqlite-pragma synchronous=normal \
    --dynamic-config-value worker.batcherRPS=500 \
    --namespace "$TEMPORAL_NAMESPACE" --namespace "$TEMPORAL_TEST_NAMESPACE" --log-level warn \
    "${sa_args[@]}"
  pid=$(<"$TEMPORAL_PID")
  wait_for_port "$TEMPORAL_HOST" "$TEMPORAL_PORT" "$START_TIMEOUT" temporal "$pid" "$TEMPORAL_LOG"
  # The frontend port opens before the namespace is registered.
  local deadline=$(( $(date +%s) + START_TIMEOUT ))
  until temporal_ready; do
    pid_alive "$pid" || { tail -n 30 "$TEMPORAL_LOG" >&2; die "temporal exited during start-up"; }
    (( $(date +%s) < deadline )) || { tail -n 30 "$TEMPORAL_LOG" >&2; die "temporal: namespace $TEMPORAL_NAMESPACE not ready within ${START_TIMEOUT}s"; }
    sleep 0.3
  done
  temporal_ensure_search_attributes
  log "temporal: started in $(elapsed_since "$t0") (pid $pid, UI http://$TEMPORAL_HOST:$TEMPORAL_UI_PORT)"
}

# The dev server registers --search-attribute only for namespaces it creates; a database kept
# from an earlier version gets the attributes added since then here.
temporal_ensure_search_attributes() {
  [[ -f $SEARCH_ATTRIBUTES_JSON ]] || return 0
  local ns name type known
  for ns in "$TEMPORAL_NAMESPACE" "$TEMPORAL_TEST_NAMESPACE"; do
    known=$("$TEMPORAL_BIN" operator search-attribute list --namespace "$ns" --address "$TEMPORAL_ADDRESS" 2>/dev/null | awk '{print $1}')
    while read -r name type; do
      grep -qx "$name" <<<"$known" && continue
      "$TEMPORAL_BIN" operator search-attribute create --namespace "$ns" --address "$TEMPORAL_ADDRESS" --name "$name" --type "$type" >/dev/null \
        && log "temporal: search attribute $name ($type) added to $ns"
    done < <(node -e 'for (const [n, t] of Object.entries(require(process.argv[1]))) console.log(n + " " + t)' "$SEARCH_ATTRIBUTES_JSON")
  done
}

temporal_stop() {
  local pid
  if ! pid=$(temporal_pid); then
    log "temporal: already stopped"
    rm -f "$TEMPORAL_PID"
    return
  fi
  local t0; t0=$(now_ms)
  log "temporal: stopping (pid $pid)"
  # SIGTERM lets the dev server close SQLite cleanly.
  stop_pid "$pid" temporal
  rm -f "$TEMPORAL_PID"
  log "temporal: stopped in $(elapsed_since "$t0")"
}

temporal_status() {
  local pid
  if pid=$(temporal_pid); then
    printf '%-10s running  %s  pid %s  ui http://%s:%s\n' temporal "$TEMPORAL_ADDRESS" "$pid" "$TEMPORAL_HOST" "$TEMPORAL_UI_PORT"
  else
    printf '%-10s stopped  %s\n' temporal "$TEMPORAL_ADDRESS"; return 3
  fi
}
