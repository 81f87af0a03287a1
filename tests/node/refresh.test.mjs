// RefreshingCredentialProvider against momento-server with tokens that live 1–2 s, minted by
// `momento-server key` (standing in for an app's /token route). Needs MOMENTO_API_KEY, MOMENTO_SERVER_BIN and
// MOMENTO_SECRET_FILE (the running server's secret), as scripts/test provides.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as sdk from '../../pkg/web/index.node.js';

const { MOMENTO_API_KEY: apiKey, MOMENTO_SERVER_BIN: bin, MOMENTO_SECRET_FILE: secret } = process.env;
assert.ok(apiKey && bin && secret, 'run via scripts/test (MOMENTO_API_KEY, MOMENTO_SERVER_BIN, MOMENTO_SECRET_FILE)');
const { endpoint } = JSON.parse(atob(apiKey));
const cacheName = `refresh-${process.pid}`;
const mint = (ttl) => execFileSync(bin, ['key', '--secret-file', secret, '--endpoint', endpoint, '--ttl-seconds', String(ttl)],
  { encoding: 'utf8' }).trim();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

before(async () => {
  const c = new sdk.CacheClient({ credentialProvider: sdk.CredentialProvider.fromString({ apiKey }), defaultTtlSeconds: 60 });
  const r = await c.createCache(cacheName);
  assert.ok(['Success', 'AlreadyExists'].includes(r.type), r.toString());
});

const clientWith = (provider) => new sdk.CacheClient({
  configuration: sdk.Configurations.Browser.latest(), credentialProvider: provider, defaultTtlSeconds: 60,
});

test('tokens are refreshed before they expire; calls keep succeeding', async () => {
  let fetches = 0;
  const provider = await sdk.RefreshingCredentialProvider.create({
    fetchToken: async () => { fetches += 1; return mint(2); },
    refreshBeforeExpirySeconds: 1,
  });
  const client = clientWith(provider);
  const codes = [];
  const until = Date.now() + 4500;
  while (Date.now() < until) {
    const r = await client.set(cacheName, 'k', 'v');
    codes.push(r.type === 'Error' ? r.errorCode() : r.type);
    await sleep(150);
  }
  client.close();
  provider.close();
  assert.deepEqual([...new Set(codes)], ['Success']);
  assert.ok(fetches >= 3, `expected ≥ 3 token fetches over 4.5 s of 2 s tokens, got ${fetches}`);
});

test('concurrent calls share one refresh', async () => {
  let fetches = 0;
  const provider = await sdk.RefreshingCredentialProvider.create({
    fetchToken: async () => { fetches += 1; await sleep(100); return mint(60); },
    refreshBeforeExpirySeconds: 120, // every token is "about to expire": each call wants a refresh
  });
  const client = clientWith(provider);
  fetches = 0;
  const results = await Promise.all(Array.from({ length: 20 }, (_, i) => client.get(cacheName, `k${i}`)));
  client.close();
  provider.close();
  assert.ok(results.every((r) => r.type === 'Miss'), results.map(String).join());
  assert.equal(fetches, 1, 'twenty concurrent calls, one token fetch');
});

test('a token that expired anyway is refreshed and the call retried once', async () => {
  let fetches = 0;
  const provider = await sdk.RefreshingCredentialProvider.create({
    fetchToken: async () => { fetches += 1; return fetches === 1 ? mint(1) : mint(60); },
    refreshBeforeExpirySeconds: -30, // never refresh ahead of time: force the expired path
  });
  const client = clientWith(provider);
  await sleep(1600);
  const r = await client.set(cacheName, 'late', 'v');
  client.close();
  provider.close();
  assert.equal(r.type, 'Success', r.toString());
  assert.equal(fetches, 2);
});

test('without refresh, the same expired token is an AUTHENTICATION_ERROR', async () => {
  const client = clientWith(sdk.CredentialProvider.fromString({ apiKey: mint(1) }));
  await sleep(1600);
  const r = await client.get(cacheName, 'k');
  assert.equal(r.errorCode(), 'AUTHENTICATION_ERROR');
  assert.match(r.message(), /expired/i);
});
