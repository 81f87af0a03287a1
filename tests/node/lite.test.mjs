// The lite package (pkg/lite: ping, get, set, delete) against the real momento-server: what it has works exactly
// like the full package, what it leaves out is absent (not a method that fails later). Needs MOMENTO_API_KEY.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as lite from '../../pkg/lite/index.node.js';
import * as full from '../../pkg/web/index.node.js';
import { ensureCache } from './admin.mjs';

const apiKey = process.env.MOMENTO_API_KEY;
assert.ok(apiKey, 'MOMENTO_API_KEY must be set (run scripts/test)');
const cacheName = `lite-${process.pid}`;
const client = new lite.CacheClient({
  configuration: lite.Configurations.Laptop.latest(),
  credentialProvider: lite.CredentialProvider.fromString({ apiKey }),
  defaultTtlSeconds: 60,
});

// The lite package has no control plane: the cache is created with the full one.
before(() => ensureCache(cacheName));

test('lite: set, get (string and bytes), delete, ping', async () => {
  assert.equal((await client.ping()).type, 'Success');
  const value = `v-${Math.random()}`;
  const set = await client.set(cacheName, 'k', value, { ttl: 30 });
  assert.ok(set instanceof lite.CacheSet.Success, set.toString());
  const hit = await client.get(cacheName, 'k');
  assert.ok(hit instanceof lite.CacheGet.Hit, hit.toString());
  assert.equal(hit.valueString(), value);
  const bytes = new Uint8Array([0, 255, 1, 254]);
  assert.equal((await client.set(cacheName, new Uint8Array([7]), bytes)).type, 'Success');
  assert.deepEqual((await client.get(cacheName, new Uint8Array([7]))).valueUint8Array(), bytes);
  assert.equal((await client.delete(cacheName, 'k')).type, 'Success');
  assert.equal((await client.get(cacheName, 'k')).type, lite.CacheGetResponse.Miss);
});

test('lite: client.cache(name) binds get/set/delete', async () => {
  const c = client.cache(cacheName);
  assert.equal((await c.set('bound', 'x')).type, 'Success');
  assert.equal((await c.get('bound')).valueString(), 'x');
  assert.equal((await c.delete('bound')).type, 'Success');
  assert.equal(c.getBatch, undefined);
});

test('lite: errors are values with the official codes', async () => {
  const missing = await client.get(`no-such-cache-${process.pid}`, 'k');
  assert.ok(missing instanceof lite.CacheGet.Error);
  assert.equal(missing.errorCode(), lite.MomentoErrorCode.NOT_FOUND_ERROR);
  const zero = await client.set(cacheName, 'k', 'v', { ttl: 0 });
  assert.equal(zero.errorCode(), lite.MomentoErrorCode.INVALID_ARGUMENT_ERROR);
  const bad = await client.get(cacheName, 42);
  assert.equal(bad.errorCode(), lite.MomentoErrorCode.INVALID_ARGUMENT_ERROR);
});

test('lite: what it leaves out is absent, from the facade and from the wasm exports', async () => {
  for (const m of ['createCache', 'listCaches', 'increment', 'setIfAbsent', 'getBatch', 'dictionaryFetch', 'setFetch']) {
    assert.equal(client[m], undefined, m);
  }
  for (const name of ['TopicClient', 'AuthClient', 'PreviewLeaderboardClient', 'CollectionTtl', 'CacheIncrement']) {
    assert.equal(lite[name], undefined, name);
  }
  // The full package has them all.
  assert.equal(typeof full.CacheClient.prototype.createCache, 'function');
  assert.equal(typeof full.CacheClient.prototype.getBatch, 'function');
});
