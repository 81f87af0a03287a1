// TopicClient against momento-server: ordering, text/binary, resume across a severed connection without loss,
// discontinuities, unsubscribe closing the network stream, and the `for await` iterator. A TCP proxy in front of
// the real server cuts connections on demand. Needs MOMENTO_API_KEY.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as sdk from '../../pkg/web/index.node.js';
import { topicsSuite } from '../suites/topics.mjs';
// The TCP proxy (`sever()` cuts every connection, `open` counts live ones), the h2c proxy (`streams` counts streams
// in flight) and waitFor are tests/fault's.
import { h2Proxy, listen, tcpProxy, waitFor } from '../fault/helpers.mjs';

const apiKey = process.env.MOMENTO_API_KEY;
assert.ok(apiKey, 'MOMENTO_API_KEY must be set (run scripts/test)');
const { endpoint } = JSON.parse(atob(apiKey));
const [, port] = endpoint.split(':');
const cacheName = `topics-${process.pid}`;

const topicClient = (p) => new sdk.TopicClient({
  configuration: sdk.Configurations.Laptop.latest(),
  credentialProvider: p ?? sdk.CredentialProvider.fromString({ apiKey }),
});
const viaProxy = (proxyPort) => sdk.CredentialProvider.fromString({
  apiKey,
  endpointOverrides: { cacheEndpoint: `http://127.0.0.1:${proxyPort}`, controlEndpoint: `http://127.0.0.1:${proxyPort}`,
    tokenEndpoint: `http://127.0.0.1:${proxyPort}` },
});

let proxy;
let proxyPort;
before(async () => {
  const c = new sdk.CacheClient({ credentialProvider: sdk.CredentialProvider.fromString({ apiKey }), defaultTtlSeconds: 60 });
  const r = await c.createCache(cacheName);
  assert.ok(['Success', 'AlreadyExists'].includes(r.type), r.toString());
  proxy = tcpProxy(Number(port));
  await new Promise((r2) => proxy.srv.listen(0, '127.0.0.1', r2));
  proxyPort = proxy.srv.address().port;
});
after(() => proxy.srv.close());

test('subscribe receives text and binary messages in order with sequence numbers', async () => {
  const client = topicClient();
  const items = [];
  let heartbeats = 0;
  const sub = await client.subscribe(cacheName, 'ordered', { onItem: (i) => items.push(i), onHeartbeat: () => { heartbeats += 1; } });
  assert.ok(sub instanceof sdk.TopicSubscribe.Subscription, sub.toString());
  assert.equal((await client.publish(cacheName, 'ordered', 'one')).type, 'Success');
  assert.equal((await client.publish(cacheName, 'ordered', new Uint8Array([2, 2]))).type, 'Success');
  assert.equal((await client.publish(cacheName, 'ordered', 'three')).type, 'Success');
  await waitFor(() => items.length === 3, 'three items');
  sub.unsubscribe();
  assert.ok(heartbeats >= 1, 'the server sends a heartbeat first');
  assert.deepEqual(items.map((i) => i.value()), ['one', new Uint8Array([2, 2]), 'three']);
  assert.equal(items[1].valueString(), '\u0002\u0002');
  const seq = items.map((i) => i.sequenceNumber());
  assert.deepEqual(seq, [seq[0], seq[0] + 1, seq[0] + 2]);
});

