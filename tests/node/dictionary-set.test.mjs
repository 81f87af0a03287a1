// Dictionaries and sets of momento-wasm in Node against a running momento-server: the shared suite (official API
// only) in both transport modes, then checks specific to momento-wasm. Needs MOMENTO_API_KEY (scripts/test).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as sdk from '../../pkg/web/index.node.js';
import { dictionarySetSuite } from '../suites/dictionary-set.mjs';

const apiKey = process.env.MOMENTO_API_KEY;
assert.ok(apiKey, 'MOMENTO_API_KEY must be set (run scripts/test)');
const cacheName = `node-dict-set-${process.pid}`;
const INVALID = 'Invalid argument passed to Momento client: ';

function makeClient(mode, extra = (c) => c) {
  return new sdk.CacheClient({
    configuration: extra(sdk.Configurations.Laptop.latest().withTransportMode(mode)),
    credentialProvider: sdk.CredentialProvider.fromString({ apiKey }),
    defaultTtlSeconds: 60,
  });
}

before(async () => {
  const r = await makeClient('text').createCache(cacheName);
  assert.ok(r.type === 'Success' || r.type === 'AlreadyExists', r.toString());
});

for (const mode of ['text', 'binary']) {
  const client = makeClient(mode);
  dictionarySetSuite((name, fn) => test(`[${mode}] ${name}`, fn), { sdk, client: () => client, cacheName });
}

const unique = (p) => `${p}-${Math.random().toString(36).slice(2)}`;
/** True when `a` owns its whole buffer (a fresh copy, not a view of wasm memory). */
const fresh = (a) => a instanceof Uint8Array && a.byteOffset === 0 && a.buffer.byteLength === a.byteLength;

test('responses hold fresh Uint8Arrays, not views of wasm memory', async () => {
  const client = makeClient('binary');
  const dict = unique('fresh');
  await client.dictionarySetFields(cacheName, dict, { a: 'x', b: 'yy' });
  const fetched = await client.dictionaryFetch(cacheName, dict);
  assert.ok([...fetched.valueMapStringUint8Array().values()].every(fresh));
  const got = await client.dictionaryGetField(cacheName, dict, 'b');
  assert.ok(fresh(got.valueUint8Array()));
  const fields = await client.dictionaryGetFields(cacheName, dict, ['a', 'b']);
  assert.ok(Object.values(fields.valueRecordStringUint8Array()).every(fresh));
  const set = unique('fresh');
  await client.setAddElements(cacheName, set, ['p', 'qq']);
  assert.ok((await client.setFetch(cacheName, set)).valueArrayUint8Array().every(fresh));
  assert.ok((await client.setSample(cacheName, set, 2)).valueArrayUint8Array().every(fresh));
  assert.ok((await client.setPop(cacheName, set, 2)).valueArrayUint8Array().every(fresh));
});

test('non-integer counts and amounts are rejected before any request', async () => {
  const client = makeClient('text');
  const check = (r, ns, message) => {
    assert.ok(r instanceof ns.Error, r.toString());
    assert.equal(r.errorCode(), 'INVALID_ARGUMENT_ERROR');
    assert.equal(r.message(), INVALID + message);
  };
  const popMsg = 'count must be a positive integer no larger than 4294967295';
  check(await client.setPop(cacheName, 's', 1.5), sdk.CacheSetPop, popMsg);
  check(await client.setPop(cacheName, 's', Number.NaN), sdk.CacheSetPop, popMsg);
  check(await client.setPop(cacheName, 's', 2 ** 32), sdk.CacheSetPop, popMsg);
  check(await client.setSample(cacheName, 's', 2.5), sdk.CacheSetSample, 'limit must be a non-negative safe integer');
  check(await client.dictionaryIncrement(cacheName, 'd', 'f', 0.5), sdk.CacheDictionaryIncrement,
    'amount must be a safe integer');
  check(await client.dictionarySetField(cacheName, 'd', 'f', 'v', { ttl: sdk.CollectionTtl.of(0) }),
    sdk.CacheDictionarySetField, 'ttl must be a positive integer, received 0');
  check(await client.setAddElements(cacheName, 's', 'not-an-array'), sdk.CacheSetAddElements,
    'elements must be an array');
  check(await client.dictionarySetFields(cacheName, 'd', [['f']]), sdk.CacheDictionarySetFields,
    'value must be a string or Uint8Array');
});

test('dictionaryGetField errors keep the field; throwOnErrors rejects with the SdkError', async () => {
  const r = await makeClient('text').dictionaryGetField(unique('no-such-cache'), 'd', 'the-field');
  assert.ok(r instanceof sdk.CacheDictionaryGetField.Error, r.toString());
  assert.equal(r.fieldString(), 'the-field');
  assert.deepEqual(r.fieldUint8Array(), new TextEncoder().encode('the-field'));
  const throwing = makeClient('text', (c) => c.withThrowOnErrors(true));
  await assert.rejects(throwing.setFetch(cacheName, ''),
    (e) => e instanceof sdk.InvalidArgumentError && e.message === 'set name must not be empty');
  await assert.rejects(throwing.dictionaryGetField(unique('no-such-cache'), 'd', 'f'),
    (e) => e.errorCode() === 'NOT_FOUND_ERROR');
});

test('an aborted signal cancels dictionary and set calls', async () => {
  const controller = new AbortController();
  controller.abort();
  const client = makeClient('text');
  const options = { abortSignal: controller.signal };
  const d = await client.dictionarySetField(cacheName, 'd', 'f', 'v', { ...options, ttl: sdk.CollectionTtl.of(9) });
  assert.equal(d.errorCode(), 'CANCELLED_ERROR');
  assert.equal((await client.dictionaryFetch(cacheName, 'd', options)).errorCode(), 'CANCELLED_ERROR');
  assert.equal((await client.setPop(cacheName, 's', 1, options)).errorCode(), 'CANCELLED_ERROR');
  assert.equal((await client.setContainsElement(cacheName, 's', 'e', options)).errorCode(), 'CANCELLED_ERROR');
});

test('response toString() formats follow the official SDK', async () => {
  const client = makeClient('text');
  const dict = unique('str');
  await client.dictionarySetFields(cacheName, dict, [['a', '1'], ['b', '2']]);
  assert.equal((await client.dictionaryGetFields(cacheName, dict, ['a', 'b'])).toString(),
    'Hit: valueDictionaryStringString: a: 1, b: 2');
  assert.equal((await client.dictionaryGetField(cacheName, dict, 'a')).toString(), 'Hit: 1');
  assert.equal((await client.dictionaryLength(cacheName, dict)).toString(), 'Hit: length 2');
  assert.equal((await client.dictionaryIncrement(cacheName, dict, 'n', 3)).toString(), 'Success: value: 3');
  const set = unique('str');
  await client.setAddElement(cacheName, set, 'only');
  assert.equal((await client.setFetch(cacheName, set)).toString(), 'Hit: [only]');
  assert.equal((await client.setContainsElement(cacheName, set, 'only')).toString(), 'Hit: Hit - true');
  assert.equal((await client.setContainsElements(cacheName, set, ['only', 'x'])).toString(),
    'Hit: only: true, x: false');
  assert.equal((await client.setLength(cacheName, set)).toString(), 'Hit: length 1');
});
