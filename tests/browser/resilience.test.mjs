// Issue #6's flows in headless Chromium (the Node versions are tests/node/topics.test.mjs and refresh.test.mjs):
// a page's topic subscription survives a severed network stream and resumes from the server's buffer, and a
// RefreshingCredentialProvider keeps calls succeeding across short-lived tokens. The scenarios run inside the page
// (page.evaluate); the static server gets test-only endpoints: POST /__sever cuts every connection of a TCP proxy
// in front of momento-server (`?hold=1` also parks reconnects until POST /__release, so messages are provably
// published while the subscriber is disconnected), GET /__mint?ttl=N mints a token with `momento-server key`.
// Needs MOMENTO_API_KEY, MOMENTO_SERVER_BIN, MOMENTO_SECRET_FILE (as scripts/test provides) and pkg/web.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, connect } from 'node:net';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startStaticServer, launchChromium } from './serve.mjs';

const { MOMENTO_API_KEY: apiKey, MOMENTO_SERVER_BIN: bin, MOMENTO_SECRET_FILE: secret } = process.env;
assert.ok(apiKey && bin && secret, 'run via scripts/test (MOMENTO_API_KEY, MOMENTO_SERVER_BIN, MOMENTO_SECRET_FILE)');
const { endpoint } = JSON.parse(atob(apiKey));
const [host, port] = endpoint.split(':');
const run = promisify(execFile);

/**
 * Forwards TCP to momento-server. `sever({hold})` destroys every open connection (returns how many); with `hold`,
 * new connections are then parked (accepted, not forwarded) until `release()`, so a reconnecting subscriber
 * provably stays disconnected meanwhile.
 */
function tcpProxy() {
  const sockets = new Set();
  let accepted = 0;
  let parked = null; // a Set while holding
  const forward = (inbound) => {
    const outbound = connect(Number(port), host);
    const drop = () => { inbound.destroy(); outbound.destroy(); };
    inbound.on('close', drop);
    outbound.on('error', drop).on('close', drop);
    inbound.pipe(outbound).pipe(inbound);
  };
  const srv = createServer((inbound) => {
    accepted += 1;
    sockets.add(inbound);
    inbound.on('error', () => inbound.destroy()).on('close', () => { sockets.delete(inbound); parked?.delete(inbound); });
    if (parked) parked.add(inbound); else forward(inbound);
  });
  return {
    srv,
    get accepted() { return accepted; },
    get parked() { return parked?.size ?? 0; },
    sever({ hold = false } = {}) {
      const n = sockets.size;
      for (const s of [...sockets]) s.destroy();
      if (hold) parked ??= new Set();
      return n;
    },
    release() {
      const waiting = [...(parked ?? [])];
      parked = null;
      for (const s of waiting) forward(s);
      return waiting.length;
    },
  };
}

let proxy;
let proxyPort;
let statics;
let browser;
let mints = 0; // tokens handed out by GET /__mint

before(async () => {
  proxy = tcpProxy();
  await new Promise((r) => proxy.srv.listen(0, '127.0.0.1', r));
  proxyPort = proxy.srv.address().port;
  statics = await startStaticServer({
    routes: {
      // An empty page on the static origin to run the scenarios in.
      '/__page': (req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<!doctype html><meta charset="utf-8"><title>resilience</title>');
      },
      // Cuts every proxied connection; `?hold=1` parks new ones until POST /__release.
      '/__sever': (req, res, url) => {
        if (req.method !== 'POST') { res.writeHead(405); return res.end(); }
        const cut = proxy.sever({ hold: url.searchParams.get('hold') === '1' });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ cut }));
      },
      // Waits (up to 10 s) until a reconnect is parked, then forwards every parked connection.
      '/__release': async (req, res) => {
        if (req.method !== 'POST') { res.writeHead(405); return res.end(); }
        const end = Date.now() + 10_000;
        while (proxy.parked === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
        const released = proxy.release();
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ released }));
      },
      '/__mint': async (req, res, url) => {
        const ttl = url.searchParams.get('ttl');
        if (!/^[1-9][0-9]*$/.test(ttl ?? '')) { res.writeHead(400); return res.end('ttl must be a positive integer'); }
        const { stdout } = await run(bin, ['key', '--secret-file', secret, '--endpoint', endpoint, '--ttl-seconds', ttl]);
        mints += 1;
        res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
        res.end(stdout.trim());
      },
    },
  });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await statics?.close();
  proxy?.sever();
  await new Promise((r) => (proxy ? proxy.srv.close(() => r()) : r()));
});

