# Shared helpers for scripts/*. Source it; do not run it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
step() { printf '\n==> %s\n' "$*" >&2; }
note() { printf '    %s\n' "$*" >&2; }
die() { printf '\nERROR: %s\n' "$*" >&2; exit 1; }
# The pinned nightly of the release wasm build (scripts/build: std rebuilt with panic=immediate-abort) and of fuzzing.
NIGHTLY=nightly-2026-05-15
# The exact wasm-bindgen version the crate pins (Cargo.toml `wasm-bindgen = "=X"`).
# The npm packages' shared metadata, from Cargo.toml's [workspace.package] (one definition): a JSON object with
# license and, when set there, repository and homepage.
package_meta() {
  node -e '
    const ws = require("fs").readFileSync(process.argv[1], "utf8").split(/^\[workspace\.package\]$/m)[1]?.split(/^\[/m)[0] ?? "";
    const field = (k) => ws.match(new RegExp(`^${k} = "([^"]*)"`, "m"))?.[1];
    const meta = { license: field("license") };
    for (const k of ["repository", "homepage"]) if (field(k)) meta[k] = field(k);
    if (!meta.license) throw new Error("Cargo.toml [workspace.package] has no license");
    process.stdout.write(JSON.stringify(meta));' "$ROOT/Cargo.toml"
}
wasm_bindgen_version() { sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' "$ROOT/Cargo.toml" | head -n1; }
# A free TCP port on 127.0.0.1.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
# Starts momento-server in the background; sets SERVER_PID, SERVER_URL, and writes the key to $1.
start_server() {
  local key_file="$1"; shift
  local port; port="$(free_port)"
  local log="$ROOT/target/momento-server-$port.log"
  "$ROOT/target/debug/momento-server" --port "$port" --key-file "$key_file" "$@" >"$log.out" 2>"$log" &
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    if grep -q "listening on" "$log.out" 2>/dev/null; then
      SERVER_URL="http://127.0.0.1:$port"; return 0
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$log" >&2; die "momento-server exited during start-up"; }
    sleep 0.1
  done
  cat "$log" >&2; die "momento-server did not start within 10 s"
}
