// (d) in headless Chromium (playwright-core, /usr/bin/chromium): the same load as bench/lib/node-load.mjs, run in a
// page served by tests/browser/serve.mjs, one fresh page per client, against momento-server across origins (CORS).
// sdk-web uses the browser's native XMLHttpRequest (bundled with esbuild into target/bench/). Chromium opens at
// most 6 HTTP/1.1 connections per origin, so "64 in flight" queues on 6 connections for every client alike.
// Usage: node bench/lib/chromium-load.mjs '<json {clients, apiKey, cache, seconds, warmupSeconds, inflights, valueBytes}>'
// → one JSON line {chromium: version, runs: [{client, results: {get: {...}, set: {...}}}]}.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startStaticServer, launchChromium } from '../../tests/browser/serve.mjs';

const o = JSON.parse(process.argv[2]);
const root = fileURLToPath(new URL('../..', import.meta.url));
execFileSync(`${root}/node_modules/.bin/esbuild`, [`${root}/bench/lib/sdk-web-entry.mjs`, '--bundle', '--format=esm',
  '--platform=browser', '--target=es2022', `--outfile=${root}/target/bench/sdk-web.browser.js`, '--log-level=warning']);

const statics = await startStaticServer();
const browser = await launchChromium();
const out = { chromium: browser.version(), runs: [] }; // one entry per element of o.clients (a client may repeat)
try {
  for (const client of o.clients) {
    const page = await browser.newPage();
    const logs = [];
    page.on('console', (m) => logs.push(m.text()));
    page.on('pageerror', (e) => logs.push(String(e)));
    await page.goto(`${statics.origin}/bench/lib/browser-bench.html`);
    await page.waitForFunction(() => window.benchReady === true, null, { timeout: 30_000 });
    try {
      out.runs.push({ client, results: await page.evaluate((args) => window.runBench(args),
        { ...o, client, sdkWebBundle: '/target/bench/sdk-web.browser.js' }) });
    } catch (e) {
      out.runs.push({ client, results: { error: `${e.message}\n${logs.join('\n')}`.slice(0, 2000) } });
    }
    await page.close();
  }
} finally {
  await browser.close();
  await statics.close();
}
console.log(JSON.stringify(out));
process.exit(0);
