// `npx momento-server` on this machine (linux-x64): the packed tarballs installed by npm as from the registry
// (optional platform dependency chosen by os/cpu), the launcher's arguments, exit codes, signal forwarding and
// error when no binary is installed, the served API (raw gRPC-web, and momento-wasm when pkg/web is built).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DIST, ROOT, VERSION, elfInfo, makeProject, pidsOf, ppidOf, reap, run, setGet, startServer, tokenOf, within,
} from './helpers.mjs';

assert.equal(`${process.platform}-${process.arch}`, 'linux-x64', 'these tests run on linux-x64 (arm64.test.mjs covers arm64)');
const dir = await makeProject('x64');
const bin = join(dir, 'node_modules/@momento-wasm/server-linux-x64/bin/momento-server');
const npx = (args, opts = {}) => run('npx', ['momento-server', ...args], { cwd: dir, ...opts });
const sdkEntry = process.env.MOMENTO_WASM_SDK || join(ROOT, 'pkg/web/index.node.js');

test('npm installs the launcher and only the linux-x64 binary, static and executable', () => {
  assert.ok(existsSync(bin), 'the x64 platform package is installed');
  assert.ok(!existsSync(join(dir, 'node_modules/@momento-wasm/server-linux-arm64')), 'the arm64 one is not');
  assert.equal(statSync(bin).mode & 0o111, 0o111, 'npm kept the executable bits');
  const elf = elfInfo(bin);
  assert.equal(elf.machine, 62, 'x86-64');
  assert.equal(elf.interp, false, 'static: no dynamic loader');
  const installed = JSON.parse(readFileSync(join(dir, 'node_modules/momento-server/package.json'), 'utf8'));
  assert.deepEqual(installed.optionalDependencies, {
    '@momento-wasm/server-linux-x64': VERSION, '@momento-wasm/server-linux-arm64': VERSION,
  });
});

test('npx momento-server --version prints the package version (one version for packages and binary)', async () => {
  const r = await npx(['--version']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.trim(), `momento-server ${VERSION}`);
  const cargo = readFileSync(join(ROOT, 'server/Cargo.toml'), 'utf8').match(/^version = "(.*)"/m)[1];
  assert.equal(VERSION, cargo, 'the npm version is server/Cargo.toml\'s');
});

test('exit codes pass through: a bad flag exits 2, `key` prints a key and exits 0', async () => {
  const bad = await npx(['--no-such-flag']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /unknown argument: --no-such-flag/);
  const tmp = await mkdtemp(join(tmpdir(), 'server-npm-'));
  try {
    const key = await npx(['key', '--secret-file', join(tmp, 'secret'), '--endpoint', '127.0.0.1:9999']);
    assert.equal(key.code, 0, key.stderr);
    const decoded = JSON.parse(Buffer.from(key.stdout.trim(), 'base64').toString());
    assert.equal(decoded.endpoint, '127.0.0.1:9999');
  } finally { await rm(tmp, { recursive: true, force: true }); }
});

test('npx momento-server serves (gRPC-web set/get, momento-wasm); `kill <npx pid>` still stops the server', async (t) => {
  const tmp = await mkdtemp(join(tmpdir(), 'server-npm-'));
  t.after(() => rm(tmp, { recursive: true, force: true }));
  const keyFile = join(tmp, 'api-key');
  const s = await startServer('npx', ['momento-server', '--port', '0', '--key-file', keyFile], { cwd: dir });
  t.after(() => reap(s, bin));
  assert.equal(pidsOf(bin).length, 1, 'one server process runs the installed binary');
  const apiKey = readFileSync(keyFile, 'utf8');
  assert.equal(await setGet(s.url, tokenOf(apiKey), 'from npx'), 'from npx');
  if (existsSync(sdkEntry)) {
    const { CacheClient, Configurations, CredentialProvider } = await import(pathToFileURL(sdkEntry).href);
    const client = new CacheClient({
      configuration: Configurations.Laptop.latest(),
      credentialProvider: CredentialProvider.fromString({ apiKey }),
      defaultTtlSeconds: 60,
    });
    await client.createCache('npm-sdk');
    assert.equal((await client.set('npm-sdk', 'greeting', 'hello')).type, 'Success');
    const hit = await client.get('npm-sdk', 'greeting');
    assert.equal(hit.type, 'Hit', hit.toString());
    assert.equal(hit.valueString(), 'hello');
  } else t.diagnostic(`momento-wasm not built (${sdkEntry}): raw gRPC-web only`);
  // npm passes the SIGTERM to its `sh -c`, which dies without passing it on (npm/cli#5776); the launcher sees
  // its parent gone and stops the server.
  s.child.kill('SIGTERM');
  await within(s.closed, 10_000, 'every process gone after SIGTERM to npx');
  assert.match(s.stderr(), /the process that started the launcher exited; stopping the server/);
  assert.match(s.stderr(), /event=shutdown signal=SIGTERM/, 'the server stopped gracefully');
  assert.deepEqual(pidsOf(bin), [], 'no server left behind');
});

