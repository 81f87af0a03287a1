// Issue #13's defects, each as a regression test: wrong argument types never trap or leak into the wasm, every bad
// argument is an INVALID_ARGUMENT value with the official text, fractional TTLs and bad configuration numbers are
// rejected, throws are official SdkErrors, closed clients answer a clear error, only loopback endpoints use plain
// http, and a trapped wasm instance is replaced so that every client keeps working. Needs MOMENTO_API_KEY.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as sdk from '../../pkg/web/index.node.js';

const apiKey = process.env.MOMENTO_API_KEY;
assert.ok(apiKey, 'MOMENTO_API_KEY must be set (run scripts/test)');
const cacheName = `hostile-${process.pid}`;
const INVALID = 'Invalid argument passed to Momento client: ';
const newClient = (extra = {}) => new sdk.CacheClient({
  configuration: sdk.Configurations.Laptop.latest(),
  credentialProvider: sdk.CredentialProvider.fromString({ apiKey }),
  defaultTtlSeconds: 60,
  ...extra,
});
const client = newClient();
/** Values of every JS type that is not a string. */
const NOT_STRINGS = [123, 0, NaN, true, {}, [], ['c'], Symbol('s'), 1n, () => 'c', new Date(0), new Uint8Array([99])];

before(async () => {
  const r = await client.createCache(cacheName);
  assert.ok(r.type === 'Success' || r.type === 'AlreadyExists', r.toString());
});

/** A printable form of any value (a hostile Proxy included). */
const show = (v) => { try { return typeof v === 'symbol' ? v.toString() : String(v); } catch { return '<hostile>'; } };
const assertInvalid = (r, text) => {
  assert.equal(r.type, 'Error', String(r));
  assert.equal(r.errorCode(), 'INVALID_ARGUMENT_ERROR', r.message());
  if (text !== undefined) assert.equal(r.message(), INVALID + text);
};

test('a cache name of the wrong type never reaches the wasm: 100k calls, then every client still works', async () => {
  // Was: "memory access out of bounds" traps, and after ~60-70k calls every client of the process failed.
  for (let i = 0; i < 100_000; i += 1) {
    const r = await client.get(NOT_STRINGS[i % NOT_STRINGS.length], 'k');
    if (r.type !== 'Error' || r.errorCode() !== 'INVALID_ARGUMENT_ERROR') assert.fail(`call ${i}: ${r}`);
  }
  assert.equal((await client.set(cacheName, 'after', 'v')).type, 'Success');
  assert.equal((await newClient().get(cacheName, 'after')).valueString(), 'v');
  assert.match(sdk.CredentialProvider.fromString({ apiKey }).cacheEndpoint, /^http:\/\/(127\.0\.0\.1|localhost):/);
});

test('null/undefined/{}/NaN/[]/Symbol()/1n as a cache name: INVALID_ARGUMENT with the official texts', async () => {
  for (const bad of [null, undefined, '', '  ']) assertInvalid(await client.get(bad, 'k'), 'cache name must not be empty');
  for (const bad of NOT_STRINGS) assertInvalid(await client.get(bad, 'k'), 'cache name must be a string');
  assertInvalid(await client.get(cacheName, null), 'key must be a string or Uint8Array');
  assertInvalid(await client.set(cacheName, 'k', Symbol('v')), 'value must be a string or Uint8Array');
  assertInvalid(await client.dictionaryFetch(cacheName, 5), 'dictionary name must be a string');
  assertInvalid(await client.setFetch(cacheName, undefined), 'set name must not be empty');
  assertInvalid(await client.increment(cacheName, 'f', '5'), 'amount must be a number');
  assertInvalid(await client.setSample(cacheName, 's', {}), 'limit must be a number');
});

test('every public method, fed every wrong type in every position, answers a value: never a throw or UNKNOWN', async () => {
  const skip = new Set(['constructor', 'cache', 'close', 'configuration']);
  const names = new Set();
  for (let p = sdk.CacheClient.prototype; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const n of Object.getOwnPropertyNames(p)) {
      if (!skip.has(n) && !n.startsWith('_') && typeof p[n] === 'function') names.add(n);
    }
  }
  assert.ok(names.size > 60, `${names.size} methods`);
  const scratch = `${cacheName}-scratch`;
  const bads = [...NOT_STRINGS, null, undefined, new Proxy({}, { get() { throw new Error('hostile getter'); } })];
  for (const name of names) {
    for (const bad of bads) {
      // A scratch cache: deleteCache and flushCache get it too.
      for (const args of [[bad, bad, bad, bad, bad], [scratch, bad, bad, bad, bad], [scratch, 'x', bad, bad, bad]]) {
        let r;
        try {
          r = await client[name](...args);
        } catch (e) {
          assert.fail(`${name}(${args.map(show)}) threw ${e}`);
        }
        assert.ok(r && typeof r.type === 'string', `${name}: ${r}`);
        // The only UNKNOWN allowed: the hostile getter's own exception, handed back as the call's error value.
        if (r.type === 'Error' && !/hostile getter/.test(r.message())) {
          assert.notEqual(r.errorCode(), 'UNKNOWN_ERROR', `${name}(${args.map(show)}): ${r.message()}`);
        }
      }
      const first = await client[name](bad, 'x', 'y', 'z');
      if (!['ping', 'listCaches'].includes(name) && typeof bad !== 'object') assertInvalid(first);
    }
  }
  assert.equal((await client.get(cacheName, 'still-works')).type, 'Miss');
});

