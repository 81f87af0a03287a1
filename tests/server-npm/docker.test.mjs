// The Dockerfile and .dockerignore, checked without a Docker engine (none runs here; when `docker info` answers,
// the image is also built and run for real):
// - hadolint ($HADOLINT, installed by run.sh) has nothing to say;
// - its shape: a build stage on $BUILDPLATFORM running scripts/server-dist for $TARGETPLATFORM with a Rust at least
//   the workspace's rust-version, then FROM scratch with the binary alone, non-root, EXPOSE 8080, exec-form
//   ENTRYPOINT + CMD listening on 0.0.0.0:8080 (as momento-local) with the flags that needs (--allow-plaintext,
//   token auth with the key written to /data);
// - the build context .dockerignore lets through resolves as a Cargo workspace (and, with SERVER_NPM_FULL=1,
//   scripts/server-dist builds the release binary from that context alone);
// - the image's command, run as the image would run it (image-run.mjs: the image's files only, USER, Docker's
//   environment, a private network namespace), serves set/get on the container's eth0 address with the key it wrote
//   to /data (and one minted as documented), refuses calls without a token, stops with exit 0 on SIGTERM; and the
//   documented open-access variant (--network host, --auth none) serves on loopback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chownSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DIST, ROOT, VERSION, run } from './helpers.mjs';

const FULL = process.env.SERVER_NPM_FULL === '1';
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');

/** Instructions of a Dockerfile: [{op, args, stage}] with continuation lines joined and comments dropped. */
function parse(text) {
  const out = [];
  let stage = -1;
  let line = '';
  for (const raw of text.split('\n')) {
    if (/^\s*#/.test(raw) && !line) continue;
    line += raw.replace(/\\\s*$/, ' ');
    if (/\\\s*$/.test(raw)) continue;
    const m = /^\s*(\w+)\s+(.*)$/.exec(line);
    line = '';
    if (!m) continue;
    const op = m[1].toUpperCase();
    if (op === 'FROM') stage += 1;
    out.push({ op, args: m[2].trim().replace(/\s+/g, ' '), stage });
  }
  return out;
}
const instructions = parse(dockerfile);
const last = Math.max(...instructions.map((i) => i.stage));
const final = instructions.filter((i) => i.stage === last);
const one = (list, op) => {
  const found = list.filter((i) => i.op === op);
  assert.equal(found.length, 1, `exactly one ${op} in the final stage`);
  return found[0].args;
};
const entrypoint = JSON.parse(one(final, 'ENTRYPOINT'));
const cmd = JSON.parse(one(final, 'CMD'));
const [uid, gid] = one(final, 'USER').split(':');

test('hadolint passes', { skip: !process.env.HADOLINT && 'HADOLINT not set (run tests/server-npm/run.sh)' }, async () => {
  const r = await run(process.env.HADOLINT, [join(ROOT, 'Dockerfile')]);
  assert.equal(r.code, 0, `hadolint:\n${r.stdout}${r.stderr}`);
});

test('shape: cross-building stage with scripts/server-dist, then FROM scratch, non-root, port 8080', () => {
  const build = instructions.filter((i) => i.stage === 0);
  assert.match(build[0].args, /^--platform=\$BUILDPLATFORM rust:\$\{RUST_VERSION\}-\S+ AS build$/);
  const rust = /^ARG RUST_VERSION=(\d+)\.(\d+)/m.exec(dockerfile);
  const wanted = /^rust-version = "(\d+)\.(\d+)"/m.exec(readFileSync(join(ROOT, 'Cargo.toml'), 'utf8'));
  assert.ok(rust && wanted, 'RUST_VERSION and the workspace rust-version');
  assert.ok(Number(rust[1]) * 1000 + Number(rust[2]) >= Number(wanted[1]) * 1000 + Number(wanted[2]),
    `RUST_VERSION ${rust[1]}.${rust[2]} is at least rust-version ${wanted[1]}.${wanted[2]}`);
  assert.ok(build.some((i) => i.op === 'RUN' && /bash scripts\/server-dist --profile release --out \/dist "\$TARGETPLATFORM"/.test(i.args)),
    'the build stage runs scripts/server-dist for $TARGETPLATFORM');
  assert.equal(final[0].args, 'scratch');
  const copies = final.filter((i) => i.op === 'COPY').map((i) => i.args);
  assert.deepEqual(copies, ['--from=build /momento-server /momento-server', `--from=build --chown=${uid}:${gid} /data /data`],
    'the binary, and /data writable by the image\'s user for the key file');
  assert.equal(one(final, 'EXPOSE'), '8080');
  assert.ok(Number(uid) > 0 && Number(gid) > 0, 'a numeric non-root USER (scratch has no /etc/passwd)');
  assert.deepEqual(entrypoint, ['/momento-server']);
  const flag = (name) => cmd[cmd.indexOf(name) + 1];
  assert.equal(flag('--host'), '0.0.0.0', 'listens beyond the container\'s loopback (Docker -p forwards to eth0)');
  assert.equal(flag('--port'), '8080');
  assert.ok(cmd.includes('--allow-plaintext'), 'plaintext beyond loopback is refused without it');
  assert.equal(flag('--key-file'), '/data/api-key');
});

/** The files the .dockerignore allowlist sends as the build context (only `*` and exact paths are used, so the
 * simple rule below is Docker's: the last pattern matching a path, or one of its parent directories, wins). */
function contextFiles() {
  const rules = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => ({ include: l.startsWith('!'), pattern: l.replace(/^!/, '').replace(/\/$/, '') }));
  for (const r of rules) assert.ok(r.pattern === '*' || !/[*?[\]]/.test(r.pattern), `unsupported pattern ${r.pattern}`);
  const included = (path) => {
    let ok = true;
    for (const r of rules) if (r.pattern === '*' || path === r.pattern || path.startsWith(`${r.pattern}/`)) ok = r.include;
    return ok;
  };
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      const rel = relative(ROOT, full);
      if (statSync(full).isDirectory()) {
        if (rules.some((r) => r.include && (r.pattern === rel || r.pattern.startsWith(`${rel}/`) || rel.startsWith(`${r.pattern}/`)))) walk(full);
      } else if (included(rel)) files.push(rel);
    }
  };
  walk(ROOT);
  return files;
}

