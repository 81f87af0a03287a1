// Peer test: Momento's official Node SDK (`@gomomento/sdk`, grpc-js over h2c) against momento-server.
//
// Starts target/debug/momento-server (or $MOMENTO_SERVER_BIN) itself on an ephemeral port with token
// auth and a key file, then drives it through the SDK's public API with the root v1 key and full
// endpoint overrides (`secureConnection: false`), so authentication is exercised on every call. A
// second server with `--auth none` checks `CredentialProvider.forMomentoLocal`.
//
// Run: bash tests/peer/run.sh   (builds the server, installs npm deps if needed, runs node --test)
//
// Tests marked `todo` name an RPC the server did not implement yet when this file was written; they
// still run (a failure is reported as todo, not as a suite failure). Remove the marker once the
// service lands.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';

import {
  AuthClient,
  AuthClientConfigurations,
  CacheClient,
  CollectionTtl,
  Configurations,
  CredentialProvider,
  DisposableTokenScopes,
  ExpiresIn,
  ItemType,
  LeaderboardConfigurations,
  LeaderboardOrder,
  PermissionScopes,
  PreviewLeaderboardClient,
  TopicClient,
  TopicConfigurations,
} from '@gomomento/sdk';

import { startServer, stopServer } from './server.mjs';

/** A credential provider for `apiKey` (a v1 key or disposable token) pointed at `endpoint` over h2c. */
function credentials(apiKey, endpoint) {
  return CredentialProvider.fromString({
    apiKey,
    endpointOverrides: {
      cacheEndpoint: endpoint,
      controlEndpoint: endpoint,
      tokenEndpoint: endpoint,
      secureConnection: false,
    },
  });
}

async function cacheClient(credentialProvider) {
  return CacheClient.create({
    configuration: Configurations.Laptop.v1(),
    credentialProvider,
    defaultTtlSeconds: 60,
  });
}

function authClient(apiKey) {
  return new AuthClient({
    configuration: AuthClientConfigurations.Default.latest(),
    credentialProvider: credentials(apiKey, server.endpoint),
  });
}

/** Asserts the response variant, showing the response (with any error message) otherwise. */
function expectType(response, type) {
  assert.equal(response.type, type, `expected ${type}, got ${response.toString()}`);
  return response;
}

function expectError(response, code) {
  expectType(response, 'Error');
  assert.equal(response.errorCode(), code, response.toString());
  return response;
}

let server;
let client;
const CACHE = `peer-${process.pid}`;
const unique = (prefix) => `${prefix}-${Math.random().toString(36).slice(2)}`;

before(async () => {
  server = await startServer();
  client = await cacheClient(credentials(server.apiKey, server.endpoint));
  expectType(await client.createCache(CACHE), 'Success');
});

after(() => {
  client?.close();
  stopServer(server);
});

// ---------------------------------------------------------------------------------------------
// Credentials and control plane
// ---------------------------------------------------------------------------------------------

test('a v1 key with endpoint overrides and secureConnection=false reaches the server over h2c', () => {
  const provider = credentials(server.apiKey, server.endpoint);
  assert.equal(provider.isEndpointSecure(), false);
  assert.equal(provider.getCacheEndpoint(), server.endpoint);
  assert.ok(provider.getAuthToken().split('.').length === 3, 'the inner api_key is a JWT');
});

test('a key the server did not sign is rejected with AUTHENTICATION_ERROR', async () => {
  const bogus = Buffer.from(JSON.stringify({ endpoint: server.endpoint, api_key: 'not-a-token' })).toString('base64');
  const other = await cacheClient(credentials(bogus, server.endpoint));
  try {
    expectError(await other.get(CACHE, 'k'), 'AUTHENTICATION_ERROR');
    expectError(await other.createCache(unique('nope')), 'AUTHENTICATION_ERROR');
  } finally {
    other.close();
  }
});

test('forMomentoLocal works against a server started with --auth none', async () => {
  const local = await startServer(['--auth', 'none']);
  const [hostname, port] = local.endpoint.split(':');
  const c = await cacheClient(CredentialProvider.forMomentoLocal({ hostname, port: Number(port) }));
  try {
    expectType(await c.createCache('local'), 'Success');
    expectType(await c.set('local', 'k', 'v'), 'Success');
    assert.equal(expectType(await c.get('local', 'k'), 'Hit').valueString(), 'v');
  } finally {
    c.close();
    stopServer(local);
  }
});