/** Opens a page, runs `scenario(arg)` in it, closes it; console output is kept for failure messages. */
async function inPage(scenario, arg) {
  const page = await browser.newPage();
  const logs = [];
  page.on('console', (m) => logs.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => logs.push(`[pageerror] ${e?.stack ?? e}`));
  try {
    await page.goto(`${statics.origin}/__page`);
    const result = await page.evaluate(scenario, arg);
    return { ...result, logs };
  } finally {
    await page.close();
  }
}

test('a page subscription resumes across a severed stream: every message, in order, exactly once', { timeout: 60_000 }, async () => {
  const acceptedBefore = proxy.accepted;
  const r = await inPage(async ({ apiKey, proxyPort, cacheName }) => {
    const sdk = await import('/pkg/index.browser.js');
    const timeouts = [];
    const waitFor = async (cond, what, ms = 10_000) => {
      const end = Date.now() + ms;
      while (!cond()) {
        if (Date.now() > end) { timeouts.push(what); return false; }
        await new Promise((r) => setTimeout(r, 20));
      }
      return true;
    };
    const proxied = `http://127.0.0.1:${proxyPort}`;
    const config = () => sdk.TopicConfigurations.Browser.latest();
    const cache = new sdk.CacheClient({
      credentialProvider: sdk.CredentialProvider.fromString({ apiKey }), defaultTtlSeconds: 60,
    });
    const created = (await cache.createCache(cacheName)).type;
    cache.close();
    const direct = new sdk.TopicClient({ configuration: config(), credentialProvider: sdk.CredentialProvider.fromString({ apiKey }) });
    const viaProxy = new sdk.TopicClient({
      configuration: config(),
      credentialProvider: sdk.CredentialProvider.fromString({
        apiKey, endpointOverrides: { cacheEndpoint: proxied, controlEndpoint: proxied, tokenEndpoint: proxied },
      }),
    });
    const got = [];
    const seqs = [];
    const errors = [];
    let lost = 0;
    let ended = false;
    const sub = await viaProxy.subscribe(cacheName, 'resume', {
      onItem: (i) => { got.push(i.valueString()); seqs.push(i.sequenceNumber()); },
      onConnectionLost: () => { lost += 1; },
      onError: (e) => errors.push(e.toString()),
      onSubscriptionEnd: () => { ended = true; },
      reconnectInitialDelayMillis: 50,
    });
    if (sub.type !== 'Subscription') return { created, subscribe: sub.toString() };
    const published = [];
    const publish = async (m) => published.push((await direct.publish(cacheName, 'resume', m)).type);
    for (const m of ['a', 'b', 'c']) await publish(m);
    await waitFor(() => got.length >= 3, 'the first three items');
    const lostBeforeSever = lost;
    // Cut the stream and keep the subscriber off the server while d, e, f are published; they can only
    // arrive from the server's buffer, when the reconnect resumes after c.
    const severed = await (await fetch('/__sever?hold=1', { method: 'POST' })).json();
    await waitFor(() => lost >= 1, 'onConnectionLost');
    for (const m of ['d', 'e', 'f']) await publish(m);
    const gotWhileDisconnected = got.length;
    const release = await (await fetch('/__release', { method: 'POST' })).json();
    await waitFor(() => got.length >= 6, 'the items published while disconnected');
    await publish('g');
    await waitFor(() => got.length >= 7, 'an item published after the resume');
    const subscribedAtEnd = sub.isSubscribed;
    sub.unsubscribe();
    await waitFor(() => ended, 'onSubscriptionEnd');
    direct.close();
    viaProxy.close();
    return {
      created, subscribe: sub.type, published, got, seqs, lost, lostBeforeSever, gotWhileDisconnected, errors, severed,
      release, subscribedAtEnd, ended, timeouts,
    };
  }, { apiKey, proxyPort, cacheName: `res-topics-${process.pid}` });
  const why = JSON.stringify({ ...r, logs: undefined }) + '\n' + r.logs.join('\n');
  assert.ok(['Success', 'AlreadyExists'].includes(r.created), why);
  assert.equal(r.subscribe, 'Subscription', why);
  assert.deepEqual(r.timeouts, [], why);
  assert.deepEqual(r.published, ['Success', 'Success', 'Success', 'Success', 'Success', 'Success', 'Success'], why);
  assert.ok(r.severed.cut >= 1, `the sever cut the subscriber's proxied connection: ${why}`);
  assert.equal(r.lostBeforeSever, 0, why);
  assert.equal(r.gotWhileDisconnected, 3, `nothing arrives while the reconnect is parked: ${why}`);
  assert.ok(r.release.released >= 1, `the reconnect was parked at the proxy while d, e, f were published: ${why}`);
  assert.deepEqual(r.got, ['a', 'b', 'c', 'd', 'e', 'f', 'g'], why);
  assert.deepEqual(r.seqs, Array.from({ length: 7 }, (_, i) => r.seqs[0] + i), `consecutive sequence numbers: ${why}`);
  assert.equal(r.lost, 1, `the loss is reported once: ${why}`);
  assert.deepEqual(r.errors, [], why);
  assert.equal(r.subscribedAtEnd, true, why);
  assert.equal(r.ended, true, why);
  assert.ok(proxy.accepted - acceptedBefore >= 2, `the resumed stream went through the proxy again (${proxy.accepted - acceptedBefore} connections)`);
});

