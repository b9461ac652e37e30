# shellcheck shell=bash
# Shared settings and helpers for the local infrastructure scripts.
#
# Sourced (never executed) by provision.sh, infra.sh and the thin wrappers.
# Everything lives under $ROOT/.local (git-ignored) so a checkout can be
# thrown away / re-created without touching the rest of the machine.
# Hosts, ports, credentials and timeouts can be overridden from the
# environment, so a second checkout (or a CI job running next to a
# developer's stack) can move its servers to other ports.

# Variables defined here are used by the scripts that source this file.
# shellcheck disable=SC2034

set -euo pipefail

# ---------------------------------------------------------------- paths ----
# Derived from this file's location so the repo can be cloned anywhere.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DEPLOY_DIR="$ROOT/deploy/local"
LOCAL="$ROOT/.local"
BIN_DIR="$LOCAL/bin"
# Where one set of servers keeps its data, logs and pids. Installed software stays in .local;
# fault tests run a second, throw-away set under another state dir and other ports.
STATE="${CITYWORKS_STATE_DIR:-$LOCAL}"
LOG_DIR="$STATE/logs"
RUN_DIR="$STATE/run"

# ------------------------------------------------------------- postgres ----
# 5433, not 5432: a distro-managed cluster may already own the default port.
export PGHOST="${PGHOST:-127.0.0.1}"
export PGPORT="${PGPORT:-5433}"
export PGUSER="${PGUSER:-cityworks}"
export PGPASSWORD="${PGPASSWORD:-cityworks}"
export PGDATABASE="${PGDATABASE:-cityworks}"
PG_DIR="$STATE/pg"
PG_DATA="$PG_DIR/data"
PG_SOCKET_DIR="$PG_DIR/run"
PG_LOG="$LOG_DIR/postgres.log"
PG_MAX_CONNECTIONS="${PG_MAX_CONNECTIONS:-200}"

# ---------------------------------------------------------------- kafka ----
KAFKA_HOST="${KAFKA_HOST:-127.0.0.1}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
# Derived, not overridable: it must always name the broker started here.
export KAFKA_BROKERS="$KAFKA_HOST:$KAFKA_PORT"
KAFKA_HEAP="${KAFKA_HEAP:-512m}"
KAFKA_LIBS="$LOCAL/kafka/libs"
KAFKA_DIR="$STATE/kafka"
KAFKA_DATA="$KAFKA_DIR/data"
KAFKA_CONFIG="$KAFKA_DIR/server.properties"
KAFKA_LOG4J="$KAFKA_DIR/log4j2.xml"
KAFKA_PID="$RUN_DIR/kafka.pid"
KAFKA_LOG="$LOG_DIR/kafka.log"

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

# The Java time-skipping test server is not a long-running service: the
# Temporal TS SDK spawns it per test run via this wrapper.
TEST_SERVER_DIR="$LOCAL/temporal-test-server"
TEST_SERVER_LIBS="$TEST_SERVER_DIR/libs"
TEST_SERVER_BIN="$BIN_DIR/temporal-test-server"
export TEMPORAL_TEST_SERVER_PATH="${TEMPORAL_TEST_SERVER_PATH:-$TEST_SERVER_BIN}"

# Start-up timeouts (seconds). Generous because a 2-core CI box may be busy
# compiling the monorepo while the servers boot.
START_TIMEOUT="${INFRA_START_TIMEOUT:-90}"
STOP_TIMEOUT="${INFRA_STOP_TIMEOUT:-30}"

# -------------------------------------------------------------- helpers ----
log() { printf '[infra] %s\n' "$*"; }
warn() { printf '[infra] WARNING: %s\n' "$*" >&2; }
die() { printf '[infra] ERROR: %s\n' "$*" >&2; exit 1; }

now_ms() { date +%s%3N; }
# Prints "12.3s" since the given now_ms value, for the timing lines.
elapsed_since() { local t=$(( $(now_ms) - $1 )); printf '%d.%01ds' $((t / 1000)) $(((t % 1000) / 100)); }

ensure_dirs() { mkdir -p "$LOCAL" "$STATE" "$LOG_DIR" "$RUN_DIR" "$BIN_DIR"; }

# True when something accepts TCP connections on host:port. Uses bash's
# /dev/tcp so no netcat/ss is needed on a minimal box.
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# kill -0 also succeeds on a zombie. Our daemons are re-parented to pid 1,
# and a container's init may reap them seconds late (observed here), so a
# server that just died must not look "running".
pid_alive() {
  local st
  st=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1) || return 1
  [[ -n $st && $st != Z ]]
}

