// A web app's backend: the page talks to Momento directly, with short-lived disposable tokens this server mints at
// /token for the signed-in user only (keys "<user>:*" of one cache). The server's own key (a super-user or API key,
// from MOMENTO_API_KEY) never reaches the browser. Sign-in is a stand-in (a name in a cookie): use your real session.
// Run: MOMENTO_API_KEY=<key> node server.mjs [port]   then open http://localhost:3000/
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AuthClient, CacheClient, Configurations, CredentialProvider, DisposableTokenScopes, ExpiresIn,
} from 'momento-wasm';

const port = Number(process.argv[2] ?? 3000);
const CACHE = 'example-notes';
const here = fileURLToPath(new URL('.', import.meta.url));
const credentialProvider = CredentialProvider.fromEnvironmentVariable('MOMENTO_API_KEY');
const created = await new CacheClient({ configuration: Configurations.Laptop.latest(), credentialProvider, defaultTtlSeconds: 60 })
  .createCache(CACHE);
if (created.type === 'Error') throw created.innerException();
const auth = new AuthClient({ credentialProvider });

/** The signed-in user (the stand-in session: a `user` cookie), or undefined. */
const userOf = (req) => /(?:^|;\s*)user=([a-z0-9-]{1,32})(?:;|$)/.exec(req.headers.cookie ?? '')?.[1];
const json = (res, status, body) => { res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }); res.end(JSON.stringify(body)); };
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/login' && req.method === 'POST') {
    const name = url.searchParams.get('name') ?? '';
    if (!/^[a-z0-9-]{1,32}$/.test(name)) return json(res, 400, { error: 'names are 1-32 of a-z, 0-9, -' });
    res.writeHead(204, { 'set-cookie': `user=${name}; Path=/; HttpOnly; SameSite=Strict` });
    return res.end();
  }
  if (url.pathname === '/token') {
    const user = userOf(req);
    if (!user) return json(res, 401, { error: 'sign in first' });
    if (req.method === 'HEAD') return res.writeHead(204).end(); // "am I signed in?" without minting a token
    // Read-write on this user's keys only, for 10 minutes; the token id names the user in topic messages.
    const r = await auth.generateDisposableToken(DisposableTokenScopes.cacheKeyPrefixReadWrite(CACHE, `${user}:`),
      ExpiresIn.minutes(10), { tokenId: user });
    if (r.type === 'Error') return json(res, 502, { error: r.message() });
    return json(res, 200, { authToken: r.authToken, expiresAt: r.expiresAt.epoch(), user, cache: CACHE });
  }
  // The page, and the momento-wasm package itself (an import map in the page points `momento-wasm` here).
  const file = url.pathname === '/' ? join(here, 'index.html')
    : url.pathname.startsWith('/momento-wasm/') ? normalize(join(here, 'node_modules', url.pathname)) : undefined;
  if (!file || !file.startsWith(here)) return json(res, 404, { error: 'not found' });
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    json(res, 404, { error: 'not found' });
  }
}).listen(port, '127.0.0.1', function listening() { console.log(`http://localhost:${this.address().port}/`); });
