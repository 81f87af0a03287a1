// momento-wasm in Node (ESM: gRPC over node:http2, and gRPC-web over the global fetch) against a running
// momento-server.
// Needs MOMENTO_API_KEY (a v1 key whose endpoint is the server); scripts/test provides it.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as sdk from '../../pkg/web/index.node.js';
import { cacheBasicsSuite } from '../suites/cache-basics.mjs';
import { scalarsSuite } from '../suites/scalars.mjs';

const apiKey = process.env.MOMENTO_API_KEY;
assert.ok(apiKey, 'MOMENTO_API_KEY must be set (run scripts/test)');
const cacheName = `node-${process.pid}`;

function makeClient(mode, extra = (c) => c) {
  return new sdk.CacheClient({
    configuration: extra(sdk.Configurations.Laptop.latest().withTransportMode(mode)),
    credentialProvider: sdk.CredentialProvider.fromString({ apiKey }),
    defaultTtlSeconds: 60,
  });
}

// The Node entry's gRPC over node:http2, and gRPC-web over fetch (withFetch) in text and binary mode.
const WIRES = { grpc: (c) => c, 'web-text': (c) => c.withFetch(fetch), 'web-binary': (c) => c.withFetch(fetch).withTransportMode('binary') };
for (const [wire, configure] of Object.entries(WIRES)) {
  const client = makeClient('text', configure);
  before(async () => {
    const r = await client.createCache(cacheName);
    assert.ok(r.type === 'Success' || r.type === 'AlreadyExists', r.toString());
  });
  const named = (name, fn) => test(`[${wire}] ${name}`, fn);
  cacheBasicsSuite(named, { sdk, client: () => client, cacheName });
  scalarsSuite(named, { sdk, client: () => client, cacheName });
}

test('ttl: 0 is rejected before any request, not replaced by the default', async () => {
  const r = await makeClient('text').set(cacheName, 'k', 'v', { ttl: 0 });
  assert.equal(r.type, 'Error');
  assert.equal(r.errorCode(), 'INVALID_ARGUMENT_ERROR');
  assert.equal(r.message(), 'Invalid argument passed to Momento client: ttl must be a positive integer, received 0');
});

for (const [wire, configure] of Object.entries(WIRES)) {
  test(`[${wire}] a 5 MB value round-trips byte-exact (the official web SDK overflows its stack at ~200 KB)`, async () => {
    const client = makeClient('text', configure);
    const value = new Uint8Array(5 * 1024 * 1024 - 1024);
    for (let i = 0; i < value.length; i += 1) value[i] = (i * 7919) & 0xff;
    const set = await client.set(cacheName, `big-${wire}`, value);
    assert.equal(set.type, 'Success', set.toString());
    const got = await client.get(cacheName, `big-${wire}`);
    assert.equal(got.type, 'Hit', got.toString());
    assert.equal(Buffer.compare(Buffer.from(got.valueUint8Array()), Buffer.from(value)), 0);
  });
}

test('an invalid key is AUTHENTICATION_ERROR', async () => {
  const url = new URL(JSON.parse(atob(apiKey)).endpoint.replace(/^(?!http)/, 'http://'));
  const bad = new sdk.CacheClient({
    configuration: sdk.Configurations.Laptop.latest(),
    credentialProvider: sdk.CredentialProvider.fromString({
      apiKey: btoa(JSON.stringify({ endpoint: url.host, api_key: 'not-a-valid-token' })),
    }),
    defaultTtlSeconds: 60,
  });
  const r = await bad.get(cacheName, 'k');
  assert.equal(r.type, 'Error');
  assert.equal(r.errorCode(), 'AUTHENTICATION_ERROR');
});

test('a server that is not there is an error value, not an exception', async () => {
  const down = new sdk.CacheClient({
    configuration: sdk.Configurations.Laptop.latest().withClientTimeoutMillis(2000),
    credentialProvider: sdk.CredentialProvider.forMomentoLocal({ hostname: '127.0.0.1', port: 1 }),
    defaultTtlSeconds: 60,
  });
  const r = await down.get(cacheName, 'k');
  assert.equal(r.type, 'Error');
  assert.ok(['SERVER_UNAVAILABLE', 'TIMEOUT_ERROR'].includes(r.errorCode()), r.message());
});

test('an aborted signal cancels the call', async () => {
  const controller = new AbortController();
  controller.abort();
  const r = await makeClient('text').get(cacheName, 'k', { abortSignal: controller.signal });
  assert.equal(r.type, 'Error');
  assert.equal(r.errorCode(), 'CANCELLED_ERROR');
});

