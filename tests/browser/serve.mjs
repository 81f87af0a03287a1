// Shared by the Chromium tests: a static server for the repository (/pkg/ is pkg/web; `.mjs` files get
// 'node:assert/strict' rewritten to the tiny browser assert module) and headless Debian Chromium via playwright-core.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../..', import.meta.url));
const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };

/**
 * Starts the static server on 127.0.0.1 (a free port). `routes` maps a pathname to an extra handler
 * `(req, res, url) => void` that is tried before the files (test-only endpoints).
 * @returns {Promise<{server: import('node:http').Server, origin: string, close: () => Promise<void>}>}
 */
export async function startStaticServer({ routes = {} } = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const path = url.pathname;
    const route = Object.hasOwn(routes, path) ? routes[path] : undefined;
    if (route) {
      try {
        await route(req, res, url);
      } catch (e) {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`${e?.stack ?? e}`);
      }
      return;
    }
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
  const origin = `http://127.0.0.1:${server.address().port}`;
  const close = () => new Promise((r) => { server.close(() => r()); server.closeAllConnections?.(); });
  return { server, origin, close };
}

/** Headless Chromium (CHROMIUM, else /usr/bin/chromium). */
export function launchChromium({ extraArgs = [] } = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync', ...extraArgs],
  });
}
