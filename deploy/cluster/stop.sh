#!/usr/bin/env bash
# `npm run stop:cluster`: stops the balancer, the replicas, Zipkin, Temporal and the brokers of the
# cluster profile. Data stays (.local/cluster, and the cluster's databases on the dev stack's
# PostgreSQL, which keeps running).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
bash deploy/cluster/nginx.sh stop
bash deploy/cluster/apps.sh stop all
bash deploy/cluster/zipkin.sh stop
bash deploy/cluster/temporal.sh stop ui server
bash deploy/cluster/kafka.sh stop