test('RefreshingCredentialProvider in a page: calls keep succeeding across 2-second tokens', { timeout: 60_000 }, async () => {
  const mintsBefore = mints;
  const r = await inPage(async ({ apiKey, cacheName }) => {
    const sdk = await import('/pkg/index.browser.js');
    const cache = new sdk.CacheClient({ credentialProvider: sdk.CredentialProvider.fromString({ apiKey }), defaultTtlSeconds: 60 });
    const created = (await cache.createCache(cacheName)).type;
    cache.close();
    const tokens = [];
    const provider = await sdk.RefreshingCredentialProvider.create({
      fetchToken: async () => {
        const res = await fetch('/__mint?ttl=2');
        const text = await res.text();
        if (!res.ok) throw new Error(`mint failed: ${res.status} ${text}`);
        tokens.push(text);
        return text;
      },
      refreshBeforeExpirySeconds: 1,
    });
    const firstExpiresAt = provider.current.expiresAt;
    const client = new sdk.CacheClient({
      configuration: sdk.Configurations.Browser.latest(), credentialProvider: provider, defaultTtlSeconds: 60,
    });
    const calls = [];
    // Until the 4th token (three refreshes) and past the first token's expiry; paced so each token serves
    // several calls. The deadline only stops a broken refresh from looping forever.
    const deadline = Date.now() + 20_000;
    let i = 0;
    while ((tokens.length < 4 || Date.now() < firstExpiresAt * 1000 + 500) && Date.now() < deadline) {
      const r = await client.set(cacheName, `k${i % 4}`, `v${i}`);
      calls.push({ token: tokens.length, at: Date.now(), code: r.type === 'Error' ? r.errorCode() : r.type });
      i += 1;
      await new Promise((res) => setTimeout(res, 100));
    }
    const last = await client.get(cacheName, `k${(i - 1) % 4}`);
    client.close();
    provider.close();
    // Control: the first token on its own is really expired by now.
    const stale = new sdk.CacheClient({
      configuration: sdk.Configurations.Browser.latest(),
      credentialProvider: sdk.CredentialProvider.fromString({ apiKey: tokens[0] }), defaultTtlSeconds: 60,
    });
    const staleGet = await stale.get(cacheName, 'k0');
    stale.close();
    return {
      created, firstExpiresAt, calls, fetches: tokens.length, distinctTokens: new Set(tokens).size,
      refreshCount: provider.refreshCount, lastValue: last.type === 'Hit' ? last.valueString() : last.toString(),
      expectedLast: `v${i - 1}`, stale: staleGet.type === 'Error' ? [staleGet.errorCode(), staleGet.message()] : [staleGet.type],
    };
  }, { apiKey, cacheName: `res-refresh-${process.pid}` });
  const why = JSON.stringify({ ...r, logs: undefined }) + '\n' + r.logs.join('\n');
  assert.ok(['Success', 'AlreadyExists'].includes(r.created), why);
  assert.deepEqual([...new Set(r.calls.map((c) => c.code))], ['Success'], `every call succeeded: ${why}`);
  assert.ok(r.fetches >= 3, `expected ≥ 3 token fetches, got ${r.fetches}: ${why}`);
  assert.equal(r.distinctTokens, r.fetches, why);
  assert.equal(r.refreshCount, r.fetches, why);
  assert.equal(mints - mintsBefore, r.fetches, 'every token came from /__mint');
  assert.ok(new Set(r.calls.map((c) => c.token)).size >= 3, `calls ran under ≥ 3 different tokens: ${why}`);
  assert.ok(r.calls.some((c) => c.at > r.firstExpiresAt * 1000), `calls succeeded after the first token expired: ${why}`);
  assert.equal(r.lastValue, r.expectedLast, why);
  assert.equal(r.stale[0], 'AUTHENTICATION_ERROR', `the first token alone is expired: ${why}`);
  assert.match(r.stale[1], /expired/i, why);
});

