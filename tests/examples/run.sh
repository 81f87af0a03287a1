#!/usr/bin/env bash
# Runs every program under examples/ (and the README's Quick start) against momento-server: packs the npm tarball
# (scripts/pack --no-build; needs pkg/ from scripts/build), then node --test tests/examples/. Deno, Bun and wrangler
# come from the repository's pinned devDependencies and run offline.
# Uses MOMENTO_API_KEY (a v1 key of a running momento-server) when set; otherwise starts its own server
# (target/debug/momento-server: cargo build -p momento-server).
source "$(dirname "$0")/../../scripts/lib.sh"
cd "$ROOT"
TARBALL="$("$ROOT/scripts/pack" --no-build)"
if [ -z "${MOMENTO_API_KEY:-}" ]; then
  step "Start momento-server"
  [ -x "$ROOT/target/debug/momento-server" ] || die "target/debug/momento-server missing: cargo build -p momento-server"
  mkdir -p "$ROOT/target/examples"
  start_server "$ROOT/target/examples/api-key"
  trap 'kill $SERVER_PID 2>/dev/null || true' EXIT
  MOMENTO_API_KEY="$(cat "$ROOT/target/examples/api-key")"
fi
step "Examples: node --test tests/examples/ (Quick start, Node, AWS Lambda bundle, leaderboard, topics chat, Deno, Bun, wrangler dev, Vercel Edge, browser app)"
MOMENTO_API_KEY="$MOMENTO_API_KEY" MOMENTO_WASM_TARBALL="$TARBALL" WRANGLER_SEND_METRICS=false DENO_NO_UPDATE_CHECK=1 \
  node --test --test-timeout=180000 --test-reporter=spec tests/examples/
