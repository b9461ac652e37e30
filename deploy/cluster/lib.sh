# shellcheck shell=bash
# Settings and helpers of the cluster profile (`npm run start:cluster`): the Temporal server on
# PostgreSQL, three Kafka brokers, two replicas of every service and of the workflow worker, and
# nginx in front of the services. It runs beside the dev stack of `npm start`, so every port here
# differs from deploy/local's, and its data, logs, pids and configs live in .local/cluster.
#
# Sourced by the scripts in deploy/cluster. It sources deploy/local/lib.sh for the common helpers
# (log, spawn_daemon, live_pid, stop_pid, wait_for_port …) with CITYWORKS_STATE_DIR pointed at
# .local/cluster, so LOG_DIR and RUN_DIR are the cluster's; installed software stays in .local.

# Variables defined here are used by the scripts that source this file.
# shellcheck disable=SC2034

export CITYWORKS_STATE_DIR
CITYWORKS_STATE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.local/cluster"
# shellcheck source=../local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../local/lib.sh"
CLUSTER_DIR="$ROOT/deploy/cluster"
CLUSTER_HOST=127.0.0.1
# The cluster's start-up is slower than the dev stack's (three JVMs, a Temporal server running its
# own schema checks and ten Node processes on two cores).
START_TIMEOUT="${CLUSTER_START_TIMEOUT:-180}"

# ------------------------------------------------------------- postgres ----
# The dev stack's PostgreSQL (127.0.0.1:5433), not a second one: the cluster needs PostgreSQL to
# be PostgreSQL, not to be a second server; in production this is a managed PostgreSQL.
CLUSTER_PG_URL_BASE="postgres://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT"
CLUSTER_APP_DB="${CLUSTER_APP_DB:-cityworks_cluster}"
TEMPORAL_CLUSTER_DB=temporal_cluster
TEMPORAL_CLUSTER_VISIBILITY_DB=temporal_cluster_visibility

# As the application role over TCP (it has CREATEDB), so the cluster works whoever started the
# dev stack's PostgreSQL and needs none of its superuser socket.
cluster_psql() { psql -X -q -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" "$@"; }

cluster_ensure_database() {
  local db=$1
  if [[ $(cluster_psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'") == 1 ]]; then return; fi
  cluster_psql -d postgres -c "CREATE DATABASE \"$db\""
  log "postgres: created database $db"
}

# ---------------------------------------------------------------- kafka ----
CLUSTER_KAFKA_PORTS=(19092 19093 19094)
CLUSTER_KAFKA_CONTROLLER_PORTS=(19192 19193 19194)
CLUSTER_KAFKA_BROKERS="$CLUSTER_HOST:19092,$CLUSTER_HOST:19093,$CLUSTER_HOST:19094"
CLUSTER_KAFKA_DIR="$STATE/kafka"
CLUSTER_KAFKA_HEAP="${CLUSTER_KAFKA_HEAP:-384m}"

# ------------------------------------------------------------- temporal ----
TEMPORAL_SERVER_VERSION=v1.29.1
TEMPORAL_SERVER_BIN="$BIN_DIR/temporal-server"
TEMPORAL_SQL_TOOL_BIN="$BIN_DIR/temporal-sql-tool"
TEMPORAL_UI_VERSION=v2.42.1
TEMPORAL_UI_BIN="$BIN_DIR/temporal-ui-server"
CLUSTER_TEMPORAL_PORT=17233
CLUSTER_TEMPORAL_ADDRESS="$CLUSTER_HOST:$CLUSTER_TEMPORAL_PORT"
CLUSTER_TEMPORAL_UI_PORT=18233
CLUSTER_TEMPORAL_DIR="$STATE/temporal"
CLUSTER_TEMPORAL_PID="$RUN_DIR/temporal-server.pid"
CLUSTER_TEMPORAL_LOG="$LOG_DIR/temporal-server.log"
CLUSTER_TEMPORAL_UI_PID="$RUN_DIR/temporal-ui.pid"
CLUSTER_TEMPORAL_UI_LOG="$LOG_DIR/temporal-ui.log"

# ----------------------------------------------------------------- apps ----
# name:balancer port; replica r of a service listens on 4<r><last two digits>, e.g. approval
# 4102 and 4202 behind 4002.
CLUSTER_APPS=(catalog:4001 approval:4002 supervision:4003 credit:4004 complaints:4005 workflows:)
CLUSTER_REPLICAS=(1 2)
replica_port() { local lb=$1 r=$2; echo $((4000 + r * 100 + lb % 100)); }

# ---------------------------------------------------------------- nginx ----
NGINX_DIR="$STATE/nginx"
NGINX_CONF="$NGINX_DIR/nginx.conf"
NGINX_PID="$RUN_DIR/nginx.pid"
NGINX_LOG="$LOG_DIR/nginx-error.log"

# --------------------------------------------------------------- zipkin ----
# The trace UI (ADR 0024), on by default here: every replica sends its spans to the cluster's own
# Zipkin, beside the dev stack's (9411). TRACING=off npm run start:cluster runs without it.
CLUSTER_TRACING="${TRACING:-zipkin}"
ZIPKIN_PORT="${CLUSTER_ZIPKIN_PORT:-19411}"

# The environment every replica runs in.
cluster_app_env() {
  export DATABASE_URL="$CLUSTER_PG_URL_BASE/$CLUSTER_APP_DB"
  # Ten replicas share the dev stack's max_connections (200) with it and the Temporal server.
  export DATABASE_POOL_SIZE="${CLUSTER_DATABASE_POOL_SIZE:-4}"
  export KAFKA_BROKERS="$CLUSTER_KAFKA_BROKERS"
  export TEMPORAL_ADDRESS="$CLUSTER_TEMPORAL_ADDRESS"
  export TEMPORAL_NAMESPACE=default
  # nginx on loopback names the client in X-Forwarded-For; without this every request would come
  # from nginx and the public endpoints' per-address limit would count the city as one client
  export TRUST_PROXY="${TRUST_PROXY:-loopback}"
  export TRACING="$CLUSTER_TRACING"
  export ZIPKIN_URL="http://$ZIPKIN_HOST:$ZIPKIN_PORT/api/v2/spans"
}
