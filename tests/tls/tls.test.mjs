// TLS end to end against momento-server --tls-dev (run through tests/tls/run.sh, which starts the server and sets
// NODE_EXTRA_CA_CERTS to its development CA): ALPN, the official Node SDK, the official web SDK, this package in Node
// (gRPC over TLS + h2, and gRPC-web over fetch) and in headless Chromium over HTTPS + HTTP/2.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:tls';
import { X509Certificate, createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import XMLHttpRequest from 'xhr2';
import * as official from '@gomomento/sdk';
import * as wasm from '../../pkg/web/index.node.js';
import { startStaticServer, launchChromium } from '../browser/serve.mjs';
import { dirname, join } from 'node:path';
import { startServer, tempDir } from '../fault/helpers.mjs';

const { MOMENTO_TLS_PORT: port, MOMENTO_API_KEY: apiKey, MOMENTO_TLS_CA: caFile } = process.env;
assert.ok(port && apiKey && caFile && process.env.NODE_EXTRA_CA_CERTS, 'run through tests/tls/run.sh');
const HTTPS = `https://localhost:${port}`;
const cacheName = `tls-${process.pid}`;
const closers = [];
after(async () => { for (const close of closers.reverse()) await close(); });
/** Subscribes to `topic` with `topics` (either SDK's TopicClient), publishes `text` and returns what arrived. */
async function roundTrip(topics, topic, text) {
  const received = [];
  const sub = await topics.subscribe(cacheName, topic, { onItem: (i) => received.push(i.valueString()), onError: () => {} });
  assert.equal(sub.type, 'Subscription', sub.toString());
  await new Promise((r) => setTimeout(r, 200));
  const published = await topics.publish(cacheName, topic, text);
  assert.equal(published.type, 'Success', published.toString());
  for (let i = 0; i < 100 && received.length === 0; i += 1) await new Promise((r) => setTimeout(r, 50));
  sub.unsubscribe();
  return received;
}
const wasmCredentials = () => wasm.CredentialProvider.fromString({
  apiKey, endpointOverrides: { cacheEndpoint: HTTPS, controlEndpoint: HTTPS, tokenEndpoint: HTTPS },
});
before(async () => {
  const admin = new wasm.CacheClient({
    configuration: wasm.Configurations.Laptop.latest(), credentialProvider: wasmCredentials(), defaultTtlSeconds: 60,
  });
  const created = await admin.createCache(cacheName);
  assert.equal(created.type, 'Success', created.toString());
});

test('ALPN offers h2 and http/1.1 on the one port, with a certificate Node trusts through NODE_EXTRA_CA_CERTS', async () => {
  for (const [offered, expected] of [[['h2', 'http/1.1'], 'h2'], [['http/1.1'], 'http/1.1']]) {
    for (const host of ['localhost', '127.0.0.1']) {
      const socket = connect({ host, port: Number(port), ALPNProtocols: offered, servername: host === 'localhost' ? host : undefined });
      await new Promise((resolve, reject) => { socket.once('secureConnect', resolve); socket.once('error', reject); });
      assert.equal(socket.authorized, true, `${host}: ${socket.authorizationError}`);
      assert.equal(socket.alpnProtocol, expected, `${host} offering ${offered}`);
      socket.destroy();
    }
  }
});

test('the official Node SDK (@gomomento/sdk, grpc-js over TLS + h2): control plane, scalars, topics', async () => {
  const credentialProvider = official.CredentialProvider.fromString({
    apiKey,
    endpointOverrides: {
      cacheEndpoint: `127.0.0.1:${port}`, controlEndpoint: `127.0.0.1:${port}`, tokenEndpoint: `127.0.0.1:${port}`,
      secureConnection: true,
    },
  });
  assert.equal(credentialProvider.isEndpointSecure(), true);
  const client = await official.CacheClient.create({
    configuration: official.Configurations.Laptop.v1(), credentialProvider, defaultTtlSeconds: 60,
  });
  closers.push(() => client.close());
  const listed = await client.listCaches();
  assert.equal(listed.type, 'Success', listed.toString());
  assert.ok(listed.getCaches().some((c) => c.getName() === cacheName));
  { const r = await client.set(cacheName, 'node-official', 'over tls'); assert.equal(r.type, 'Success', r.toString()); }
  const hit = await client.get(cacheName, 'node-official');
  assert.equal(hit.type, 'Hit', hit.toString());
  assert.equal(hit.valueString(), 'over tls');

  const topics = new official.TopicClient({
    configuration: official.TopicConfigurations.Default.latest(), credentialProvider,
  });
  assert.deepEqual(await roundTrip(topics, 'tls-topic', 'hello tls'), ['hello tls']);
  topics.close?.();
});

test('the official web SDK (@gomomento/sdk-web, gRPC-web text over HTTPS)', async () => {
  globalThis.XMLHttpRequest ??= XMLHttpRequest;
  globalThis.navigator ??= { userAgent: 'momento-wasm tls test (Node.js)' };
  const web = await import('@gomomento/sdk-web');
  const client = new web.CacheClient({
    configuration: web.Configurations.Laptop.v1().withClientTimeoutMillis(30_000),
    credentialProvider: web.CredentialProvider.fromString({
      apiKey, endpointOverrides: { cacheEndpoint: HTTPS, controlEndpoint: HTTPS, tokenEndpoint: HTTPS },
    }),
    defaultTtlSeconds: 60,
  });
  { const r = await client.set(cacheName, 'web-official', 'over https'); assert.equal(r.type, 'Success', r.toString()); }
  const hit = await client.get(cacheName, 'web-official');
  assert.equal(hit.type, 'Hit', hit.toString());
  assert.equal(hit.valueString(), 'over https');
});

test('this package in Node: gRPC over TLS + ALPN h2 (its native transport), gRPC-web over fetch (HTTPS), topics', async () => {
  const WIRES = {
    grpc: (c) => c, 'web-text': (c) => c.withFetch(fetch), 'web-binary': (c) => c.withFetch(fetch).withTransportMode('binary'),
  };
  const byIp = wasm.CredentialProvider.fromString({
    apiKey,
    endpointOverrides: {
      cacheEndpoint: `127.0.0.1:${port}`, controlEndpoint: `127.0.0.1:${port}`, tokenEndpoint: `127.0.0.1:${port}`,
      secureConnection: true,
    },
  });
  for (const [host, credentialProvider] of [['localhost', wasmCredentials()], ['127.0.0.1', byIp]]) {
    assert.equal(credentialProvider.isEndpointSecure(), true);
    for (const [wire, configure] of Object.entries(WIRES)) {
      const client = new wasm.CacheClient({
        configuration: configure(wasm.Configurations.Laptop.latest()), credentialProvider, defaultTtlSeconds: 60,
      });
      const key = `wasm-${wire}-${host}`;
      { const r = await client.set(cacheName, key, `node ${wire}`); assert.equal(r.type, 'Success', r.toString()); }
      const hit = await client.get(cacheName, key);
      assert.equal(hit.type, 'Hit', hit.toString());
      assert.equal(hit.valueString(), `node ${wire}`);
      if (wire === 'grpc') {
        // The transport's one session per origin: TLS, certificate verified, HTTP/2 negotiated by ALPN.
        const sessions = [...client._transport._pools.values()].flatMap((pool) => pool.sessions);
        assert.equal(sessions.length, 1);
        assert.deepEqual(sessions.map((s) => [s.encrypted, s.alpnProtocol, s.socket.authorized]), [[true, 'h2', true]]);
      }
      client.close();
    }
  }
  for (const [wire, configure] of Object.entries(WIRES)) {
    const topics = new wasm.TopicClient({ configuration: configure(wasm.TopicConfigurations.Laptop.latest()), credentialProvider: wasmCredentials() });
    assert.deepEqual(await roundTrip(topics, `wasm-topic-${wire}`, `hello ${wire}`), [`hello ${wire}`]);
    topics.close();
  }
});

test('the TLS port serves plaintext to loopback peers: this package uses the key of a --tls-dev server as it is', async () => {
  // The key names localhost:<port>; momento-wasm speaks plaintext to loopback hosts with a port (the official SDKs
  // derive cache.localhost:<port> and speak TLS): both work against the one port.
  assert.match(JSON.parse(Buffer.from(apiKey, 'base64').toString()).endpoint, /^localhost:\d+$/);
  const client = new wasm.CacheClient({
    configuration: wasm.Configurations.Laptop.latest(), credentialProvider: wasm.CredentialProvider.fromString({ apiKey }),
    defaultTtlSeconds: 60,
  });
  { const r = await client.set(cacheName, 'key-as-is', 'plain'); assert.equal(r.type, 'Success', r.toString()); }
  const hit = await client.get(cacheName, 'key-as-is');
  assert.equal(hit.type, 'Hit', hit.toString());
  client.close();
});

test('a key of a TLS server on port 443 names the bare host; this package reaches it over https (no port = 443)', async (t) => {
  // The same development CA as the run's server (--tls-dev keeps it beside the secret file), so Node trusts it.
  const dir = dirname(caFile);
  let server;
  try {
    server = await startServer({ port: 443, secretFile: join(dir, 'secret'), keyFile: join(dir, 'key-443'), args: ['--tls-dev'] });
  } catch (e) {
    t.skip(`port 443 is not available here (${String(e.message).split('\n')[0]})`);
    return;
  }
  closers.push(() => server.kill());
  const key443 = readFileSync(join(dir, 'key-443'), 'utf8').trim();
  assert.equal(JSON.parse(Buffer.from(key443, 'base64').toString()).endpoint, 'localhost');
  const credentialProvider = wasm.CredentialProvider.fromString({ apiKey: key443 });
  assert.equal(credentialProvider.isEndpointSecure(), true);
  for (const configure of [(c) => c, (c) => c.withFetch(fetch)]) {
    const client = new wasm.CacheClient({
      configuration: configure(wasm.Configurations.Laptop.latest()), credentialProvider, defaultTtlSeconds: 60,
    });
    const created = await client.createCache(cacheName);
    assert.ok(['Success', 'AlreadyExists'].includes(created.type), created.toString());
    assert.equal((await client.set(cacheName, 'k443', 'v443')).type, 'Success');
    const hit = await client.get(cacheName, 'k443');
    assert.equal(hit.type, 'Hit', hit.toString());
    client.close();
  }
});

test('this package in Node, against a TLS server it does not trust: an UNAVAILABLE error naming the certificate', async () => {
  // A second server with its own development CA, which NODE_EXTRA_CA_CERTS does not name.
  const dir = tempDir('tls-untrusted');
  const other = await startServer({ secretFile: join(dir, 'secret'), keyFile: join(dir, 'key'), args: ['--tls-dev'] });
  closers.push(() => other.kill());
  const https = `https://localhost:${other.port}`;
  const client = new wasm.CacheClient({
    configuration: wasm.Configurations.Laptop.latest().withRetryStrategy(null),
    credentialProvider: wasm.CredentialProvider.fromString({
      apiKey: other.apiKey, endpointOverrides: { cacheEndpoint: https, controlEndpoint: https, tokenEndpoint: https },
    }),
    defaultTtlSeconds: 60,
  });
  const r = await client.get('any', 'k');
  assert.equal(r.type, 'Error');
  assert.equal(r.errorCode(), 'SERVER_UNAVAILABLE', r.toString());
  assert.match(r.message(), /certificate/i);
  client.close();
});

test('this package in headless Chromium over HTTPS + HTTP/2 (the CA trusted by its SPKI hash)', async () => {
  // Chromium does not read NODE_EXTRA_CA_CERTS: trust the server's certificate key, as a developer would with
  // --ignore-certificate-errors-spki-list (or by importing the CA, see the server's startup message).
  const certPem = readFileSync(caFile.replace('dev-ca.pem', 'dev-cert.pem'), 'utf8');
  const spki = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  const hash = createHash('sha256').update(spki).digest('base64');
  const statics = await startStaticServer();
  closers.push(() => statics.close());
  const browser = await launchChromium({ extraArgs: [`--ignore-certificate-errors-spki-list=${hash}`] });
  closers.push(() => browser.close());
  const page = await browser.newPage();
  const logs = [];
  page.on('console', (m) => logs.push(m.text()));
  // The protocol of every response from the server, as Chromium's network stack reports it.
  const protocols = [];
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.responseReceived', (e) => { if (e.response.url.startsWith(HTTPS)) protocols.push(e.response.protocol); });
  await page.goto(`${statics.origin}/tests/tls/page.html`);
  const result = await page.evaluate(async ({ apiKey, https, cacheName }) => {
    const sdk = await import('/pkg/index.browser.js');
    const credentialProvider = sdk.CredentialProvider.fromString({
      apiKey, endpointOverrides: { cacheEndpoint: https, controlEndpoint: https, tokenEndpoint: https },
    });
    const client = new sdk.CacheClient({
      configuration: sdk.Configurations.Browser.latest(), credentialProvider, defaultTtlSeconds: 60,
    });
    const values = [];
    // More concurrent calls than HTTP/1.1's six connections per origin: one HTTP/2 connection carries them.
    await Promise.all(Array.from({ length: 12 }, (_, i) => client.set(cacheName, `chromium-${i}`, `v${i}`)));
    for (const r of await Promise.all(Array.from({ length: 12 }, (_, i) => client.get(cacheName, `chromium-${i}`)))) {
      values.push(r.type === 'Hit' ? r.valueString() : `${r.type} ${r.message?.()}`);
    }
    return { values };
  }, { apiKey, https: HTTPS, cacheName });
  assert.deepEqual(result.values, Array.from({ length: 12 }, (_, i) => `v${i}`), logs.join('\n'));
  assert.ok(protocols.length >= 24, JSON.stringify(protocols));
  assert.ok(protocols.every((p) => p === 'h2'), `every call over HTTP/2: ${JSON.stringify(protocols)}`);
});