test('Ctrl-C on `npx momento-server` (SIGINT to its process group) stops the server gracefully', async (t) => {
  const s = await startServer('npx', ['momento-server', '--port', '0', '--auth', 'none'], { cwd: dir, detached: true });
  t.after(() => reap(s, bin));
  assert.equal(await setGet(s.url, 'any token', 'auth none'), 'auth none');
  process.kill(-s.child.pid, 'SIGINT');
  await within(s.closed, 10_000, 'every process gone after Ctrl-C');
  assert.match(s.stderr(), /event=shutdown signal=SIGINT/);
  assert.match(s.stderr(), /event=stopped/);
  assert.deepEqual(pidsOf(bin), []);
});

test('the launcher itself: exit 0 after SIGTERM or SIGINT (forwarded), dies of SIGKILL when the server does', async (t) => {
  const launcher = join(dir, 'node_modules/.bin/momento-server');
  for (const signal of ['SIGTERM', 'SIGINT']) {
    const a = await startServer(launcher, ['--port', '0', '--auth', 'none'], { cwd: dir });
    t.after(() => reap(a, bin));
    const [server] = pidsOf(bin).filter((pid) => ppidOf(pid) === a.child.pid);
    assert.ok(server, 'the server is the launcher\'s child');
    // A served call first: momento-server installs its signal handlers just after printing the ready line, so a
    // signal sent at that very moment would still find the default action (death by the signal).
    assert.equal(await setGet(a.url, 'any token', signal), signal);
    a.child.kill(signal);
    assert.deepEqual(await within(a.exited, 10_000, `exit after ${signal}`), { code: 0, signal: null });
    assert.match(a.stderr(), new RegExp(`event=shutdown signal=${signal}`));
  }
  const b = await startServer(launcher, ['--port', '0', '--auth', 'none'], { cwd: dir });
  t.after(() => reap(b, bin));
  const [server] = pidsOf(bin).filter((pid) => ppidOf(pid) === b.child.pid);
  process.kill(server, 'SIGKILL');
  assert.deepEqual(await within(b.exited, 10_000, 'launcher exit'), { code: null, signal: 'SIGKILL' });
  assert.deepEqual(pidsOf(bin), []);
});

test('no binary installed (--omit=optional): exit 1 naming the platforms and the fixes; MOMENTO_SERVER_BINARY works', async () => {
  const bare = await makeProject('x64-omit-optional', ['--omit=optional']);
  assert.ok(!existsSync(join(bare, 'node_modules/@momento-wasm')), 'no platform package');
  const r = await run('npx', ['momento-server', '--version'], { cwd: bare });
  assert.equal(r.code, 1);
  for (const text of ['no binary for linux-x64', 'npm did not install @momento-wasm/server-linux-x64', '--omit=optional',
    'linux-x64 (@momento-wasm/server-linux-x64)', 'linux-arm64 (@momento-wasm/server-linux-arm64)',
    'cargo install --path server', 'cargo run -p momento-server', 'MOMENTO_SERVER_BINARY=']) {
    assert.ok(r.stderr.includes(text), `stderr names ${JSON.stringify(text)}:\n${r.stderr}`);
  }
  const own = await run('npx', ['momento-server', '--version'],
    { cwd: bare, env: { ...process.env, MOMENTO_SERVER_BINARY: bin } });
  assert.equal(own.code, 0, own.stderr);
  assert.equal(own.stdout.trim(), `momento-server ${VERSION}`);
  const missing = await run('npx', ['momento-server'],
    { cwd: bare, env: { ...process.env, MOMENTO_SERVER_BINARY: '/nonexistent/momento-server' } });
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /MOMENTO_SERVER_BINARY=\/nonexistent\/momento-server does not exist/);
});

test('require/import the package: binaryPath(), platforms(), version (CJS and ESM named exports)', async () => {
  const cjs = await run('node', ['-e',
    "const m = require('momento-server'); console.log(JSON.stringify([m.binaryPath(), m.platforms(), m.version, m.packageName('linux', 'arm64')]))"],
  { cwd: dir });
  assert.equal(cjs.code, 0, cjs.stderr);
  assert.deepEqual(JSON.parse(cjs.stdout), [bin, ['linux-x64', 'linux-arm64'], VERSION, '@momento-wasm/server-linux-arm64']);
  const esm = await run('node', ['--input-type=module', '-e',
    "import { binaryPath, version } from 'momento-server'; console.log(binaryPath(), version)"], { cwd: dir });
  assert.equal(esm.code, 0, esm.stderr);
  assert.equal(esm.stdout.trim(), `${bin} ${VERSION}`);
  assert.ok(DIST);
});
