// The linux-arm64 package on this x86_64 machine: npm installs it for `--cpu=arm64` (and not the x64 one), its
// binary is a static aarch64 executable, and — under qemu-user, with Node made to report arm64 by a preload
// (qemu-preload.cjs) — `npx momento-server` picks it, serves set/get and stops on Ctrl-C, and the launcher exits 0
// after forwarding a SIGTERM.
// Without qemu ($QEMU_AARCH64 unset) the binary is checked but not executed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VERSION, elfInfo, makeProject, pidsOf, reap, run, setGet, startServer, tokenOf, within } from './helpers.mjs';

const QEMU = process.env.QEMU_AARCH64;
const dir = await makeProject('arm64', ['--cpu=arm64', '--os=linux']);
const bin = join(dir, 'node_modules/@momento-wasm/server-linux-arm64/bin/momento-server');
const env = { ...process.env, NODE_OPTIONS: `--require ${join(import.meta.dirname, 'qemu-preload.cjs')}` };

test('npm --cpu=arm64 installs only the linux-arm64 binary: static aarch64', () => {
  assert.ok(existsSync(bin), 'the arm64 platform package is installed');
  assert.ok(!existsSync(join(dir, 'node_modules/@momento-wasm/server-linux-x64')), 'the x64 one is not');
  const elf = elfInfo(bin);
  assert.equal(elf.machine, 183, 'aarch64');
  assert.equal(elf.interp, false, 'static: no dynamic loader');
});

test('under qemu-user: npx momento-server --version, serve, set/get, Ctrl-C stops it', { skip: !QEMU && 'no qemu-aarch64 (apt-get install qemu-user-static): built, not executed' }, async (t) => {
  const v = await run('npx', ['momento-server', '--version'], { cwd: dir, env });
  assert.equal(v.code, 0, v.stderr);
  assert.equal(v.stdout.trim(), `momento-server ${VERSION}`);
  const tmp = await mkdtemp(join(tmpdir(), 'server-npm-arm64-'));
  t.after(() => rm(tmp, { recursive: true, force: true }));
  const keyFile = join(tmp, 'api-key');
  const s = await startServer('npx', ['momento-server', '--port', '0', '--key-file', keyFile], { cwd: dir, env, detached: true });
  t.after(() => reap(s, bin));
  assert.equal(pidsOf(bin).length, 1, 'the arm64 binary runs (under qemu)');
  assert.equal(await setGet(s.url, tokenOf(readFileSync(keyFile, 'utf8')), 'from arm64'), 'from arm64');
  process.kill(-s.child.pid, 'SIGINT'); // Ctrl-C
  await within(s.closed, 15_000, 'every process gone after Ctrl-C');
  assert.match(s.stderr(), /event=shutdown signal=SIGINT/);
  assert.deepEqual(pidsOf(bin), []);

  const launcher = join(dir, 'node_modules/.bin/momento-server');
  const d = await startServer(launcher, ['--port', '0', '--auth', 'none'], { cwd: dir, env });
  t.after(() => reap(d, bin));
  assert.equal(await setGet(d.url, 'any token', 'arm64 direct'), 'arm64 direct');
  d.child.kill('SIGTERM');
  assert.deepEqual(await within(d.exited, 15_000, 'launcher exit after SIGTERM'), { code: 0, signal: null });
  assert.match(d.stderr(), /event=shutdown signal=SIGTERM/);
  assert.deepEqual(pidsOf(bin), []);
});
