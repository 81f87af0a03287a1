// A Cloudflare Worker caching an expensive computation in Momento. wrangler resolves momento-wasm's `workerd` export
// condition: the .wasm is imported as a compiled module (Workers cannot compile wasm from bytes) and fetch is the
// Worker's own. The API key is a secret binding: `wrangler secret put MOMENTO_API_KEY` (or `--var` in `wrangler dev`).
//   GET /fib?n=30   → the value, from the cache when it is there (header x-cache: Hit | Miss)
import { CacheClient, Configurations, CredentialProvider } from 'momento-wasm';

const CACHE = 'example-worker';
let client; // one client per isolate, reused across requests

function clientFor(env) {
  client ??= new CacheClient({
    configuration: Configurations.InRegion.Default.latest(),
    // `env` is the Worker's bindings object; fromEnvironmentVariable reads it instead of process.env.
    credentialProvider: CredentialProvider.fromEnvironmentVariable({ environmentVariableName: 'MOMENTO_API_KEY', env }),
    defaultTtlSeconds: 300,
  });
  return client;
}

const fib = (n) => (n < 2 ? n : fib(n - 1) + fib(n - 2));

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname !== '/fib') return new Response('try /fib?n=30\n', { status: 404 });
    const n = Number(url.searchParams.get('n') ?? 30);
    if (!Number.isInteger(n) || n < 0 || n > 35) return new Response('n must be an integer from 0 to 35\n', { status: 400 });
    const c = clientFor(env);
    const key = `fib-${n}`;
    const cached = await c.get(CACHE, key);
    if (cached.type === 'Hit') return new Response(`${cached.valueString()}\n`, { headers: { 'x-cache': 'Hit' } });
    // A cache error is logged and the request still answered: the cache is an optimisation here.
    if (cached.type === 'Error') console.warn(`momento get: ${cached.message()}`);
    if (cached.type === 'Error' && cached.errorCode() === 'NOT_FOUND_ERROR') await c.createCache(CACHE); // a fresh server
    const value = String(fib(n));
    const stored = await c.set(CACHE, key, value);
    if (stored.type === 'Error') console.warn(`momento set: ${stored.message()}`);
    return new Response(`${value}\n`, { headers: { 'x-cache': 'Miss' } });
  },
};
