#!/usr/bin/env bash
# The dev signing key pair for access tokens (RS256), made once into .local/keys. Services
# verify with the public key; `npm run token` signs with the private one. In production the
# identity provider holds the private key and services get JWT_PUBLIC_KEY(_FILE).
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
keys="$LOCAL/keys"
if [[ -f $keys/jwt-private.pem && -f $keys/jwt-public.pem ]]; then
  log "jwt: dev key pair present"
  exit 0
fi
mkdir -p "$keys"; chmod 700 "$keys"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$keys/jwt-private.pem" 2>/dev/null
openssl pkey -in "$keys/jwt-private.pem" -pubout -out "$keys/jwt-public.pem"
chmod 600 "$keys/jwt-private.pem"
log "jwt: dev key pair written to ${keys#"$ROOT"/}"
