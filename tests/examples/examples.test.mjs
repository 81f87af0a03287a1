// Every program under examples/ runs against momento-server, as its README says to run it: each example is copied to
// target/examples/<name>/ with the packed momento-wasm tarball installed in place of the registry package (other
// dependencies, such as next, are not installed: what needs them is run the way its platform's tooling would).
// The README's Quick start is extracted and run the same way. run.sh packs the tarball and provides the server.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, apiKey, run, tarball } from '../packaging/helpers.mjs';

const BIN = join(ROOT, 'node_modules', '.bin');
const env = { ...process.env, MOMENTO_API_KEY: apiKey, NO_COLOR: '1' };

/** Copies examples/<name> to target/examples/<name> and installs the tarball there (only). */
async function install(name, files = {}) {
  const dir = join(ROOT, 'target', 'examples', name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  if (name !== 'quickstart') await cp(join(ROOT, 'examples', name), dir, { recursive: true });
  for (const [rel, content] of Object.entries(files)) await writeFile(join(dir, rel), content);
  const pkgFile = join(dir, 'package.json');
  const pkg = JSON.parse(await readFile(pkgFile, 'utf8').catch(() => '{"type":"module"}'));
  delete pkg.dependencies; // installed below from the tarball
  delete pkg.devDependencies; // the tools come from the repository's own devDependencies
  await writeFile(pkgFile, JSON.stringify({ ...pkg, name: `example-${name}`, private: true }, null, 2));
  await run('npm', ['install', tarball, '--no-audit', '--no-fund', '--no-package-lock', '--offline', '--loglevel=error'],
    { cwd: dir });
  return dir;
}

/** Starts a long-running command; resolves once its output matches `ready`, with the process and its output. */
function start(cmd, args, { cwd, ready, timeout = 60_000 }) {
  const child = spawn(cmd, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  const onData = (d) => { out += d; };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill(); reject(new Error(`${cmd} not ready after ${timeout} ms:\n${out}`)); }, timeout);
    const check = () => {
      const m = ready.exec(out);
      if (m) { clearTimeout(timer); resolve({ child, match: m, output: () => out }); }
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`${cmd} exited (${code}):\n${out}`)); });
  });
}

