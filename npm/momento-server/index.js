'use strict';
// Finds the momento-server binary for this machine: $MOMENTO_SERVER_BINARY when set, else the file
// bin/momento-server of the package @momento-wasm/server-<process.platform>-<process.arch>, which npm installs
// as an optional dependency on the matching platform only (its package.json has `os` and `cpu`). The supported
// platforms are this package's optionalDependencies (written by scripts/server-npm). Plain CommonJS, no
// dependencies.
const fs = require('fs');
const path = require('path');
const pkg = require('./package.json');

const SCOPE = '@momento-wasm/server-';
const ENV = 'MOMENTO_SERVER_BINARY';

/** The platform package for a platform/arch pair, e.g. `@momento-wasm/server-linux-x64`. */
function packageName(platform = process.platform, arch = process.arch) {
  return `${SCOPE}${platform}-${arch}`;
}

/** The platforms with a prebuilt binary, e.g. `['linux-x64', 'linux-arm64']`. */
function platforms() {
  return Object.keys(pkg.optionalDependencies || {})
    .filter((name) => name.startsWith(SCOPE))
    .map((name) => name.slice(SCOPE.length));
}

const FROM_SOURCE = [
  'Or build momento-server from source (needs Rust: https://rustup.rs) in a checkout of momento-wasm:',
  '  cargo install --path server                 # puts momento-server on your PATH',
  '  cargo run -p momento-server -- --help       # or run it in place',
  `and run that binary directly, or through this launcher with ${ENV}=/path/to/momento-server.`,
].join('\n');

/**
 * Absolute path of the binary to run. Throws an Error whose message names the supported platforms, the likely
 * cause and the fix when there is none.
 */
function binaryPath() {
  const override = process.env[ENV];
  if (override) {
    if (!fs.existsSync(override)) throw new Error(`momento-server: ${ENV}=${override} does not exist.`);
    return path.resolve(override);
  }
  const here = `${process.platform}-${process.arch}`;
  const name = packageName();
  const supported = platforms();
  const list = supported.map((p) => `${p} (${SCOPE}${p})`).join(', ') || 'none';
  let dir;
  try {
    dir = path.dirname(require.resolve(`${name}/package.json`));
  } catch {
    const cause = supported.includes(here)
      ? `npm did not install ${name}, the optional dependency with the binary for ${here}. Reinstall without ` +
        '--omit=optional / --no-optional, and do not copy node_modules between machines of different ' +
        `platforms (e.g. from macOS into a Linux container): npm install momento-server@${pkg.version}`
      : `There is no prebuilt binary for this platform (${here}).`;
    throw new Error(`momento-server: no binary for ${here}.\n${cause}\nPrebuilt binaries: ${list}.\n${FROM_SOURCE}`);
  }
  const installed = require(path.join(dir, 'package.json')).version;
  if (installed !== pkg.version) {
    throw new Error(
      `momento-server: ${name} is ${installed} but momento-server is ${pkg.version}; reinstall: ` +
        `npm install momento-server@${pkg.version}`,
    );
  }
  const bin = path.join(dir, 'bin', 'momento-server');
  if (!fs.existsSync(bin)) throw new Error(`momento-server: ${bin} is missing (a broken install of ${name}).`);
  return bin;
}

module.exports = { binaryPath, packageName, platforms, version: pkg.version };
