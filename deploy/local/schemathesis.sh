#!/usr/bin/env bash
# Installs the contract fuzzer (schemathesis, from PyPI) into its own virtualenv under .local,
# for test/contract, which runs `st` against every service's OpenAPI. Idempotent: when the
# pinned version is already complete it returns at once. Prints the path of `st`.
#
#   bash deploy/local/schemathesis.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SCHEMATHESIS_VERSION="${SCHEMATHESIS_VERSION:-4.32.5}"
VENV="$ROOT/.local/schemathesis"
ST="$VENV/bin/st"

log() { printf '[schemathesis] %s\n' "$*" >&2; }
die() { printf '[schemathesis] ERROR: %s\n' "$*" >&2; exit 1; }

# The marker is written last, so an interrupted install is never mistaken for a complete one.
if [[ -x $ST && -f $VENV/.complete && $(<"$VENV/.complete") == "$SCHEMATHESIS_VERSION" ]]; then
  log "schemathesis $SCHEMATHESIS_VERSION already installed (${ST#"$ROOT"/})"
  echo "$ST"
  exit 0
fi

python=$(command -v python3 || true)
[[ -n $python ]] || die "python3 is required (Debian: apt-get install python3 python3-venv)"
if ! "$python" -c 'import venv, ensurepip' 2>/dev/null; then
  [[ $(id -u) == 0 ]] || die "python3's venv module is missing (apt-get install python3-venv)"
  log "apt: installing python3-venv"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
fi

t0=$(date +%s)
log "installing schemathesis $SCHEMATHESIS_VERSION from PyPI into ${VENV#"$ROOT"/}"
rm -rf "$VENV"
mkdir -p "$ROOT/.local"
"$python" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION" >&2 \
  || die "pip install schemathesis==$SCHEMATHESIS_VERSION failed"
"$ST" --version >/dev/null || die "st does not run after install"
echo "$SCHEMATHESIS_VERSION" >"$VENV/.complete"
log "schemathesis $SCHEMATHESIS_VERSION installed in $(( $(date +%s) - t0 ))s"
echo "$ST"
