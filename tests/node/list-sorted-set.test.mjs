// Lists and sorted sets of momento-wasm in Node against a running momento-server, in both transport modes,
// plus the momento-wasm-specific behaviour (AbortSignal, stricter argument checks, documented differences from
// @gomomento/sdk-web). Needs MOMENTO_API_KEY (a v1 key whose endpoint is the server); scripts/test provides it.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as sdk from '../../pkg/web/index.node.js';
import { listSortedSetSuite } from '../suites/list-sorted-set.mjs';

const apiKey = process.env.MOMENTO_API_KEY;
assert.ok(apiKey, 'MOMENTO_API_KEY must be set (run scripts/test)');
const cacheName = `node-lz-${process.pid}`;
const INVALID = 'Invalid argument passed to Momento client: ';
const unique = (p) => `${p}-${Math.random().toString(36).slice(2)}`;

function makeClient(mode, extra = (c) => c) {
  return new sdk.CacheClient({
    configuration: extra(sdk.Configurations.Laptop.latest().withTransportMode(mode)),
    credentialProvider: sdk.CredentialProvider.fromString({ apiKey }),
    defaultTtlSeconds: 60,
  });
}

for (const mode of ['text', 'binary']) {
  const client = makeClient(mode);
  before(async () => {
    const r = await client.createCache(cacheName);
    assert.ok(r.type === 'Success' || r.type === 'AlreadyExists', r.toString());
  });
  listSortedSetSuite((name, fn) => test(`[${mode}] ${name}`, fn), { sdk, client: () => client, cacheName });
}

const client = makeClient('text');

function assertInvalid(r, message) {
  assert.equal(r.type, 'Error', r.toString());
  assert.equal(r.errorCode(), 'INVALID_ARGUMENT_ERROR');
  assert.equal(r.message(), INVALID + message);
}

test('an aborted signal cancels list and sorted-set calls', async () => {
  const controller = new AbortController();
  controller.abort();
  const { signal } = controller;
  for (const r of [
    await client.listPushBack(cacheName, 'l', 'v', { abortSignal: signal }),
    await client.listFetch(cacheName, 'l', { abortSignal: signal }),
    await client.sortedSetPutElement(cacheName, 'z', 'v', 1, { abortSignal: signal }),
    await client.sortedSetGetScore(cacheName, 'z', 'v', { abortSignal: signal }),
    await client.sortedSetUnionStore(cacheName, 'z', [], { abortSignal: signal }),
  ]) {
    assert.equal(r.type, 'Error');
    assert.equal(r.errorCode(), 'CANCELLED_ERROR');
  }
});

test('arguments the official SDK would send malformed are rejected', async () => {
  assertInvalid(await client.listPushBack(cacheName, 'l', 'v', { truncateFrontToSize: -1 }),
    'truncateFrontToSize must be a positive integer');
  assertInvalid(await client.listConcatenateFront(cacheName, 'l', ['v'], { truncateBackToSize: 1.5 }),
    'truncateBackToSize must be a positive integer');
  assertInvalid(await client.listFetch(cacheName, 'l', { startIndex: 0.5 }), 'startIndex must be an integer');
  assertInvalid(await client.sortedSetFetchByRank(cacheName, 'z', { endRank: 2 ** 40 }), 'endRank must be an integer');
  assertInvalid(await client.sortedSetFetchByScore(cacheName, 'z', { count: 2.5 }), 'count must be an integer');
  assertInvalid(await client.sortedSetGetRank(cacheName, 'z', 'v', { order: 'desc' }),
    "order must be SortedSetOrder.Ascending ('ASC') or SortedSetOrder.Descending ('DESC')");
  assertInvalid(await client.sortedSetUnionStore(cacheName, 'z', [], { aggregate: 7 }),
    'aggregate must be SortedSetAggregate.SUM, MIN or MAX');
  assertInvalid(await client.sortedSetUnionStore(cacheName, 'z', undefined), 'At least one sources is required');
  assertInvalid(await client.sortedSetUnionStore(cacheName, 'z', [{ weight: 1 }]),
    'sortedSetName must be a non-empty string');
  assertInvalid(await client.sortedSetPutElement(cacheName, 'z', 'v', 'high'), 'score must be a number');
  assertInvalid(await client.listPushBack(cacheName, 'l', 42), 'value must be a string or Uint8Array');
  assertInvalid(await client.listPushBack(cacheName, 'l', 'v', { ttl: sdk.CollectionTtl.of(0) }),
    'ttl must be a positive integer, received 0');
});

test('documented differences from @gomomento/sdk-web', async () => {
  // Popping an empty element is a Hit with '' (sdk-web answers Miss although the element is removed).
  const list = unique('list');
  await client.listConcatenateBack(cacheName, list, ['', 'x']);
  const popped = await client.listPopFront(cacheName, list);
  assert.equal(popped.type, 'Hit');
  assert.equal(popped.valueString(), '');
  // An increment of 0 adds nothing (the official clients turn 0 into 1, against their own documentation).
  const zset = unique('zset');
  assert.equal((await client.sortedSetIncrementScore(cacheName, zset, 'a', 3)).score(), 3);
  assert.equal((await client.sortedSetIncrementScore(cacheName, zset, 'a', 0)).score(), 3);
});

test('parity quirk kept: endIndex / endRank 0 means "through the end", as every official JS SDK sends it', async () => {
  const list = unique('list');
  await client.listConcatenateBack(cacheName, list, ['a', 'b', 'c', 'd']);
  const r = await client.listFetch(cacheName, list, { startIndex: -2, endIndex: 0 });
  assert.deepEqual(r.valueListString(), ['c', 'd']);
  const zset = unique('zset');
  await client.sortedSetPutElements(cacheName, zset, { a: 1, b: 2, c: 3 });
  const z = await client.sortedSetFetchByRank(cacheName, zset, { startRank: 1, endRank: 0 });
  assert.deepEqual(z.valueArray().map((e) => e.value), ['b', 'c']);
});

test('throwOnErrors rejects list and sorted-set errors with the SdkError subclass', async () => {
  const throwing = makeClient('binary', (c) => c.withThrowOnErrors(true));
  await assert.rejects(throwing.listFetch(cacheName, ''), (e) => e instanceof sdk.InvalidArgumentError
    && e.message === 'list name must not be empty');
  await assert.rejects(throwing.sortedSetLength(unique('no-such-cache'), 'z'),
    (e) => e instanceof sdk.CacheNotFoundError);
});

test('responses hold plain JS data, not wasm memory', async () => {
  const zset = unique('zset');
  await client.sortedSetPutElements(cacheName, zset, [['a', 1], ['b', 2]]);
  const r = await client.sortedSetFetchByRank(cacheName, zset);
  const [first] = r.valueArrayUint8Elements();
  assert.ok(first.value instanceof Uint8Array);
  assert.equal(first.value.buffer.byteLength, first.value.byteLength, 'a fresh buffer, not a view of wasm memory');
  assert.equal(r.toString(), 'Hit: valueArrayStringElements: a: 1, b: 2');
  const push = await client.listPushBack(cacheName, unique('list'), 'v');
  assert.equal(push.toString(), 'Success: listLength: 1');
});
