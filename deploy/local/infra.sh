#!/usr/bin/env bash
# Start, stop or inspect the local servers, all or one at a time.
#
#   deploy/local/infra.sh start  [all|postgres|kafka|temporal|zipkin]...
#   deploy/local/infra.sh stop   [all|postgres|kafka|temporal|zipkin]...
#   deploy/local/infra.sh status [all|postgres|kafka|temporal|zipkin]...
#
# Single-server start/stop exists for reliability tests that take one
# dependency away and bring it back. `start` provisions first (a no-op when
# everything is installed). `status` exits 0 when every named server is
# running and 3 otherwise, so scripts can poll it. `all` includes zipkin, the
# trace UI, only when tracing is on (TRACING=zipkin); `stop all` stops it too.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() { sed -n '2,12s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2; exit 2; }

# lib/postgres.sh names the postgres functions pg_*.
fn() { [[ $1 == postgres ]] && echo "pg_$2" || echo "$1_$2"; }

do_start() {
  local t0 c; t0=$(now_ms)
  local -a components=("$@")
  # The test server and the letters' fonts are no daemons, but `start all` is
  # the one entry point CI and developers run, so make sure they are installed.
  [[ $ALL == 1 ]] && components+=(test-server fonts)
  bash "$DEPLOY_DIR/provision.sh" "${components[@]}"
  for c in "$@"; do "$(fn "$c" start)"; done
  log "up in $(elapsed_since "$t0")"
}

# Reverse order: nothing depends on anything else today, but taking the
# servers down opposite to how they came up is the conventional safe default.
do_stop() {
  local i
  for (( i = $#; i >= 1; i-- )); do "$(fn "${!i}" stop)"; done
}

do_status() {
  local c rc=0
  for c in "$@"; do "$(fn "$c" status)" || rc=3; done
  return "$rc"
}

cmd=${1:-}; shift || true
(( $# )) || set -- all
# Validate and put the names in canonical start order (postgres, kafka,
# temporal) whatever order they were given in.
for a in "$@"; do
  case $a in all|postgres|kafka|temporal|zipkin) ;; *) die "unknown server '$a' (expected all, postgres, kafka, temporal, zipkin)" ;; esac
done
ALL=0; [[ " $* " == *" all "* ]] && ALL=1
# the trace UI belongs to `all` when tracing is on (and `stop all` stops it whenever it runs)
with_zipkin=0
[[ $ALL == 1 && ( ${TRACING:-} == zipkin || $cmd == stop ) ]] && with_zipkin=1
ordered=()
for s in postgres kafka temporal zipkin; do
  if [[ $s == zipkin && $ALL == 1 ]]; then
    [[ $with_zipkin == 1 ]] && ordered+=("$s")
    continue
  fi
  [[ $ALL == 1 || " $* " == *" $s "* ]] && ordered+=("$s")
done

case $cmd in
  start) with_infra_lock do_start "${ordered[@]}" ;;
  stop) with_infra_lock do_stop "${ordered[@]}" ;;
  status) do_status "${ordered[@]}" ;;
  *) usage ;;
esac
