// Scalar and control-plane methods as a function of a client (official API surface only), so the same suite can
// run against momento-wasm and, for parity, against @gomomento/sdk-web.
import assert from 'node:assert/strict';
import { unique, enc } from './kit.mjs';

/**
 * @param {(name: string, fn: () => Promise<void>) => void} test
 * @param {{sdk: any, client: () => any, cacheName: string}} ctx
 */
export function scalarsSuite(test, ctx) {
  const { sdk } = ctx;
  const c = () => ctx.client();
  const cache = () => ctx.cacheName;

  test('increment counts from zero, adds amounts, rejects non-integers stored at the key', async () => {
    const key = unique('ctr');
    let r = await c().increment(cache(), key);
    assert.ok(r instanceof sdk.CacheIncrement.Success, r.toString());
    assert.equal(r.value(), 1);
    assert.equal(r.toString(), 'Success: value: 1');
    r = await c().increment(cache(), key, 41);
    assert.equal(r.value(), 42);
    r = await c().increment(cache(), key, -50);
    assert.equal(r.valueNumber(), -8);
    await c().set(cache(), key, 'not a number');
    r = await c().increment(cache(), key, 1);
    assert.equal(r.type, 'Error');
    assert.equal(r.errorCode(), 'FAILED_PRECONDITION_ERROR');
  });

  test('setIfAbsent / setIfPresent / setIfNotExists', async () => {
    const key = unique('cond');
    assert.ok((await c().setIfPresent(cache(), key, 'a')) instanceof sdk.CacheSetIfPresent.NotStored);
    assert.ok((await c().setIfAbsent(cache(), key, 'a')) instanceof sdk.CacheSetIfAbsent.Stored);
    assert.ok((await c().setIfAbsent(cache(), key, 'b')) instanceof sdk.CacheSetIfAbsent.NotStored);
    assert.ok((await c().setIfNotExists(cache(), key, 'b')) instanceof sdk.CacheSetIfNotExists.NotStored);
    assert.ok((await c().setIfPresent(cache(), key, 'c')) instanceof sdk.CacheSetIfPresent.Stored);
    assert.equal((await c().get(cache(), key)).valueString(), 'c');
  });

  test('setIfEqual / setIfNotEqual / setIfPresentAndNotEqual / setIfAbsentOrEqual', async () => {
    const key = unique('eq');
    await c().set(cache(), key, 'v1');
    assert.equal((await c().setIfEqual(cache(), key, 'v2', 'nope')).type, 'NotStored');
    assert.equal((await c().setIfEqual(cache(), key, 'v2', 'v1')).type, 'Stored');
    assert.equal((await c().setIfNotEqual(cache(), key, 'v3', 'v2')).type, 'NotStored');
    assert.equal((await c().setIfNotEqual(cache(), key, 'v3', 'other')).type, 'Stored');
    assert.equal((await c().setIfPresentAndNotEqual(cache(), unique('absent'), 'x', 'y')).type, 'NotStored');
    assert.equal((await c().setIfPresentAndNotEqual(cache(), key, 'v4', 'zzz')).type, 'Stored');
    assert.equal((await c().setIfAbsentOrEqual(cache(), key, 'v5', 'wrong')).type, 'NotStored');
    assert.equal((await c().setIfAbsentOrEqual(cache(), key, 'v5', 'v4')).type, 'Stored');
    assert.equal((await c().setIfAbsentOrEqual(cache(), unique('fresh'), 'x', 'whatever')).type, 'Stored');
    assert.equal((await c().get(cache(), key)).valueString(), 'v5');
  });

  test('getWithHash / setWithHash and the hash conditions', async () => {
    const key = unique('hash');
    const stored = await c().setWithHash(cache(), key, 'one');
    assert.ok(stored instanceof sdk.CacheSetWithHash.Stored, stored.toString());
    const hash1 = stored.hashUint8Array();
    assert.ok(hash1.length > 0);
    const got = await c().getWithHash(cache(), key);
    assert.ok(got instanceof sdk.CacheGetWithHash.Hit);
    assert.equal(got.valueString(), 'one');
    assert.deepEqual(got.hashUint8Array(), hash1);
    assert.equal(got.hash(), got.hashString());
    assert.ok(got.toString().startsWith('Hit: value=one, hash='), got.toString());
    assert.equal((await c().setIfPresentAndHashEqual(cache(), key, 'two', enc('bad'))).type, 'NotStored');
    const two = await c().setIfPresentAndHashEqual(cache(), key, 'two', hash1);
    assert.equal(two.type, 'Stored');
    assert.notDeepEqual(two.hashUint8Array(), hash1);
    assert.equal((await c().setIfPresentAndHashNotEqual(cache(), key, 'three', two.hashUint8Array())).type, 'NotStored');
    assert.equal((await c().setIfPresentAndHashNotEqual(cache(), key, 'three', hash1)).type, 'Stored');
    assert.equal((await c().setIfAbsentOrHashEqual(cache(), unique('a'), 'x', enc('any'))).type, 'Stored');
    assert.equal((await c().setIfAbsentOrHashNotEqual(cache(), key, 'four', hash1)).type, 'Stored');
    const miss = await c().getWithHash(cache(), unique('none'));
    assert.equal(miss.type, 'Miss');
    assert.equal(miss.hash(), undefined);
  });

  test('getBatch / setBatch keep key order and pair hits with keys', async () => {
    const k = [unique('b1'), unique('b2'), unique('b3')];
    const set = await c().setBatch(cache(), new Map([[k[0], 'one'], [k[2], 'three']]));
    assert.ok(set instanceof sdk.CacheSetBatch.Success, set.toString());
    assert.equal(set.results().length, 2);
    const got = await c().getBatch(cache(), k);
    assert.ok(got instanceof sdk.CacheGetBatch.Success, got.toString());
    assert.deepEqual(got.results().map((r) => r.type), ['Hit', 'Miss', 'Hit']);
    assert.deepEqual(got.values(), { [k[0]]: 'one', [k[2]]: 'three' });
    assert.deepEqual(got.valuesRecordStringString(), got.values());
    assert.equal(got.valuesMap().get(k[2]), 'three');
    assert.deepEqual(got.valuesMapStringString(), got.valuesMap());
    assert.deepEqual(got.valuesMapStringUint8Array().get(k[0]), enc('one'));
    assert.equal(got.toString(), 'Success: Hit: one,Miss,Hit: three');
    const items = await c().setBatch(cache(), [{ key: k[1], value: 'two', ttl: 1 }]);
    assert.equal(items.type, 'Success');
    assert.equal((await c().get(cache(), k[1])).valueString(), 'two');
  });

  test('keyExists / keysExist', async () => {
    const present = unique('here');
    await c().set(cache(), present, 'v');
    const one = await c().keyExists(cache(), present);
    assert.equal(one.exists(), true);
    assert.equal(one.toString(), 'Success: exists: true');
    assert.equal((await c().keyExists(cache(), unique('gone'))).exists(), false);
    const missing = unique('gone');
    const r = await c().keysExist(cache(), [present, missing]);
    assert.deepEqual(r.exists(), [true, false]);
    assert.deepEqual(r.valueRecord(), { [present]: true, [missing]: false });
    assert.equal(r.toString(), 'Success: exists: true, false');
  });

  test('itemGetType / itemGetTtl / updateTtl / increaseTtl / decreaseTtl', async () => {
    const key = unique('ttl');
    const noType = await c().itemGetType(cache(), key);
    assert.equal(noType.type, 'Miss');
    assert.equal(noType.itemType(), undefined);
    const noTtl = await c().itemGetTtl(cache(), key);
    assert.equal(noTtl.type, 'Miss');
    assert.equal(noTtl.remainingTtlMillis(), undefined);
    await c().set(cache(), key, 'v', { ttl: 60 });
    const type = await c().itemGetType(cache(), key);
    assert.equal(type.itemType(), sdk.ItemType.SCALAR);
    assert.equal(type.toString(), 'Hit: item type: 0');
    const hit = await c().itemGetTtl(cache(), key);
    const ttl = hit.remainingTtlMillis();
    assert.ok(ttl > 55_000 && ttl <= 60_000, String(ttl));
    assert.equal(hit.toString(), `Hit: remaining ttl: ${ttl}`);
    assert.equal((await c().increaseTtl(cache(), key, 30_000)).type, 'NotSet');
    assert.equal((await c().increaseTtl(cache(), key, 120_000)).type, 'Set');
    assert.equal((await c().decreaseTtl(cache(), key, 200_000)).type, 'NotSet');
    assert.equal((await c().decreaseTtl(cache(), key, 90_000)).type, 'Set');
    assert.equal((await c().updateTtl(cache(), key, 10_000)).type, 'Set');
    const after = (await c().itemGetTtl(cache(), key)).remainingTtlMillis();
    assert.ok(after <= 10_000 && after > 5_000, String(after));
    assert.equal((await c().updateTtl(cache(), unique('none'), 1000)).type, 'Miss');
  });

  test('listCaches and flushCache', async () => {
    const name = unique('listed');
    await c().createCache(name);
    await c().set(name, 'k', 'v');
    const list = await c().listCaches();
    assert.ok(list instanceof sdk.ListCaches.Success, list.toString());
    const info = list.getCaches().find((x) => x.getName() === name);
    assert.ok(info, 'created cache is listed');
    assert.ok(info.getCacheLimits().maxItemSizeKb > 0);
    assert.ok(info.getTopicLimits().maxSubscriptionCount > 0);
    assert.equal(list.is_success, true);
    assert.ok(list.toString().startsWith('Success: '), list.toString());
    const flushed = await c().flushCache(name);
    assert.ok(flushed instanceof sdk.CacheFlush.Success, flushed.toString());
    assert.equal(flushed.type, sdk.FlushCacheResponse.Success);
    assert.equal((await c().get(name, 'k')).type, 'Miss');
    assert.equal((await c().deleteCache(name)).type, 'Success');
    assert.equal((await c().flushCache(name)).errorCode(), 'NOT_FOUND_ERROR');
  });
}
