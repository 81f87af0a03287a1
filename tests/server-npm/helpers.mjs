// Shared by tests/server-npm: temp projects that install the packed momento-server tarballs the way npm installs
// them from the registry, a process runner, a server starter, /proc helpers, ELF checks and a dependency-free
// gRPC-web client (raw protobuf) for the three calls every check makes: CreateCache, Set, Get.
// run.sh packs the tarballs and sets SERVER_NPM_DIR.
import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import assert from 'node:assert/strict';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = process.env.SERVER_NPM_DIR && resolve(process.env.SERVER_NPM_DIR);
assert.ok(DIST, 'SERVER_NPM_DIR must be set (run tests/server-npm/run.sh)');
export const VERSION = JSON.parse(readFileSync(join(DIST, 'momento-server', 'package.json'), 'utf8')).version;
export const tarball = (name) => {
  const file = join(DIST, `${name}-${VERSION}.tgz`);
  assert.ok(existsSync(file), `${file} missing (scripts/server-npm did not pack it)`);
  return file;
};
const exec = promisify(execFile);

/** Runs a command to completion; resolves to {code, signal, stdout, stderr} whatever the exit status. */
export async function run(cmd, args, opts = {}) {
  try {
    const { stdout, stderr } = await exec(cmd, args, { maxBuffer: 16 << 20, timeout: 120_000, ...opts });
    return { code: 0, signal: null, stdout, stderr };
  } catch (e) {
    if (e.code === undefined || typeof e.code === 'string') throw e;
    return { code: e.code, signal: e.signal, stdout: e.stdout, stderr: e.stderr };
  }
}

/**
 * target/server-npm/projects/<name>/ afresh: a package.json depending on the momento-server tarball, with npm
 * `overrides` pointing its optional platform dependencies at the local tarballs (so npm resolves and filters them
 * by os/cpu exactly as it would from the registry, offline), then `npm install` with `npmArgs`.
 */
