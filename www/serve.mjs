// Demo backend (no dependencies beyond the built SDK): serves www/ and pkg/web on 127.0.0.1, creates the demo
// cache with the root key, and mints short-lived disposable tokens at /token, scoped to what the page may touch
// (keys starting with "demo-" in cache "demo", topic "chat"). The page never sees the root key.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AuthClient, CacheClient, CacheRole, Configurations, CredentialProvider, ExpiresIn, TopicRole,
} from '../pkg/web/index.node.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.argv[2] ?? 8081);
const apiKey = process.env.MOMENTO_API_KEY;
if (!apiKey) throw new Error('MOMENTO_API_KEY (the root key) is required');
const CACHE = 'demo';
const SCOPE = {
  permissions: [
    { role: CacheRole.ReadWrite, cache: CACHE, item: { keyPrefix: 'demo-' } },
    { role: TopicRole.PublishSubscribe, cache: CACHE, topic: 'chat' },
  ],
};
const TOKEN_SECONDS = Number(process.env.DEMO_TOKEN_SECONDS ?? 120);

const rootProvider = CredentialProvider.fromString({ apiKey });
const created = await new CacheClient({ configuration: Configurations.Laptop.latest(), credentialProvider: rootProvider,
  defaultTtlSeconds: 60 }).createCache(CACHE);
if (created.type === 'Error') throw new Error(`cannot create the demo cache: ${created.message()}`);
const auth = new AuthClient({ credentialProvider: rootProvider });

const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json' };
let minted = 0;

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  const path = decodeURIComponent(url.pathname);
  if (path === '/token') {
    const r = await auth.generateDisposableToken(SCOPE, ExpiresIn.seconds(TOKEN_SECONDS), { tokenId: `demo-page-${++minted}` });
    if (r.type === 'Error') {
      res.writeHead(500, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ error: r.message() }));
    }
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    return res.end(JSON.stringify({
      authToken: r.authToken, expiresAt: r.expiresAt.epoch(), cache: CACHE,
      scope: `read-write on keys "demo-*" in cache "${CACHE}"; publish/subscribe on topic "chat"; expires in ${TOKEN_SECONDS} s`,
    }));
  }
  const rel = path === '/' ? 'www/index.html' : path.startsWith('/pkg/') ? `pkg/web/${path.slice(5)}` : `www${path}`;
  const file = normalize(join(root, rel));
  if (!file.startsWith(root)) { res.writeHead(403); return res.end(); }
  try {
    const body = await readFile(file);
    // `?source`: the file as text, so the page can link to its own code and to this backend's.
    const type = url.searchParams.has('source') ? 'text/plain; charset=utf-8' : types[extname(file)];
    res.writeHead(200, { 'content-type': type ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`demo page on http://127.0.0.1:${port}/`));