test('RefreshingCredentialProvider in a page: 20 concurrent calls share one token fetch', { timeout: 60_000 }, async () => {
  const r = await inPage(async ({ apiKey, cacheName }) => {
    const sdk = await import('/pkg/index.browser.js');
    const cache = new sdk.CacheClient({ credentialProvider: sdk.CredentialProvider.fromString({ apiKey }), defaultTtlSeconds: 60 });
    const created = (await cache.createCache(cacheName)).type;
    cache.close();
    let fetches = 0;
    const provider = await sdk.RefreshingCredentialProvider.create({
      fetchToken: async () => {
        fetches += 1;
        const res = await fetch('/__mint?ttl=60');
        const text = await res.text();
        if (!res.ok) throw new Error(`mint failed: ${res.status} ${text}`);
        return text;
      },
      refreshBeforeExpirySeconds: 120, // every token is "about to expire": each call wants a refresh
    });
    const client = new sdk.CacheClient({
      configuration: sdk.Configurations.Browser.latest(), credentialProvider: provider, defaultTtlSeconds: 60,
    });
    const initialFetches = fetches;
    fetches = 0;
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => client.get(cacheName, `absent-${i}`)));
    client.close();
    provider.close();
    return { created, initialFetches, fetches, refreshCount: provider.refreshCount, results: results.map((x) => x.toString()), types: results.map((x) => x.type) };
  }, { apiKey, cacheName: `res-concurrent-${process.pid}` });
  const why = JSON.stringify({ ...r, logs: undefined }) + '\n' + r.logs.join('\n');
  assert.ok(['Success', 'AlreadyExists'].includes(r.created), why);
  assert.equal(r.initialFetches, 1, why);
  assert.deepEqual(r.types, Array(20).fill('Miss'), why);
  assert.equal(r.fetches, 1, `twenty concurrent calls, one token fetch: ${why}`);
  assert.equal(r.refreshCount, 2, why);
});