test('throwOnErrors rejects with the SdkError subclass', async () => {
  const client = makeClient('text', (c) => c.withThrowOnErrors(true));
  await assert.rejects(client.get('', 'k'), (e) => e instanceof sdk.InvalidArgumentError
    && e.errorCode() === 'INVALID_ARGUMENT_ERROR');
});

test('the configuration getter returns the configuration', () => {
  const client = makeClient('binary');
  assert.equal(client.configuration.transportMode, 'binary');
  assert.equal(client.configuration.clientTimeoutMillis, 5000);
  assert.equal(sdk.Configurations.Browser.latest().clientTimeoutMillis, 15000);
});

test('ping answers Success (with a deadline, unlike the official web SDK)', async () => {
  const r = await makeClient('text').ping();
  assert.equal(r.type, 'Success', r.toString());
});

test('credential providers: env variables from process.env or a Worker env object, v2 keys, local', () => {
  process.env.MOMENTO_TEST_KEY_FOR_ENV = apiKey;
  const fromEnv = sdk.CredentialProvider.fromEnvironmentVariable('MOMENTO_TEST_KEY_FOR_ENV');
  assert.match(fromEnv.cacheEndpoint, /^http:\/\/(127\.0\.0\.1|localhost):\d+$/);
  const fromWorkerEnv = sdk.CredentialProvider.fromEnvironmentVariable({
    environmentVariableName: 'KEY', env: { KEY: apiKey },
  });
  assert.equal(fromWorkerEnv.cacheEndpoint, fromEnv.cacheEndpoint);
  assert.throws(() => sdk.CredentialProvider.fromEnvVar('MOMENTO_DEFINITELY_UNSET'),
    (e) => e instanceof sdk.InvalidArgumentError && e.errorCode() === 'INVALID_ARGUMENT_ERROR'
      && /MOMENTO_DEFINITELY_UNSET: set it/.test(e.message));
  const b64url = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const v2 = `${b64url({ alg: 'HS256' })}.${b64url({ t: 'g', jti: 'x' })}.sig`;
  assert.throws(() => sdk.CredentialProvider.fromString({ apiKey: v2 }), /fromApiKeyV2/);
  const p = sdk.CredentialProvider.fromApiKeyV2({ apiKey: v2, endpoint: 'cell-1.example.com' });
  assert.deepEqual([p.cacheEndpoint, p.getCacheEndpoint(), p.webPrefix],
    ['https://cache.cell-1.example.com', 'cache.cell-1.example.com', true]);
  const pv2 = sdk.CredentialProvider.fromEnvVarV2({ env: { MOMENTO_API_KEY: v2, MOMENTO_ENDPOINT: 'cell-2.example.com' } });
  assert.equal(pv2.tokenEndpoint, 'https://token.cell-2.example.com');
  assert.equal(sdk.CredentialProvider.forMomentoLocal({ port: 9 }).controlEndpoint, 'http://127.0.0.1:9');
  assert.equal(sdk.CredentialProvider.fromDisposableToken(apiKey).cacheEndpoint, fromEnv.cacheEndpoint);
});

test("gRPC goes to the key's cache./control./token. hosts, gRPC-web (withFetch) to their web. hosts", async () => {
  const key = btoa(JSON.stringify({ endpoint: 'cell-9.invalid', api_key: 'token' }));
  const configuration = sdk.Configurations.Laptop.latest().withRetryStrategy(null);
  const grpc = new sdk.CacheClient({ configuration, credentialProvider: sdk.CredentialProvider.fromString(key), defaultTtlSeconds: 60 });
  const [get, create] = [await grpc.get('c', 'k'), await grpc.createCache('c')];
  assert.equal(get.errorCode(), 'SERVER_UNAVAILABLE');
  assert.match(get.message(), /cache\.cell-9\.invalid/);
  assert.match(create.message(), /control\.cell-9\.invalid/);
  assert.doesNotMatch(get.message(), /web\./);
  const urls = [];
  const recording = (url, init) => { urls.push(String(url)); return fetch(url, init); };
  const web = new sdk.CacheClient({
    configuration: configuration.withFetch(recording), credentialProvider: sdk.CredentialProvider.fromString(key), defaultTtlSeconds: 60,
  });
  assert.equal((await web.get('c', 'k')).errorCode(), 'SERVER_UNAVAILABLE');
  assert.equal((await web.createCache('c')).errorCode(), 'SERVER_UNAVAILABLE');
  assert.deepEqual(urls, ['https://web.cache.cell-9.invalid/cache_client.Scs/Get',
    'https://web.control.cell-9.invalid/control_client.ScsControl/CreateCache']);
  grpc.close();
});