test('control plane: createCache, AlreadyExists, listCaches, flushCache, deleteCache', async () => {
  const name = unique('ctl');
  expectType(await client.createCache(name), 'Success');
  expectType(await client.createCache(name), 'AlreadyExists');

  const list = expectType(await client.listCaches(), 'Success');
  const info = list.getCaches().find((c) => c.getName() === name);
  assert.ok(info, `listCaches contains ${name}`);
  assert.equal(info.getCacheLimits().maxItemSizeKb, 5120);
  assert.equal(info.getCacheLimits().maxTtlSeconds, 86400);

  expectType(await client.set(name, 'k', 'v'), 'Success');
  expectType(await client.flushCache(name), 'Success');
  expectType(await client.get(name, 'k'), 'Miss');

  expectType(await client.deleteCache(name), 'Success');
  expectError(await client.deleteCache(name), 'NOT_FOUND_ERROR');
  expectError(await client.flushCache(name), 'NOT_FOUND_ERROR');
  expectError(await client.get(name, 'k'), 'NOT_FOUND_ERROR');
});

// ---------------------------------------------------------------------------------------------
// Scalars
// ---------------------------------------------------------------------------------------------

test('set/get hit and miss, strings and bytes, delete', async () => {
  const key = unique('k');
  expectType(await client.get(CACHE, key), 'Miss');
  expectType(await client.set(CACHE, key, 'hello ✓'), 'Success');
  assert.equal(expectType(await client.get(CACHE, key), 'Hit').valueString(), 'hello ✓');

  const bytes = new Uint8Array([0, 1, 2, 250, 255]);
  expectType(await client.set(CACHE, key, bytes), 'Success');
  assert.deepEqual(expectType(await client.get(CACHE, key), 'Hit').valueUint8Array(), bytes);

  expectType(await client.delete(CACHE, key), 'Success');
  expectType(await client.get(CACHE, key), 'Miss');
  expectType(await client.delete(CACHE, key), 'Success');
});

test('a short TTL expires', async () => {
  const key = unique('ttl');
  expectType(await client.set(CACHE, key, 'v', { ttl: 1 }), 'Success');
  await new Promise((r) => setTimeout(r, 1300));
  expectType(await client.get(CACHE, key), 'Miss');
});

test('increment: counts from 0, adds, rejects non-integers', async () => {
  const key = unique('n');
  assert.equal(expectType(await client.increment(CACHE, key), 'Success').valueNumber(), 1);
  assert.equal(expectType(await client.increment(CACHE, key, 41), 'Success').valueNumber(), 42);
  assert.equal(expectType(await client.increment(CACHE, key, -50), 'Success').valueNumber(), -8);
  assert.equal(expectType(await client.get(CACHE, key), 'Hit').valueString(), '-8');
  await client.set(CACHE, key, 'not a number');
  expectError(await client.increment(CACHE, key), 'FAILED_PRECONDITION_ERROR');
});

test('conditional sets: setIfAbsent, setIfPresent, setIfEqual, setIfNotEqual, …', async () => {
  const key = unique('cond');
  expectType(await client.setIfPresent(CACHE, key, 'x'), 'NotStored');
  expectType(await client.setIfAbsent(CACHE, key, 'a'), 'Stored');
  expectType(await client.setIfAbsent(CACHE, key, 'b'), 'NotStored');
  expectType(await client.setIfPresent(CACHE, key, 'b'), 'Stored');
  expectType(await client.setIfEqual(CACHE, key, 'c', 'nope'), 'NotStored');
  expectType(await client.setIfEqual(CACHE, key, 'c', 'b'), 'Stored');
  expectType(await client.setIfNotEqual(CACHE, key, 'd', 'c'), 'NotStored');
  expectType(await client.setIfNotEqual(CACHE, key, 'd', 'zzz'), 'Stored');
  expectType(await client.setIfPresentAndNotEqual(CACHE, key, 'e', 'd'), 'NotStored');
  expectType(await client.setIfPresentAndNotEqual(CACHE, key, 'e', 'zzz'), 'Stored');
  expectType(await client.setIfAbsentOrEqual(CACHE, key, 'f', 'zzz'), 'NotStored');
  expectType(await client.setIfAbsentOrEqual(CACHE, key, 'f', 'e'), 'Stored');
  assert.equal(expectType(await client.get(CACHE, key), 'Hit').valueString(), 'f');
  const fresh = unique('cond');
  expectType(await client.setIfAbsentOrEqual(CACHE, fresh, 'g', 'anything'), 'Stored');
  expectType(await client.setIfNotExists(CACHE, fresh, 'h'), 'NotStored');
  expectType(await client.setIfNotExists(CACHE, unique('cond'), 'h'), 'Stored');
});

