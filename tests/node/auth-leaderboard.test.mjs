// AuthClient and PreviewLeaderboardClient of momento-wasm in Node against a running momento-server.
// Needs MOMENTO_API_KEY: a super-user (root) v1 key whose endpoint is the server (scripts/test provides it).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as sdk from '../../pkg/web/index.node.js';
import { authLeaderboardSuite } from '../suites/auth-leaderboard.mjs';
import { ensureCache } from './admin.mjs';

const apiKey = process.env.MOMENTO_API_KEY;
assert.ok(apiKey, 'MOMENTO_API_KEY must be set (run scripts/test)');
const cacheName = `node-auth-lb-${process.pid}`;
const INVALID = 'Invalid argument passed to Momento client: ';

before(() => ensureCache(cacheName));

for (const mode of ['text', 'binary']) {
  authLeaderboardSuite((name, fn) => test(`[${mode}] ${name}`, fn), {
    sdk,
    apiKey,
    cacheName,
    cacheConfiguration: () => sdk.Configurations.Laptop.latest().withTransportMode(mode),
    leaderboardConfiguration: () => sdk.LeaderboardConfigurations.Laptop.latest().withTransportMode(mode),
  });
}

// momento-wasm specifics below (behaviour the official SDK leaves undefined, or momento-wasm extensions).

const provider = () => sdk.CredentialProvider.fromString({ apiKey });

test('response classes: instanceof the namespaces, enums, toString', async () => {
  const board = new sdk.PreviewLeaderboardClient({ credentialProvider: provider() }).leaderboard(cacheName, 'classes');
  const up = await board.upsert({ 1: 1, 2: 2 });
  assert.ok(up instanceof sdk.LeaderboardUpsert.Success);
  assert.equal(up.is_success, true);
  const fetched = await board.fetchByRank(0, 5);
  assert.ok(fetched instanceof sdk.LeaderboardFetch.Success);
  assert.equal(fetched.toString(), 'Success: 2 elements');
  const length = await board.length();
  assert.ok(length instanceof sdk.LeaderboardLength.Success);
  assert.equal(length.toString(), 'Success: length 2');
  assert.ok((await board.removeElements([1])) instanceof sdk.LeaderboardRemoveElements.Success);
  assert.ok((await board.delete()) instanceof sdk.LeaderboardDelete.Success);
  const err = await board.fetchByRank(3, 1);
  assert.ok(err instanceof sdk.LeaderboardFetch.Error);
  assert.equal(err.toString(), `${INVALID}start rank must be less than end rank`);
  assert.equal(sdk.GenerateDisposableTokenResponse.Error, 'Error');
  assert.equal(sdk.LeaderboardOrder.Descending, 'DESC');
  assert.equal(sdk.ExpiresAt.fromEpoch(0).doesExpire(), false);
  assert.equal(sdk.ExpiresAt.fromEpoch(17).epoch(), 17);
});

test('a disposable token of more than an hour is rejected before any request', async () => {
  const dead = btoa(JSON.stringify({ endpoint: '127.0.0.1:1', api_key: JSON.parse(atob(apiKey)).api_key }));
  const offline = new sdk.AuthClient({ credentialProvider: sdk.CredentialProvider.fromString({ apiKey: dead }) });
  const scope = sdk.DisposableTokenScopes.cacheReadOnly(cacheName);
  for (const expiresIn of [sdk.ExpiresIn.hours(2), sdk.ExpiresIn.seconds(3601), sdk.ExpiresIn.days(1)]) {
    const r = await offline.generateDisposableToken(scope, expiresIn);
    assert.equal(r.errorCode(), 'INVALID_ARGUMENT_ERROR');
    assert.equal(r.message(), `${INVALID}disposable tokens must expire within 1 hour`);
  }
  // generateApiKey has no such limit, but a negative lifetime is rejected with the official text.
  const neg = await offline.generateApiKey(sdk.AllDataReadWrite, sdk.ExpiresIn.seconds(-1));
  assert.equal(neg.message(), `${INVALID}validForSeconds must be positive`);
});

test('leaderboard ids must be integers from 0 to 2^32-1; orders must be LeaderboardOrder values', async () => {
  const board = new sdk.PreviewLeaderboardClient({ credentialProvider: provider() }).leaderboard(cacheName, 'ids');
  const idText = `${INVALID}leaderboard element ids must be integers from 0 to 4294967295`;
  for (const r of [
    await board.upsert({ '-1': 5 }),
    await board.upsert(new Map([[1.5, 5]])),
    await board.upsert(new Map([[2 ** 32, 5]])),
    await board.getRank([Number.NaN]),
    await board.removeElements([-3]),
  ]) {
    assert.equal(r.errorCode(), 'INVALID_ARGUMENT_ERROR');
    assert.equal(r.message(), idText);
  }
  const order = await board.fetchByRank(0, 1, { order: 'descending' });
  assert.equal(order.errorCode(), 'INVALID_ARGUMENT_ERROR');
  assert.match(order.message(), /order must be LeaderboardOrder.Ascending/);
  const notArray = await board.getRank(7);
  assert.equal(notArray.message(), `${INVALID}ids must be an array of numbers`);
  // The official SDK sends an empty id list to the service, which rejects it.
  assert.equal((await board.getRank([])).errorCode(), 'INVALID_ARGUMENT_ERROR');
  // ±Infinity score bounds are the unbounded ends.
  assert.equal((await board.upsert({ 3: 3 })).type, 'Success');
  const all = await board.fetchByScore({ minScore: -Infinity, maxScore: Infinity });
  assert.deepEqual(all.values(), [{ id: 3, score: 3, rank: 0 }]);
  assert.equal((await board.delete()).type, 'Success');
});

