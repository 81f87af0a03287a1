// The packed momento-wasm in a Vite production build (browser condition: top-level await init, the .wasm
// emitted as an asset via new URL(..., import.meta.url)), served statically and loaded in headless Chromium
// (playwright-core, Debian's /usr/bin/chromium), doing set/get against momento-server across origins. Also
// momento-wasm/slim in a module service worker (no top-level await allowed there), unbundled.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { makeProject, setGetSource, apiKey } from './helpers.mjs';

const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
function serveStatic(root) {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root)) { res.writeHead(403); return res.end(); }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch { res.writeHead(404); res.end(); }
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r(server)));
}

let browser; // a Promise<Browser>, launched once on first use
const servers = [];
after(async () => {
  await (await browser)?.close();
  for (const s of servers) { s.close(); s.closeAllConnections?.(); }
});
function launch() {
  browser ??= chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'],
  });
  return browser;
}

/** Opens `url` and waits for the page to set its title to 'done'; returns #out's text. */
async function pageResult(url) {
  const page = await (await launch()).newPage();
  const logs = [];
  page.on('console', (m) => logs.push(m.text()));
  page.on('pageerror', (e) => logs.push(`pageerror: ${e}`));
  try {
    await page.goto(url);
    await page.waitForFunction(() => document.title === 'done', null, { timeout: 60_000 })
      .catch((e) => { throw new Error(`${e.message}\n${logs.join('\n')}`); });
    return { out: await page.textContent('#out'), logs: logs.join('\n') };
  } finally {
    await page.close();
  }
}

test('Vite build: the page imports momento-wasm and reports a Hit in Chromium', async () => {
  const dir = await makeProject('vite', {
    'index.html': '<!doctype html><html><head><title>pending</title></head><body><pre id="out">pending</pre>' +
      '<script type="module" src="/main.js"></script></body></html>\n',
    'main.js': `import * as sdk from 'momento-wasm';
const apiKey = new URLSearchParams(location.search).get('key');
(async () => {${setGetSource('vite')}})().then(
  (r) => { document.getElementById('out').textContent = r; document.title = 'done'; },
  (e) => { document.getElementById('out').textContent = 'threw:' + (e && e.stack || e); document.title = 'done'; },
);
`,
  });
  await build({ root: dir, configFile: false, logLevel: 'warn', build: { outDir: join(dir, 'dist') } });
  const assets = await readdir(join(dir, 'dist', 'assets'));
  assert.ok(assets.some((f) => f.endsWith('.wasm')), `the .wasm is emitted as an asset: ${assets}`);

  const server = await serveStatic(join(dir, 'dist'));
  servers.push(server);
  const { out, logs } = await pageResult(`http://127.0.0.1:${server.address().port}/?key=${encodeURIComponent(apiKey)}`);
  assert.equal(out, 'Hit:packaged-vite', logs);
});

test('momento-wasm/slim in a module service worker: explicit init(), then set/get', async () => {
  const dir = await makeProject('service-worker', {
    'index.html': `<!doctype html><html><head><title>pending</title></head><body><pre id="out">pending</pre><script type="module">
const out = document.getElementById('out');
const finish = (text) => { out.textContent = text; document.title = 'done'; };
navigator.serviceWorker.onmessage = (e) => finish(e.data);
navigator.serviceWorker.register('/sw.js', { type: 'module' })
  .then(() => navigator.serviceWorker.ready)
  .then((reg) => reg.active.postMessage(new URLSearchParams(location.search).get('key')))
  .catch((e) => finish('register:' + e));
</script></body></html>
`,
    // Unbundled, as a service worker may be served: the slim entry by path; init() fetches the .wasm beside it.
    'sw.js': `import * as sdk from './node_modules/momento-wasm/index.slim.js';
const ready = sdk.init();
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));
self.addEventListener('message', (e) => {
  const apiKey = e.data;
  e.waitUntil(ready.then(async () => {${setGetSource('sw')}}).then(
    (r) => e.source.postMessage(r), (err) => e.source.postMessage('threw:' + (err && err.stack || err))));
});
`,
  });
  const server = await serveStatic(dir);
  servers.push(server);
  const { out, logs } = await pageResult(`http://127.0.0.1:${server.address().port}/?key=${encodeURIComponent(apiKey)}`);
  assert.equal(out, 'Hit:packaged-sw', logs);
});