test('getWithHash / setWithHash and the hash conditions', async () => {
  const key = unique('hash');
  expectType(await client.getWithHash(CACHE, key), 'Miss');
  const stored = expectType(await client.setWithHash(CACHE, key, 'v1'), 'Stored');
  const hit = expectType(await client.getWithHash(CACHE, key), 'Hit');
  assert.equal(hit.valueString(), 'v1');
  assert.equal(hit.hashString(), stored.hashString());
  const hash = hit.hashUint8Array();
  expectType(await client.setIfPresentAndHashEqual(CACHE, key, 'v2', hash), 'Stored');
  expectType(await client.setIfPresentAndHashEqual(CACHE, key, 'v3', hash), 'NotStored');
  expectType(await client.setIfPresentAndHashNotEqual(CACHE, key, 'v3', hash), 'Stored');
  expectType(await client.setIfAbsentOrHashEqual(CACHE, unique('hash'), 'v', hash), 'Stored');
  expectType(await client.setIfAbsentOrHashNotEqual(CACHE, key, 'v4', hash), 'Stored');
  assert.equal(expectType(await client.get(CACHE, key), 'Hit').valueString(), 'v4');
});

test('keyExists / keysExist', async () => {
  const [a, b] = [unique('e'), unique('e')];
  await client.set(CACHE, a, 'v');
  assert.equal(expectType(await client.keyExists(CACHE, a), 'Success').exists(), true);
  assert.equal(expectType(await client.keyExists(CACHE, b), 'Success').exists(), false);
  assert.deepEqual(expectType(await client.keysExist(CACHE, [a, b, a]), 'Success').exists(), [true, false, true]);
});

test('itemGetTtl, itemGetType, updateTtl, increaseTtl, decreaseTtl', async () => {
  const key = unique('ttl');
  expectType(await client.itemGetTtl(CACHE, key), 'Miss');
  expectType(await client.itemGetType(CACHE, key), 'Miss');
  expectType(await client.updateTtl(CACHE, key, 10_000), 'Miss');
  await client.set(CACHE, key, 'v', { ttl: 60 });
  assert.equal(expectType(await client.itemGetType(CACHE, key), 'Hit').itemType(), ItemType.SCALAR);
  const ttl = expectType(await client.itemGetTtl(CACHE, key), 'Hit').remainingTtlMillis();
  assert.ok(ttl > 55_000 && ttl <= 60_000, `remaining ttl ${ttl}`);
  expectType(await client.updateTtl(CACHE, key, 10_000), 'Set');
  assert.ok(expectType(await client.itemGetTtl(CACHE, key), 'Hit').remainingTtlMillis() <= 10_000);
  expectType(await client.increaseTtl(CACHE, key, 5_000), 'NotSet');
  expectType(await client.increaseTtl(CACHE, key, 120_000), 'Set');
  expectType(await client.decreaseTtl(CACHE, key, 200_000), 'NotSet');
  expectType(await client.decreaseTtl(CACHE, key, 30_000), 'Set');
  const after = expectType(await client.itemGetTtl(CACHE, key), 'Hit').remainingTtlMillis();
  assert.ok(after > 25_000 && after <= 30_000, `remaining ttl ${after}`);
});

