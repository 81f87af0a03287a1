// Fault (d): a topic subscription across a server restart and across a severed stream.
//
// What "without loss" can mean for an in-memory server:
// - A SIGKILLed momento-server loses everything: caches, topics, their sequence pages and buffered messages.
//   Messages published to the old server and not yet delivered are gone for good, and publishes attempted while it
//   is down fail (the publisher gets an error value, so nothing is silently dropped). The new server numbers the
//   topic on a new sequence page, so the resuming subscriber first gets a Discontinuity (its old page is unknown) and
//   then the new page's whole buffer. "Without loss" therefore means: every message whose publish SUCCEEDED on the
//   restarted server is delivered exactly once, in order — including those published after the restart but before
//   the subscriber managed to reconnect (they are replayed from the server's per-topic buffer,
//   --topic-buffer-size, default 1024 items).
// - When only the stream breaks and the server keeps running, nothing is lost at all: the subscriber resumes at
//   last + 1 on the same page and gets every message published during the outage exactly once, in order, with no
//   discontinuity. tests/node/topics.test.mjs covers a single sever with three messages in the gap; the second test
//   here repeats the outage several times under a continuous publisher.
//
// The subscription reconnects by itself following the policy of src/core/topics/subscription.rs (reconnect on
// UNAVAILABLE/stream end with jittered backoff, end on NOT_FOUND). A restarted in-memory server has no caches until
// one is created, and NOT_FOUND ends a subscription by design; so the subscriber's path to the server goes through a
// TCP proxy that is held shut from the kill until the cache has been recreated (the proxy forwards nothing else).
// Spawns its own servers from MOMENTO_SERVER_BIN.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createServer, connect } from 'node:net';
import { startServer, tempDir, cacheClient, topicClient, viaPort, tcpProxy, listen, waitFor, sleep } from './helpers.mjs';

const dir = tempDir('fault-sub-restart');
const secretFile = join(dir, 'secret');
const keyFile = join(dir, 'key');
let server;
after(async () => { await server?.kill(); });

/** A TCP proxy to `upstream()`'s current port; while `shut`, it drops new connections at once. */
function gatedProxy(upstreamPort) {
  const sockets = new Set();
  const state = { shut: false, accepted: 0, refused: 0 };
  const srv = createServer((inbound) => {
    state.accepted += 1;
    if (state.shut) { state.refused += 1; inbound.destroy(); return; }
    const outbound = connect(upstreamPort, '127.0.0.1');
    sockets.add(inbound);
    const drop = () => { sockets.delete(inbound); inbound.destroy(); outbound.destroy(); };
    inbound.on('error', drop).on('close', drop);
    outbound.on('error', drop).on('close', drop);
    inbound.pipe(outbound).pipe(inbound);
  });
  return { srv, state, close() { for (const s of sockets) s.destroy(); srv.close(); } };
}

function subscriber() {
  const events = [];
  return {
    events,
    items: () => events.filter((e) => e.kind === 'item'),
    options: {
      onItem: (i) => events.push({ kind: 'item', value: i.valueString(), seq: i.sequenceNumber(), page: i.sequencePage?.() }),
      onDiscontinuity: (d) => events.push({ kind: 'discontinuity', last: d.lastSequenceNumber(), next: d.newSequenceNumber?.(),
        page: d.newSequencePage() }),
      onConnectionLost: () => events.push({ kind: 'lost' }),
      onError: (e) => events.push({ kind: 'error', code: e.errorCode?.() }),
      onSubscriptionEnd: () => events.push({ kind: 'end' }),
      reconnectInitialDelayMillis: 50,
      reconnectMaxDelayMillis: 500,
    },
  };
}

