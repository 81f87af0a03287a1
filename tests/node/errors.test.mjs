// Error paths against the real momento-server, over the Node entry's gRPC transport: retries through a flaky proxy,
// deadlines on a silent server, cancellation mid-flight, permission denied with a scoped key, oversized items. Every
// failure must be an error value, never an exception. Needs MOMENTO_API_KEY; MOMENTO_SERVER_BIN and MOMENTO_SECRET_FILE for scoped keys.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer as createTcpServer } from 'node:net';
import { execFileSync } from 'node:child_process';
import * as sdk from '../../pkg/web/index.node.js';
import { h2Proxy } from '../fault/helpers.mjs';

const apiKey = process.env.MOMENTO_API_KEY;
assert.ok(apiKey, 'MOMENTO_API_KEY must be set (run scripts/test)');
const { endpoint } = JSON.parse(atob(apiKey));
const [serverHost, serverPort] = endpoint.split(':');
const cacheName = `errors-${process.pid}`;

const client = (provider, cfg = (c) => c) => new sdk.CacheClient({
  configuration: cfg(sdk.Configurations.Laptop.latest()),
  credentialProvider: provider,
  defaultTtlSeconds: 60,
});
const viaPort = (port) => sdk.CredentialProvider.fromString({
  apiKey,
  endpointOverrides: { cacheEndpoint: `http://127.0.0.1:${port}`, controlEndpoint: `http://127.0.0.1:${port}`,
    tokenEndpoint: `http://127.0.0.1:${port}` },
});
const listen = (srv) => new Promise((r) => srv.listen(0, '127.0.0.1', () => r(srv.address().port)));

/** A gRPC (h2c) proxy to momento-server that answers the first `failures` requests per path with HTTP 503. */
function flakyProxy() {
  const seen = new Map();
  const state = { failures: 0, seen };
  const proxy = h2Proxy(Number(serverPort), {
    answer(headers, stream) {
      const path = headers[':path'];
      const n = (seen.get(path) ?? 0) + 1;
      seen.set(path, n);
      if (n > state.failures) return false;
      stream.respond({ ':status': 503, 'content-type': 'text/plain' });
      stream.end('unavailable');
      return true;
    },
  });
  return { srv: proxy.srv, state, close: () => proxy.close() };
}

let proxy;
let proxyPort;
let silent;
let silentPort;
before(async () => {
  const r = await client(sdk.CredentialProvider.fromString({ apiKey })).createCache(cacheName);
  assert.ok(['Success', 'AlreadyExists'].includes(r.type), r.toString());
  proxy = flakyProxy();
  proxyPort = await listen(proxy.srv);
  silent = createTcpServer(() => {}); // accepts, never answers
  silentPort = await listen(silent);
});
after(() => { proxy.close(); silent.close(); });

test('idempotent calls are retried on UNAVAILABLE and succeed', async () => {
  proxy.state.failures = 2;
  proxy.state.seen.clear();
  const c = client(viaPort(proxyPort));
  const r = await c.get(cacheName, 'retry-me');
  assert.equal(r.type, 'Miss', r.toString());
  assert.equal(proxy.state.seen.get('/cache_client.Scs/Get'), 3, 'two failures then success');
});

test('non-idempotent calls are never retried', async () => {
  proxy.state.failures = 1;
  proxy.state.seen.clear();
  const r = await client(viaPort(proxyPort)).increment(cacheName, 'counter', 1);
  assert.equal(r.type, 'Error');
  assert.equal(r.errorCode(), 'SERVER_UNAVAILABLE');
  assert.equal(proxy.state.seen.get('/cache_client.Scs/Increment'), 1);
});

test('withRetryStrategy(null) turns retries off; attempts are bounded', async () => {
  proxy.state.failures = 100;
  proxy.state.seen.clear();
  const off = await client(viaPort(proxyPort), (c) => c.withRetryStrategy(null)).get(cacheName, 'k');
  assert.equal(off.errorCode(), 'SERVER_UNAVAILABLE');
  assert.equal(proxy.state.seen.get('/cache_client.Scs/Get'), 1);
  proxy.state.seen.clear();
  const five = await client(viaPort(proxyPort), (c) => c.withRetryStrategy({ maxAttempts: 5, initialDelayMillis: 1 }))
    .get(cacheName, 'k');
  assert.equal(five.errorCode(), 'SERVER_UNAVAILABLE');
  assert.equal(proxy.state.seen.get('/cache_client.Scs/Get'), 5);
});

test('a server that never answers gives TIMEOUT_ERROR at the deadline', async () => {
  const c = client(viaPort(silentPort), (cfg) => cfg.withClientTimeoutMillis(300));
  const r = await c.get(cacheName, 'k');
  assert.equal(r.type, 'Error');
  assert.equal(r.errorCode(), 'TIMEOUT_ERROR');
  assert.match(r.message(), /^The client's configured timeout was exceeded/);
  const control = await c.createCache('x');
  assert.equal(control.errorCode(), 'TIMEOUT_ERROR', 'control-plane calls have a deadline too');
});

test('aborting mid-flight gives CANCELLED_ERROR', async () => {
  const c = client(viaPort(silentPort), (cfg) => cfg.withClientTimeoutMillis(10_000));
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 50);
  const r = await c.get(cacheName, 'k', { abortSignal: controller.signal });
  assert.equal(r.type, 'Error');
  assert.equal(r.errorCode(), 'CANCELLED_ERROR');
});

test('a read-only scoped key gets PERMISSION_ERROR on writes and other caches', async () => {
  assert.ok(process.env.MOMENTO_SECRET_FILE && process.env.MOMENTO_SERVER_BIN, 'run via scripts/test');
  const key = execFileSync(process.env.MOMENTO_SERVER_BIN, ['key', '--secret-file', process.env.MOMENTO_SECRET_FILE,
    '--endpoint', endpoint, '--cache', cacheName, '--role', 'readonly', '--ttl-seconds', '60'], { encoding: 'utf8' }).trim();
  const c = client(sdk.CredentialProvider.fromString({ apiKey: key }));
  assert.equal((await c.get(cacheName, 'k')).type, 'Miss');
  const w = await c.set(cacheName, 'k', 'v');
  assert.equal(w.errorCode(), 'PERMISSION_ERROR', w.toString());
  assert.equal((await c.get('some-other-cache', 'k')).errorCode(), 'PERMISSION_ERROR');
  assert.equal((await c.createCache('nope')).errorCode(), 'PERMISSION_ERROR');
});

test('an item over 5 MB is LIMIT_EXCEEDED_ERROR with the item-size message', async () => {
  const r = await client(sdk.CredentialProvider.fromString({ apiKey })).set(cacheName, 'big', new Uint8Array(6 * 1024 * 1024));
  assert.equal(r.type, 'Error');
  assert.equal(r.errorCode(), 'LIMIT_EXCEEDED_ERROR');
  assert.match(r.message(), /^Item size limit exceeded for this account/);
});
