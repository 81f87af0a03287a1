// Fault (e): what HTTP/2 itself can do to the Node entry's gRPC transport (js/http2.js), through h2c proxies in front
// of a real momento-server (spawned here): a server going away (GOAWAY) under 64 calls in flight, streams reset
// (RST_STREAM) or ended without a gRPC status, a reply that is not gRPC, a connection that turns into a black hole
// (keepalive PINGs notice it), and a connection idle past the configuration's limit (replaced before the next call,
// as the Lambda preset relies on). Every failure must be an error value; idempotent calls recover by themselves.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http2 from 'node:http2';
import { join } from 'node:path';
import { startServer, tempDir, cacheClient, viaPort, h2Proxy, tcpProxy, listen, waitFor, sleep, sdk }
  from './helpers.mjs';

const dir = tempDir('fault-h2');
const cacheName = 'h2';
let server;

before(async () => {
  server = await startServer({ secretFile: join(dir, 'secret'), keyFile: join(dir, 'key') });
  const direct = cacheClient(viaPort(server.apiKey, server.port));
  assert.equal((await direct.createCache(cacheName)).type, 'Success');
  assert.equal((await direct.set(cacheName, 'k', 'v')).type, 'Success');
  direct.close();
});
after(async () => { await server?.kill(); });

/** An h2c proxy whose client sessions are counted (`state.accepted`). */
async function proxied(answer) {
  const proxy = h2Proxy(server.port, { answer });
  proxy.state.accepted = 0;
  proxy.srv.on('session', () => { proxy.state.accepted += 1; });
  const port = await listen(proxy.srv);
  return { proxy, port };
}

test('GOAWAY every 50 streams under 64 calls in flight: every get succeeds, on new connections', async () => {
  let streams = 0;
  const { proxy, port } = await proxied((headers, stream) => {
    streams += 1;
    // Graceful: streams up to this one finish; later ones on this session are refused and retried elsewhere.
    if (streams % 50 === 0) stream.session.goaway(http2.constants.NGHTTP2_NO_ERROR, stream.id);
    return false;
  });
  try {
    const c = cacheClient(viaPort(server.apiKey, port));
    const results = await Promise.all(Array.from({ length: 64 }, async () => {
      const codes = [];
      for (let i = 0; i < 20; i += 1) {
        const r = await c.get(cacheName, 'k');
        codes.push(r.type === 'Hit' ? r.type : r.toString());
      }
      return codes;
    }));
    assert.deepEqual([...new Set(results.flat())], ['Hit']);
    assert.ok(proxy.state.accepted >= 10, `reconnected after each GOAWAY (${proxy.state.accepted} connections)`);
    c.close();
  } finally { proxy.close(); }
});

test('streams reset by the server: idempotent calls are retried and succeed, others are SERVER_UNAVAILABLE', async () => {
  let resets = 2;
  const { proxy, port } = await proxied((headers, stream) => {
    if (resets <= 0) return false;
    resets -= 1;
    stream.close(http2.constants.NGHTTP2_INTERNAL_ERROR);
    return true;
  });
  try {
    const c = cacheClient(viaPort(server.apiKey, port));
    assert.equal((await c.get(cacheName, 'k')).type, 'Hit', 'two resets, then the third attempt');
    resets = 1;
    const inc = await c.increment(cacheName, 'counter', 1);
    assert.equal(inc.errorCode(), 'SERVER_UNAVAILABLE', inc.toString());
    assert.match(inc.message(), /NGHTTP2_INTERNAL_ERROR/);
    assert.equal(proxy.state.accepted, 1, 'a reset stream does not cost the connection');
    c.close();
  } finally { proxy.close(); }
});

test('a reply with no gRPC status, or not gRPC at all, is an error value', async () => {
  let mode = 'no-status';
  const { proxy, port } = await proxied((headers, stream) => {
    if (mode === 'no-status') {
      stream.respond({ ':status': 200, 'content-type': 'application/grpc' });
      stream.end(Buffer.from([0, 0, 0, 0, 0])); // an empty message, then END_STREAM without trailers
    } else {
      stream.respond({ ':status': 200, 'content-type': 'text/html' });
      stream.end('<html>a captive portal</html>');
    }
    return true;
  });
  try {
    const c = cacheClient(viaPort(server.apiKey, port), (cfg) => cfg.withRetryStrategy(null));
    const noStatus = await c.get(cacheName, 'k');
    assert.equal(noStatus.errorCode(), 'SERVER_UNAVAILABLE', noStatus.toString());
    assert.match(noStatus.message(), /without a gRPC status/);
    mode = 'html';
    const html = await c.get(cacheName, 'k');
    assert.equal(html.errorCode(), 'UNKNOWN_SERVICE_ERROR', html.toString());
    assert.match(html.message(), /Unknown Content-type received: text\/html/);
    c.close();
  } finally { proxy.close(); }
});

test('a connection that turns into a black hole: keepalive PINGs drop it, the next call gets a new one', async () => {
  let frozen = false;
  const held = [];
  const proxy = tcpProxy(server.port, {
    onResponseData: (chunk, write) => { if (frozen) held.push(chunk); else write(chunk); },
  });
  const port = await listen(proxy.srv);
  try {
    const configuration = new sdk.Configuration({ clientTimeoutMillis: 2000, keepAliveTimeMillis: 200 });
    const c = new sdk.CacheClient({ configuration, credentialProvider: viaPort(server.apiKey, port), defaultTtlSeconds: 60 });
    assert.equal((await c.get(cacheName, 'k')).type, 'Hit');
    assert.equal(proxy.state.accepted, 1);
    frozen = true; // nothing comes back any more, and the connection stays open
    await waitFor(() => proxy.open === 0, 'the client to drop the silent connection', 5_000);
    frozen = false;
    assert.equal((await c.get(cacheName, 'k')).type, 'Hit');
    assert.equal(proxy.state.accepted, 2, 'a new connection');
    c.close();
  } finally { proxy.close(); }
});

test('a connection idle past maxIdleMillis is replaced before the next call (no failed call first)', async () => {
  const { proxy, port } = await proxied();
  try {
    // maxIdleMillis is not a Configuration setting (every preset uses the official 4 minutes): read as js/http2.js
    // reads it, from the configuration object.
    class ShortIdle extends sdk.Configuration { get maxIdleMillis() { return 300; } }
    const configuration = new ShortIdle({ clientTimeoutMillis: 2000, keepAliveTimeMillis: 0 });
    const c = new sdk.CacheClient({ configuration, credentialProvider: viaPort(server.apiKey, port), defaultTtlSeconds: 60 });
    assert.equal((await c.get(cacheName, 'k')).type, 'Hit');
    assert.equal((await c.get(cacheName, 'k')).type, 'Hit');
    assert.equal(proxy.state.accepted, 1, 'busy: one connection');
    await sleep(500);
    assert.equal((await c.get(cacheName, 'k')).type, 'Hit');
    assert.equal(proxy.state.accepted, 2, 'idle too long: a new connection for the next call');
    await waitFor(() => proxy.state.sessions.size === 1, 'the idle one to be closed');
    c.close();
  } finally { proxy.close(); }
});

test('withNumConnections(3): calls spread over three connections', async () => {
  const { proxy, port } = await proxied();
  try {
    const c = cacheClient(viaPort(server.apiKey, port), (cfg) => cfg.withNumConnections(3));
    await Promise.all(Array.from({ length: 30 }, () => c.get(cacheName, 'k')));
    assert.equal(proxy.state.accepted, 3);
    c.close();
    await waitFor(() => proxy.state.sessions.size === 0, 'close() to close all three');
  } finally { proxy.close(); }
});
