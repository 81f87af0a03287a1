// Demo web server (no dependencies): serves www/ and the built SDK (pkg/web) on 127.0.0.1, and hands the page
// its credential at /config.json. A local-development convenience: a real app mints a scoped, short-lived
// disposable token in its backend instead (see issue #6).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.argv[2] ?? 8081);
const apiKey = process.env.MOMENTO_API_KEY ?? '';
const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.d.ts': 'text/plain' };

createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (path === '/config.json') {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    return res.end(JSON.stringify({ apiKey }));
  }
  const rel = path === '/' ? 'www/index.html' : path.startsWith('/pkg/') ? `pkg/web/${path.slice(5)}` : `www${path}`;
  const file = normalize(join(root, rel));
  if (!file.startsWith(root)) { res.writeHead(403); return res.end(); }
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`demo page on http://127.0.0.1:${port}/`));
