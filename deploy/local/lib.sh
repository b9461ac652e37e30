# shellcheck shell=bash
# Shared settings and helpers for the local infrastructure scripts: paths, logging, timing,
# wait/pid/daemon helpers and the infra lock. Each server's settings and start/stop/status
# functions live in lib/<server>.sh (postgres, kafka, temporal, temporal-test-server), which
# this file sources at the end, so sourcing lib.sh still gives a script everything.
#
# Sourced (never executed) by provision.sh, infra.sh, apps.sh and the other scripts.
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

# ------------------------------------------------------------ servers ------
# One file per server: its settings and its start/stop/status functions.
# shellcheck source=lib/postgres.sh
source "$DEPLOY_DIR/lib/postgres.sh"
# shellcheck source=lib/kafka.sh
source "$DEPLOY_DIR/lib/kafka.sh"
# shellcheck source=lib/temporal.sh
source "$DEPLOY_DIR/lib/temporal.sh"
# shellcheck source=lib/temporal-test-server.sh
source "$DEPLOY_DIR/lib/temporal-test-server.sh"
# shellcheck source=lib/zipkin.sh
source "$DEPLOY_DIR/lib/zipkin.sh"

# Node flags of an app process, for deploy/local/apps.sh and deploy/cluster/apps.sh.
# V8 lets garbage grow to near its heap limit (about 4 GB on these machines) before it works
# hard to collect it: the workflow worker, replaying evicted workflows while 10,000 projects
# started, reached 3.7 GB RSS with its cache capped at 1,000 workflows. Its heap is capped so it
# collects sooner: WORKFLOW_WORKER_HEAP_MB (640 by default); the worker sizes its cache of
# workflows from that limit (workflows/src/workflow-cache-size.ts).
app_node_flags() {
  if [[ $1 == workflows ]]; then echo "--max-old-space-size=${WORKFLOW_WORKER_HEAP_MB:-640}"; fi
}