/** Polls `fn` until it returns a truthy value. */
async function eventually(fn, what, ms = 15_000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

before(async () => { await mkdir(join(ROOT, 'target', 'examples'), { recursive: true }); });

test('README Quick start: the code block runs as written and prints a Hit', async () => {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Quick start'));
  const code = /```js\n([^]*?)```/.exec(section)?.[1];
  assert.ok(code, 'README has a js block under "## Quick start"');
  const dir = await install('quickstart', { 'quickstart.mjs': code });
  const { stdout } = await run('node', ['quickstart.mjs'], { cwd: dir, env });
  assert.equal(stdout.trim(), 'Hit: hello, momento');
});

test('examples/node prints what its README shows', async () => {
  const dir = await install('node');
  const { stdout } = await run('node', ['index.mjs'], { cwd: dir, env });
  const expected = (await readFile(join(ROOT, 'examples/node/README.md'), 'utf8')).match(/Prints:\n\n```\n([^]*?)```/)[1];
  // The first run creates the cache; later runs find it.
  assert.equal(stdout.replace('createCache: AlreadyExists', 'createCache: Success'), expected);
});

test('examples/leaderboard ranks the players', async () => {
  const dir = await install('leaderboard');
  const { stdout } = await run('node', ['leaderboard.mjs'], { cwd: dir, env });
  assert.equal(stdout, '#1 alan 6000\n#2 grace 5100\n#3 barbara 5100\nada is #4\n4 players\n');
});

test('examples/topics-chat: what one participant types, the other prints; end of input exits', async () => {
  const dir = await install('topics-chat');
  const alice = await start('node', ['chat.mjs', 'alice'], { cwd: dir, ready: /joined as alice/ });
  const bob = await start('node', ['chat.mjs', 'bob'], { cwd: dir, ready: /joined as bob/ });
  alice.child.stdin.write('hello bob\n');
  await eventually(() => bob.output().includes('alice: hello bob'), 'bob to see alice');
  bob.child.stdin.write('hi alice\n');
  await eventually(() => alice.output().includes('bob: hi alice'), 'alice to see bob');
  for (const p of [alice, bob]) p.child.stdin.end();
  const exits = await Promise.all([alice, bob].map((p) => new Promise((r) => p.child.on('exit', r))));
  assert.deepEqual(exits, [0, 0], 'closing the client ends the subscription and the process');
});

test('examples/aws-lambda: bundled by its build script, run from the bundle file alone: a Miss, then a warm Hit', async () => {
  const dir = await install('aws-lambda');
  // The example's own build script, with esbuild from the repository's devDependencies.
  const build = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')).scripts.build.split(' ');
  assert.equal(build[0], 'esbuild');
  await run(join(BIN, 'esbuild'), [...build.slice(1), '--log-level=warning'], { cwd: dir });
  // Deployed as Lambda deploys the zip: dist/index.js alone (no node_modules, no .wasm beside it).
  const task = await mkdtemp(join(tmpdir(), 'lambda-task-'));
  try {
    await mkdir(join(task, 'dist'));
    await cp(join(dir, 'dist', 'index.js'), join(task, 'dist', 'index.js'));
    await cp(join(dir, 'invoke.mjs'), join(task, 'invoke.mjs'));
    const id = `p${process.pid}`;
    const { stdout } = await run('node', ['invoke.mjs', id], { cwd: task, env });
    const body = JSON.stringify({ id, name: `product ${id}`, price: id.length * 100 });
    const lines = stdout.trim().split('\n').map((l) => l.replace(/ \(\d+ ms\)$/, ''));
    assert.deepEqual(lines, [`200 Miss ${body}`, `200 Hit ${body}`]);
  } finally {
    await rm(task, { recursive: true, force: true });
  }
});

test('examples/deno runs under Deno', async () => {
  const dir = await install('deno');
  const { stdout } = await run(join(BIN, 'deno'), ['run', '--allow-net', '--allow-env', '--allow-read', 'main.ts'],
    { cwd: dir, env: { ...env, DENO_NO_UPDATE_CHECK: '1' } });
  assert.match(stdout, /^Hit: deno \d+\.\d+\.\d+\n$/);
});

test('examples/bun runs under Bun', async () => {
  const dir = await install('bun');
  const { stdout } = await run(join(BIN, 'bun'), ['index.ts'], { cwd: dir, env });
  assert.match(stdout, /^Hit: bun \d+\.\d+\.\d+\n$/);
});

test('examples/cloudflare-worker under `wrangler dev` (workerd): a Miss, then a Hit', async () => {
  const dir = await install('cloudflare-worker');
  const worker = await start(join(BIN, 'wrangler'), ['dev', '--port', '0', '--ip', '127.0.0.1', '--var', `MOMENTO_API_KEY:${apiKey}`,
    '--show-interactive-dev-session=false'], {
    cwd: dir, ready: /Ready on (http:\/\/127\.0\.0\.1:\d+)/, timeout: 90_000,
  });
  try {
    const url = `${worker.match[1]}/fib?n=${20 + (process.pid % 10)}`;
    const first = await fetch(url);
    assert.equal(first.status, 200, await first.clone().text());
    assert.match(first.headers.get('x-cache'), /^(Miss|Hit)$/);
    const second = await fetch(url);
    assert.equal(second.headers.get('x-cache'), 'Hit');
    assert.equal(await second.text(), await first.text());
  } finally {
    worker.child.kill('SIGINT');
  }
});

test('examples/vercel-edge: the route handler, bundled as Next.js/Vercel bundle Edge routes, in edge-runtime', async () => {
  const dir = await install('vercel-edge', {
    // What Next.js generates around an App Router route: dispatch by method to the module's exports.
    'edge-entry.js': `import * as route from './app/api/cache/route.js';
export default (request) => route[request.method](request);`,
  });
  const { NEXT, bundle, edgeRuntime } = await import('../packaging/edge-vm.mjs');
  const { code, assets, inputs } = await bundle(join(dir, 'edge-entry.js'), NEXT);
  assert.ok(inputs.some((f) => f.endsWith('momento-wasm/index.edge.js')), `the edge-light entry: ${inputs}`);
  const edge = await edgeRuntime(code, assets);
  // From a fresh state, so that the first PUT takes the create-the-cache path.
  const sdk = await import(join(dir, 'node_modules/momento-wasm/index.node.js'));
  await new sdk.CacheClient({ credentialProvider: sdk.CredentialProvider.fromString({ apiKey }), defaultTtlSeconds: 60 })
    .deleteCache('example-edge');
  const call = async (method, key, body) => {
    const res = await edge.dispatchFetch(`http://localhost/api/cache?key=${key}`, { method, body });
    await res.waitUntil();
    return [res.status, await res.text(), res.headers.get('x-cache')];
  };
  const key = `greeting-${process.pid}`;
  assert.deepEqual((await call('PUT', key, 'hello from the edge')).slice(0, 1), [204]); // creates the cache if needed
  assert.deepEqual(await call('GET', key), [200, 'hello from the edge', 'Hit']);
  assert.deepEqual(await call('GET', `${key}-never-set`), [404, 'not found', 'Miss']);
});

test('examples/browser-token-route: per-user disposable tokens in Chromium; another user\'s keys are PERMISSION_ERROR', async () => {
  const dir = await install('browser-token-route');
  const app = await start('node', ['server.mjs', '0'], { cwd: dir, ready: /http:\/\/localhost:(\d+)\// });
  const port = app.match[1];
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.fill('#name', 'alice');
    await page.click('#login button');
    await page.waitForSelector('#app:not([hidden])');
    assert.match(await page.textContent('#who'), /Signed in as alice: .*"alice:\*" only/);
    await page.fill('#note', 'buy milk');
    await page.click('#save');
    await page.waitForFunction(() => document.querySelector('#out').textContent.startsWith('save'));
    assert.equal(await page.textContent('#out'), 'save → Success');
    await page.click('#load');
    await page.waitForFunction(() => document.querySelector('#out').textContent.startsWith('load'));
    assert.equal(await page.textContent('#out'), 'load → buy milk');
    await page.click('#peek');
    await page.waitForFunction(() => document.querySelector('#out').textContent.startsWith('read'));
    assert.equal(await page.textContent('#out'), "read bob's note → PERMISSION_ERROR");
  } finally {
    await browser.close();
    app.child.kill();
  }
});