test('a severed stream resumes where it left off: every message, in order, no duplicates', async () => {
  const direct = topicClient();
  const client = topicClient(viaProxy(proxyPort));
  const got = [];
  let lost = 0;
  const sub = await client.subscribe(cacheName, 'resume', {
    onItem: (i) => got.push(i.valueString()),
    onConnectionLost: () => { lost += 1; },
    reconnectInitialDelayMillis: 50,
  });
  assert.equal(sub.type, 'Subscription');
  for (const m of ['a', 'b', 'c']) await direct.publish(cacheName, 'resume', m);
  await waitFor(() => got.length === 3, 'first three');
  proxy.sever();
  for (const m of ['d', 'e', 'f']) await direct.publish(cacheName, 'resume', m);
  await waitFor(() => got.length === 6, 'resumed items');
  await direct.publish(cacheName, 'resume', 'g');
  await waitFor(() => got.length === 7, 'live again');
  sub.unsubscribe();
  assert.deepEqual(got, ['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  assert.equal(lost, 1, 'the loss is reported once');
  client.close(); // its HTTP/2 connection through the proxy: later tests count the proxy's connections
  await waitFor(() => proxy.open === 0, 'the pooled connection to close');
});

test('resuming on an unknown sequence page reports a discontinuity first', async () => {
  const client = topicClient();
  await client.publish(cacheName, 'disc', 'x');
  const discontinuities = [];
  const sub = await client.subscribe(cacheName, 'disc', {
    resumeAtTopicSequenceNumber: 5, sequencePage: 424242,
    onDiscontinuity: (d) => discontinuities.push(d),
  });
  await waitFor(() => discontinuities.length === 1, 'a discontinuity');
  sub.unsubscribe();
  assert.equal(discontinuities[0].lastSequenceNumber(), 4);
  assert.notEqual(discontinuities[0].newSequencePage(), 424242);
});

test('unsubscribe resets the HTTP/2 stream (the connection stays for other calls) and ends the subscription', async () => {
  const h2 = h2Proxy(Number(port));
  const client = topicClient(viaProxy(await listen(h2.srv)));
  let ended = false;
  const sub = await client.subscribe(cacheName, 'bye', { onSubscriptionEnd: () => { ended = true; } });
  await waitFor(() => h2.streams === 1, 'an open stream');
  sub.unsubscribe();
  await waitFor(() => ended, 'onSubscriptionEnd');
  await waitFor(() => h2.streams === 0, 'the stream to close');
  assert.equal(sub.isSubscribed, false);
  assert.equal(h2.state.sessions.size, 1, 'the connection is pooled, not closed');
  assert.equal((await client.publish(cacheName, 'bye', 'x')).type, 'Success');
  client.close();
  await waitFor(() => h2.state.sessions.size === 0, 'close() to close the connection');
  h2.close();
});

test('[web] unsubscribe closes the fetch stream and ends the subscription', async () => {
  const client = new sdk.TopicClient({
    configuration: sdk.Configurations.Laptop.latest().withFetch(fetch), credentialProvider: viaProxy(proxyPort),
  });
  let ended = false;
  const sub = await client.subscribe(cacheName, 'bye', { onSubscriptionEnd: () => { ended = true; } });
  await waitFor(() => proxy.open >= 1, 'an open connection');
  sub.unsubscribe();
  await waitFor(() => ended, 'onSubscriptionEnd');
  await waitFor(() => proxy.open === 0, 'the connection to close');
  assert.equal(sub.isSubscribed, false);
});

test('for await yields items; a missing cache is a TopicSubscribe.Error', async () => {
  const client = topicClient();
  const sub = await client.subscribe(cacheName, 'iter');
  const received = [];
  const reading = (async () => {
    for await (const item of sub) {
      received.push(item.valueString());
      if (received.length === 2) break;
    }
  })();
  await client.publish(cacheName, 'iter', 'first');
  await client.publish(cacheName, 'iter', 'second');
  await reading;
  assert.deepEqual(received, ['first', 'second']);
  assert.equal(sub.isSubscribed, false, 'breaking out of the loop unsubscribes');
  const missing = await client.subscribe('no-such-cache-here', 'x');
  assert.equal(missing.type, 'Error');
  assert.equal(missing.errorCode(), 'NOT_FOUND_ERROR');
  const bad = await client.subscribe(cacheName, ' ');
  assert.equal(bad.errorCode(), 'INVALID_ARGUMENT_ERROR');
});

// The Node entry's gRPC, and gRPC-web over fetch (withFetch) in text and binary mode.
for (const [wire, configure] of Object.entries({
  grpc: (c) => c, 'web-text': (c) => c.withFetch(fetch), 'web-binary': (c) => c.withFetch(fetch).withTransportMode('binary'),
})) {
  const client = new sdk.TopicClient({
    configuration: configure(sdk.TopicConfigurations.Laptop.latest()),
    credentialProvider: sdk.CredentialProvider.fromString({ apiKey }),
  });
  topicsSuite((name, fn) => test(`[${wire}] ${name}`, fn), { sdk, topicClient: () => client, cacheName });
}

test('close() ends every open subscription and lets a Node process exit (issue #13)', async () => {
  // In a child process: subscribe twice, close the client; the process must exit on its own, promptly.
  const { spawn } = await import('node:child_process');
  const script = `
    import * as sdk from ${JSON.stringify(new URL('../../pkg/web/index.node.js', import.meta.url).href)};
    const client = new sdk.TopicClient({ credentialProvider: sdk.CredentialProvider.fromString({ apiKey: process.env.MOMENTO_API_KEY }) });
    const ended = [];
    const subs = [];
    for (const t of ['a', 'b']) subs.push(await client.subscribe(${JSON.stringify(cacheName)}, 'close-' + t, { onSubscriptionEnd: () => ended.push(t) }));
    client.close();
    const published = await client.publish(${JSON.stringify(cacheName)}, 'close-a', 'x');
    await new Promise((r) => setTimeout(r, 100));
    console.log(JSON.stringify({ subscribed: subs.map((s) => s.isSubscribed), ended: ended.sort(), published: published.errorCode() }));
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { env: process.env });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  const code = await Promise.race([
    new Promise((resolve) => child.on('exit', resolve)),
    new Promise((resolve) => setTimeout(() => resolve('still running after 5 s'), 5000)),
  ]);
  child.kill();
  assert.equal(code, 0, out);
  assert.deepEqual(JSON.parse(out), { subscribed: [false, false], ended: ['a', 'b'], published: 'INVALID_ARGUMENT_ERROR' });
});

test('a cache deleted mid-subscription: onError(NOT_FOUND) arrives with isSubscribed false (issue #13)', async () => {
  const admin = new sdk.CacheClient({ credentialProvider: sdk.CredentialProvider.fromString({ apiKey }), defaultTtlSeconds: 60 });
  const doomed = `${cacheName}-doomed`;
  assert.equal((await admin.createCache(doomed)).type, 'Success');
  const client = topicClient();
  const seen = [];
  const sub = await client.subscribe(doomed, 't', {
    onError: (e, s) => seen.push({ code: e.errorCode(), subscribed: s.isSubscribed, also: sub?.isSubscribed }),
  });
  assert.ok(sub instanceof sdk.TopicSubscribe.Subscription, sub.toString());
  assert.equal((await admin.deleteCache(doomed)).type, 'Success');
  await waitFor(() => seen.length === 1, 'onError after the cache is deleted', 15000);
  assert.deepEqual(seen, [{ code: 'NOT_FOUND_ERROR', subscribed: false, also: false }]);
  client.close();
});

test("an exception thrown by the user's callback is logged, never fed back into onError (issue #13)", async () => {
  const logged = [];
  const loggerFactory = { getLogger: () => ({ error: (m) => logged.push(m), warn() {}, info() {}, debug() {}, trace() {} }) };
  const client = new sdk.TopicClient({
    configuration: sdk.Configurations.Laptop.latest().withLoggerFactory(loggerFactory),
    credentialProvider: sdk.CredentialProvider.fromString({ apiKey }),
  });
  const items = [];
  const errors = [];
  const sub = await client.subscribe(cacheName, 'throwing', {
    onItem: (i) => { items.push(i.valueString()); throw new Error('boom in onItem'); },
    onError: (e) => errors.push(e.message()),
  });
  await client.publish(cacheName, 'throwing', 'one');
  await client.publish(cacheName, 'throwing', 'two');
  await waitFor(() => items.length === 2, 'both items despite the throwing callback');
  assert.equal(sub.isSubscribed, true);
  assert.deepEqual(errors, []);
  assert.ok(logged.some((m) => /onItem callback threw: Error: boom in onItem/.test(m)), logged.join('\n'));
  client.close();
});

test("TopicItem.toString() is the official one: 32 characters then '...', and the publisher's token id", async () => {
  const auth = new sdk.AuthClient({ credentialProvider: sdk.CredentialProvider.fromString({ apiKey }) });
  const token = await auth.generateDisposableToken(sdk.DisposableTokenScopes.topicPublishSubscribe(cacheName, 'shown'),
    sdk.ExpiresIn.minutes(1), { tokenId: 'publisher-7' });
  assert.equal(token.type, 'Success', String(token));
  const publisher = topicClient(sdk.CredentialProvider.fromString({ apiKey: token.authToken }));
  const client = topicClient();
  const items = [];
  const sub = await client.subscribe(cacheName, 'shown', { onItem: (i) => items.push(i) });
  await publisher.publish(cacheName, 'shown', 'x'.repeat(40));
  await client.publish(cacheName, 'shown', 'short');
  await waitFor(() => items.length === 2, 'two items');
  sub.unsubscribe();
  assert.equal(items[0].toString(), `TopicItem: ${'x'.repeat(32)}...; Token Id: publisher-7`);
  assert.match(items[1].toString(), /^TopicItem: short(; Token Id: .+)?$/);
  for (const c of [auth, publisher, client]) c.close();
});