test('configurations and credential providers are immutable JS values; bad ones are rejected', async () => {
  const laptop = sdk.Configurations.Laptop.latest();
  assert.ok(Object.isFrozen(laptop));
  assert.equal(laptop.withReadConcern('CONSISTENT').readConcern, 'consistent');
  assert.equal(laptop.readConcern, 'balanced', 'with… returns a copy');
  assert.equal(laptop.withClientTimeoutMillis(1500).clientTimeoutMillis, 1500);
  // Thrown errors are the official SdkError class (e.errorCode() and instanceof work), wrapped texts included.
  const invalidArg = (re) => (e) => e instanceof sdk.InvalidArgumentError && e instanceof sdk.SdkError
    && e.errorCode() === 'INVALID_ARGUMENT_ERROR'
    && e.wrappedErrorMessage().startsWith('Invalid argument passed to Momento client: ') && re.test(e.message);
  assert.throws(() => laptop.withRetryStrategy({ maxAttempts: -1 }), invalidArg(/maxAttempts must be a whole number from 1 to 100, received -1/));
  assert.throws(() => laptop.withTransportMode('json'), invalidArg(/received json/));
  assert.throws(() => laptop.withReadConcern('eventual'), invalidArg(/received eventual/));
  assert.throws(() => laptop.withMiddlewares({}), invalidArg(/middlewares must be an array/));
  assert.throws(() => sdk.CredentialProvider.fromString('not a key'), invalidArg(/failed to parse api key/));

  const provider = sdk.CredentialProvider.fromString({ apiKey });
  const token = JSON.parse(Buffer.from(apiKey, 'base64').toString()).api_key;
  const { inspect } = await import('node:util');
  assert.ok(!inspect(provider).includes(token) && !JSON.stringify(provider).includes(token), 'the token stays private');
  assert.ok(Object.isFrozen(provider));
  const local = sdk.CredentialProvider.forMomentoLocal();
  assert.deepEqual([local.cacheEndpoint, local.tokenEndpoint, local.expiresAt], ['http://127.0.0.1:8080', 'http://127.0.0.1:8080', undefined]);

  for (const make of [(configuration) => new sdk.CacheClient({ configuration, credentialProvider: provider, defaultTtlSeconds: 60 }),
    (configuration) => new sdk.TopicClient({ configuration, credentialProvider: provider })]) {
    assert.throws(() => make({ clientTimeoutMillis: 1000 }),
      (e) => e instanceof sdk.InvalidArgumentError && /configuration must be a Configuration/.test(e.message));
  }
});

test('middlewares see every request and its status; loggers come from the configuration', async () => {
  const seen = [];
  const middleware = {
    onNewRequest: () => ({
      onRequest: (req) => seen.push(`request ${req.getRequestType()} ${req.getCacheName()}`),
      onResponseStatus: (s) => seen.push(`status ${s.code()} ${s.errorCode() ?? 'ok'}`),
      onResponseEnd: () => seen.push('end'),
    }),
  };
  const throwing = { onNewRequest: () => ({ onRequest: () => { throw new Error('boom'); } }) };
  const lines = [];
  const loggerFactory = { getLogger: () => ({ error: () => {}, warn: (m) => lines.push(`warn ${m}`), info: () => {},
    debug: (m) => lines.push(`debug ${m}`), trace: () => {} }) };
  const client = makeClient('text', (c) => c.withMiddlewares([middleware, throwing]).withLoggerFactory(loggerFactory));
  assert.equal(client.configuration.middlewares.length, 2);
  assert.equal((await client.set(cacheName, 'mw', 'v')).type, 'Success');
  assert.equal((await client.get('missing-cache-for-middleware', 'k')).type, 'Error');
  assert.deepEqual(seen, [
    `request CacheSet ${cacheName}`, 'status 0 ok', 'end',
    'request CacheGet missing-cache-for-middleware', 'status 5 NOT_FOUND_ERROR', 'end',
  ]);
  assert.ok(lines.some((l) => l.startsWith('warn middleware onRequest failed: Error: boom')), lines.join('\n'));
  assert.ok(lines.some((l) => l.startsWith('debug CacheGet failed: NOT_FOUND_ERROR')), lines.join('\n'));
  const quiet = sdk.Configurations.Laptop.latest().withLoggerFactory(new sdk.NoopMomentoLoggerFactory());
  assert.ok(quiet.loggerFactory instanceof sdk.NoopMomentoLoggerFactory);
  assert.equal(sdk.MomentoLogLevel.WARN, 30);
});
