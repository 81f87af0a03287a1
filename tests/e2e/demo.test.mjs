// The demo app end to end in headless Chromium: the page gets a scoped disposable token from the backend's
// /token route, round-trips a value, is denied outside its scope, edits a dictionary, and receives a live topic
// message. Saves target/demo.png. Needs MOMENTO_API_KEY (the running server's root key) and pkg/web.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const apiKey = process.env.MOMENTO_API_KEY;
assert.ok(apiKey, 'MOMENTO_API_KEY must be set (run scripts/test)');
const root = fileURLToPath(new URL('../..', import.meta.url));
const freePort = () => new Promise((r) => { const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => r(port)); }); });

let backend;
let browser;
let url;
before(async () => {
  const port = await freePort();
  backend = spawn(process.execPath, ['www/serve.mjs', String(port)], { cwd: root, env: { ...process.env, MOMENTO_API_KEY: apiKey } });
  await new Promise((resolve, reject) => {
    backend.stdout.on('data', (d) => { if (String(d).includes('demo page on')) resolve(); });
    backend.stderr.on('data', (d) => process.stderr.write(d));
    backend.on('exit', (code) => reject(new Error(`demo backend exited with ${code}`)));
  });
  url = `http://127.0.0.1:${port}/`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'],
  });
});
after(async () => { await browser?.close(); backend?.kill(); });

test('the demo page works with a scoped token from its backend', async () => {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  await page.goto(url);
  await page.waitForSelector('body[data-ready=true]', { timeout: 30_000 });
  assert.match(await page.textContent('#token'), /Token scope: read-write on keys "demo-\*"/);

  const lastLog = async () => (await page.locator('#log div').first().textContent()) ?? '';
  await page.fill('#value', 'round trip ✓');
  await page.click('#set');
  await page.waitForFunction(() => document.querySelector('#log div')?.textContent.includes('set →'));
  assert.match(await lastLog(), /set → Success/);
  await page.click('#get');
  await page.waitForFunction(() => document.querySelector('#log div')?.textContent.includes('get →'));
  assert.match(await lastLog(), /get → Hit: "round trip ✓"/);
  await page.click('#outside');
  await page.waitForFunction(() => document.querySelector('#log div')?.textContent.includes('secret'));
  assert.match(await lastLog(), /PERMISSION_ERROR/);

  await page.click('#setField');
  await page.waitForSelector('#dict table');
  assert.match(await page.textContent('#dict'), /nameAda/);

  await page.waitForFunction(() => document.querySelector('#subState')?.textContent === 'subscribed');
  await page.fill('#message', 'hello topic');
  await page.click('#publish');
  await page.waitForFunction(() => document.querySelector('#messages')?.textContent.includes('hello topic'), null, { timeout: 10_000 });
  assert.match(await page.textContent('#messages'), /hello topic \(from demo-page-\d+\)/);
  await page.screenshot({ path: `${root}/target/demo.png` });
  await page.close();
});
