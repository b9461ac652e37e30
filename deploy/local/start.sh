#!/usr/bin/env bash
# `npm start`: brings up the whole system on this machine — provisions what is missing
# (PostgreSQL, Kafka, Temporal), starts them, builds, starts the five services, the portal and the workflow
# worker, loads the demo city, and prints where everything is.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
t0=$(now_ms)

bash deploy/local/infra.sh start all
bash deploy/local/build.sh
node deploy/local/create-topics.js
[[ -x deploy/local/dev-keys.sh ]] && bash deploy/local/dev-keys.sh
bash deploy/local/apps.sh start all
bash deploy/local/apps.sh wait all
[[ -f deploy/local/load-demo.sh ]] && bash deploy/local/load-demo.sh

cat <<TXT

[infra] cityworks is up in $(elapsed_since "$t0")
  Temporal Web UI   http://127.0.0.1:$TEMPORAL_UI_PORT
  catalog           http://127.0.0.1:${CATALOG_PORT:-3001}/docs
  approval          http://127.0.0.1:${APPROVAL_PORT:-3002}/docs
  supervision       http://127.0.0.1:${SUPERVISION_PORT:-3003}/docs
  credit            http://127.0.0.1:${CREDIT_PORT:-3004}/docs
  complaints        http://127.0.0.1:${COMPLAINTS_PORT:-3005}/docs
  工改办 console     http://127.0.0.1:${PORTAL_PORT:-3006}/  (local mode: pick a department and role)
  公示 (public)      http://127.0.0.1:${PORTAL_PORT:-3006}/gongshi/
  portal API        http://127.0.0.1:${PORTAL_PORT:-3006}/docs
  traces (Zipkin)   $([[ ${TRACING:-} == zipkin ]] && echo "http://$ZIPKIN_HOST:$ZIPKIN_PORT/zipkin" || echo "off (TRACING=zipkin npm start turns them on)")
  logs              ${LOG_DIR#"$ROOT"/}/
  stop with         npm stop
TXT
