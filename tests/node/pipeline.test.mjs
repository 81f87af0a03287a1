// One call pipeline for every client (issue #13): CacheClient, TopicClient, AuthClient and the leaderboard client all
// run middlewares, log failures, honour throwOnErrors and answer a closed-client error the same way, and their method
// families are classes (no prototype patches: importing a module changes nothing). Needs MOMENTO_API_KEY.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as sdk from '../../pkg/web/index.node.js';

const apiKey = process.env.MOMENTO_API_KEY;
assert.ok(apiKey, 'MOMENTO_API_KEY must be set (run scripts/test)');
const cacheName = `pipeline-${process.pid}`;
const credentialProvider = sdk.CredentialProvider.fromString({ apiKey });

/** A configuration whose middleware records `type cache → status` per call, and whose logger records failures. */
function recording(base = sdk.Configurations.Laptop.latest()) {
  const seen = [];
  const logged = [];
  const middleware = {
    onNewRequest: () => {
      let type;
      let cache;
      return {
        onRequest: (r) => { type = r.getRequestType(); cache = r.getCacheName(); },
        onResponseStatus: (s) => seen.push(`${type} ${cache ?? '-'} ${s.code()}`),
      };
    },
  };
  const loggerFactory = { getLogger: () => ({ debug: (m) => logged.push(m), info() {}, warn() {}, error() {}, trace() {} }) };
  return { seen, logged, configuration: base.withMiddlewares([middleware]).withLoggerFactory(loggerFactory) };
}

test('every client runs middlewares and logs failures through the same pipeline', async () => {
  const r = recording();
  const cache = new sdk.CacheClient({ configuration: r.configuration, credentialProvider, defaultTtlSeconds: 60 });
  assert.ok(['Success', 'AlreadyExists'].includes((await cache.createCache(cacheName)).type));
  await cache.get(cacheName, 'k');
  const topics = new sdk.TopicClient({ configuration: r.configuration, credentialProvider });
  await topics.publish(cacheName, 't', 'm');
  await topics.publish('no-such-cache-pipeline', 't', 'm');
  const auth = new sdk.AuthClient({ configuration: r.configuration, credentialProvider });
  await auth.generateDisposableToken(sdk.DisposableTokenScopes.cacheReadWrite(cacheName), sdk.ExpiresIn.minutes(1));
  const board = new sdk.PreviewLeaderboardClient({ configuration: r.configuration, credentialProvider });
  await board.leaderboard(cacheName, 'b').length();
  assert.deepEqual(r.seen.filter((s) => !s.startsWith('CreateCache')), [
    `CacheGet ${cacheName} 0`, `TopicPublish ${cacheName} 0`, 'TopicPublish no-such-cache-pipeline 5',
    'GenerateDisposableToken - 0', `LeaderboardLength ${cacheName} 0`,
  ]);
  assert.ok(r.logged.some((m) => /^TopicPublish failed: NOT_FOUND_ERROR/.test(m)), r.logged.join('\n'));
  for (const c of [cache, topics, auth, board]) c.close();
});

test('every CacheClient method about a cache reports that cache to middlewares', async () => {
  // Regression: the collection families, setIfPresentAndNotEqual and the hash-conditioned sets reported no cache.
  const r = recording();
  const client = new sdk.CacheClient({ configuration: r.configuration, credentialProvider, defaultTtlSeconds: 60 });
  const name = `pipeline-every-${process.pid}`;
  const methods = new Set();
  for (let p = Object.getPrototypeOf(client); p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const m of Object.getOwnPropertyNames(p)) {
      if (typeof client[m] === 'function' && /^(async\s+)?\w+\s*\(\s*cacheName\b/.test(String(p[m]))) methods.add(m);
    }
  }
  assert.ok(methods.size > 60, [...methods].join(' '));
  for (const m of methods) {
    r.seen.length = 0;
    const call = client[m](name, 'a', 'b', 'c');
    if (m === 'cache') continue; // cache(name): the cache-bound view, not a call
    await call;
    assert.ok(r.seen.length > 0 && r.seen.every((s) => s.split(' ')[1] === name), `${m}: ${r.seen.join(', ')}`);
  }
  await client.deleteCache(name);
  client.close();
});

test('throwOnErrors rejects with the SdkError in every client; the same call without it resolves to an Error', async () => {
  const throwing = sdk.Configurations.Laptop.latest().withThrowOnErrors(true);
  const clients = [
    [new sdk.CacheClient({ configuration: throwing, credentialProvider, defaultTtlSeconds: 60 }), (c) => c.get('', 'k')],
    [new sdk.TopicClient({ configuration: throwing, credentialProvider }), (c) => c.publish('', 't', 'm')],
    [new sdk.TopicClient({ configuration: throwing, credentialProvider }), (c) => c.subscribe('', 't')],
    [new sdk.AuthClient({ configuration: throwing, credentialProvider }), (c) => c.generateApiKey({}, sdk.ExpiresIn.never())],
    [new sdk.PreviewLeaderboardClient({ configuration: throwing, credentialProvider }), (c) => c.leaderboard('c', 'b').fetchByRank(5, 1)],
  ];
  for (const [client, call] of clients) {
    await assert.rejects(call(client), (e) => e instanceof sdk.InvalidArgumentError, client.constructor.name);
    client.close();
  }
  const lenient = new sdk.TopicClient({ credentialProvider });
  assert.equal((await lenient.publish('', 't', 'm')).errorCode(), 'INVALID_ARGUMENT_ERROR');
  lenient.close();
});

test('client.cache(name) binds every data method of the class, and only those', async () => {
  const cache = new sdk.CacheClient({ credentialProvider, defaultTtlSeconds: 60 });
  const bound = cache.cache(cacheName);
  assert.equal((await bound.set('bk', 'bv')).type, 'Success');
  assert.equal((await bound.get('bk')).valueString(), 'bv');
  assert.equal(typeof bound.dictionarySetField, 'function');
  assert.equal(typeof bound.sortedSetUnionStore, 'function');
  for (const notData of ['createCache', 'deleteCache', 'listCaches', 'flushCache', 'ping', '_call']) {
    assert.equal(bound[notData], undefined, notData);
  }
  cache.close();
});