test('setBatch / getBatch', async () => {
  const prefix = unique('batch');
  const items = new Map([
    [`${prefix}-a`, '1'],
    [`${prefix}-b`, '2'],
    [`${prefix}-c`, '3'],
  ]);
  const set = expectType(await client.setBatch(CACHE, items), 'Success');
  assert.deepEqual(set.results().map((r) => r.type), ['Success', 'Success', 'Success']);
  const keys = [`${prefix}-a`, `${prefix}-missing`, `${prefix}-c`];
  const got = expectType(await client.getBatch(CACHE, keys), 'Success');
  assert.deepEqual(got.results().map((r) => r.type), ['Hit', 'Miss', 'Hit']);
  assert.deepEqual(got.values(), { [`${prefix}-a`]: '1', [`${prefix}-c`]: '3' });
});

test('limits: oversized items and over-long TTLs are rejected by the server', async () => {
  const tooBig = new Uint8Array(5 * 1024 * 1024 + 1);
  expectError(await client.set(CACHE, unique('big'), tooBig), 'LIMIT_EXCEEDED_ERROR');
  expectError(await client.set(CACHE, unique('ttl'), 'v', { ttl: 86_401 }), 'INVALID_ARGUMENT_ERROR');
  expectType(await client.set(CACHE, unique('ttl'), 'v', { ttl: 86_400 }), 'Success');
});

test('limits: --max-memory-mb evicts least recently used keys, --max-caches caps createCache', async () => {
  const small = await startServer(['--max-memory-mb', '1', '--max-caches', '1']);
  const c = await cacheClient(credentials(small.apiKey, small.endpoint));
  try {
    expectType(await c.createCache('only'), 'Success');
    expectError(await c.createCache('second'), 'LIMIT_EXCEEDED_ERROR');
    const value = new Uint8Array(100 * 1024);
    for (let i = 0; i < 15; i++) {
      expectType(await c.set('only', `k${i}`, value), 'Success');
      if (i === 5) expectType(await c.get('only', 'k0'), 'Hit'); // k0 becomes recently used
    }
    expectType(await c.get('only', 'k0'), 'Hit');
    expectType(await c.get('only', 'k1'), 'Miss');
    expectType(await c.get('only', 'k14'), 'Hit');
    // An item larger than the whole cap is refused rather than flushing the cache.
    expectError(await c.set('only', 'huge', new Uint8Array(1024 * 1024)), 'LIMIT_EXCEEDED_ERROR');
    expectType(await c.get('only', 'k14'), 'Hit');
  } finally {
    c.close();
    stopServer(small);
  }
});

// ---------------------------------------------------------------------------------------------
// Collections
// ---------------------------------------------------------------------------------------------

test('dictionaries', async () => {
  const dict = unique('dict');
  expectType(await client.dictionaryFetch(CACHE, dict), 'Miss');
  expectType(await client.dictionaryGetField(CACHE, dict, 'a'), 'Miss');
  expectType(await client.dictionarySetField(CACHE, dict, 'a', '1'), 'Success');
  expectType(await client.dictionarySetFields(CACHE, dict, { b: '2', c: '3' }), 'Success');
  assert.equal(expectType(await client.dictionaryGetField(CACHE, dict, 'a'), 'Hit').valueString(), '1');
  expectType(await client.dictionaryGetField(CACHE, dict, 'zz'), 'Miss');
  const fields = expectType(await client.dictionaryGetFields(CACHE, dict, ['a', 'zz', 'c']), 'Hit');
  assert.deepEqual(fields.valueRecord(), { a: '1', c: '3' });
  assert.deepEqual(expectType(await client.dictionaryFetch(CACHE, dict), 'Hit').valueRecord(), {
    a: '1',
    b: '2',
    c: '3',
  });
  assert.equal(expectType(await client.dictionaryIncrement(CACHE, dict, 'n', 5), 'Success').valueNumber(), 5);
  assert.equal(expectType(await client.dictionaryIncrement(CACHE, dict, 'n', -2), 'Success').valueNumber(), 3);
  expectType(await client.dictionarySetField(CACHE, dict, 'word', 'abc'), 'Success');
  expectError(await client.dictionaryIncrement(CACHE, dict, 'word', 1), 'FAILED_PRECONDITION_ERROR');
  assert.equal(expectType(await client.dictionaryLength(CACHE, dict), 'Hit').length(), 5);
  expectType(await client.dictionaryRemoveField(CACHE, dict, 'a'), 'Success');
  expectType(await client.dictionaryRemoveFields(CACHE, dict, ['b', 'c', 'n', 'word']), 'Success');
  expectType(await client.dictionaryFetch(CACHE, dict), 'Miss');
  // Type mismatch: a dictionary call on a scalar.
  const scalar = unique('scalar');
  await client.set(CACHE, scalar, 'v');
  expectError(await client.dictionarySetField(CACHE, scalar, 'f', 'v'), 'FAILED_PRECONDITION_ERROR');
});

