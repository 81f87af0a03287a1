#!/usr/bin/env bash
# Packaging tests: packs the npm tarball (scripts/pack --no-build; needs pkg/ from scripts/build), then
# node --test tests/packaging/: temp projects install the tarball and do set/get against momento-server from Node ESM,
# Node CJS, Lambda-style handlers bundled by esbuild (CJS, ESM) and webpack and run from the bundle file alone, a Vite
# production build in headless Chromium, workerd (miniflare) and Vercel's edge-runtime (an Edge Function bundled as
# `vercel dev` does).
# Uses MOMENTO_API_KEY (a v1 key of a running momento-server) when set; otherwise starts its own server
# (target/debug/momento-server: cargo build -p momento-server).
source "$(dirname "$0")/../../scripts/lib.sh"
cd "$ROOT"
TARBALL="$("$ROOT/scripts/pack" --no-build)"
OUT="$ROOT/target/packaging"
mkdir -p "$OUT"

if [ -z "${MOMENTO_API_KEY:-}" ]; then
  step "Start momento-server"
  [ -x "$ROOT/target/debug/momento-server" ] || die "target/debug/momento-server missing: cargo build -p momento-server"
  start_server "$OUT/api-key"
  trap 'kill $SERVER_PID 2>/dev/null || true' EXIT
  note "momento-server at $SERVER_URL (pid $SERVER_PID)"
  MOMENTO_API_KEY="$(cat "$OUT/api-key")"
fi

step "Packaging: node --test tests/packaging/ (Node ESM + CJS + slim, Lambda bundles (esbuild, webpack) run alone, types, Vite build + slim service worker in Chromium, workerd, Vercel Edge)"
MOMENTO_API_KEY="$MOMENTO_API_KEY" MOMENTO_WASM_TARBALL="$TARBALL" \
  node --test --test-timeout=150000 --test-reporter=spec tests/packaging/
