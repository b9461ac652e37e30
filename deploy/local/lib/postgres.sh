# shellcheck shell=bash
# PostgreSQL: settings and the pg_* functions (init, start, stop, status, databases).
#
# Sourced by ../lib.sh after the common paths and helpers; never executed or sourced alone.

# Variables defined here are used by the scripts that source lib.sh.
# shellcheck disable=SC2034

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

# An extra database owned by the application role (tests use their own, cityworks_test).
pg_ensure_database() {
  pg_admin_psql -v u="$PGUSER" -v d="$1" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'d', :'u')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'d') \gexec
SQL
}
