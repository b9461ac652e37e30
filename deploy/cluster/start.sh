#!/usr/bin/env bash
# `npm run start:cluster`: the cluster profile beside the dev stack — provisions what is missing,
# starts three Kafka brokers, the Temporal server on PostgreSQL and its UI, Zipkin (traces; not
# with TRACING=off), two replicas of every service and of the workflow worker, and nginx in front;
# waits until every service answers /health through the balancer and prints the addresses. Each
# step is skipped when done.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
t0=$(now_ms)

port_open "$PGHOST" "$PGPORT" \
  || die "PostgreSQL is not answering on $PGHOST:$PGPORT; the cluster uses the dev stack's (npm start, or bash deploy/local/infra.sh start postgres)"
bash deploy/cluster/provision.sh
bash deploy/cluster/kafka.sh start
KAFKA_BROKERS=$CLUSTER_KAFKA_BROKERS KAFKA_REPLICATION_FACTOR=3 node deploy/local/create-topics.js
bash deploy/cluster/temporal.sh start server ui
# before the replicas, so their first spans have somewhere to go
[[ $CLUSTER_TRACING == zipkin ]] && bash deploy/cluster/zipkin.sh start
# With every replica running, a build would reach none of them (restart one to pick it up) and
# the demo city is loaded already: both are skipped, so a second start takes seconds.
if bash deploy/cluster/apps.sh status all >/dev/null; then
  log "apps: every replica running; build and demo city skipped"
  bash deploy/cluster/nginx.sh start
else
  bash deploy/local/build.sh
  bash deploy/local/dev-keys.sh
  cluster_ensure_database "$CLUSTER_APP_DB"
  bash deploy/cluster/apps.sh start all
  bash deploy/cluster/nginx.sh start
  bash deploy/cluster/apps.sh wait all
  # the demo city goes into the cluster's own database, through the catalog's outbox
  (cluster_app_env && bash deploy/local/load-demo.sh)
fi
bash deploy/cluster/wait-balancer.sh

cat <<TXT

[cluster] cityworks cluster profile is up in $(elapsed_since "$t0")
  catalog           http://$CLUSTER_HOST:4001/docs   (replicas :4101 :4201)
  approval          http://$CLUSTER_HOST:4002/docs   (replicas :4102 :4202)
  supervision       http://$CLUSTER_HOST:4003/docs   (replicas :4103 :4203)
  credit            http://$CLUSTER_HOST:4004/docs   (replicas :4104 :4204)
  complaints        http://$CLUSTER_HOST:4005/docs   (replicas :4105 :4205)
  Temporal frontend $CLUSTER_TEMPORAL_ADDRESS (PostgreSQL: $TEMPORAL_CLUSTER_DB, $TEMPORAL_CLUSTER_VISIBILITY_DB)
  Temporal Web UI   $( [[ -x $TEMPORAL_UI_BIN ]] && echo "http://$CLUSTER_HOST:$CLUSTER_TEMPORAL_UI_PORT" || echo "not built (see deploy/cluster/provision.sh)")
  Kafka brokers     $CLUSTER_KAFKA_BROKERS
  traces (Zipkin)   $([[ $CLUSTER_TRACING == zipkin ]] && echo "http://$ZIPKIN_HOST:$ZIPKIN_PORT/zipkin" || echo "off (TRACING=$CLUSTER_TRACING)")
  database          $CLUSTER_APP_DB on $PGHOST:$PGPORT
  logs              ${LOG_DIR#"$ROOT"/}/
  stop with         npm run stop:cluster
TXT
