#!/usr/bin/env bash
# TLS end to end: starts momento-server with --tls-dev (a development CA and a certificate for localhost,
# 127.0.0.1 and ::1, in a temporary directory), makes Node trust the CA through NODE_EXTRA_CA_CERTS (read at Node's
# start, hence this wrapper; grpc-js reads GRPC_DEFAULT_SSL_ROOTS_FILE_PATH instead) and runs tests/tls/*.test.mjs: ALPN h2 + http/1.1, the official Node SDK
# (@gomomento/sdk, grpc-js over TLS + h2), the official web SDK (@gomomento/sdk-web, gRPC-web over HTTPS), this
# package in Node (gRPC over TLS + ALPN h2; gRPC-web over fetch) and in headless Chromium (HTTPS + HTTP/2, trusting the CA's certificate by its
# SPKI hash). Needs the server binary and pkg/ (scripts/build).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
BIN="${MOMENTO_SERVER_BIN:-$ROOT/target/debug/momento-server}"
[ -x "$BIN" ] || { echo "tests/tls: $BIN missing: cargo build -p momento-server" >&2; exit 1; }
[ -f pkg/web/index.node.js ] || { echo "tests/tls: pkg/ is not built: run scripts/build" >&2; exit 1; }
DIR="$(mktemp -d)"
OUT="$DIR/stdout"
"$BIN" --port 0 --tls-dev --secret-file "$DIR/secret" --key-file "$DIR/key" >"$OUT" 2>"$DIR/stderr" &
PID=$!
trap 'kill $PID 2>/dev/null || true; rm -rf "$DIR"' EXIT
for _ in $(seq 1 100); do
  grep -q "listening on https://" "$OUT" 2>/dev/null && break
  kill -0 "$PID" 2>/dev/null || { cat "$DIR/stderr" >&2; exit 1; }
  sleep 0.1
done
URL="$(sed -n 's/^momento-server listening on \(https:\/\/.*\)$/\1/p' "$OUT")"
[ -n "$URL" ] || { cat "$DIR/stderr" >&2; echo "tests/tls: the server did not start" >&2; exit 1; }
export MOMENTO_TLS_PORT="${URL##*:}"
export MOMENTO_API_KEY="$(cat "$DIR/key")"
export MOMENTO_TLS_CA="$DIR/momento-server-dev-ca.pem"
export NODE_EXTRA_CA_CERTS="$MOMENTO_TLS_CA"
# grpc-js (the official Node SDK) builds its TLS context from its own root list, not Node's: point it at the CA.
export GRPC_DEFAULT_SSL_ROOTS_FILE_PATH="$MOMENTO_TLS_CA"
node --test --test-reporter=spec tests/tls/