test('sets', async () => {
  const set = unique('set');
  expectType(await client.setFetch(CACHE, set), 'Miss');
  expectType(await client.setAddElement(CACHE, set, 'a'), 'Success');
  expectType(await client.setAddElements(CACHE, set, ['b', 'c', 'a']), 'Success');
  assert.deepEqual(new Set(expectType(await client.setFetch(CACHE, set), 'Hit').valueArray()), new Set(['a', 'b', 'c']));
  assert.equal(expectType(await client.setContainsElement(CACHE, set, 'b'), 'Hit').containsElement(), true);
  assert.equal(expectType(await client.setContainsElement(CACHE, set, 'z'), 'Hit').containsElement(), false);
  assert.deepEqual(expectType(await client.setContainsElements(CACHE, set, ['a', 'z']), 'Hit').containsElements(), {
    a: true,
    z: false,
  });
  assert.equal(expectType(await client.setLength(CACHE, set), 'Hit').length(), 3);
  const sample = expectType(await client.setSample(CACHE, set, 2), 'Hit').valueArray();
  assert.equal(sample.length, 2);
  assert.ok(sample.every((e) => ['a', 'b', 'c'].includes(e)));
  expectType(await client.setRemoveElement(CACHE, set, 'a'), 'Success');
  expectType(await client.setRemoveElements(CACHE, set, ['b']), 'Success');
  assert.deepEqual(expectType(await client.setPop(CACHE, set, 5), 'Hit').valueArray(), ['c']);
  expectType(await client.setFetch(CACHE, set), 'Miss');
  expectType(await client.setLength(CACHE, set), 'Miss');
});

test('lists', async () => {
  const list = unique('list');
  expectType(await client.listFetch(CACHE, list), 'Miss');
  assert.equal(expectType(await client.listPushBack(CACHE, list, 'b'), 'Success').listLength(), 1);
  assert.equal(expectType(await client.listPushFront(CACHE, list, 'a'), 'Success').listLength(), 2);
  assert.equal(expectType(await client.listConcatenateBack(CACHE, list, ['c', 'd']), 'Success').listLength(), 4);
  assert.equal(expectType(await client.listConcatenateFront(CACHE, list, ['y', 'z']), 'Success').listLength(), 6);
  assert.deepEqual(expectType(await client.listFetch(CACHE, list), 'Hit').valueList(), ['y', 'z', 'a', 'b', 'c', 'd']);
  assert.deepEqual(
    expectType(await client.listFetch(CACHE, list, { startIndex: 1, endIndex: -1 }), 'Hit').valueList(),
    ['z', 'a', 'b', 'c'],
  );
  assert.equal(expectType(await client.listLength(CACHE, list), 'Hit').length(), 6);
  assert.equal(expectType(await client.listPopFront(CACHE, list), 'Hit').valueString(), 'y');
  assert.equal(expectType(await client.listPopBack(CACHE, list), 'Hit').valueString(), 'd');
  await client.listPushBack(CACHE, list, 'a');
  expectType(await client.listRemoveValue(CACHE, list, 'a'), 'Success');
  assert.deepEqual(expectType(await client.listFetch(CACHE, list), 'Hit').valueList(), ['z', 'b', 'c']);
  expectType(await client.listRetain(CACHE, list, { startIndex: 1, endIndex: 3 }), 'Success');
  assert.deepEqual(expectType(await client.listFetch(CACHE, list), 'Hit').valueList(), ['b', 'c']);
  // Truncation on push.
  assert.equal(
    expectType(await client.listPushBack(CACHE, list, 'e', { truncateFrontToSize: 2 }), 'Success').listLength(),
    2,
  );
  assert.deepEqual(expectType(await client.listFetch(CACHE, list), 'Hit').valueList(), ['c', 'e']);
  assert.equal(expectType(await client.itemGetType(CACHE, list), 'Hit').itemType(), ItemType.LIST);
});

