// Cache basics as a function of a client: the same suite runs against momento-wasm and, for parity, against the
// official @gomomento/sdk-web (issue #5). `sdk` is the module namespace (response classes, error codes).
import assert from 'node:assert/strict';
import { unique } from './kit.mjs';

/**
 * @param {(name: string, fn: () => Promise<void>) => void} test the test registrar (node:test's `test`)
 * @param {{sdk: any, client: () => any, cacheName: string}} ctx
 */
export function cacheBasicsSuite(test, ctx) {
  const { sdk } = ctx;

  test('createCache answers Success, then AlreadyExists', async () => {
    const name = unique('create');
    const first = await ctx.client().createCache(name);
    assert.equal(first.type, 'Success', first.toString());
    assert.ok(first instanceof sdk.CreateCache.Success);
    const again = await ctx.client().createCache(name);
    assert.equal(again.type, 'AlreadyExists');
    assert.ok(again instanceof sdk.CreateCache.AlreadyExists);
    assert.equal((await ctx.client().deleteCache(name)).type, 'Success');
  });

  test('set then get round-trips a string', async () => {
    const key = unique('k');
    const set = await ctx.client().set(ctx.cacheName, key, 'hello ✓');
    assert.equal(set.type, sdk.CacheSetResponse.Success, set.toString());
    assert.equal(set.is_success, true);
    assert.equal(set.toString(), 'Success');
    const got = await ctx.client().get(ctx.cacheName, key);
    assert.equal(got.type, sdk.CacheGetResponse.Hit, got.toString());
    assert.ok(got instanceof sdk.CacheGet.Hit);
    assert.equal(got.toString(), 'Hit: hello ✓');
    assert.equal(got.valueString(), 'hello ✓');
    assert.equal(got.value(), 'hello ✓');
    assert.deepEqual(got.valueUint8Array(), new TextEncoder().encode('hello ✓'));
  });

  test('bytes in, the same bytes out', async () => {
    const key = new Uint8Array([0, 1, 2, 255]);
    const value = new Uint8Array(256).map((_, i) => 255 - i);
    assert.equal((await ctx.client().set(ctx.cacheName, key, value)).type, 'Success');
    const got = await ctx.client().get(ctx.cacheName, key);
    assert.equal(got.type, 'Hit');
    assert.deepEqual(got.valueUint8Array(), value);
  });

  test('a missing key is a Miss', async () => {
    const got = await ctx.client().get(ctx.cacheName, unique('absent'));
    assert.equal(got.type, 'Miss');
    assert.ok(got instanceof sdk.CacheGet.Miss);
    assert.equal(got.value(), undefined);
    assert.equal(got.is_miss, true);
    assert.equal(got.toString(), 'Miss');
  });

  test('cache(name) binds the cache name', async () => {
    const key = unique('bound');
    const cache = ctx.client().cache(ctx.cacheName);
    assert.equal((await cache.set(key, 'v', { ttl: 60 })).type, 'Success');
    assert.equal((await ctx.client().get(ctx.cacheName, key)).valueString(), 'v');
    const got = await cache.get(key);
    assert.ok(got instanceof sdk.CacheGet.Hit, got.toString());
    assert.equal((await cache.delete(key)).type, 'Success');
    assert.equal((await cache.keyExists(key)).exists(), false);
  });

  test('delete removes a key', async () => {
    const key = unique('del');
    await ctx.client().set(ctx.cacheName, key, 'v');
    assert.equal((await ctx.client().delete(ctx.cacheName, key)).type, 'Success');
    assert.equal((await ctx.client().get(ctx.cacheName, key)).type, 'Miss');
  });

  test('a short ttl expires', async () => {
    const key = unique('ttl');
    assert.equal((await ctx.client().set(ctx.cacheName, key, 'v', { ttl: 1 })).type, 'Success');
    assert.equal((await ctx.client().get(ctx.cacheName, key)).type, 'Hit');
    await new Promise((r) => setTimeout(r, 1300));
    assert.equal((await ctx.client().get(ctx.cacheName, key)).type, 'Miss');
  });

  test('an unknown cache is NOT_FOUND_ERROR', async () => {
    const got = await ctx.client().get(unique('no-such-cache'), 'k');
    assert.equal(got.type, 'Error');
    assert.ok(got instanceof sdk.CacheGet.Error);
    assert.equal(got.errorCode(), sdk.MomentoErrorCode.NOT_FOUND_ERROR);
    assert.match(got.message(), /^A cache with the specified name does not exist/);
    assert.equal(got.toString(), got.message());
    assert.ok(got.innerException() instanceof sdk.CacheNotFoundError);
  });

  test('an empty cache name is INVALID_ARGUMENT_ERROR with the official text', async () => {
    const got = await ctx.client().get('', 'k');
    assert.equal(got.type, 'Error');
    assert.equal(got.errorCode(), 'INVALID_ARGUMENT_ERROR');
    assert.equal(got.message(), 'Invalid argument passed to Momento client: cache name must not be empty');
  });
}
