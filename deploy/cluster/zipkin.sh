#!/usr/bin/env bash
# The cluster profile's Zipkin (ADR 0024): the same jar as the dev stack's, on 127.0.0.1:19411,
# its pid and log in .local/cluster. Started by start.sh unless TRACING=off.
#
#   deploy/cluster/zipkin.sh start|stop|status
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

case ${1:-} in
  start) bash "$ROOT/deploy/local/provision.sh" zipkin && zipkin_start ;;
  stop) zipkin_stop ;;
  status) zipkin_status ;;
  *) sed -n '2,5s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2; exit 2 ;;
esac