# wait_for_port host port timeout name [pid] [logfile]
# With a pid, gives up early (and shows the log tail) if that process dies,
# instead of sitting out the whole timeout on a server that crashed at boot.
wait_for_port() {
  local host=$1 port=$2 timeout=$3 name=$4 pid=${5:-} logfile=${6:-}
  local deadline=$(( $(date +%s) + timeout ))
  until port_open "$host" "$port"; do
    if [[ -n $pid ]] && ! pid_alive "$pid"; then
      [[ -n $logfile && -f $logfile ]] && tail -n 30 "$logfile" >&2
      die "$name exited during start-up (see ${logfile:-its log})"
    fi
    if (( $(date +%s) >= deadline )); then
      [[ -n $logfile && -f $logfile ]] && tail -n 30 "$logfile" >&2
      die "$name did not open $host:$port within ${timeout}s"
    fi
    sleep 0.2
  done
}

# Reads a pid file and prints the pid only if that process is still alive
# and still the program we started (pids get recycled after a reboot or a
# crash, and a stale file must not make us signal an unrelated process).
live_pid() {
  local pidfile=$1 pattern=$2 pid
  [[ -f $pidfile ]] || return 1
  pid=$(<"$pidfile")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  pid_alive "$pid" || return 1
  grep -q -- "$pattern" < <(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
  printf '%s\n' "$pid"
}

# Starts a long-running server detached from this shell: setsid gives it its
# own session (so a Ctrl-C or the CI step ending does not reach it), stdin is
# /dev/null (CI has no stdin), and fd 9 (our lock) is closed so the server
# does not keep the infra lock held for its whole life.
spawn_daemon() {
  local pidfile=$1 logfile=$2; shift 2
  printf '\n===== %s starting: %s\n' "$(date -Is)" "$*" >>"$logfile"
  setsid nohup "$@" </dev/null >>"$logfile" 2>&1 9>&- &
  echo $! >"$pidfile"
}

# Sends SIGTERM, waits for a clean shutdown, escalates to SIGKILL.
stop_pid() {
  local pid=$1 name=$2 waited=0
  kill -TERM "$pid" 2>/dev/null || return 0
  while pid_alive "$pid"; do
    if (( waited >= STOP_TIMEOUT * 5 )); then
      warn "$name (pid $pid) ignored SIGTERM for ${STOP_TIMEOUT}s, sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.2; waited=$((waited + 1))
  done
}

# Serialises provision/start/stop between concurrent invocations (two test
# suites calling infra-up at once would otherwise both initdb / both build).
# Re-entrant through an exported flag, because infra.sh calls provision.sh.
with_infra_lock() {
  if [[ ${CITYWORKS_INFRA_LOCKED:-} == 1 ]]; then "$@"; return; fi
  ensure_dirs
  exec 9>"$RUN_DIR/infra.lock"
  if ! flock -n 9; then
    log "another infra script holds $RUN_DIR/infra.lock, waiting"
    flock 9
  fi
  export CITYWORKS_INFRA_LOCKED=1
  "$@"
}

# ------------------------------------------------------------ postgres -----
# bin dir of the newest PostgreSQL server installed from the distro packages.
pg_newest_bin() {
  { find /usr/lib/postgresql -mindepth 3 -maxdepth 3 -path '*/bin/initdb' 2>/dev/null || true; } \
    | sort -V | tail -n 1 | xargs -r dirname
}

# Newest installed server version, unless the data dir was created by a
# specific one (a cluster can only be started by its own major version).
pg_bin_dir() {
  local v
  if [[ -f $PG_DATA/PG_VERSION ]]; then
    v=$(<"$PG_DATA/PG_VERSION")
    [[ -x /usr/lib/postgresql/$v/bin/pg_ctl ]] && { echo "/usr/lib/postgresql/$v/bin"; return; }
    die "cluster in $PG_DATA was created by PostgreSQL $v, which is not installed"
  fi
  v=$(pg_newest_bin)
  [[ -n $v ]] || return 1
  echo "$v"
}

# PostgreSQL refuses to run as root, so as root we act as the distro's
# `postgres` account; an ordinary user simply runs it as themselves.
# `cd /` avoids "could not change directory" noise when root's cwd is not
# readable by postgres.
as_pg() {
  if [[ $(id -u) == 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# Superuser psql over the private unix socket (trust auth, socket dir 0700).
pg_admin_psql() {
  as_pg "$(pg_bin_dir)/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKET_DIR" -p "$PGPORT" -U postgres -d postgres "$@"
}

pg_pid() { [[ -f $PG_DATA/postmaster.pid ]] && head -n 1 "$PG_DATA/postmaster.pid"; }

# Not `pg_ctl status`: it uses kill -0 and reports a zombie postmaster as
# running (see pid_alive).
pg_is_running() {
  local pid
  pid=$(pg_pid 2>/dev/null) && [[ $pid =~ ^[0-9]+$ ]] && pid_alive "$pid"
}

# The postmaster refuses to start while the pid in a leftover postmaster.pid
# still answers kill -0, which a not-yet-reaped zombie does. Give init a
# moment to reap it after a crash / kill -9.
pg_wait_for_zombie() {
  local pid i
  pid=$(pg_pid 2>/dev/null) && [[ $pid =~ ^[0-9]+$ ]] || return 0
  for (( i = 0; i < 100; i++ )); do
    if [[ ! -e /proc/$pid ]] || pid_alive "$pid"; then break; fi
    if (( i == 0 )); then log "postgres: waiting for the previous postmaster (pid $pid) to be reaped"; fi
    sleep 0.2
  done
}

# Postgres (as the postgres user) must be able to walk down to its data dir;
# a repo under e.g. /root would otherwise make initdb fail with EACCES.
pg_make_traversable() {
  # Top-down, because a child only looks untraversable while its parent is.
  local d=$PG_DIR path=()
  while [[ $d != / ]]; do d=$(dirname "$d"); path=("$d" "${path[@]}"); done
  for d in "${path[@]}"; do
    if ! as_pg test -x "$d"; then
      log "postgres: granting o+x on $d so the postgres user can reach its data dir"
      chmod o+x "$d"
    fi
  done
}

pg_init() {
  local bin; bin=$(pg_bin_dir) || die "PostgreSQL is not installed (run deploy/local/provision.sh)"
  if [[ -f $PG_DATA/PG_VERSION ]]; then
    log "postgres: already initialised ($PG_DATA)"
    return
  fi
  local t0; t0=$(now_ms)
  log "postgres: initialising cluster in $PG_DATA"
  mkdir -p "$PG_DATA" "$PG_SOCKET_DIR"
  touch "$PG_LOG"
  if [[ $(id -u) == 0 ]]; then
    chown postgres:postgres "$PG_DIR" "$PG_DATA" "$PG_SOCKET_DIR" "$PG_LOG"
    pg_make_traversable
  fi
  chmod 700 "$PG_DATA" "$PG_SOCKET_DIR"
  # Local socket = trust: only postgres/root can enter the 0700 socket dir.
  # TCP = scram: the app and tests connect with the cityworks password.
  # C.UTF-8 exists on every Debian/Ubuntu, unlike zh_CN.UTF-8.
  as_pg "$bin/initdb" -D "$PG_DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >>"$PG_LOG" 2>&1 \
    || { tail -n 20 "$PG_LOG" >&2; die "postgres: initdb failed"; }
  # Settings that belong to the cluster; host/port/socket are passed at
  # start-up instead so PGHOST/PGPORT overrides apply without a re-init.
  cat >>"$PG_DATA/postgresql.conf" <<EOF

# ---- added by deploy/local (cityworks) ----
# Each Nest service keeps a pool and the test suites add their own.
max_connections = $PG_MAX_CONNECTIONS
EOF
  log "postgres: initialised in $(elapsed_since "$t0")"
}

pg_ensure_role_and_db() {
  # CREATE ROLE/DATABASE have no IF NOT EXISTS, hence \gexec on a SELECT.
  # The password and flags are re-applied each time so a changed PGPASSWORD
  # in the environment wins (idempotent converge rather than create-once).
  pg_admin_psql -v u="$PGUSER" -v p="$PGPASSWORD" -v d="$PGDATABASE" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN CREATEDB PASSWORD %L', :'u', :'p')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'u') \gexec
SELECT format('ALTER ROLE %I LOGIN CREATEDB PASSWORD %L', :'u', :'p') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'d', :'u')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'d') \gexec
SQL
}

pg_start() {
  ensure_dirs
  pg_init
  local bin; bin=$(pg_bin_dir)
  if pg_is_running; then
    log "postgres: already running (pid $(pg_pid), $PGHOST:$PGPORT)"
  else
    port_open "$PGHOST" "$PGPORT" && die "postgres: $PGHOST:$PGPORT is already taken by another process"
    pg_wait_for_zombie
    local t0; t0=$(now_ms)
    log "postgres: starting on $PGHOST:$PGPORT"
    [[ $(id -u) == 0 ]] && { touch "$PG_LOG"; chown postgres:postgres "$PG_LOG"; }
    # pg_ctl -w waits until the server accepts connections; it also copes
    # with a stale postmaster.pid left behind by a kill -9 or a reboot.
    # Its own complaints go to the server log, which is shown on failure.
    # shellcheck disable=SC2094
    as_pg "$bin/pg_ctl" start -D "$PG_DATA" -l "$PG_LOG" -w -t "$START_TIMEOUT" \
      -o "-c listen_addresses=$PGHOST -p $PGPORT -c unix_socket_directories=$PG_SOCKET_DIR" \
      >/dev/null 2>>"$PG_LOG" 9>&- || { tail -n 30 "$PG_LOG" >&2; die "postgres: failed to start"; }
    wait_for_port "$PGHOST" "$PGPORT" "$START_TIMEOUT" postgres
    log "postgres: started in $(elapsed_since "$t0") (pid $(pg_pid))"
  fi
  pg_ensure_role_and_db
  # Prove the credentials the app will use actually work over TCP.
  "$bin/psql" -X -q -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$PGDATABASE" -tAc 'SELECT 1' >/dev/null \
    || die "postgres: cannot log in as $PGUSER over TCP"
  log "postgres: ready (role $PGUSER, database $PGDATABASE)"
}

pg_stop() {
  if ! pg_is_running; then
    log "postgres: already stopped"
    return
  fi
  local t0; t0=$(now_ms)
  log "postgres: stopping"
  # fast = roll back open transactions and checkpoint; no crash recovery next start.
  as_pg "$(pg_bin_dir)/pg_ctl" stop -D "$PG_DATA" -m fast -w -t "$STOP_TIMEOUT" >/dev/null
  log "postgres: stopped in $(elapsed_since "$t0")"
}

pg_status() {
  if pg_is_running; then
    printf '%-10s running  %s:%s  pid %s\n' postgres "$PGHOST" "$PGPORT" "$(pg_pid)"
  else
    printf '%-10s stopped  %s:%s\n' postgres "$PGHOST" "$PGPORT"; return 3
  fi
}

# --------------------------------------------------------------- kafka -----
kafka_java() { java -cp "$KAFKA_LIBS/*" "$@"; }

kafka_write_config() {
  mkdir -p "$KAFKA_DIR" "$KAFKA_DATA"
  # Rewritten on every start so port overrides take effect; identity
  # (node.id, log.dirs) never changes, so the formatted storage stays valid.
  cat >"$KAFKA_CONFIG" <<EOF
# Generated by deploy/local/lib.sh -- edits are overwritten on start.
# Single-node KRaft: this process is both the broker and the only controller.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT,CONTROLLER://$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$KAFKA_DATA

# One broker: every internal topic must be satisfiable with one replica,
# otherwise consumer groups / transactions hang waiting for replicas.
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
# Fewer internal partitions than the production default (50): creating them
# is what makes the first consumer-group join slow on a fresh broker.
offsets.topic.num.partitions=10
transaction.state.log.num.partitions=10

# Topics are created explicitly by the project's topic script, so a typo in
# a topic name fails loudly instead of silently creating a new topic.
auto.create.topics.enable=false
num.partitions=3
# Tests start consumers and expect them to get partitions immediately.
group.initial.rebalance.delay.ms=0
EOF
  # Plain console logging: the daemon's stdout is appended to $KAFKA_LOG.
  cat >"$KAFKA_LOG4J" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by deploy/local/lib.sh -->
<!-- shutdownHook=disable: keep logging through the broker's own shutdown hook -->
<Configuration status="warn" shutdownHook="disable">
  <Appenders>
    <Console name="stdout" target="SYSTEM_OUT">
      <PatternLayout pattern="[%d] %p %m (%c)%n"/>
    </Console>
  </Appenders>
  <Loggers>
    <Root level="info"><AppenderRef ref="stdout"/></Root>
    <!-- per-request / per-partition chatter drowns the useful lines -->
    <Logger name="kafka.request.logger" level="warn"/>
    <Logger name="state.change.logger" level="warn"/>
    <Logger name="org.apache.kafka.clients" level="warn"/>
  </Loggers>
</Configuration>
EOF
}

kafka_format() {
  if [[ -f $KAFKA_DATA/meta.properties ]]; then
    log "kafka: storage already formatted"
    return
  fi
  local t0 cid; t0=$(now_ms)
  cid=$(kafka_java kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
  [[ -n $cid ]] || die "kafka: could not generate a cluster id"
  log "kafka: formatting storage (cluster id $cid)"
  kafka_java -Dlog4j2.configurationFile="$KAFKA_LOG4J" kafka.tools.StorageTool format \
    -t "$cid" -c "$KAFKA_CONFIG" >>"$KAFKA_LOG" 2>&1 \
    || { tail -n 20 "$KAFKA_LOG" >&2; die "kafka: storage format failed"; }
  echo "$cid" >"$KAFKA_DIR/cluster-id"
  log "kafka: formatted in $(elapsed_since "$t0")"
}

kafka_pid() { live_pid "$KAFKA_PID" kafka.Kafka; }

kafka_start() {
  ensure_dirs
  [[ -f $KAFKA_LIBS/.complete ]] || die "kafka: libraries missing (run deploy/local/provision.sh)"
  local pid
  if pid=$(kafka_pid); then
    log "kafka: already running (pid $pid, $KAFKA_BROKERS)"
    return
  fi
  port_open "$KAFKA_HOST" "$KAFKA_PORT" && die "kafka: $KAFKA_HOST:$KAFKA_PORT is already taken by another process"
  kafka_write_config
  kafka_format
  local t0 offset; t0=$(now_ms)
  touch "$KAFKA_LOG"
  offset=$(stat -c %s "$KAFKA_LOG")
  log "kafka: starting on $KAFKA_BROKERS (controller :$KAFKA_CONTROLLER_PORT)"
  # ExitOnOutOfMemoryError: a dead broker is easier to notice than a wedged one.
  spawn_daemon "$KAFKA_PID" "$KAFKA_LOG" java -Xms128m "-Xmx$KAFKA_HEAP" \
    -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$KAFKA_LOG4J" \
    -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_CONFIG"
  pid=$(<"$KAFKA_PID")
  wait_for_port "$KAFKA_HOST" "$KAFKA_PORT" "$START_TIMEOUT" kafka "$pid" "$KAFKA_LOG"
  # The listener binds before the broker has caught up with the metadata log
  # and registered itself; clients connecting in that window get errors.
  # This line is logged once the broker is fully up.
  local deadline=$(( $(date +%s) + START_TIMEOUT ))
  # (grep reads a process substitution, not a pipe: with pipefail, tail's
  # SIGPIPE after grep -q matched would read as "not found".)
  until grep -q 'Kafka Server started' < <(tail -c +"$((offset + 1))" "$KAFKA_LOG"); do
    pid_alive "$pid" || { tail -n 30 "$KAFKA_LOG" >&2; die "kafka exited during start-up"; }
    (( $(date +%s) < deadline )) || { tail -n 30 "$KAFKA_LOG" >&2; die "kafka: not ready within ${START_TIMEOUT}s"; }
    sleep 0.2
  done
  log "kafka: started in $(elapsed_since "$t0") (pid $pid)"
}

kafka_stop() {
  local pid
  if ! pid=$(kafka_pid); then
    log "kafka: already stopped"
    rm -f "$KAFKA_PID"
    return
  fi
  local t0; t0=$(now_ms)
  log "kafka: stopping (pid $pid)"
  # SIGTERM triggers Kafka's controlled shutdown, which flushes logs and
  # avoids log recovery on the next start.
  stop_pid "$pid" kafka
  rm -f "$KAFKA_PID"
  log "kafka: stopped in $(elapsed_since "$t0")"
}

kafka_status() {
  local pid
  if pid=$(kafka_pid); then
    printf '%-10s running  %s  pid %s\n' kafka "$KAFKA_BROKERS" "$pid"
  else
    printf '%-10s stopped  %s\n' kafka "$KAFKA_BROKERS"; return 3
  fi
}

# ------------------------------------------------------------ temporal -----
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
  # so workflows survive an infra-down/up cycle.
  spawn_daemon "$TEMPORAL_PID" "$TEMPORAL_LOG" "$TEMPORAL_BIN" server start-dev \
    --ip "$TEMPORAL_HOST" --port "$TEMPORAL_PORT" --ui-port "$TEMPORAL_UI_PORT" \
    --db-filename "$TEMPORAL_DB" --namespace "$TEMPORAL_NAMESPACE" --namespace "$TEMPORAL_TEST_NAMESPACE" --log-level warn \
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
  log "temporal: started in $(elapsed_since "$t0") (pid $pid, UI http://$TEMPORAL_HOST:$TEMPORAL_UI_PORT)"
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

# An extra database owned by the application role (tests use their own, cityworks_test).
pg_ensure_database() {
  pg_admin_psql -v u="$PGUSER" -v d="$1" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'d', :'u')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'d') \gexec
SQL
}