test('fractional TTLs are rejected everywhere, as the official SDK does', async () => {
  const text = 'ttl must be a positive integer, received 1.5';
  assertInvalid(await client.set(cacheName, 'k', 'v', { ttl: 1.5 }), text);
  assertInvalid(await client.setWithHash(cacheName, 'k', 'v', { ttl: 1.5 }), text);
  assertInvalid(await client.setIfAbsent(cacheName, 'k', 'v', { ttl: 1.5 }), text);
  assertInvalid(await client.increment(cacheName, 'n', 1, { ttl: 1.5 }), text);
  assertInvalid(await client.setBatch(cacheName, { k: 'v' }, { ttl: 1.5 }), text);
  assertInvalid(await client.dictionarySetField(cacheName, 'd', 'f', 'v', { ttl: sdk.CollectionTtl.of(1.5) }), text);
  assertInvalid(await client.updateTtl(cacheName, 'k', 1500.5), 'ttl must be a positive integer, received 1500.5');
  assert.throws(() => newClient({ defaultTtlSeconds: 1.5 }),
    (e) => e instanceof sdk.InvalidArgumentError && e.message === text);
  assert.equal((await client.set(cacheName, 'k', 'v', { ttl: 2 })).type, 'Success');
});

test('configuration numbers are validated: no negative, zero, NaN, fractional or overflowing timeouts', () => {
  const warnings = [];
  const onWarning = (w) => warnings.push(w.name);
  process.on('warning', onWarning);
  const laptop = sdk.Configurations.Laptop.latest();
  for (const bad of [-1, 0, NaN, 1.5, 2 ** 31, Infinity, '5000', Symbol('t'), null, undefined]) {
    assert.throws(() => laptop.withClientTimeoutMillis(bad),
      (e) => e instanceof sdk.InvalidArgumentError && /^clientTimeoutMillis must be a whole number from 1 to 2147483647/.test(e.message),
      String(bad));
  }
  for (const bad of [{ maxAttempts: 0 }, { maxAttempts: 1.5 }, { maxAttempts: 3, initialDelayMillis: -5 },
    { maxAttempts: 3, maxBackoffMillis: NaN }]) {
    assert.throws(() => laptop.withRetryStrategy(bad), sdk.InvalidArgumentError, JSON.stringify(bad));
  }
  assert.equal(laptop.withClientTimeoutMillis(2 ** 31 - 1).getClientTimeoutMillis(), 2 ** 31 - 1);
  assert.equal(laptop.withRetryStrategy(null).withClientTimeoutMillis(1).clientTimeoutMillis, 1);
  process.off('warning', onWarning);
  assert.deepEqual(warnings, []);
});

test('every throw from constructors, factories and builders is an InvalidArgumentError (an SdkError)', () => {
  const isInvalid = (e) => e instanceof sdk.InvalidArgumentError && e instanceof sdk.SdkError
    && e.errorCode() === 'INVALID_ARGUMENT_ERROR' && e.wrappedErrorMessage() === INVALID + e.message;
  for (const bad of ['not a key', '', 'e30.e30.sig', btoa('{"endpoint":"x"}'), 123, null, {}]) {
    assert.throws(() => sdk.CredentialProvider.fromString(bad), isInvalid, String(bad));
    assert.throws(() => new sdk.StringMomentoTokenProvider({ apiKey: bad }), isInvalid, String(bad));
  }
  assert.throws(() => sdk.CredentialProvider.fromEnvVar(''), isInvalid);
  assert.throws(() => sdk.CredentialProvider.fromApiKeyV2({ apiKey: 'x', endpoint: 'e' }), isInvalid);
  assert.throws(() => newClient({ configuration: 5 }), isInvalid);
  assert.throws(() => newClient({ credentialProvider: 'key' }), isInvalid);
  assert.throws(() => newClient({ defaultTtlSeconds: Symbol('t') }), isInvalid);
  assert.throws(() => new sdk.TopicClient({ configuration: {} }), isInvalid);
  assert.throws(() => new sdk.AuthClient({ credentialProvider: {} }), isInvalid);
  assert.throws(() => new sdk.RefreshingCredentialProvider(null), isInvalid);
  assert.throws(() => sdk.Configurations.Laptop.latest().withMiddlewares(null), isInvalid);
  assert.throws(() => sdk.Configurations.Laptop.latest().withReadConcern(Symbol('r')), isInvalid);
  assert.throws(() => new sdk.PreviewLeaderboardClient({}).leaderboard('', 'lb'), isInvalid);
});