test('sorted sets', async () => {
  const zset = unique('zset');
  expectType(await client.sortedSetFetchByRank(CACHE, zset), 'Miss');
  expectType(await client.sortedSetPutElement(CACHE, zset, 'a', 1), 'Success');
  expectType(await client.sortedSetPutElements(CACHE, zset, { b: 2, c: 3, d: 4 }), 'Success');
  const byRank = expectType(await client.sortedSetFetchByRank(CACHE, zset), 'Hit');
  assert.deepEqual(byRank.valueArray(), [
    { value: 'a', score: 1 },
    { value: 'b', score: 2 },
    { value: 'c', score: 3 },
    { value: 'd', score: 4 },
  ]);
  const desc = expectType(
    await client.sortedSetFetchByRank(CACHE, zset, { startRank: 0, endRank: 2, order: 'DESC' }),
    'Hit',
  );
  assert.deepEqual(desc.valueArray().map((e) => e.value), ['d', 'c']);
  const byScore = expectType(await client.sortedSetFetchByScore(CACHE, zset, { minScore: 2, maxScore: 3 }), 'Hit');
  assert.deepEqual(byScore.valueArray().map((e) => e.value), ['b', 'c']);
  assert.equal(expectType(await client.sortedSetGetScore(CACHE, zset, 'c'), 'Hit').score(), 3);
  expectType(await client.sortedSetGetScore(CACHE, zset, 'zz'), 'Miss');
  assert.deepEqual(expectType(await client.sortedSetGetScores(CACHE, zset, ['a', 'd']), 'Hit').valueRecord(), {
    a: 1,
    d: 4,
  });
  assert.equal(expectType(await client.sortedSetGetRank(CACHE, zset, 'c'), 'Hit').rank(), 2);
  assert.equal(expectType(await client.sortedSetGetRank(CACHE, zset, 'c', { order: 'DESC' }), 'Hit').rank(), 1);
  assert.equal(expectType(await client.sortedSetIncrementScore(CACHE, zset, 'a', 10), 'Success').score(), 11);
  assert.equal(expectType(await client.sortedSetLength(CACHE, zset), 'Hit').length(), 4);
  assert.equal(
    expectType(await client.sortedSetLengthByScore(CACHE, zset, { minScore: 3, maxScore: 11 }), 'Hit').length(),
    3,
  );
  expectType(await client.sortedSetRemoveElement(CACHE, zset, 'a'), 'Success');
  expectType(await client.sortedSetRemoveElements(CACHE, zset, ['b']), 'Success');
  assert.equal(expectType(await client.sortedSetLength(CACHE, zset), 'Hit').length(), 2);

  const other = unique('zset');
  await client.sortedSetPutElements(CACHE, other, { c: 10, x: 1 });
  const dest = unique('zset');
  const union = expectType(
    await client.sortedSetUnionStore(CACHE, dest, [
      { sortedSetName: zset, weight: 1 },
      { sortedSetName: other, weight: 2 },
    ]),
    'Success',
  );
  assert.equal(union.length(), 3);
  assert.equal(expectType(await client.sortedSetGetScore(CACHE, dest, 'c'), 'Hit').score(), 23);
  assert.equal(expectType(await client.itemGetType(CACHE, dest), 'Hit').itemType(), ItemType.SORTED_SET);
});

test('collection TTLs: refresh on write and CollectionTtl.of', async () => {
  const dict = unique('dttl');
  await client.dictionarySetField(CACHE, dict, 'f', 'v', { ttl: CollectionTtl.of(100) });
  const ttl = expectType(await client.itemGetTtl(CACHE, dict), 'Hit').remainingTtlMillis();
  assert.ok(ttl > 95_000 && ttl <= 100_000, `dictionary ttl ${ttl}`);
  await client.dictionarySetField(CACHE, dict, 'g', 'v', { ttl: CollectionTtl.of(10).withNoRefreshTtlOnUpdates() });
  assert.ok(expectType(await client.itemGetTtl(CACHE, dict), 'Hit').remainingTtlMillis() > 95_000);
  assert.equal(expectType(await client.itemGetType(CACHE, dict), 'Hit').itemType(), ItemType.DICTIONARY);
});