const context = join(ROOT, 'target', 'server-npm', 'docker-context');
test('the build context (.dockerignore allowlist) is a Cargo workspace that builds momento-server', { timeout: 900_000 }, async () => {
  const files = contextFiles();
  for (const f of ['Cargo.toml', 'Cargo.lock', 'src/lib.rs', 'proto/Cargo.toml', 'server/Cargo.toml', 'server/src/main.rs',
    'scripts/lib.sh', 'scripts/server-dist']) assert.ok(files.includes(f), `${f} is in the context`);
  for (const f of files) assert.ok(!/^(target|node_modules|pkg|\.git)\//.test(f), `${f} must stay out of the context`);
  rmSync(context, { recursive: true, force: true });
  for (const f of files) {
    mkdirSync(join(context, f, '..'), { recursive: true });
    copyFileSync(join(ROOT, f), join(context, f));
  }
  const meta = await run('cargo', ['metadata', '--locked', '--offline', '--format-version', '1'], { cwd: context });
  assert.equal(meta.code, 0, `cargo metadata in the context:\n${meta.stderr}`);
  assert.ok(JSON.parse(meta.stdout).workspace_members.some((m) => m.includes('momento-server')));
  if (!FULL) return;
  const built = await run('bash', ['scripts/server-dist', '--profile', 'release', '--out', join(context, 'dist'), 'linux/amd64'],
    { cwd: context, timeout: 900_000, env: { ...process.env, CARGO_TARGET_DIR: join(ROOT, 'target') } });
  assert.equal(built.code, 0, `scripts/server-dist in the context:\n${built.stderr.slice(-4000)}`);
});

/** Runs image-run.mjs in a new network namespace with the image laid out in target/server-npm/image-rootfs. */
async function runImage(binary, argv, url) {
  const rootfs = join(ROOT, 'target', 'server-npm', 'image-rootfs');
  rmSync(rootfs, { recursive: true, force: true });
  mkdirSync(join(rootfs, 'data'), { recursive: true });
  copyFileSync(binary, join(rootfs, entrypoint[0]));
  chownSync(join(rootfs, 'data'), Number(uid), Number(gid)); // COPY --chown
  const setup = 'ip link set lo up && ip link add eth0 type veth peer name eth0-peer && ip addr add 192.0.2.2/24 dev eth0'
    + ' && ip link set eth0 up && ip link set eth0-peer up && exec "$@"';
  const r = await run('unshare', ['--net', 'sh', '-c', setup, 'sh', process.execPath, join(import.meta.dirname, 'image-run.mjs'),
    rootfs, `${uid}:${gid}`, JSON.stringify(argv), url], { timeout: 60_000 });
  assert.equal(r.code, 0, `image-run failed:\n${r.stdout}\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}
const imageSkip = (process.getuid() !== 0 && 'needs root (chroot, unshare --net)')
  || (!existsSync('/usr/bin/unshare') && 'no unshare (util-linux)');
const imageBinary = () => (FULL && existsSync(join(context, 'dist/linux-x64/momento-server'))
  ? join(context, 'dist/linux-x64/momento-server') // what the build stage produced from the context
  : join(DIST, 'server-linux-x64/bin/momento-server'));

test('docker run (the image\'s command as the image runs it): serves eth0:8080 with the key it writes to /data, SIGTERM → exit 0', { skip: imageSkip }, async () => {
  const result = await runImage(imageBinary(), [...entrypoint, ...cmd], 'http://192.0.2.2:8080');
  assert.equal(result.ready, 'momento-server listening on http://127.0.0.1:8080'); // the URL of keys it mints
  assert.equal(result.uid, uid, 'runs as the image\'s USER');
  assert.match(result.stderr, /event=listening addr=0\.0\.0\.0:8080 .*auth=token/);
  assert.equal(result.keyFileValue, 'key file', 'the key of /data/api-key works through eth0');
  assert.equal(result.mintedStatus, 0, '`momento-server key --secret-file /data/api-key.secret` as documented');
  assert.equal(result.mintedValue, 'minted key');
  assert.equal(result.noToken, 16, 'a call without a valid token is UNAUTHENTICATED');
  assert.deepEqual(result.exit, { code: 0, signal: null }, result.stderr);
  assert.match(result.stderr, /event=shutdown signal=SIGTERM/);
});

test('docker run --network host momento-server --auth none (the documented open access): 127.0.0.1:8080', { skip: imageSkip }, async () => {
  const result = await runImage(imageBinary(), [...entrypoint, '--auth', 'none'], 'http://127.0.0.1:8080');
  assert.equal(result.ready, 'momento-server listening on http://127.0.0.1:8080');
  assert.equal(result.anyTokenValue, 'auth none');
  assert.deepEqual(result.exit, { code: 0, signal: null }, result.stderr);
});

const engine = (await run('docker', ['info'], { timeout: 20_000 }).catch(() => ({ code: 1 }))).code === 0;
test('docker build + docker run -p (real engine)', { skip: !engine && 'no Docker engine here: the image was not built', timeout: 1_800_000 }, async () => {
  const tag = `momento-server-test:${VERSION}`;
  const b = await run('docker', ['build', '-t', tag, ROOT], { timeout: 1_800_000 });
  assert.equal(b.code, 0, b.stderr);
  const v = await run('docker', ['run', '--rm', tag, '--version']);
  assert.equal(v.stdout.trim(), `momento-server ${VERSION}`);
});
