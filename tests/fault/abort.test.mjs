// Fault (c): aborting in the middle of a response body. A proxy in front of a real momento-server (spawned here)
// forwards response headers at once and then trickles the body. Proves, for a unary get of a big value, a getBatch
// (server streaming) and a topic subscription (unsubscribe while a big message trickles in): the call resolves
// promptly to CANCELLED_ERROR (a value, not an exception) or the subscription ends cleanly, and the client ends the
// request on the wire (observed at the proxy): over gRPC (the Node entry) it resets the HTTP/2 stream (RST_STREAM
// CANCEL) and keeps the connection for the next call; over gRPC-web (fetch) it closes the connection. See also
// tests/node/topics.test.mjs for an idle subscription.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startServer, tempDir, cacheClient, topicClient, viaPort, listen, waitFor, sleep, WIRES }
  from './helpers.mjs';

const dir = tempDir('fault-abort');
const cacheName = 'abort';
const BIG = 512 * 1024;
// The largest topic message (Momento's max_publish_message_size_kb, 100 KiB; momento-server refuses longer ones).
const BIG_TOPIC_MESSAGE = 100 * 1024;
// How soon after abort() the call must resolve: generous for a loaded machine, far below the 10 s deadline.
const PROMPT_MS = 500;
let server;
let direct;

before(async () => {
  server = await startServer({ secretFile: join(dir, 'secret'), keyFile: join(dir, 'key') });
  direct = cacheClient(viaPort(server.apiKey, server.port));
  assert.equal((await direct.createCache(cacheName)).type, 'Success');
  const big = new Uint8Array(BIG).map((_, i) => i % 253);
  for (const k of ['big', 'b1', 'b2', 'b3']) assert.equal((await direct.set(cacheName, k, big)).type, 'Success');
});
after(async () => { await server?.kill(); });

/** Aborts once the proxy has sent the response head and some body bytes; returns [result, ms after abort]. */
async function abortMidBody(proxy, start) {
  const controller = new AbortController();
  const pending = start(controller.signal);
  await waitFor(() => proxy.state.trickle.headsSent >= 1 && proxy.state.trickle.bodyBytesSent >= 64, 'body bytes');
  const t0 = performance.now();
  controller.abort();
  const r = await pending;
  return [r, performance.now() - t0];
}

for (const [wire, { configure, trickling, ended: requestEnded }] of Object.entries(WIRES)) {
  test(`[${wire}] abort a unary get while its 512 KiB body trickles in: CANCELLED_ERROR promptly, request ended`, async () => {
    const proxy = trickling(server.port, { bytes: 64, everyMs: 10 });
    const port = await listen(proxy.srv);
    try {
      const c = cacheClient(viaPort(server.apiKey, port), (cfg) => configure(cfg.withClientTimeoutMillis(10_000)));
      const [r, ms] = await abortMidBody(proxy, (abortSignal) => c.get(cacheName, 'big', { abortSignal }));
      assert.equal(r.type, 'Error', r.toString());
      assert.equal(r.errorCode(), 'CANCELLED_ERROR');
      assert.ok(ms < PROMPT_MS, `resolved ${ms.toFixed(0)} ms after abort`);
      await requestEnded(proxy);
      assert.ok(proxy.state.trickle.bodyBytesSent < BIG, 'aborted before the body was complete');
      // The same client still works afterwards (gRPC: on the same connection; gRPC-web: a fresh one).
      const again = await c.get(cacheName, 'missing-key', { abortSignal: new AbortController().signal });
      assert.equal(again.type, 'Miss', again.toString());
      if (wire === 'grpc') assert.equal(proxy.state.accepted, 1, 'one connection, kept');
      c.close();
    } finally { proxy.close(); }
  });

  test(`[${wire}] abort a getBatch (server streaming) mid-stream: CANCELLED_ERROR promptly, request ended`, async () => {
    const proxy = trickling(server.port, { bytes: 64, everyMs: 10 });
    const port = await listen(proxy.srv);
    try {
      const c = cacheClient(viaPort(server.apiKey, port), (cfg) => configure(cfg.withClientTimeoutMillis(10_000)));
      const [r, ms] = await abortMidBody(proxy, (abortSignal) => c.getBatch(cacheName, ['b1', 'b2', 'b3'], { abortSignal }));
      assert.equal(r.type, 'Error', r.toString());
      assert.equal(r.errorCode(), 'CANCELLED_ERROR');
      assert.ok(ms < PROMPT_MS, `resolved ${ms.toFixed(0)} ms after abort`);
      await requestEnded(proxy);
      c.close();
    } finally { proxy.close(); }
  });

  test(`[${wire}] unsubscribe while a big topic message trickles in: the subscription ends, nothing partial, request ended`, async () => {
    const proxy = trickling(server.port, { bytes: 64, everyMs: 10 });
    const port = await listen(proxy.srv);
    try {
      const topics = topicClient(viaPort(server.apiKey, port), configure);
      const items = [];
      const errors = [];
      let ended = 0;
      const sub = await topics.subscribe(cacheName, `trickle-${wire}`, {
        onItem: (i) => items.push(i), onError: (e) => errors.push(e), onSubscriptionEnd: () => { ended += 1; },
      });
      assert.equal(sub.type, 'Subscription', sub.toString());
      const before = proxy.state.trickle.bodyBytesSent;
      const publisher = topicClient(viaPort(server.apiKey, server.port));
      const pub = await publisher.publish(cacheName, `trickle-${wire}`, new Uint8Array(BIG_TOPIC_MESSAGE));
      assert.equal(pub.type, 'Success', pub.toString());
      await waitFor(() => proxy.state.trickle.bodyBytesSent >= before + 256, 'the message to start trickling');
      const t0 = performance.now();
      sub.unsubscribe();
      await waitFor(() => ended === 1, 'onSubscriptionEnd', PROMPT_MS);
      const ms = performance.now() - t0;
      await requestEnded(proxy);
      await sleep(100);
      assert.equal(ended, 1, 'ended once');
      assert.equal(sub.isSubscribed, false);
      assert.deepEqual(items, [], 'no partial item delivered');
      assert.deepEqual(errors.map((e) => e.errorCode?.()), [], 'unsubscribe is not an error');
      console.log(`[${wire}] subscription ended ${ms.toFixed(0)} ms after unsubscribe`);
      for (const t of [topics, publisher]) t.close();
    } finally { proxy.close(); }
  });
}
