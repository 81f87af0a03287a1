#!/usr/bin/env bash
# Peer test: the official Momento Node SDK (@gomomento/sdk, grpc-js over h2c) against momento-server.
# Builds the server, installs the npm devDependencies if missing, then runs node --test. The test file
# starts its own servers (ephemeral ports); set MOMENTO_SERVER_BIN to use another binary and
# MOMENTO_PEER_SERVER_LOG=1 to see the server's stderr.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
if [ -z "${MOMENTO_SERVER_BIN:-}" ]; then
  cargo build -p momento-server
fi
[ -d node_modules/@gomomento/sdk ] || npm install --no-audit --no-fund
exec node --test --test-reporter=spec "$@" tests/peer/
