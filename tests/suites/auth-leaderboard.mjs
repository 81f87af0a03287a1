// AuthClient and PreviewLeaderboardClient as a function of an SDK module: only the official @gomomento/sdk-web
// API is used, so the same suite can run against momento-wasm and, for parity, the official SDK.
import assert from 'node:assert/strict';
import { unique } from './kit.mjs';

const INVALID = 'Invalid argument passed to Momento client: ';

/**
 * @param {(name: string, fn: () => Promise<void>) => void} test the test registrar (node:test's `test`)
 * @param {{
 *   sdk: any,                       the SDK module namespace
 *   apiKey: string,                 a super-user v1 key of the server under test
 *   cacheName: string,              an existing cache
 *   credentialProvider?: (apiKey: string) => any,   how to point a key at the server (default: fromString)
 *   cacheConfiguration?: () => any,                 CacheClient configuration (default: Laptop.latest())
 *   leaderboardConfiguration?: () => any,           default: LeaderboardConfigurations.Laptop.latest()
 * }} ctx
 */
export function authLeaderboardSuite(test, ctx) {
  const { sdk, cacheName } = ctx;
  const provider = (key) => (ctx.credentialProvider ? ctx.credentialProvider(key) : sdk.CredentialProvider.fromString({ apiKey: key }));
  const authClient = (key = ctx.apiKey, props = {}) => new sdk.AuthClient({ credentialProvider: provider(key), ...props });
  const cacheClient = (key) => new sdk.CacheClient({
    configuration: ctx.cacheConfiguration ? ctx.cacheConfiguration() : sdk.Configurations.Laptop.latest(),
    credentialProvider: provider(key),
    defaultTtlSeconds: 60,
  });
  const leaderboardConfiguration = () => (ctx.leaderboardConfiguration
    ? ctx.leaderboardConfiguration() : sdk.LeaderboardConfigurations.Laptop.latest());
  const leaderboardClient = (configuration = leaderboardConfiguration()) => new sdk.PreviewLeaderboardClient({
    configuration, credentialProvider: provider(ctx.apiKey),
  });
  /** A v1 key decoded: `{endpoint, api_key}`. */
  const decodeKey = (key) => JSON.parse(atob(key));
  /** The claims of a JWT. */
  const claims = (jwt) => JSON.parse(atob(jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
  /** The root key re-pointed at a port nothing listens on: any request would fail with a connection error. */
  const unreachableKey = () => btoa(JSON.stringify({ endpoint: '127.0.0.1:1', api_key: decodeKey(ctx.apiKey).api_key }));

  const expectType = (r, type) => {
    assert.equal(r.type, type, r.toString());
    return r;
  };
  const expectError = (r, code, message) => {
    expectType(r, 'Error');
    assert.equal(r.errorCode(), code, r.message());
    if (message !== undefined) assert.equal(r.message(), message);
    return r;
  };
  const invalid = (r, text) => expectError(r, sdk.MomentoErrorCode.INVALID_ARGUMENT_ERROR, INVALID + text);
  /** Asserts an expiry `seconds` (±2 s) from now. */
  const expiresInAbout = (expiresAt, seconds) => {
    assert.equal(expiresAt.doesExpire(), true);
    const left = expiresAt.epoch() - Date.now() / 1000;
    assert.ok(left > seconds - 2 && left <= seconds + 1, `expires in ${left} s, wanted ${seconds}`);
  };

  // ------------------------------------------------------------------------------------------ AuthClient

  test('generateDisposableToken: a key-prefix token reads and writes only its prefix', async () => {
    const tokenId = unique('user-1');
    const r = expectType(await authClient().generateDisposableToken(
      sdk.DisposableTokenScopes.cacheKeyPrefixReadWrite(cacheName, 'user-1:'), sdk.ExpiresIn.minutes(5), { tokenId },
    ), sdk.GenerateDisposableTokenResponse.Success);
    assert.ok(r instanceof sdk.GenerateDisposableToken.Success);
    expiresInAbout(r.expiresAt, 300);
    const decoded = decodeKey(r.authToken);
    assert.deepEqual(Object.keys(decoded), ['endpoint', 'api_key']);
    assert.equal(decoded.endpoint, r.endpoint);
    assert.equal(decoded.endpoint, decodeKey(ctx.apiKey).endpoint);
    assert.equal(claims(decoded.api_key).jti, tokenId);
    assert.equal(claims(decoded.api_key).exp, r.expiresAt.epoch());

    const scoped = cacheClient(r.authToken);
    expectType(await scoped.set(cacheName, 'user-1:x', 'mine'), 'Success');
    assert.equal(expectType(await scoped.get(cacheName, 'user-1:x'), 'Hit').valueString(), 'mine');
    expectError(await scoped.set(cacheName, 'user-2:x', 'theirs'), sdk.MomentoErrorCode.PERMISSION_ERROR);
    expectError(await scoped.get(cacheName, 'user-2:x'), sdk.MomentoErrorCode.PERMISSION_ERROR);
    expectError(await scoped.createCache(unique('nope')), sdk.MomentoErrorCode.PERMISSION_ERROR);
    // The root key sees what the token wrote.
    assert.equal(expectType(await cacheClient(ctx.apiKey).get(cacheName, 'user-1:x'), 'Hit').valueString(), 'mine');
  });

  test('generateDisposableToken: a read-only token reads but cannot write', async () => {
    const key = unique('ro');
    expectType(await cacheClient(ctx.apiKey).set(cacheName, key, 'v'), 'Success');
    const r = expectType(await authClient().generateDisposableToken(
      sdk.DisposableTokenScopes.cacheKeyReadOnly(cacheName, key), sdk.ExpiresIn.seconds(60),
    ), 'Success');
    expiresInAbout(r.expiresAt, 60);
    const scoped = cacheClient(r.authToken);
    assert.equal(expectType(await scoped.get(cacheName, key), 'Hit').valueString(), 'v');
    expectError(await scoped.set(cacheName, key, 'w'), sdk.MomentoErrorCode.PERMISSION_ERROR);
    expectError(await scoped.delete(cacheName, key), sdk.MomentoErrorCode.PERMISSION_ERROR);
    expectError(await scoped.get(cacheName, `${key}-other`), sdk.MomentoErrorCode.PERMISSION_ERROR);
  });

  test('generateDisposableToken: a disposable token cannot mint tokens', async () => {
    const r = expectType(await authClient().generateDisposableToken(
      sdk.DisposableTokenScopes.cacheReadWrite(cacheName), sdk.ExpiresIn.minutes(1),
    ), 'Success');
    const minted = await authClient(r.authToken).generateDisposableToken(
      sdk.DisposableTokenScopes.cacheReadWrite(cacheName), sdk.ExpiresIn.minutes(1),
    );
    expectError(minted, sdk.MomentoErrorCode.PERMISSION_ERROR);
  });

  test('generateDisposableToken: tokenId and expiry are validated before any request', async () => {
    const offline = new sdk.AuthClient({ credentialProvider: sdk.CredentialProvider.fromString({ apiKey: unreachableKey() }) });
    const scope = sdk.DisposableTokenScopes.cacheKeyReadWrite(cacheName, 'k');
    const r = await offline.generateDisposableToken(scope, sdk.ExpiresIn.minutes(5), { tokenId: 'x'.repeat(65) });
    invalid(r, 'TokenID must be less than or equal to 64 characters.');
    assert.ok(r instanceof sdk.GenerateDisposableToken.Error);
    assert.ok(r.innerException() instanceof sdk.InvalidArgumentError);
    invalid(await offline.generateDisposableToken(scope, sdk.ExpiresIn.never()), 'disposable tokens must have an expiry');
    invalid(await offline.generateDisposableToken(scope, sdk.ExpiresIn.seconds(-5)), 'disposable token expiry must be positive');
    // More than an hour is INVALID_ARGUMENT (client-side in momento-wasm and the official SDK's main branch, from the
    // service with the released @gomomento/sdk-web 1.118.0, which lacks that check).
    expectError(await authClient().generateDisposableToken(scope, sdk.ExpiresIn.hours(2)),
      sdk.MomentoErrorCode.INVALID_ARGUMENT_ERROR);
    // The limits themselves are accepted by the server.
    const ok = await authClient().generateDisposableToken(scope, sdk.ExpiresIn.hours(1), { tokenId: 'y'.repeat(64) });
    expectType(ok, 'Success');
    expiresInAbout(ok.expiresAt, 3600);
    assert.equal(claims(decodeKey(ok.authToken).api_key).jti, 'y'.repeat(64));
  });

  test('generateApiKey (read-only scope) and refreshApiKey: the refreshed key works', async () => {
    const key = unique('apikey');
    expectType(await cacheClient(ctx.apiKey).set(cacheName, key, 'v'), 'Success');
    const generated = expectType(
      await authClient().generateApiKey(sdk.PermissionScopes.cacheReadOnly(cacheName), sdk.ExpiresIn.minutes(10)),
      sdk.GenerateApiKeyResponse.Success,
    );
    assert.ok(generated instanceof sdk.GenerateApiKey.Success);
    assert.equal(decodeKey(generated.apiKey).endpoint, generated.endpoint);
    assert.equal(generated.authToken, generated.apiKey);
    assert.equal(typeof generated.refreshToken, 'string');
    assert.ok(generated.refreshToken.length > 0);
    expiresInAbout(generated.expiresAt, 600);

    const readOnly = cacheClient(generated.apiKey);
    assert.equal(expectType(await readOnly.get(cacheName, key), 'Hit').valueString(), 'v');
    expectError(await readOnly.set(cacheName, key, 'w'), sdk.MomentoErrorCode.PERMISSION_ERROR);

    const refreshed = expectType(
      await authClient(generated.apiKey).refreshApiKey(generated.refreshToken), sdk.RefreshApiKeyResponse.Success,
    );
    assert.ok(refreshed instanceof sdk.RefreshApiKey.Success);
    assert.equal(decodeKey(refreshed.apiKey).endpoint, generated.endpoint);
    assert.ok(refreshed.refreshToken.length > 0);
    expiresInAbout(refreshed.expiresAt, 600);
    const again = cacheClient(refreshed.apiKey);
    assert.equal(expectType(await again.get(cacheName, key), 'Hit').valueString(), 'v');
    expectError(await again.set(cacheName, key, 'w'), sdk.MomentoErrorCode.PERMISSION_ERROR);
    // The new refresh token refreshes the new key.
    expectType(await authClient(refreshed.apiKey).refreshApiKey(refreshed.refreshToken), 'Success');
    // A refresh token belongs to its key only.
    expectError(await authClient(generated.apiKey).refreshApiKey('mrt1.not-a-refresh-token'),
      sdk.MomentoErrorCode.AUTHENTICATION_ERROR);
  });

  test('generateApiKey: ExpiresIn.never() gives a key that never expires; generateAuthToken is an alias', async () => {
    const never = expectType(await authClient().generateApiKey(sdk.AllDataReadWrite, sdk.ExpiresIn.never()), 'Success');
    assert.equal(never.expiresAt.doesExpire(), false);
    assert.equal(never.expiresAt.epoch(), Infinity);
    assert.equal(claims(decodeKey(never.apiKey).api_key).exp, undefined);
    const key = unique('all');
    const client = cacheClient(never.apiKey);
    expectType(await client.set(cacheName, key, 'v'), 'Success');
    assert.equal(expectType(await client.get(cacheName, key), 'Hit').valueString(), 'v');

    const alias = await authClient().generateAuthToken(sdk.PermissionScopes.cacheReadWrite(cacheName), sdk.ExpiresIn.days(1));
    expectType(alias, 'Success');
    assert.ok(alias instanceof sdk.GenerateAuthToken.Success);
    expiresInAbout(alias.expiresAt, 86400);
  });

  test('AuthClient throwOnErrors rejects with the SdkError', async () => {
    const throwing = authClient(ctx.apiKey, { throwOnErrors: true });
    await assert.rejects(
      throwing.generateDisposableToken(sdk.DisposableTokenScopes.cacheReadWrite(cacheName), sdk.ExpiresIn.never()),
      (e) => e instanceof sdk.InvalidArgumentError && e.errorCode() === 'INVALID_ARGUMENT_ERROR'
        && e.wrappedErrorMessage() === `${INVALID}disposable tokens must have an expiry`,
    );
    await assert.rejects(throwing.refreshApiKey('mrt1.bogus'),
      (e) => e instanceof sdk.AuthenticationError && e.errorCode() === 'AUTHENTICATION_ERROR');
    const ok = await throwing.generateDisposableToken(sdk.DisposableTokenScopes.cacheReadWrite(cacheName),
      sdk.ExpiresIn.minutes(1));
    assert.equal(ok.type, 'Success');
  });

  // ------------------------------------------------------------------------------------------ leaderboards

  test('leaderboard: upsert, fetchByRank, fetchByScore, getRank, length, removeElements, delete', async () => {
    const client = leaderboardClient();
    const board = client.leaderboard(cacheName, unique('board'));
    const values = (r) => expectType(r, sdk.LeaderboardFetchResponse.Success).values();
    const length = async () => expectType(await board.length(), sdk.LeaderboardLengthResponse.Success).length();
    const { Ascending: ASC, Descending: DESC } = sdk.LeaderboardOrder;

    assert.equal(await length(), 0);
    expectType(await board.upsert({ 1: 10, 2: 20, 3: 30, 4: 40, 5: 50 }), sdk.LeaderboardUpsertResponse.Success);
    expectType(await board.upsert(new Map([[6, 60]])), 'Success');
    assert.equal(await length(), 6);

    assert.deepEqual(values(await board.fetchByRank(0, 3)), [
      { id: 1, score: 10, rank: 0 }, { id: 2, score: 20, rank: 1 }, { id: 3, score: 30, rank: 2 },
    ]);
    assert.deepEqual(values(await board.fetchByRank(0, 2, { order: DESC })), [
      { id: 6, score: 60, rank: 0 }, { id: 5, score: 50, rank: 1 },
    ]);
    assert.deepEqual(values(await board.fetchByRank(4, 100, { order: ASC })), [
      { id: 5, score: 50, rank: 4 }, { id: 6, score: 60, rank: 5 },
    ]);
    assert.deepEqual(values(await board.fetchByRank(10, 20)), []);

    assert.deepEqual(values(await board.fetchByScore({ minScore: 20, maxScore: 50 })), [
      { id: 2, score: 20, rank: 1 }, { id: 3, score: 30, rank: 2 }, { id: 4, score: 40, rank: 3 },
    ]);
    assert.deepEqual(values(await board.fetchByScore({ minScore: 20, maxScore: 50, order: DESC })), [
      { id: 4, score: 40, rank: 2 }, { id: 3, score: 30, rank: 3 }, { id: 2, score: 20, rank: 4 },
    ]);
    assert.deepEqual(values(await board.fetchByScore({ offset: 1, count: 2 })), [
      { id: 2, score: 20, rank: 1 }, { id: 3, score: 30, rank: 2 },
    ]);
    assert.deepEqual(values(await board.fetchByScore({ order: DESC, offset: 2, count: 2 })), [
      { id: 4, score: 40, rank: 2 }, { id: 3, score: 30, rank: 3 },
    ]);
    assert.deepEqual(values(await board.fetchByScore({ minScore: 55 })).map((e) => e.id), [6]);
    assert.deepEqual(values(await board.fetchByScore()).map((e) => e.id), [1, 2, 3, 4, 5, 6]);

    assert.deepEqual(values(await board.getRank([3, 1, 99])), [
      { id: 3, score: 30, rank: 2 }, { id: 1, score: 10, rank: 0 },
    ]);
    assert.deepEqual(values(await board.getRank([3], { order: DESC })), [{ id: 3, score: 30, rank: 3 }]);

    // Upsert updates a score in place.
    expectType(await board.upsert({ 1: 100 }), 'Success');
    assert.equal(await length(), 6);
    assert.deepEqual(values(await board.getRank([1], { order: DESC })), [{ id: 1, score: 100, rank: 0 }]);

    expectType(await board.removeElements([1, 2, 99]), sdk.LeaderboardRemoveElementsResponse.Success);
    assert.equal(await length(), 4);
    assert.deepEqual(values(await board.fetchByRank(0, 10)).map((e) => e.id), [3, 4, 5, 6]);

    expectType(await board.delete(), sdk.LeaderboardDeleteResponse.Success);
    assert.equal(await length(), 0);
    assert.deepEqual(values(await board.fetchByRank(0, 10)), []);

    // Fractional and negative scores round-trip exactly.
    expectType(await board.upsert(new Map([[7, -1.5], [8, 2.25], [4294967295, 1e300]])), 'Success');
    assert.deepEqual(values(await board.fetchByScore()), [
      { id: 7, score: -1.5, rank: 0 }, { id: 8, score: 2.25, rank: 1 }, { id: 4294967295, score: 1e300, rank: 2 },
    ]);
    expectType(await board.delete(), 'Success');
    client.close();
  });

  test('leaderboard: validation errors with the official texts, before any request', async () => {
    const offline = new sdk.PreviewLeaderboardClient({
      configuration: leaderboardConfiguration(),
      credentialProvider: sdk.CredentialProvider.fromString({ apiKey: unreachableKey() }),
    });
    const board = offline.leaderboard(cacheName, 'board');
    invalid(await board.fetchByRank(-1, 5), 'ranks must be positive');
    invalid(await board.fetchByRank(5, 3), 'start rank must be less than end rank');
    invalid(await board.fetchByScore({ offset: -1 }), 'offset must be non-negative (>= 0)');
    invalid(await board.fetchByScore({ count: 0 }), 'count must be strictly positive (> 0)');
    invalid(await board.fetchByScore({ minScore: 10, maxScore: 5 }), 'minScore must be less than or equal to maxScore');
    invalid(await board.upsert({}), 'must provide at least one element');
    invalid(await board.upsert(new Map()), 'must provide at least one element');
    invalid(await board.removeElements([]), 'must provide at least one element');
    for (const [cache, name] of [[cacheName, ''], [cacheName, '  '], ['', 'board']]) {
      assert.throws(() => offline.leaderboard(cache, name), (e) => e instanceof sdk.InvalidArgumentError
        && e.errorCode() === 'INVALID_ARGUMENT_ERROR'
        && e.wrappedErrorMessage() === `${INVALID}cache name and leaderboard name must not be empty strings`);
    }
    offline.close();
  });

  test('leaderboard: a missing cache is NOT_FOUND_ERROR; throwOnErrors comes from the configuration', async () => {
    const client = leaderboardClient();
    expectError(await client.leaderboard(unique('no-such-cache'), 'board').length(), sdk.MomentoErrorCode.NOT_FOUND_ERROR);
    const throwing = leaderboardClient(leaderboardConfiguration().withThrowOnErrors(true));
    const board = throwing.leaderboard(cacheName, unique('board'));
    await assert.rejects(board.fetchByRank(5, 3), (e) => e instanceof sdk.InvalidArgumentError
      && e.wrappedErrorMessage() === `${INVALID}start rank must be less than end rank`);
    await assert.rejects(throwing.leaderboard(unique('no-such-cache'), 'b').upsert({ 1: 1 }),
      (e) => e instanceof sdk.CacheNotFoundError && e.errorCode() === 'NOT_FOUND_ERROR');
    expectType(await board.upsert({ 1: 1 }), 'Success');
    expectType(await board.delete(), 'Success');
    client.close();
    throwing.close();
  });
}