// ---------------------------------------------------------------------------------------------
// Topics, tokens, leaderboards
// ---------------------------------------------------------------------------------------------

test('topics: subscribe, publish text and bytes, unsubscribe', async () => {
  const topics = new TopicClient({
    configuration: TopicConfigurations.Default.latest(),
    credentialProvider: credentials(server.apiKey, server.endpoint),
  });
  const topic = unique('topic');
  const received = [];
  let wake;
  const twoItems = new Promise((r) => (wake = r));
  const subscription = expectType(
    await topics.subscribe(CACHE, topic, {
      onItem: (item) => {
        received.push(item.value());
        if (received.length === 2) wake();
      },
      onError: (error) => assert.fail(`subscription error: ${error.toString()}`),
    }),
    'Subscription',
  );
  try {
    expectType(await topics.publish(CACHE, topic, 'hello'), 'Success');
    expectType(await topics.publish(CACHE, topic, new Uint8Array([1, 2, 3])), 'Success');
    await Promise.race([
      twoItems,
      new Promise((_, reject) => setTimeout(() => reject(new Error(`received only ${received.length} items`)), 5000)),
    ]);
    assert.equal(received[0], 'hello');
    assert.deepEqual(new Uint8Array(received[1]), new Uint8Array([1, 2, 3]));
  } finally {
    subscription.unsubscribe();
  }
  expectError(await topics.publish(unique('no-such-cache'), topic, 'x'), 'NOT_FOUND_ERROR');
});