test('SIGKILL + restart on the same port: the subscription reconnects by itself; every message published after the restart arrives once, in order', async () => {
  server = await startServer({ secretFile, keyFile });
  const { port, apiKey } = server;
  const cacheName = 'sub-restart';
  const topicName = 'news';
  const gate = gatedProxy(port);
  const gatePort = await listen(gate.srv);
  try {
    const admin = cacheClient(viaPort(apiKey, port));
    const publisher = topicClient(viaPort(apiKey, port));
    assert.equal((await admin.createCache(cacheName)).type, 'Success');
    const s = subscriber();
    const sub = await topicClient(viaPort(apiKey, gatePort)).subscribe(cacheName, topicName, s.options);
    assert.equal(sub.type, 'Subscription', sub.toString());
    for (const m of ['old-1', 'old-2', 'old-3']) assert.equal((await publisher.publish(cacheName, topicName, m)).type, 'Success');
    await waitFor(() => s.items().length === 3, 'the first three messages');

    gate.state.shut = true;
    await server.kill('SIGKILL');
    await waitFor(() => s.events.some((e) => e.kind === 'lost'), 'the loss to be reported');
    const down = await publisher.publish(cacheName, topicName, 'while-down');
    assert.equal(down.type, 'Error', 'a publish while the server is down fails visibly');
    assert.equal(down.errorCode(), 'SERVER_UNAVAILABLE');
    await sleep(700); // several reconnect attempts fail while the server is down

    server = await startServer({ port, secretFile, keyFile });
    assert.equal((await admin.createCache(cacheName)).type, 'Success', 'the same admin client works after the restart');
    // Published after the restart but before the subscriber can reconnect: must be replayed from the new buffer.
    const after1 = ['new-1', 'new-2', 'new-3', 'new-4', 'new-5'];
    for (const m of after1) assert.equal((await publisher.publish(cacheName, topicName, m)).type, 'Success');
    const refusedWhileDown = gate.state.refused;
    gate.state.shut = false;
    await waitFor(() => s.items().length === 3 + after1.length, 'the replayed messages');
    // Live again: messages published now arrive over the reconnected stream.
    const after2 = ['live-1', 'live-2', 'live-3'];
    for (const m of after2) assert.equal((await publisher.publish(cacheName, topicName, m)).type, 'Success');
    await waitFor(() => s.items().length === 3 + after1.length + after2.length, 'the live messages');
    await sleep(200); // room for a duplicate to show up
    sub.unsubscribe();
    await waitFor(() => s.events.some((e) => e.kind === 'end'), 'onSubscriptionEnd after unsubscribe');

    assert.ok(refusedWhileDown >= 2, `the subscription kept reconnecting by itself (${refusedWhileDown} attempts)`);
    const items = s.items();
    assert.deepEqual(items.map((i) => i.value), ['old-1', 'old-2', 'old-3', ...after1, ...after2],
      'every message published to the restarted server, once, in order; nothing from the failed publish');
    const newSeq = items.slice(3).map((i) => i.seq);
    assert.deepEqual(newSeq, newSeq.map((_, k) => k + 1), 'the new server numbers the topic from 1 again');
    const disc = s.events.filter((e) => e.kind === 'discontinuity');
    assert.equal(disc.length, 1, 'one discontinuity: the old sequence page is unknown to the new server');
    assert.equal(disc[0].last, items[2].seq, 'the discontinuity starts after the last message received');
    assert.equal(disc[0].next, 0, 'and resumes at the very start of the new page (nothing of it skipped)');
    assert.equal(disc[0].page, items[3].page, 'on the new page');
    assert.notEqual(items[3].page, items[2].page, 'which differs from the old one');
    // Order of events: the first items, one loss report, the discontinuity, the new items; no error, no end until unsubscribe.
    const kinds = s.events.map((e) => e.kind).filter((k) => k !== 'item');
    assert.deepEqual(kinds, ['lost', 'discontinuity', 'end'], JSON.stringify(s.events));
    const discAt = s.events.findIndex((e) => e.kind === 'discontinuity');
    assert.equal(s.events.slice(0, discAt).filter((e) => e.kind === 'item').length, 3);
  } finally { gate.close(); }
});

test('stream severed repeatedly while the server keeps running and a publisher keeps publishing: every message once, in order', async () => {
  server ??= await startServer({ secretFile, keyFile });
  const { port, apiKey } = server;
  const cacheName = 'sub-sever';
  const admin = cacheClient(viaPort(apiKey, port));
  assert.ok(['Success', 'AlreadyExists'].includes((await admin.createCache(cacheName)).type));
  const proxy = tcpProxy(port);
  const proxyPort = await listen(proxy.srv);
  try {
    const s = subscriber();
    const sub = await topicClient(viaPort(apiKey, proxyPort)).subscribe(cacheName, 'feed', s.options);
    assert.equal(sub.type, 'Subscription', sub.toString());
    const publisher = topicClient(viaPort(apiKey, port));
    const published = [];
    let publishing = true;
    const pub = (async () => {
      for (let n = 0; publishing; n += 1) {
        const r = await publisher.publish(cacheName, 'feed', `m${n}`);
        assert.equal(r.type, 'Success', r.toString());
        published.push(`m${n}`);
        await sleep(5);
      }
    })();
    for (let k = 0; k < 5; k += 1) {
      await sleep(150);
      proxy.sever();
    }
    await sleep(150);
    publishing = false;
    await pub;
    await waitFor(() => s.items().length >= published.length, 'every published message');
    await sleep(200);
    sub.unsubscribe();
    await waitFor(() => s.events.some((e) => e.kind === 'end'), 'onSubscriptionEnd after unsubscribe');
    const values = s.items().map((i) => i.value);
    assert.ok(published.length > 20, `a continuous publisher (${published.length} messages)`);
    assert.deepEqual(values, published, 'every message once, in order');
    const seqs = s.items().map((i) => i.seq);
    assert.deepEqual(seqs, seqs.map((_, k) => seqs[0] + k), 'contiguous sequence numbers');
    assert.equal(s.events.filter((e) => e.kind === 'discontinuity').length, 0, 'no discontinuity: the server kept everything');
    const lost = s.events.filter((e) => e.kind === 'lost').length;
    assert.ok(lost >= 1 && lost <= 5, `each outage reported once at most (${lost})`);
  } finally { proxy.close(); }
});
