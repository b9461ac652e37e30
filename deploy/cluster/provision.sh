#!/usr/bin/env bash
# Installs what the cluster profile needs and is not there yet: Kafka's jars and the Temporal
# CLI (through deploy/local/provision.sh), the Temporal server and its SQL schema tool, the
# Temporal UI server (go install from the Go module proxy) and nginx (Debian).
#
#   deploy/cluster/provision.sh
#
# Idempotent: a binary whose embedded module version is the wanted one is kept.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Embedded module version of a go-installed binary (`--version` of these says nothing useful).
go_module_version() { go version -m "$1" 2>/dev/null | awk '$1 == "mod" { print $3; exit }'; }

# go install names a binary after its package directory (`server`, `sql`), which would collide
# in .local/bin, so each is built into a directory of its own and moved under a telling name.
go_install_as() {
  local pkg=$1 version=$2 out=$3 name; name=$(basename "$out")
  local have; have=$(go_module_version "$out" || true)
  if [[ -x $out && $have == "$version" ]]; then
    log "$name: already installed (${out#"$ROOT"/} $version)"
    return
  fi
  command -v go >/dev/null || die "$name: Go is required (go install $pkg@$version)"
  local t0 tmp="$STATE/gobin/$name" blog="$LOG_DIR/$name-build.log"; t0=$(now_ms)
  log "$name: go install $pkg@$version -- several minutes on 2 cores the first time (log ${blog#"$ROOT"/})"
  rm -rf "$tmp"; mkdir -p "$tmp" "$BIN_DIR"
  GOBIN="$tmp" go install "$pkg@$version" >"$blog" 2>&1 9>&- \
    || { tail -n 30 "$blog" >&2; die "$name: build failed"; }
  mv "$tmp"/* "$out"
  log "$name: built in $(elapsed_since "$t0")"
}

provision_nginx() {
  if command -v nginx >/dev/null; then
    log "nginx: already installed ($(nginx -v 2>&1))"
    return
  fi
  [[ $(id -u) == 0 ]] || die "nginx: need root to apt-get install nginx (or install it yourself)"
  # Debian's package starts its own system nginx on :80 where services may start; ours runs as a
  # plain process with its own config, so the system one must stay down.
  local policy=/usr/sbin/policy-rc.d added=0
  if [[ ! -e $policy ]]; then printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod +x "$policy"; added=1; fi
  log "apt: installing nginx"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null || { (( added )) && rm -f "$policy"; die "nginx: apt-get install failed"; }
  (( added )) && rm -f "$policy"
  log "nginx: installed ($(nginx -v 2>&1))"
}

main() {
  ensure_dirs
  bash "$ROOT/deploy/local/provision.sh" kafka temporal
  go_install_as go.temporal.io/server/cmd/server "$TEMPORAL_SERVER_VERSION" "$TEMPORAL_SERVER_BIN"
  go_install_as go.temporal.io/server/cmd/tools/sql "$TEMPORAL_SERVER_VERSION" "$TEMPORAL_SQL_TOOL_BIN"
  # In a subshell: a failed UI build (die exits) leaves the cluster usable without its UI.
  if ! (go_install_as github.com/temporalio/ui-server/v2/cmd/server "$TEMPORAL_UI_VERSION" "$TEMPORAL_UI_BIN"); then
    warn "temporal-ui-server: not built; the cluster runs without its Web UI"
  fi
  provision_nginx
}

main "$@"