test('webhooks: putWebhook, listWebhooks, get/rotateWebhookSecret, deleteWebhook, and a signed delivery', async () => {
  const topics = new TopicClient({
    configuration: TopicConfigurations.Default.latest(),
    credentialProvider: credentials(server.apiKey, server.endpoint),
  });
  // A loopback endpoint (the server delivers only to loopback hosts by default).
  const deliveries = [];
  let delivered;
  const arrived = new Promise((r) => (delivered = r));
  const hook = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      deliveries.push({ headers: req.headers, body, url: req.url });
      res.writeHead(200).end();
      delivered();
    });
  });
  await new Promise((r) => hook.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${hook.address().port}/hook`;
  const name = unique('hook');
  const topic = unique('topic');
  try {
    const put = expectType(await topics.putWebhook(CACHE, name, { topicName: topic, destination: url }), 'Success');
    const secret = put.secretString();
    assert.ok(secret.length > 0);
    const listed = expectType(await topics.listWebhooks(CACHE), 'Success').getWebhooks();
    const mine = listed.find((w) => w.id.webhookName === name);
    assert.equal(mine.id.cacheName, CACHE);
    assert.equal(mine.topicName, topic);
    assert.equal(mine.destination.url(), url);
    const got = expectType(await topics.getWebhookSecret(CACHE, name), 'Success');
    assert.equal(got.secret(), secret);
    assert.equal(got.webhookName(), name);
    assert.equal(got.cacheName(), CACHE);

    expectType(await topics.publish(CACHE, topic, 'a message'), 'Success');
    await Promise.race([
      arrived,
      new Promise((_, reject) => setTimeout(() => reject(new Error('no webhook delivery')), 5000)),
    ]);
    const [delivery] = deliveries;
    assert.equal(delivery.url, '/hook');
    // What Momento's docs tell receivers to check: HMAC SHA3-256 of the raw body with the secret.
    const expected = createHmac('SHA3-256', secret).update(delivery.body).digest('hex');
    assert.equal(delivery.headers['momento-signature'], expected);
    const event = JSON.parse(delivery.body);
    assert.equal(event.cache, CACHE);
    assert.equal(event.topic, topic);
    assert.equal(event.text, 'a message');
    assert.equal(typeof event.topic_sequence_number, 'number');

    const rotated = expectType(await topics.rotateWebhookSecret(CACHE, name), 'Success');
    assert.notEqual(rotated.secret(), secret);
    assert.equal(expectType(await topics.getWebhookSecret(CACHE, name), 'Success').secret(), rotated.secret());
    expectType(await topics.deleteWebhook(CACHE, name), 'Success');
    assert.ok(!expectType(await topics.listWebhooks(CACHE), 'Success').getWebhooks().some((w) => w.id.webhookName === name));
    expectError(await topics.getWebhookSecret(CACHE, name), 'NOT_FOUND_ERROR');
    expectError(await topics.listWebhooks(unique('no-such-cache')), 'NOT_FOUND_ERROR');
    expectError(
      await topics.putWebhook(CACHE, name, { topicName: topic, destination: 'someurl.com' }),
      'INVALID_ARGUMENT_ERROR',
    );
  } finally {
    topics.close?.();
    hook.close();
  }
});

test('tokens: generateDisposableToken scoped to one key', async () => {
  const auth = authClient(server.apiKey);
  const key = unique('tok');
  const generated = expectType(
    await auth.generateDisposableToken(DisposableTokenScopes.cacheKeyReadWrite(CACHE, key), ExpiresIn.minutes(5)),
    'Success',
  );
  assert.ok(generated.expiresAt.doesExpire());
  const expiresIn = generated.expiresAt.epoch() - Date.now() / 1000;
  assert.ok(expiresIn > 290 && expiresIn <= 301, `token expires in ${expiresIn} s`);
  const scoped = await cacheClient(credentials(generated.authToken, server.endpoint));
  try {
    expectType(await scoped.set(CACHE, key, 'v'), 'Success');
    assert.equal(expectType(await scoped.get(CACHE, key), 'Hit').valueString(), 'v');
    expectError(await scoped.get(CACHE, unique('other')), 'PERMISSION_ERROR');
    expectError(await scoped.createCache(unique('nope')), 'PERMISSION_ERROR');
  } finally {
    scoped.close();
  }
});

test('tokens: generateApiKey (read-only scope) and refreshApiKey', async () => {
  const auth = authClient(server.apiKey);
  const generated = expectType(
    await auth.generateApiKey(PermissionScopes.cacheReadOnly(CACHE), ExpiresIn.minutes(10)),
    'Success',
  );
  const key = unique('ro');
  await client.set(CACHE, key, 'v');
  const readOnly = await cacheClient(credentials(generated.apiKey, server.endpoint));
  try {
    assert.equal(expectType(await readOnly.get(CACHE, key), 'Hit').valueString(), 'v');
    expectError(await readOnly.set(CACHE, key, 'w'), 'PERMISSION_ERROR');
  } finally {
    readOnly.close();
  }
  const refreshAuth = authClient(generated.apiKey);
  const refreshed = expectType(await refreshAuth.refreshApiKey(generated.refreshToken), 'Success');
  assert.ok(refreshed.apiKey.length > 0);
});

test('leaderboards: upsert, fetch by rank and score, rank, length, remove, delete', async () => {
  const leaderboards = new PreviewLeaderboardClient({
    configuration: LeaderboardConfigurations.Laptop.v1(),
    credentialProvider: credentials(server.apiKey, server.endpoint),
  });
  const board = leaderboards.leaderboard(CACHE, unique('board'));
  try {
    expectType(await board.upsert({ 1: 10, 2: 20, 3: 30 }), 'Success');
    expectType(await board.upsert(new Map([[4, 40]])), 'Success');
    assert.equal(expectType(await board.length(), 'Success').length(), 4);
    const top = expectType(await board.fetchByRank(0, 2, { order: LeaderboardOrder.Descending }), 'Success');
    assert.deepEqual(top.values(), [
      { id: 4, score: 40, rank: 0 },
      { id: 3, score: 30, rank: 1 },
    ]);
    const range = expectType(await board.fetchByScore({ minScore: 15, maxScore: 35 }), 'Success');
    assert.deepEqual(range.values().map((e) => e.id), [2, 3]);
    const ranks = expectType(await board.getRank([1, 3]), 'Success');
    assert.deepEqual(ranks.values(), [
      { id: 1, score: 10, rank: 0 },
      { id: 3, score: 30, rank: 2 },
    ]);
    expectType(await board.removeElements([1]), 'Success');
    assert.equal(expectType(await board.length(), 'Success').length(), 3);
    expectType(await board.delete(), 'Success');
    assert.equal(expectType(await board.length(), 'Success').length(), 0);
  } finally {
    leaderboards.close();
  }
});
