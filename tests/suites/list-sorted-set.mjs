// Lists and sorted sets as a function of a client: only the official API is used, so the same suite can run
// against momento-wasm and, for parity, against the official @gomomento/sdk-web. `sdk` is the module namespace
// (response classes, enums, CollectionTtl). The client's defaultTtlSeconds is assumed to be 60.
import assert from 'node:assert/strict';
import { unique, assertMissWithoutValue } from './kit.mjs';

const INVALID = 'Invalid argument passed to Momento client: ';

/**
 * @param {(name: string, fn: () => Promise<void>) => void} test the test registrar (node:test's `test`)
 * @param {{sdk: any, client: () => any, cacheName: string}} ctx
 */
export function listSortedSetSuite(test, ctx) {
  const { sdk } = ctx;
  const c = () => ctx.client();
  const cache = ctx.cacheName;

  /** The list's elements as strings (asserting a Hit). */
  async function fetchList(list, options) {
    const r = await c().listFetch(cache, list, options);
    assert.equal(r.type, sdk.CacheListFetchResponse.Hit, r.toString());
    assert.ok(r instanceof sdk.CacheListFetch.Hit);
    return r.valueListString();
  }
  /** The sorted set's `{value, score}` elements (asserting a Hit). */
  async function byRank(zset, options) {
    const r = await c().sortedSetFetchByRank(cache, zset, options);
    assert.equal(r.type, sdk.CacheSortedSetFetchResponse.Hit, r.toString());
    assert.ok(r instanceof sdk.CacheSortedSetFetch.Hit);
    return r.valueArray();
  }
  async function byScore(zset, options) {
    const r = await c().sortedSetFetchByScore(cache, zset, options);
    assert.equal(r.type, 'Hit', r.toString());
    return r.valueArray().map((e) => `${e.value}:${e.score}`);
  }
  /** A list or sorted set of strings built with one write. */
  async function makeList(values) {
    const list = unique('list');
    const r = await c().listConcatenateBack(cache, list, values);
    assert.equal(r.type, 'Success', r.toString());
    return list;
  }
  async function makeZset(elements) {
    const zset = unique('zset');
    const r = await c().sortedSetPutElements(cache, zset, elements);
    assert.equal(r.type, 'Success', r.toString());
    return zset;
  }
  async function remainingTtl(key) {
    const r = await c().itemGetTtl(cache, key);
    assert.equal(r.type, 'Hit', r.toString());
    return r.remainingTtlMillis();
  }
  function assertInvalid(r, message) {
    assert.equal(r.type, 'Error', r.toString());
    assert.equal(r.errorCode(), sdk.MomentoErrorCode.INVALID_ARGUMENT_ERROR);
    assert.equal(r.message(), INVALID + message);
  }

  // ------------------------------------------------------------------ lists

  test('list: pushes and concatenations keep order and answer the new length', async () => {
    const list = unique('list');
    const a = await c().listPushBack(cache, list, 'b');
    assert.ok(a instanceof sdk.CacheListPushBack.Success);
    assert.equal(a.type, sdk.CacheListPushBackResponse.Success);
    assert.equal(a.listLength(), 1);
    const b = await c().listPushFront(cache, list, 'a');
    assert.ok(b instanceof sdk.CacheListPushFront.Success);
    assert.equal(b.listLength(), 2);
    const d = await c().listConcatenateBack(cache, list, ['c', 'd']);
    assert.ok(d instanceof sdk.CacheListConcatenateBack.Success);
    assert.equal(d.listLength(), 4);
    const f = await c().listConcatenateFront(cache, list, ['y', 'z']);
    assert.ok(f instanceof sdk.CacheListConcatenateFront.Success);
    assert.equal(f.listLength(), 6);
    assert.deepEqual(await fetchList(list), ['y', 'z', 'a', 'b', 'c', 'd']);
    const len = await c().listLength(cache, list);
    assert.ok(len instanceof sdk.CacheListLength.Hit);
    assert.equal(len.type, sdk.CacheListLengthResponse.Hit);
    assert.equal(len.length(), 6);
  });

  test('list: truncation drops from the opposite end', async () => {
    const list = unique('list');
    for (const v of ['1', '2', '3', '4']) {
      const r = await c().listPushBack(cache, list, v, { truncateFrontToSize: 3 });
      assert.equal(r.listLength(), Math.min(Number(v), 3));
    }
    assert.deepEqual(await fetchList(list), ['2', '3', '4']);
    assert.equal((await c().listPushFront(cache, list, '0', { truncateBackToSize: 2 })).listLength(), 2);
    assert.deepEqual(await fetchList(list), ['0', '2']);
    assert.equal((await c().listConcatenateBack(cache, list, ['x', 'y', 'z'], { truncateFrontToSize: 4 })).listLength(), 4);
    assert.deepEqual(await fetchList(list), ['2', 'x', 'y', 'z']);
    assert.equal((await c().listConcatenateFront(cache, list, ['p', 'q'], { truncateBackToSize: 3 })).listLength(), 3);
    assert.deepEqual(await fetchList(list), ['p', 'q', '2']);
  });

  test('list: fetch slices with positive and negative indices', async () => {
    const list = await makeList(['a', 'b', 'c', 'd', 'e']);
    assert.deepEqual(await fetchList(list, { startIndex: 1, endIndex: 3 }), ['b', 'c']);
    assert.deepEqual(await fetchList(list, { startIndex: -2 }), ['d', 'e']);
    assert.deepEqual(await fetchList(list, { endIndex: -1 }), ['a', 'b', 'c', 'd']);
    assert.deepEqual(await fetchList(list, { startIndex: -3, endIndex: -1 }), ['c', 'd']);
    assert.deepEqual(await fetchList(list, { startIndex: 2, endIndex: 100 }), ['c', 'd', 'e']);
    assert.deepEqual(await fetchList(list, { startIndex: 4, endIndex: 2 }), [], 'start after end selects nothing');
    const hit = await c().listFetch(cache, list, { startIndex: 0, endIndex: 2 });
    assert.deepEqual(hit.value(), ['a', 'b']);
    assert.deepEqual(hit.valueList(), ['a', 'b']);
    assert.deepEqual(hit.valueListUint8Array(), [new TextEncoder().encode('a'), new TextEncoder().encode('b')]);
  });

  test('list: a missing list is a Miss for reads and a Success for removals', async () => {
    const list = unique('absent');
    assertMissWithoutValue(await c().listFetch(cache, list), sdk.CacheListFetch, sdk.CacheListFetchResponse);
    assert.ok((await c().listLength(cache, list)) instanceof sdk.CacheListLength.Miss);
    assert.ok((await c().listPopFront(cache, list)) instanceof sdk.CacheListPopFront.Miss);
    assert.ok((await c().listPopBack(cache, list)) instanceof sdk.CacheListPopBack.Miss);
    assert.ok((await c().listRemoveValue(cache, list, 'x')) instanceof sdk.CacheListRemoveValue.Success);
    assert.ok((await c().listRetain(cache, list, { startIndex: 1 })) instanceof sdk.CacheListRetain.Success);
    assert.ok((await c().listFetch(cache, list)) instanceof sdk.CacheListFetch.Miss, 'retain does not create');
  });

  test('list: pops remove from each end and the emptied list disappears', async () => {
    const list = await makeList(['first', 'middle', 'last']);
    const front = await c().listPopFront(cache, list);
    assert.ok(front instanceof sdk.CacheListPopFront.Hit);
    assert.equal(front.type, sdk.CacheListPopFrontResponse.Hit);
    assert.equal(front.value(), 'first');
    assert.equal(front.valueString(), 'first');
    assert.deepEqual(front.valueUint8Array(), new TextEncoder().encode('first'));
    const back = await c().listPopBack(cache, list);
    assert.ok(back instanceof sdk.CacheListPopBack.Hit);
    assert.equal(back.valueString(), 'last');
    assert.equal((await c().listPopBack(cache, list)).valueString(), 'middle');
    assert.ok((await c().listLength(cache, list)) instanceof sdk.CacheListLength.Miss);
  });

  test('list: removeValue removes every occurrence; retain keeps a slice', async () => {
    const list = await makeList(['a', 'b', 'a', 'c', 'a']);
    const removed = await c().listRemoveValue(cache, list, 'a');
    assert.ok(removed instanceof sdk.CacheListRemoveValue.Success);
    assert.equal(removed.type, sdk.CacheListRemoveValueResponse.Success);
    assert.deepEqual(await fetchList(list), ['b', 'c']);

    const kept = await makeList(['a', 'b', 'c', 'd', 'e']);
    const r = await c().listRetain(cache, kept, { startIndex: 1, endIndex: -1 });
    assert.ok(r instanceof sdk.CacheListRetain.Success);
    assert.equal(r.type, sdk.CacheListRetainResponse.Success);
    assert.deepEqual(await fetchList(kept), ['b', 'c', 'd']);
    await c().listRetain(cache, kept, { startIndex: -2 });
    assert.deepEqual(await fetchList(kept), ['c', 'd']);
  });

  test('list: bytes in, the same bytes out', async () => {
    const list = unique('list');
    const bytes = [new Uint8Array([0, 255, 1]), new Uint8Array([])];
    await c().listConcatenateBack(cache, list, bytes);
    await c().listPushBack(cache, list, new Uint8Array([7]));
    const r = await c().listFetch(cache, list);
    assert.deepEqual(r.valueListUint8Array(), [...bytes, new Uint8Array([7])]);
    assert.deepEqual((await c().listPopBack(cache, list)).valueUint8Array(), new Uint8Array([7]));
  });

  test('list: CollectionTtl sets, refreshes or keeps the TTL', async () => {
    const list = unique('list');
    await c().listPushBack(cache, list, 'a', { ttl: sdk.CollectionTtl.of(10) });
    let ttl = await remainingTtl(list);
    assert.ok(ttl > 5_000 && ttl <= 10_000, `ttl ${ttl}`);
    await c().listPushBack(cache, list, 'b', { ttl: sdk.CollectionTtl.of(100).withNoRefreshTtlOnUpdates() });
    ttl = await remainingTtl(list);
    assert.ok(ttl <= 10_000, `not refreshed: ${ttl}`);
    await c().listConcatenateFront(cache, list, ['c'], { ttl: sdk.CollectionTtl.of(100) });
    ttl = await remainingTtl(list);
    assert.ok(ttl > 90_000 && ttl <= 100_000, `refreshed: ${ttl}`);
    await c().listPushFront(cache, list, 'd');
    ttl = await remainingTtl(list);
    assert.ok(ttl > 50_000 && ttl <= 60_000, `default TTL, refreshed: ${ttl}`);
    await c().listRetain(cache, list, { startIndex: 0, endIndex: 3, ttl: sdk.CollectionTtl.of(20) });
    ttl = await remainingTtl(list);
    assert.ok(ttl > 15_000 && ttl <= 20_000, `retain refreshed: ${ttl}`);
    await c().listPushBack(cache, list, 'e', { ttl: sdk.CollectionTtl.refreshTtlIfProvided() });
    ttl = await remainingTtl(list);
    assert.ok(ttl <= 20_000, `refreshTtlIfProvided() keeps it: ${ttl}`);
  });

  test('list: invalid arguments are rejected with the official texts', async () => {
    assertInvalid(await c().listPushFront(cache, '', 'v'), 'list name must not be empty');
    assertInvalid(await c().listFetch(cache, '  '), 'list name must not be empty');
    assertInvalid(await c().listLength('', 'l'), 'cache name must not be empty');
    const bad = 'endIndex (exclusive) must be larger than startIndex (inclusive)';
    const list = unique('list');
    assertInvalid(await c().listFetch(cache, list, { startIndex: 0, endIndex: 0 }), bad);
    assertInvalid(await c().listFetch(cache, list, { endIndex: 0, startIndex: 0 }), bad);
    const unjudged = await c().listFetch(cache, list, { startIndex: -2, endIndex: -5 });
    assert.equal(unjudged.type, 'Miss', 'negative pairs are left to the service');
    assertInvalid(await c().listRetain(cache, list, { startIndex: 0, endIndex: 0 }), bad);
    const err = await c().listPopFront(cache, '');
    assert.ok(err instanceof sdk.CacheListPopFront.Error);
    assert.equal(err.type, sdk.CacheListPopFrontResponse.Error);
    assert.equal(err.value(), undefined);
  });

  test('list: an unknown cache is NOT_FOUND_ERROR', async () => {
    const r = await c().listPushBack(unique('no-such-cache'), 'l', 'v');
    assert.ok(r instanceof sdk.CacheListPushBack.Error);
    assert.equal(r.errorCode(), sdk.MomentoErrorCode.NOT_FOUND_ERROR);
    assert.match(r.message(), /^A cache with the specified name does not exist/);
    const f = await c().listFetch(unique('no-such-cache'), 'l');
    assert.ok(f instanceof sdk.CacheListFetch.Error);
    assert.equal(f.errorCode(), sdk.MomentoErrorCode.NOT_FOUND_ERROR);
  });

  test('list: the item type is LIST, and a list op on another type fails', async () => {
    const list = await makeList(['a']);
    const t = await c().itemGetType(cache, list);
    assert.equal(t.type, 'Hit');
    assert.equal(t.itemType(), sdk.ItemType.LIST);
    const key = unique('scalar');
    await c().set(cache, key, 'v');
    const r = await c().listPushBack(cache, key, 'x');
    assert.equal(r.type, 'Error');
    assert.equal(r.errorCode(), sdk.MomentoErrorCode.FAILED_PRECONDITION_ERROR);
  });

  // ------------------------------------------------------------------ sorted sets

  test('sorted set: put single and many (Map, Record, pairs), fetch all in both orders', async () => {
    const zset = unique('zset');
    const one = await c().sortedSetPutElement(cache, zset, 'b', 2);
    assert.ok(one instanceof sdk.CacheSortedSetPutElement.Success);
    assert.equal(one.type, sdk.CacheSortedSetPutElementResponse.Success);
    const many = await c().sortedSetPutElements(cache, zset, new Map([['a', 1], ['c', 3.5]]));
    assert.ok(many instanceof sdk.CacheSortedSetPutElements.Success);
    assert.equal(many.type, sdk.CacheSortedSetPutElementsResponse.Success);
    await c().sortedSetPutElements(cache, zset, { d: -1 });
    await c().sortedSetPutElements(cache, zset, [['e', 10], ['a', 0.5]]);
    assert.deepEqual(await byRank(zset), [
      { value: 'd', score: -1 }, { value: 'a', score: 0.5 }, { value: 'b', score: 2 },
      { value: 'c', score: 3.5 }, { value: 'e', score: 10 },
    ]);
    const desc = await byRank(zset, { order: sdk.SortedSetOrder.Descending });
    assert.deepEqual(desc.map((e) => e.value), ['e', 'c', 'b', 'a', 'd']);
    const hit = await c().sortedSetFetchByRank(cache, zset, { endRank: 1 });
    assert.deepEqual(hit.value(), [{ value: 'd', score: -1 }]);
    assert.deepEqual(hit.valueArrayStringElements(), [{ value: 'd', score: -1 }]);
    assert.deepEqual(hit.valueArrayUint8Elements(), [{ value: new TextEncoder().encode('d'), score: -1 }]);
  });

  test('sorted set: fetch by rank with positive and negative ranks', async () => {
    const zset = await makeZset({ a: 1, b: 2, c: 3, d: 4, e: 5 });
    const values = async (o) => (await byRank(zset, o)).map((e) => e.value);
    assert.deepEqual(await values({ startRank: 1, endRank: 3 }), ['b', 'c']);
    assert.deepEqual(await values({ startRank: -2 }), ['d', 'e']);
    assert.deepEqual(await values({ startRank: -3, endRank: -1 }), ['c', 'd']);
    assert.deepEqual(await values({ startRank: 3 }), ['d', 'e']);
    assert.deepEqual(await values({ startRank: 2, endRank: 2 }), []);
    assert.deepEqual(await values({ startRank: 0, endRank: 2, order: sdk.SortedSetOrder.Descending }), ['e', 'd']);
    assert.deepEqual(await values({ startRank: -2, order: sdk.SortedSetOrder.Descending }), ['b', 'a']);
    assert.deepEqual(await values({ startRank: 1, endRank: 100, order: sdk.SortedSetOrder.Ascending }), ['b', 'c', 'd', 'e']);
  });

  test('sorted set: fetch by score with inclusive bounds, order, offset and count', async () => {
    const zset = await makeZset({ a: 1, b: 2, c: 3, d: 4, e: 5 });
    assert.deepEqual(await byScore(zset, { minScore: 2, maxScore: 4 }), ['b:2', 'c:3', 'd:4']);
    assert.deepEqual(await byScore(zset, { minScore: 4.5 }), ['e:5']);
    assert.deepEqual(await byScore(zset, { maxScore: 1 }), ['a:1']);
    assert.deepEqual(await byScore(zset, { minScore: 2, maxScore: 2 }), ['b:2']);
    assert.deepEqual(await byScore(zset, { minScore: 100 }), []);
    assert.deepEqual(await byScore(zset, { order: sdk.SortedSetOrder.Descending, maxScore: 4 }), ['d:4', 'c:3', 'b:2', 'a:1']);
    assert.deepEqual(await byScore(zset, { offset: 1, count: 2 }), ['b:2', 'c:3']);
    assert.deepEqual(await byScore(zset, { offset: 3 }), ['d:4', 'e:5']);
    assert.deepEqual(await byScore(zset, { count: 1, order: sdk.SortedSetOrder.Descending }), ['e:5']);
    assert.deepEqual(await byScore(zset, { minScore: 2, offset: 1, count: 10, order: sdk.SortedSetOrder.Descending }),
      ['d:4', 'c:3', 'b:2']);
  });

  test('sorted set: a missing set is a Miss for reads', async () => {
    const zset = unique('absent');
    assertMissWithoutValue(await c().sortedSetFetchByRank(cache, zset), sdk.CacheSortedSetFetch, sdk.CacheSortedSetFetchResponse);
    assert.ok((await c().sortedSetFetchByScore(cache, zset)) instanceof sdk.CacheSortedSetFetch.Miss);
    assert.ok((await c().sortedSetGetScores(cache, zset, ['a'])) instanceof sdk.CacheSortedSetGetScores.Miss);
    const score = await c().sortedSetGetScore(cache, zset, 'a');
    assert.ok(score instanceof sdk.CacheSortedSetGetScore.Miss);
    assert.equal(score.score(), undefined);
    const r = await c().sortedSetGetRank(cache, zset, 'a');
    assert.ok(r instanceof sdk.CacheSortedSetGetRank.Miss);
    assert.equal(r.rank(), undefined);
    const len = await c().sortedSetLength(cache, zset);
    assert.ok(len instanceof sdk.CacheSortedSetLength.Miss);
    assert.equal(len.length(), undefined);
    assert.ok((await c().sortedSetLengthByScore(cache, zset)) instanceof sdk.CacheSortedSetLengthByScore.Miss);
    assert.ok((await c().sortedSetRemoveElement(cache, zset, 'a')) instanceof sdk.CacheSortedSetRemoveElement.Success);
  });

  test('sorted set: scores of one and many values', async () => {
    const zset = await makeZset({ a: 1.5, b: -2 });
    const hit = await c().sortedSetGetScore(cache, zset, 'a');
    assert.ok(hit instanceof sdk.CacheSortedSetGetScore.Hit);
    assert.equal(hit.type, sdk.CacheSortedSetGetScoreResponse.Hit);
    assert.equal(hit.score(), 1.5);
    assert.equal(hit.valueString(), 'a');
    assert.deepEqual(hit.valueUint8Array(), new TextEncoder().encode('a'));
    const miss = await c().sortedSetGetScore(cache, zset, 'zzz');
    assert.ok(miss instanceof sdk.CacheSortedSetGetScore.Miss);
    assert.equal(miss.valueString(), 'zzz');

    const many = await c().sortedSetGetScores(cache, zset, ['b', 'nope', 'a']);
    assert.ok(many instanceof sdk.CacheSortedSetGetScores.Hit);
    assert.equal(many.type, sdk.CacheSortedSetGetScoresResponse.Hit);
    assert.deepEqual(many.valueRecord(), { b: -2, a: 1.5 });
    assert.deepEqual(many.value(), { b: -2, a: 1.5 });
    assert.deepEqual(many.valueMap(), new Map([['b', -2], ['a', 1.5]]));
    const parts = many.responses();
    assert.equal(parts.length, 3);
    assert.ok(parts[0] instanceof sdk.CacheSortedSetGetScore.Hit);
    assert.equal(parts[0].score(), -2);
    assert.equal(parts[0].valueString(), 'b');
    assert.ok(parts[1] instanceof sdk.CacheSortedSetGetScore.Miss);
    assert.equal(parts[1].valueString(), 'nope');
    assert.equal(parts[2].score(), 1.5);
  });

  test('sorted set: ranks in both orders', async () => {
    const zset = await makeZset({ low: 1, mid: 2, high: 3 });
    const rank = async (v, order) => (await c().sortedSetGetRank(cache, zset, v, order ? { order } : undefined));
    const low = await rank('low');
    assert.ok(low instanceof sdk.CacheSortedSetGetRank.Hit);
    assert.equal(low.type, sdk.CacheSortedSetGetRankResponse.Hit);
    assert.equal(low.rank(), 0);
    assert.equal((await rank('high')).rank(), 2);
    assert.equal((await rank('high', sdk.SortedSetOrder.Descending)).rank(), 0);
    assert.equal((await rank('low', sdk.SortedSetOrder.Descending)).rank(), 2);
    assert.equal((await rank('mid', sdk.SortedSetOrder.Ascending)).rank(), 1);
    assert.ok((await rank('none')) instanceof sdk.CacheSortedSetGetRank.Miss);
  });

  test('sorted set: incrementScore creates, adds (default 1) and subtracts', async () => {
    const zset = unique('zset');
    const first = await c().sortedSetIncrementScore(cache, zset, 'x', 5);
    assert.ok(first instanceof sdk.CacheSortedSetIncrementScore.Success);
    assert.equal(first.type, sdk.CacheSortedSetIncrementScoreResponse.Success);
    assert.equal(first.score(), 5);
    assert.equal((await c().sortedSetIncrementScore(cache, zset, 'x')).score(), 6);
    assert.equal((await c().sortedSetIncrementScore(cache, zset, 'x', -2.5)).score(), 3.5);
    assert.equal((await c().sortedSetGetScore(cache, zset, 'x')).score(), 3.5);
  });

  test('sorted set: remove elements, lengths and lengths by score', async () => {
    const zset = await makeZset({ a: 1, b: 2, c: 3, d: 4 });
    const len = await c().sortedSetLength(cache, zset);
    assert.ok(len instanceof sdk.CacheSortedSetLength.Hit);
    assert.equal(len.type, sdk.CacheSortedSetLengthResponse.Hit);
    assert.equal(len.length(), 4);
    const between = await c().sortedSetLengthByScore(cache, zset, { minScore: 2, maxScore: 3 });
    assert.ok(between instanceof sdk.CacheSortedSetLengthByScore.Hit);
    assert.equal(between.type, sdk.CacheSortedSetLengthByScoreResponse.Hit);
    assert.equal(between.length(), 2);
    assert.equal((await c().sortedSetLengthByScore(cache, zset, { minScore: 3 })).length(), 2);
    assert.equal((await c().sortedSetLengthByScore(cache, zset, { maxScore: 1 })).length(), 1);
    assert.equal((await c().sortedSetLengthByScore(cache, zset)).length(), 4);
    assert.ok((await c().sortedSetLengthByScore(cache, zset, { minScore: 50 })) instanceof
      sdk.CacheSortedSetLengthByScore.Miss, 'an empty range is a Miss, as officially');

    const one = await c().sortedSetRemoveElement(cache, zset, 'a');
    assert.ok(one instanceof sdk.CacheSortedSetRemoveElement.Success);
    assert.equal(one.type, sdk.CacheSortedSetRemoveElementResponse.Success);
    const many = await c().sortedSetRemoveElements(cache, zset, ['b', 'nope']);
    assert.ok(many instanceof sdk.CacheSortedSetRemoveElements.Success);
    assert.equal(many.type, sdk.CacheSortedSetRemoveElementsResponse.Success);
    assert.deepEqual((await byRank(zset)).map((e) => e.value), ['c', 'd']);
    await c().sortedSetRemoveElements(cache, zset, ['c', 'd']);
    assert.ok((await c().sortedSetLength(cache, zset)) instanceof sdk.CacheSortedSetLength.Miss);
  });

  test('sorted set: union store with weights and each aggregate', async () => {
    const a = await makeZset({ x: 1, y: 2 });
    const b = await makeZset({ y: 3, z: 4 });
    const dest = unique('union');
    const sources = [{ sortedSetName: a, weight: 1 }, { sortedSetName: b, weight: 2 }];
    const sum = await c().sortedSetUnionStore(cache, dest, sources);
    assert.ok(sum instanceof sdk.CacheSortedSetUnionStore.Success);
    assert.equal(sum.type, sdk.CacheSortedSetUnionStoreResponse.Success);
    assert.equal(sum.length(), 3);
    assert.deepEqual(await byRank(dest), [{ value: 'x', score: 1 }, { value: 'y', score: 8 }, { value: 'z', score: 8 }]);
    const min = await c().sortedSetUnionStore(cache, dest, sources, { aggregate: sdk.SortedSetAggregate.MIN });
    assert.equal(min.length(), 3);
    assert.deepEqual(await byRank(dest), [{ value: 'x', score: 1 }, { value: 'y', score: 2 }, { value: 'z', score: 8 }]);
    await c().sortedSetUnionStore(cache, dest, sources, { aggregate: sdk.SortedSetAggregate.MAX });
    assert.deepEqual(await byRank(dest), [{ value: 'x', score: 1 }, { value: 'y', score: 6 }, { value: 'z', score: 8 }]);
    await c().sortedSetUnionStore(cache, dest, [{ sortedSetName: b, weight: -1 }]);
    assert.deepEqual(await byRank(dest), [{ value: 'z', score: -4 }, { value: 'y', score: -3 }], 'destination overwritten');
    const ttl = await c().sortedSetUnionStore(cache, dest, [{ sortedSetName: a, weight: 0.5 }],
      { ttl: sdk.CollectionTtl.of(30) });
    assert.equal(ttl.length(), 2);
    assert.deepEqual(await byRank(dest), [{ value: 'x', score: 0.5 }, { value: 'y', score: 1 }]);
    const left = await remainingTtl(dest);
    assert.ok(left > 25_000 && left <= 30_000, `ttl ${left}`);
  });

  test('sorted set: bytes values round-trip', async () => {
    const zset = unique('zset');
    const v = new Uint8Array([0, 200, 1]);
    await c().sortedSetPutElements(cache, zset, new Map([[v, 7]]));
    await c().sortedSetPutElement(cache, zset, new Uint8Array([9]), 8);
    const r = await c().sortedSetFetchByScore(cache, zset);
    assert.deepEqual(r.valueArrayUint8Elements(), [{ value: v, score: 7 }, { value: new Uint8Array([9]), score: 8 }]);
    assert.equal((await c().sortedSetGetRank(cache, zset, new Uint8Array([9]))).rank(), 1);
  });

  test('sorted set: CollectionTtl sets, refreshes or keeps the TTL', async () => {
    const zset = unique('zset');
    await c().sortedSetPutElement(cache, zset, 'a', 1, { ttl: sdk.CollectionTtl.of(10) });
    let ttl = await remainingTtl(zset);
    assert.ok(ttl > 5_000 && ttl <= 10_000, `ttl ${ttl}`);
    await c().sortedSetPutElements(cache, zset, { b: 2 }, { ttl: new sdk.CollectionTtl(100, false) });
    ttl = await remainingTtl(zset);
    assert.ok(ttl <= 10_000, `not refreshed: ${ttl}`);
    await c().sortedSetIncrementScore(cache, zset, 'a', 1, { ttl: sdk.CollectionTtl.of(100) });
    ttl = await remainingTtl(zset);
    assert.ok(ttl > 90_000 && ttl <= 100_000, `refreshed: ${ttl}`);
    await c().sortedSetPutElement(cache, zset, 'c', 3);
    ttl = await remainingTtl(zset);
    assert.ok(ttl > 50_000 && ttl <= 60_000, `default TTL, refreshed: ${ttl}`);
  });

  test('sorted set: invalid arguments are rejected with the official texts', async () => {
    const zset = unique('zset');
    assertInvalid(await c().sortedSetPutElement(cache, '', 'v', 1), 'sorted set name must not be empty');
    assertInvalid(await c().sortedSetGetRank(cache, ' ', 'v'), 'sorted set name must not be empty');
    assertInvalid(await c().sortedSetLength('', zset), 'cache name must not be empty');
    assertInvalid(await c().sortedSetFetchByRank(cache, zset, { startRank: 5, endRank: 2 }),
      'start rank must be less than end rank');
    assertInvalid(await c().sortedSetFetchByRank(cache, zset, { startRank: -1, endRank: -3 }),
      'negative start rank must be less than negative end rank');
    assertInvalid(await c().sortedSetFetchByScore(cache, zset, { minScore: 5, maxScore: 1 }),
      'minScore must be less than or equal to maxScore');
    assertInvalid(await c().sortedSetLengthByScore(cache, zset, { minScore: 5, maxScore: 1 }),
      'minScore must be less than or equal to maxScore');
    assertInvalid(await c().sortedSetFetchByScore(cache, zset, { offset: -1 }), 'offset must be non-negative (>= 0)');
    assertInvalid(await c().sortedSetFetchByScore(cache, zset, { count: 0 }), 'count must be strictly positive (> 0)');
    assertInvalid(await c().sortedSetUnionStore(cache, zset, [{ sortedSetName: '', weight: 1 }]),
      'sortedSetName must be a non-empty string');
    assertInvalid(await c().sortedSetUnionStore(cache, zset, [{ sortedSetName: 'a', weight: Infinity }]),
      'weight must be a finite number');
    const err = await c().sortedSetIncrementScore(cache, '', 'v');
    assert.ok(err instanceof sdk.CacheSortedSetIncrementScore.Error);
    assert.equal(err.type, sdk.CacheSortedSetIncrementScoreResponse.Error);
  });

  test('sorted set: an unknown cache is NOT_FOUND_ERROR; the item type is SORTED_SET', async () => {
    const r = await c().sortedSetPutElement(unique('no-such-cache'), 'z', 'v', 1);
    assert.ok(r instanceof sdk.CacheSortedSetPutElement.Error);
    assert.equal(r.errorCode(), sdk.MomentoErrorCode.NOT_FOUND_ERROR);
    assert.match(r.message(), /^A cache with the specified name does not exist/);
    const u = await c().sortedSetUnionStore(unique('no-such-cache'), 'z', []);
    assert.ok(u instanceof sdk.CacheSortedSetUnionStore.Error);
    assert.equal(u.errorCode(), sdk.MomentoErrorCode.NOT_FOUND_ERROR);
    const zset = await makeZset({ a: 1 });
    const t = await c().itemGetType(cache, zset);
    assert.equal(t.itemType(), sdk.ItemType.SORTED_SET);
    const wrong = await c().listFetch(cache, zset);
    assert.equal(wrong.type, 'Error');
    assert.equal(wrong.errorCode(), sdk.MomentoErrorCode.FAILED_PRECONDITION_ERROR);
  });
}