test('scopes: unrecognized shapes are INVALID_ARGUMENT; topic and function permissions are accepted', async () => {
  const auth = new sdk.AuthClient({ credentialProvider: provider() });
  const bad = [
    [{}, 'Unrecognized token scope: expected {permissions: [...]}'],
    [{ permissions: [{ role: 'admin', cache: sdk.AllCaches }] }, 'Unrecognized cache role: admin'],
    [{ permissions: [{ role: 'readwrite', cache: 42 }] }, 'Unrecognized cache specification in permission'],
    [{ permissions: [{ role: 'readwrite', cache: Symbol('AllCaches') }] }, 'Unrecognized cache specification in permission'],
    [sdk.DisposableTokenScopes.cacheKeyPrefixReadWrite(cacheName, ''), 'cache key or key prefix must not be empty'],
  ];
  for (const [scope, text] of bad) {
    const r = await auth.generateDisposableToken(scope, sdk.ExpiresIn.minutes(1));
    assert.equal(r.errorCode(), 'INVALID_ARGUMENT_ERROR', JSON.stringify(String(scope)));
    assert.equal(r.message(), INVALID + text);
  }
  const noExpiry = await auth.generateApiKey(sdk.AllDataReadWrite, undefined);
  assert.equal(noExpiry.message(), `${INVALID}expiresIn must be an ExpiresIn`);
  for (const scope of [
    sdk.PermissionScopes.topicPublishSubscribe(cacheName, sdk.AllTopics),
    sdk.PermissionScopes.topicSubscribeOnly({ name: cacheName }, { name: 't' }),
    sdk.PermissionScopes.functionInvoke(sdk.AllCaches, { namePrefix: 'f-' }),
    { permissions: [{ role: sdk.CacheRole.ReadOnly, cache: sdk.AllCaches, item: sdk.AllCacheItems }] },
    sdk.TokenScopes.cacheWriteOnly(cacheName),
  ]) {
    const r = await auth.generateDisposableToken(scope, sdk.ExpiresIn.minutes(1));
    assert.equal(r.type, 'Success', r.toString());
  }
  auth.close();
  const closed = await auth.generateApiKey(sdk.AllDataReadWrite, sdk.ExpiresIn.never());
  assert.equal(closed.message(), `${INVALID}the client is closed`);
});

test('clients default to MOMENTO_API_KEY; bad props throw InvalidArgumentError', async () => {
  const auth = new sdk.AuthClient();
  const r = await auth.generateDisposableToken(sdk.DisposableTokenScopes.cacheReadOnly(cacheName), sdk.ExpiresIn.seconds(30));
  assert.equal(r.type, 'Success', r.toString());
  const board = new sdk.PreviewLeaderboardClient().leaderboard(cacheName, 'default-creds');
  assert.equal((await board.length()).length(), 0);
  assert.throws(() => new sdk.AuthClient({ credentialProvider: 'key' }),
    (e) => e instanceof sdk.InvalidArgumentError && /credentialProvider must be a CredentialProvider/.test(e.message));
  assert.throws(() => new sdk.PreviewLeaderboardClient({ configuration: {}, credentialProvider: provider() }),
    (e) => e instanceof sdk.InvalidArgumentError && /configuration must be a Configuration/.test(e.message));
  const saved = process.env.MOMENTO_API_KEY;
  delete process.env.MOMENTO_API_KEY;
  try {
    assert.throws(() => new sdk.AuthClient(), (e) => e instanceof sdk.InvalidArgumentError
      && e.errorCode() === 'INVALID_ARGUMENT_ERROR' && /MOMENTO_API_KEY/.test(e.message));
  } finally {
    process.env.MOMENTO_API_KEY = saved;
  }
});

test('a disposable token minted by AuthClient feeds CredentialProvider.fromDisposableToken', async () => {
  const auth = new sdk.AuthClient({ credentialProvider: provider(), configuration: sdk.Configurations.Laptop.latest() });
  const r = await auth.generateDisposableToken(sdk.DisposableTokenScopes.cacheKeyReadWrite(cacheName, 'dt-key'),
    sdk.ExpiresIn.minutes(2));
  assert.equal(r.type, 'Success', r.toString());
  const p = sdk.CredentialProvider.fromDisposableToken({ authToken: r.authToken });
  assert.equal(p.cacheEndpoint, provider().cacheEndpoint);
  const client = new sdk.CacheClient({ credentialProvider: p, defaultTtlSeconds: 30 });
  assert.equal((await client.set(cacheName, 'dt-key', 'v')).type, 'Success');
  assert.equal((await client.get(cacheName, 'dt-key')).value(), 'v');
  client.close();
});
