// The shared JS suites in headless Debian Chromium (playwright-core, /usr/bin/chromium), as a page and inside a
// module service worker, against momento-server across origins (CORS). Needs MOMENTO_API_KEY and pkg/web.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const apiKey = process.env.MOMENTO_API_KEY;
assert.ok(apiKey, 'MOMENTO_API_KEY must be set (run scripts/test)');
const root = fileURLToPath(new URL('../..', import.meta.url));
const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };

let server;
let origin;
let browser;
before(async () => {
  server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const rel = path.startsWith('/pkg/') ? `pkg/web/${path.slice(5)}` : path.slice(1);
    const file = normalize(join(root, rel));
    if (!file.startsWith(root)) { res.writeHead(403); return res.end(); }
    try {
      let body = await readFile(file);
      // Suites are written for node:test; browsers get the tiny assert module instead.
      if (file.endsWith('.mjs')) body = body.toString().replaceAll("'node:assert/strict'", "'/tests/browser/assert.mjs'");
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'service-worker-allowed': '/' });
      res.end(body);
    } catch {
      res.writeHead(404); res.end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'],
  });
});
after(async () => { await browser?.close(); server?.close(); });

for (const realm of ['page', 'service-worker']) {
  test(`suites in Chromium (${realm})`, async (t) => {
    const page = await browser.newPage();
    const logs = [];
    page.on('console', (m) => logs.push(m.text()));
    await page.goto(`${origin}/tests/browser/harness.html?realm=${realm}&key=${encodeURIComponent(apiKey)}`);
    await page.waitForFunction(() => window.results !== undefined, null, { timeout: 120_000 });
    const results = await page.evaluate(() => window.results);
    await page.close();
    assert.ok(results.length > 20, `expected the suites to run, got ${JSON.stringify(results)} ${logs.join('\n')}`);
    for (const r of results) {
      await t.test(r.name, () => { if (!r.ok) throw new Error(r.error); });
    }
  });
}