export async function makeProject(name, npmArgs = []) {
  const dir = join(ROOT, 'target', 'server-npm', 'projects', name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const launcher = JSON.parse(readFileSync(join(DIST, 'momento-server', 'package.json'), 'utf8'));
  const overrides = {};
  for (const dep of Object.keys(launcher.optionalDependencies)) {
    const file = join(DIST, `${dep.slice(1).replace('/', '-')}-${VERSION}.tgz`);
    if (existsSync(file)) overrides[dep] = `file:${file}`;
  }
  await writeFile(join(dir, 'package.json'), JSON.stringify({
    name: `server-npm-${name}`, private: true, type: 'module',
    dependencies: { 'momento-server': `file:${tarball('momento-server')}` },
    overrides,
  }, null, 2));
  const r = await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', ...npmArgs], { cwd: dir });
  assert.equal(r.code, 0, `npm install ${npmArgs.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return dir;
}

/**
 * Spawns a server command and waits for its stdout line "momento-server listening on <url>".
 * Resolves to {child, url, stdout(), stderr(), exited, closed}: `exited` resolves to {code, signal} when it ends,
 * `closed` when its stderr is closed by every process that held it.
 */
export function startServer(cmd, args, opts = {}) {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => { err += d; });
  const exited = new Promise((res) => child.on('exit', (code, signal) => res({ code, signal })));
  // stderr closes when every process holding it has exited: npx, sh, the launcher and the server.
  const closed = new Promise((res) => child.stderr.on('close', res));
  return new Promise((res, rej) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); rej(new Error(`no ready line in 30 s:\n${out}\n${err}`)); }, 30_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /momento-server listening on (\S+)/.exec(out);
      if (m) { clearTimeout(timer); res({ child, url: m[1], stderr: () => err, stdout: () => out, exited, closed, detached: !!opts.detached }); }
    });
    exited.then(({ code, signal }) => { clearTimeout(timer); rej(new Error(`exited (${code ?? signal}) before ready:\n${out}\n${err}`)); });
  });
}

/**
 * Test clean-up whatever happened: SIGKILL a started server (its process group when detached), every process still
 * running `bin`, and drop the pipes (so an orphaned server cannot keep the test process alive).
 */
export function reap(s, bin) {
  try { process.kill(s.detached ? -s.child.pid : s.child.pid, 'SIGKILL'); } catch { /* gone */ }
  for (const pid of bin ? pidsOf(bin) : []) { try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ } }
  s.child.stdout.destroy();
  s.child.stderr.destroy();
}

/** The parent PID of a process (from /proc/<pid>/stat). */
export const ppidOf = (pid) => Number(readFileSync(`/proc/${pid}/stat`, 'latin1').replace(/^.*\) /s, '').split(' ')[1]);

/** Waits for a promise at most `ms`. */
export function within(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, rej) => { timer = setTimeout(() => rej(new Error(`${what}: not within ${ms} ms`)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * PIDs of running processes executing `file`, natively or as the program of qemu-user (how a test finds the server
 * behind npx, sh and the launcher).
 */
export function pidsOf(file) {
  const pids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readlinkSync(`/proc/${entry}/exe`) === file
        || readFileSync(`/proc/${entry}/cmdline`, 'latin1').split('\0').slice(0, 2).includes(file)) pids.push(Number(entry));
    } catch { /* gone, or not ours to read */ }
  }
  return pids;
}

/** ELF facts of a binary: machine (62 x86-64, 183 aarch64), and whether it asks for a dynamic loader (PT_INTERP). */
export function elfInfo(file) {
  const b = readFileSync(file);
  assert.equal(b.toString('latin1', 0, 4), '\x7fELF', `${file} is not an ELF file`);
  assert.equal(b[4], 2, 'not 64-bit');
  const machine = b.readUInt16LE(18);
  const phoff = Number(b.readBigUInt64LE(32));
  const phentsize = b.readUInt16LE(54);
  const phnum = b.readUInt16LE(56);
  let interp = false;
  for (let i = 0; i < phnum; i++) if (b.readUInt32LE(phoff + i * phentsize) === 3) interp = true;
  return { machine, interp };
}

// ---- gRPC-web over fetch, protobuf by hand ----
const varint = (n) => { const out = []; let v = BigInt(n); do { let byte = Number(v & 0x7fn); v >>= 7n; if (v) byte |= 0x80; out.push(byte); } while (v); return out; };
const bytesField = (tag, data) => { const d = typeof data === 'string' ? Buffer.from(data) : data; return Buffer.concat([Buffer.from([(tag << 3) | 2, ...varint(d.length)]), d]); };
const varintField = (tag, n) => Buffer.from([(tag << 3), ...varint(n)]);
function fields(buf) {
  const out = {};
  for (let i = 0; i < buf.length;) {
    let key = 0; let shift = 0; let b;
    do { b = buf[i++]; key |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80);
    const tag = key >> 3;
    let n = 0n; shift = 0n;
    do { b = buf[i++]; n |= BigInt(b & 0x7f) << shift; shift += 7n; } while (b & 0x80);
    if ((key & 7) === 2) { out[tag] = buf.subarray(i, i + Number(n)); i += Number(n); } else out[tag] = Number(n);
  }
  return out;
}

/** The token to send as `authorization` for a v1 API key (base64 JSON {endpoint, api_key}). */
export const tokenOf = (apiKey) => JSON.parse(Buffer.from(apiKey.trim(), 'base64').toString()).api_key;

/** One unary gRPC-web (binary) call; resolves to {status, message, body} (body: the reply's protobuf bytes). */
export async function grpcWeb(url, path, message, { token = 'none', cache } = {}) {
  const frame = Buffer.concat([Buffer.from([0, 0, 0, 0, 0]), message]);
  frame.writeUInt32BE(message.length, 1);
  const headers = { 'content-type': 'application/grpc-web+proto', 'x-grpc-web': '1', authorization: token };
  if (cache) headers.cache = cache;
  const res = await fetch(`${url}/${path}`, { method: 'POST', headers, body: frame, signal: AbortSignal.timeout(20_000) });
  const buf = Buffer.from(await res.arrayBuffer());
  let status = res.headers.get('grpc-status');
  let msg = res.headers.get('grpc-message') ?? '';
  let body = Buffer.alloc(0);
  for (let i = 0; i + 5 <= buf.length;) {
    const len = buf.readUInt32BE(i + 1);
    const payload = buf.subarray(i + 5, i + 5 + len);
    if (buf[i] & 0x80) {
      const trailers = Object.fromEntries(payload.toString().split('\r\n').filter(Boolean).map((l) => l.split(/:\s*/, 2)));
      status = trailers['grpc-status'] ?? status;
      msg = trailers['grpc-message'] ?? msg;
    } else body = payload;
    i += 5 + len;
  }
  return { status: Number(status), message: decodeURIComponent(msg), body };
}

/** CreateCache (ALREADY_EXISTS is fine), Set, Get through raw gRPC-web; returns the value read back. */
export async function setGet(url, token, value) {
  const create = await grpcWeb(url, 'control_client.ScsControl/CreateCache', bytesField(1, 'npm'), { token });
  assert.ok(create.status === 0 || create.status === 6, `CreateCache: ${create.status} ${create.message}`);
  const set = await grpcWeb(url, 'cache_client.Scs/Set',
    Buffer.concat([bytesField(1, 'k'), bytesField(2, value), varintField(3, 60_000)]), { token, cache: 'npm' });
  assert.equal(set.status, 0, `Set: ${set.message}`);
  const get = await grpcWeb(url, 'cache_client.Scs/Get', bytesField(1, 'k'), { token, cache: 'npm' });
  assert.equal(get.status, 0, `Get: ${get.message}`);
  const reply = fields(get.body);
  assert.equal(reply[1], 2, 'Get: result is not Hit');
  return Buffer.from(reply[2] ?? []).toString();
}
