// (d) in headless Chromium: the same load as bench/lib/node-load.mjs, in a page served by tests/browser/serve.mjs,
// against momento-server across origins (CORS). Timings are taken WITHOUT a DevTools connection (a CDP session —
// playwright's — slowed pages down 1.4–2×): for each client a Chromium process is launched directly on the page's
// URL, the page runs the load by itself and POSTs its results to /report, and the process is killed. sdk-web uses
// the browser's native XMLHttpRequest (bundled with esbuild into target/bench/). Chromium opens at most 6 HTTP/1.1
// connections per origin, so "64 in flight" queues on 6 connections for every client alike.
// Over TLS (momento-server --tls-dev): `url` is the server's https:// origin and `spki` the base64 SHA-256 of its
// certificate's key, which Chromium then trusts (--ignore-certificate-errors-spki-list): HTTP/2, one connection.
// Usage: node bench/lib/chromium-load.mjs '<json {clients, apiKey, cache, seconds, warmupSeconds, inflights, valueBytes, url?, spki?}>'
// → one JSON line {chromium: userAgent, runs: [{client, results: {get: {...}, set: {...}}}]}.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../../tests/browser/serve.mjs';

const o = JSON.parse(process.argv[2]);
const root = fileURLToPath(new URL('../..', import.meta.url));
execFileSync(`${root}/node_modules/.bin/esbuild`, [`${root}/bench/lib/sdk-web-entry.mjs`, '--bundle', '--format=esm',
  '--platform=browser', '--target=es2022', `--outfile=${root}/target/bench/sdk-web.browser.js`, '--log-level=warning']);

let delivered;
const statics = await startStaticServer({
  routes: {
    '/report': async (req, res) => {
      let body = '';
      for await (const chunk of req) body += chunk;
      res.writeHead(204);
      res.end();
      delivered?.(JSON.parse(body));
    },
  },
});
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const timeoutMs = (o.seconds + o.warmupSeconds) * 4 * 1000 + 60_000;

/** Runs one client in a fresh Chromium process; resolves to what its page reported. */
async function runClient(client) {
  const profile = mkdtempSync(join(tmpdir(), 'momento-bench-chromium-'));
  const params = { ...o, client, sdkWebBundle: '/target/bench/sdk-web.browser.js' };
  delete params.clients;
  delete params.spki;
  const url = `${statics.origin}/bench/lib/browser-bench.html?o=${encodeURIComponent(JSON.stringify(params))}`;
  const reported = new Promise((resolve) => { delivered = resolve; });
  const browser = spawn(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
    '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run',
    '--disable-sync', '--disable-background-timer-throttling', '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows', `--user-data-dir=${profile}`,
    ...(o.spki ? [`--ignore-certificate-errors-spki-list=${o.spki}`] : []), url], { stdio: 'ignore', detached: true });
  let timer;
  try {
    return await Promise.race([
      reported,
      new Promise((resolve) => { timer = setTimeout(() => resolve({ client, results: { error: 'no report in time' } }), timeoutMs); }),
    ]);
  } finally {
    clearTimeout(timer);
    // The browser and the processes it started (renderer, GPU, …): its own process group.
    const exited = new Promise((r) => (browser.exitCode !== null || browser.signalCode ? r() : browser.once('exit', r)));
    try { process.kill(-browser.pid, 'SIGKILL'); } catch { browser.kill('SIGKILL'); }
    await exited;
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}

const out = { runs: [] }; // one entry per element of o.clients (a client may repeat)
try {
  for (const client of o.clients) {
    const r = await runClient(client);
    out.chromium ??= r.userAgent;
    out.runs.push({ client, results: r.results });
  }
} finally {
  await statics.close();
}
console.log(JSON.stringify(out));
process.exit(0);
