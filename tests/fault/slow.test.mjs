// Fault (b): a slow server. A proxy in front of a real momento-server (spawned here) either holds the whole response
// back, or lets the response headers through at once and then trickles the body a few bytes at a time. Proves, over
// gRPC (the Node entry; HTTP/2-aware proxies) and gRPC-web (fetch): the client deadline (withClientTimeoutMillis)
// ends the call at the requested value for 300, 1000 and 2000 ms (never before it; see assertEndedAtDeadline) — both before headers and with headers
// received but the body trickling — the timed-out request is ended on the wire (gRPC: RST_STREAM CANCEL, and a
// connection that never answered is dropped; gRPC-web: the connection is closed), and a response that is late but
// inside the deadline still succeeds.
//
// Measurement: performance.now() immediately around the awaited call, nothing else on the event loop of this test
// file (node --test runs each file in its own process); each deadline is measured 3 times: none may end early, the
// quickest must be within 10 % (a loaded machine fires timers late, never early, so the quickest run shows the
// mechanism) and none may overshoot by more than half the deadline + 100 ms.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startServer, tempDir, cacheClient, viaPort, tcpProxy, listen, waitFor, WIRES } from './helpers.mjs';

const dir = tempDir('fault-slow');
let server;
const cacheName = 'slow';
const BIG = 256 * 1024; // big enough that trickling it takes far longer than any deadline here

/** A proxy whose responses are held for `holdMs` (Infinity = never) before being forwarded as they came. */
function holdingProxy(upstream, holdMs) {
  return tcpProxy(upstream, {
    onResponseData: (chunk, write) => { if (holdMs !== Infinity) setTimeout(() => write(chunk), holdMs); },
  });
}

before(async () => {
  server = await startServer({ secretFile: join(dir, 'secret'), keyFile: join(dir, 'key') });
  const direct = cacheClient(viaPort(server.apiKey, server.port));
  assert.equal((await direct.createCache(cacheName)).type, 'Success');
  const big = new Uint8Array(BIG).map((_, i) => i % 251);
  assert.equal((await direct.set(cacheName, 'big', big)).type, 'Success');
  assert.equal((await direct.set(cacheName, 'small', 'ok')).type, 'Success');
});
after(async () => { await server?.kill(); });

/** Times `fn` 3 times (fresh client each time, so no connection is reused); returns the results. */
async function timed(makeClient, fn) {
  const runs = [];
  for (let i = 0; i < 3; i += 1) {
    const c = makeClient();
    const t0 = performance.now();
    const r = await fn(c);
    runs.push({ ms: performance.now() - t0, r });
    if (i < 2) c.close(); // the last one stays open: the test checks that the timeout itself ended its request
  }
  return { runs };
}

/**
 * The deadline, not something else, ended each call: no run ends early (3 % for timer granularity), the quickest is
 * within 10 % of it, and none is later than 1.5× + 100 ms (a loaded machine runs timers late, never early).
 */
function assertEndedAtDeadline(runs, deadline, label) {
  const ms = runs.map((x) => x.ms);
  console.log(`${label}: deadline ${deadline} ms, measured ${ms.map((m) => m.toFixed(1)).join('/')} ms`);
  assert.ok(Math.min(...ms) >= deadline * 0.97, `${label}: ended before the deadline: ${ms.map((m) => m.toFixed(1))}`);
  assert.ok(Math.min(...ms) <= deadline * 1.1, `${label}: the quickest run is not within 10 % of ${deadline} ms: ${ms.map((m) => m.toFixed(1))}`);
  assert.ok(Math.max(...ms) <= deadline * 1.5 + 100, `${label}: a run overshot the deadline: ${ms.map((m) => m.toFixed(1))}`);
}

/**
 * Gets `key` 3 times through `proxy` with `deadline` and no retries: each is a TIMEOUT_ERROR the deadline ended
 * (assertEndedAtDeadline).
 */
async function timesOutThrough(proxy, { configure, deadline, key, label }) {
  const port = await listen(proxy.srv);
  const { runs } = await timed(
    () => cacheClient(viaPort(server.apiKey, port), (c) => configure(c.withClientTimeoutMillis(deadline).withRetryStrategy(null))),
    (c) => c.get(cacheName, key));
  for (const { r } of runs) assert.equal(r.errorCode?.(), 'TIMEOUT_ERROR', r.toString());
  assertEndedAtDeadline(runs, deadline, label);
}

for (const [wire, { configure, trickling, ended }] of Object.entries(WIRES)) {
  for (const deadline of [300, 1000, 2000]) {
    test(`[${wire}] no response at all: TIMEOUT_ERROR at the ${deadline} ms deadline`, async () => {
      const proxy = holdingProxy(server.port, Infinity);
      try {
        await timesOutThrough(proxy, { configure, deadline, key: 'small', label: `[${wire}] held` });
        // gRPC: a connection that never got an answer is dropped; gRPC-web: the timed-out request's connection.
        await waitFor(() => proxy.open === 0, 'the client to close the timed-out connections', 2_000);
      } finally { proxy.close(); }
    });

    test(`[${wire}] headers received, body trickling: TIMEOUT_ERROR at the ${deadline} ms deadline`, async () => {
      const proxy = trickling(server.port, { bytes: 16, everyMs: 20 });
      try {
        await timesOutThrough(proxy, { configure, deadline, key: 'big', label: `[${wire}] trickle` });
        assert.ok(proxy.state.trickle.headsSent >= 3, 'the response headers did arrive');
        assert.ok(proxy.state.trickle.bodyBytesSent > 0, 'part of the body did arrive');
        await ended(proxy, 3);
      } finally { proxy.close(); }
    });
  }
}

test('a late response inside the deadline succeeds (the deadline is not premature)', async () => {
  const proxy = holdingProxy(server.port, 400);
  const port = await listen(proxy.srv);
  try {
    const c = cacheClient(viaPort(server.apiKey, port), (cfg) => cfg.withClientTimeoutMillis(2000).withRetryStrategy(null));
    const t0 = performance.now();
    const r = await c.get(cacheName, 'small');
    const ms = performance.now() - t0;
    assert.equal(r.type, 'Hit', r.toString());
    assert.equal(r.valueString(), 'ok');
    assert.ok(ms >= 400, `held 400 ms, took ${ms.toFixed(0)}`);
  } finally { proxy.close(); }
});