test('closed clients answer a clear error value for every call', async () => {
  const closed = newClient();
  closed.close();
  const text = 'the client is closed';
  assertInvalid(await closed.get(cacheName, 'k'), text);
  assertInvalid(await closed.listCaches(), text);
  closed.close(); // twice is fine
  const topics = new sdk.TopicClient({ credentialProvider: sdk.CredentialProvider.fromString({ apiKey }) });
  topics.close();
  assertInvalid(await topics.publish(cacheName, 't', 'm'), text); // was UNKNOWN_ERROR "Cannot read properties of undefined"
  assertInvalid(await topics.subscribe(cacheName, 't'), text);
});

/** A v1 key naming `endpoint`. */
const keyFor = (endpoint) => btoa(JSON.stringify({ endpoint, api_key: 'token' }));

test('only loopback endpoints use plain http: remote IP literals get https (explicit opt-outs only)', () => {
  for (const [endpoint, url] of [
    ['203.0.113.5:8080', 'https://203.0.113.5:8080'], ['10.1.2.3', 'https://10.1.2.3'],
    ['[2001:db8::1]:443', 'https://[2001:db8::1]:443'], ['127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['[::1]:9', 'http://[::1]:9'], ['localhost:9', 'http://localhost:9'],
    ['cell-1.example.com', 'https://cache.cell-1.example.com'],
  ]) {
    const p = sdk.CredentialProvider.fromString(keyFor(endpoint));
    assert.equal(p.cacheEndpoint, url, endpoint);
    assert.equal(p.isEndpointSecure(), url.startsWith('https:'), endpoint);
  }
  const optOut = sdk.CredentialProvider.fromString({
    apiKey: keyFor('x.example.com'), endpointOverrides: { baseEndpoint: '10.1.2.3:8080', secureConnection: false },
  });
  assert.equal(optOut.cacheEndpoint, 'http://10.1.2.3:8080');
  assert.equal(sdk.CredentialProvider.fromString(keyFor('http://10.1.2.3:80')).cacheEndpoint, 'http://10.1.2.3:80');
});

test('messages say what happened and how to fix it: aborts, missing environment variables', async () => {
  const controller = new AbortController();
  controller.abort();
  const r = await client.get(cacheName, 'k', { abortSignal: controller.signal });
  assert.equal(r.errorCode(), 'CANCELLED_ERROR');
  // The official wrapper (no longer "cancelled by the server"), then what happened.
  assert.equal(r.message(),
    "The request was cancelled; please contact us if this was unexpected at support@momentohq.com: the caller's AbortSignal was aborted");
  assert.throws(() => sdk.CredentialProvider.fromEnvVarV2({ env: { MOMENTO_API_KEY: 'k' } }),
    (e) => /Missing required environment variable MOMENTO_ENDPOINT: set it/.test(e.message));
});

test('a trap inside the wasm replaces the instance: the call fails as a value, every client keeps working', async () => {
  const victim = newClient();
  const bystander = newClient();
  assert.equal((await bystander.set(cacheName, 'before-trap', 'v')).type, 'Success');
  // Point the victim's core at memory the instance does not have: the next call traps ("memory access out of bounds").
  victim._core.__wbg_ptr = 0xfffffff0;
  const r = await victim.get(cacheName, 'k');
  assert.equal(r.type, 'Error');
  assert.equal(r.errorCode(), 'UNKNOWN_ERROR');
  assert.match(r.message(), /WebAssembly instance failed and was restarted/);
  // Every client rebuilds its core on the fresh instance; nothing of the old one is touched again.
  assert.equal((await victim.get(cacheName, 'before-trap')).valueString(), 'v');
  assert.equal((await bystander.get(cacheName, 'before-trap')).valueString(), 'v');
  assert.equal((await client.set(cacheName, 'after-trap', 'w')).type, 'Success');
  assert.equal(sdk.CredentialProvider.fromString({ apiKey }).getAuthToken().length > 0, true);
  const topics = new sdk.TopicClient({ credentialProvider: sdk.CredentialProvider.fromString({ apiKey }) });
  assert.equal((await topics.publish(cacheName, 't', 'm')).type, 'Success');
  topics.close();
  // Garbage collection of the old instance's objects must not free memory in the new one.
  if (globalThis.gc) {
    globalThis.gc();
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal((await newClient().get(cacheName, 'after-trap')).valueString(), 'w');
  }
});
