// Dictionary and set methods as a function of a client (official API surface only), so the same suite can run
// against momento-wasm and, for parity, against @gomomento/sdk-web. Assumes the client's defaultTtlSeconds is
// above 5 (the TTL tests compare against 5 s and 100 s collection TTLs).
import assert from 'node:assert/strict';
import { unique, enc, assertMissWithoutValue } from './kit.mjs';

const INVALID = 'Invalid argument passed to Momento client: ';

/**
 * @param {(name: string, fn: () => Promise<void>) => void} test
 * @param {{sdk: any, client: () => any, cacheName: string}} ctx
 */
export function dictionarySetSuite(test, ctx) {
  const { sdk } = ctx;
  const c = () => ctx.client();
  const cache = () => ctx.cacheName;
  const sorted = (xs) => [...xs].sort();
  const ttlOf = async (key) => {
    const r = await c().itemGetTtl(cache(), key);
    assert.ok(r instanceof sdk.CacheItemGetTtl.Hit, r.toString());
    return r.remainingTtlMillis();
  };
  // The official SDKs do not export the CacheSetPop and CacheSetLength namespaces (only their enums), so checks of
  // those responses go through `type` and use `instanceof` only where the namespace exists.
  const SetPop = sdk.CacheSetPop;
  const SetLength = sdk.CacheSetLength;
  const isVariant = (r, ns, name) => {
    assert.equal(r.type, name, r.toString());
    if (ns) assert.ok(r instanceof ns[name], `${r.type}: ${r.toString()}`);
  };
  const assertInvalid = (r, ns, message) => {
    isVariant(r, ns, 'Error');
    assert.equal(r.errorCode(), sdk.MomentoErrorCode.INVALID_ARGUMENT_ERROR);
    assert.equal(r.message(), INVALID + message);
  };

  // ------------------------------------------------------------------ dictionaries

  test('dictionarySetField then dictionaryGetField round-trips strings and bytes', async () => {
    const dict = unique('dict');
    const set = await c().dictionarySetField(cache(), dict, 'name', 'héllo ✓');
    assert.ok(set instanceof sdk.CacheDictionarySetField.Success, set.toString());
    assert.equal(set.type, sdk.CacheDictionarySetFieldResponse.Success);

    const got = await c().dictionaryGetField(cache(), dict, 'name');
    assert.ok(got instanceof sdk.CacheDictionaryGetField.Hit, got.toString());
    assert.equal(got.type, sdk.CacheDictionaryGetFieldResponse.Hit);
    assert.equal(got.value(), 'héllo ✓');
    assert.equal(got.valueString(), 'héllo ✓');
    assert.deepEqual(got.valueUint8Array(), enc('héllo ✓'));

    const field = new Uint8Array([0, 1, 255]);
    const value = new Uint8Array([255, 0, 7, 128]);
    assert.ok((await c().dictionarySetField(cache(), dict, field, value)) instanceof sdk.CacheDictionarySetField.Success);
    const bin = await c().dictionaryGetField(cache(), dict, field);
    assert.ok(bin instanceof sdk.CacheDictionaryGetField.Hit, bin.toString());
    assert.deepEqual(bin.valueUint8Array(), value);
  });

  test('dictionaryGetField is a Miss for an absent dictionary and for an absent field', async () => {
    const dict = unique('dict');
    const absentDict = await c().dictionaryGetField(cache(), dict, 'f');
    assert.ok(absentDict instanceof sdk.CacheDictionaryGetField.Miss, absentDict.toString());
    assert.equal(absentDict.type, sdk.CacheDictionaryGetFieldResponse.Miss);
    assert.equal(absentDict.value(), undefined);
    await c().dictionarySetField(cache(), dict, 'a', '1');
    const absentField = await c().dictionaryGetField(cache(), dict, 'b');
    assert.ok(absentField instanceof sdk.CacheDictionaryGetField.Miss, absentField.toString());
  });

  // Separate test: @gomomento/sdk-web 1.118 answers the base64 text of the field here (it builds the response from
  // the base64-encoded request field), so a parity run can exclude exactly this check.
  test('dictionaryGetField Hit and Miss name their field (fieldString / fieldUint8Array)', async () => {
    const dict = unique('dict');
    await c().dictionarySetField(cache(), dict, 'name', 'v');
    const hit = await c().dictionaryGetField(cache(), dict, 'name');
    assert.ok(hit instanceof sdk.CacheDictionaryGetField.Hit, hit.toString());
    assert.equal(hit.fieldString(), 'name');
    assert.deepEqual(hit.fieldUint8Array(), enc('name'));
    const field = new Uint8Array([0, 1, 255]);
    await c().dictionarySetField(cache(), dict, field, 'w');
    assert.deepEqual((await c().dictionaryGetField(cache(), dict, field)).fieldUint8Array(), field);
    const absentField = await c().dictionaryGetField(cache(), dict, 'other');
    assert.ok(absentField instanceof sdk.CacheDictionaryGetField.Miss, absentField.toString());
    assert.equal(absentField.fieldString(), 'other');
    const absentDict = await c().dictionaryGetField(cache(), unique('absent'), 'f');
    assert.equal(absentDict.fieldString(), 'f');
    assert.deepEqual(absentDict.fieldUint8Array(), enc('f'));
  });

  test('dictionarySetFields accepts a Map, a Record and [field, value] pairs; dictionaryFetch reads them all', async () => {
    const dict = unique('dict');
    const r1 = await c().dictionarySetFields(cache(), dict, new Map([['a', '1'], ['b', enc('2')]]));
    assert.ok(r1 instanceof sdk.CacheDictionarySetFields.Success, r1.toString());
    const r2 = await c().dictionarySetFields(cache(), dict, { c: '3', d: '4' });
    assert.ok(r2 instanceof sdk.CacheDictionarySetFields.Success, r2.toString());
    const r3 = await c().dictionarySetFields(cache(), dict, [['e', '5'], ['a', 'one']]);
    assert.ok(r3 instanceof sdk.CacheDictionarySetFields.Success, r3.toString());

    const expected = { a: 'one', b: '2', c: '3', d: '4', e: '5' };
    const fetched = await c().dictionaryFetch(cache(), dict);
    assert.ok(fetched instanceof sdk.CacheDictionaryFetch.Hit, fetched.toString());
    assert.equal(fetched.type, sdk.CacheDictionaryFetchResponse.Hit);
    assert.deepEqual(fetched.valueRecord(), expected);
    assert.deepEqual(fetched.value(), expected);
    assert.deepEqual(fetched.valueRecordStringString(), expected);
    assert.deepEqual(fetched.valueMap(), new Map(Object.entries(expected)));
    assert.deepEqual(fetched.valueMapStringString(), new Map(Object.entries(expected)));
    const bytes = fetched.valueMapStringUint8Array();
    assert.equal(bytes.size, 5);
    assert.deepEqual(bytes.get('b'), enc('2'));
    assert.deepEqual(fetched.valueRecordStringUint8Array().e, enc('5'));
    assert.match(fetched.toString(), /^Hit: valueDictionaryStringString: /);

    const length = await c().dictionaryLength(cache(), dict);
    assert.ok(length instanceof sdk.CacheDictionaryLength.Hit, length.toString());
    assert.equal(length.type, sdk.CacheDictionaryLengthResponse.Hit);
    assert.equal(length.length(), 5);
  });

  test('dictionaryFetch and dictionaryLength are Misses for an absent dictionary', async () => {
    const dict = unique('absent');
    assertMissWithoutValue(await c().dictionaryFetch(cache(), dict), sdk.CacheDictionaryFetch, sdk.CacheDictionaryFetchResponse);
    const length = await c().dictionaryLength(cache(), dict);
    assert.ok(length instanceof sdk.CacheDictionaryLength.Miss, length.toString());
    assert.equal(length.type, sdk.CacheDictionaryLengthResponse.Miss);
  });

  test('dictionaryGetFields returns the fields found, and one response per field', async () => {
    const dict = unique('dict');
    await c().dictionarySetFields(cache(), dict, { a: '1', b: '2', c: '3' });
    const got = await c().dictionaryGetFields(cache(), dict, ['a', 'missing', enc('c')]);
    assert.ok(got instanceof sdk.CacheDictionaryGetFields.Hit, got.toString());
    assert.equal(got.type, sdk.CacheDictionaryGetFieldsResponse.Hit);
    assert.deepEqual(got.valueRecord(), { a: '1', c: '3' });
    assert.deepEqual(got.value(), { a: '1', c: '3' });
    assert.deepEqual(got.valueRecordStringString(), { a: '1', c: '3' });
    assert.deepEqual(got.valueMap(), new Map([['a', '1'], ['c', '3']]));
    assert.deepEqual(got.valueMapStringString(), new Map([['a', '1'], ['c', '3']]));
    assert.deepEqual(got.valueMapStringUint8Array().get('c'), enc('3'));
    assert.deepEqual(got.valueRecordStringUint8Array().a, enc('1'));

    assert.equal(got.responses.length, 3);
    const [a, missing, cResp] = got.responses;
    assert.ok(a instanceof sdk.CacheDictionaryGetField.Hit, a.toString());
    assert.equal(a.valueString(), '1');
    assert.equal(a.fieldString(), 'a');
    assert.ok(missing instanceof sdk.CacheDictionaryGetField.Miss, missing.toString());
    assert.equal(missing.fieldString(), 'missing');
    assert.ok(cResp instanceof sdk.CacheDictionaryGetField.Hit);
    assert.equal(cResp.fieldString(), 'c');
    assert.deepEqual(cResp.valueUint8Array(), enc('3'));

    const absent = await c().dictionaryGetFields(cache(), unique('absent'), ['a']);
    assert.ok(absent instanceof sdk.CacheDictionaryGetFields.Miss, absent.toString());
    assert.equal(absent.type, sdk.CacheDictionaryGetFieldsResponse.Miss);
  });

  test('dictionaryIncrement counts from zero, adds amounts, rejects non-integer fields', async () => {
    const dict = unique('ctr');
    let r = await c().dictionaryIncrement(cache(), dict, 'n');
    assert.ok(r instanceof sdk.CacheDictionaryIncrement.Success, r.toString());
    assert.equal(r.type, sdk.CacheDictionaryIncrementResponse.Success);
    assert.equal(r.value(), 1);
    r = await c().dictionaryIncrement(cache(), dict, 'n', 41);
    assert.equal(r.valueNumber(), 42);
    r = await c().dictionaryIncrement(cache(), dict, 'n', -50);
    assert.equal(r.value(), -8);
    assert.equal((await c().dictionaryGetField(cache(), dict, 'n')).valueString(), '-8');
    await c().dictionarySetField(cache(), dict, 'text', 'not a number');
    r = await c().dictionaryIncrement(cache(), dict, 'text', 1);
    assert.ok(r instanceof sdk.CacheDictionaryIncrement.Error, r.toString());
    assert.equal(r.errorCode(), sdk.MomentoErrorCode.FAILED_PRECONDITION_ERROR);
  });

  test('dictionaryRemoveField(s) remove fields; removing the last one removes the dictionary', async () => {
    const dict = unique('dict');
    await c().dictionarySetFields(cache(), dict, { a: '1', b: '2', c: '3', d: '4' });
    const one = await c().dictionaryRemoveField(cache(), dict, 'a');
    assert.ok(one instanceof sdk.CacheDictionaryRemoveField.Success, one.toString());
    assert.equal(one.type, sdk.CacheDictionaryRemoveFieldResponse.Success);
    assert.ok((await c().dictionaryGetField(cache(), dict, 'a')) instanceof sdk.CacheDictionaryGetField.Miss);
    const many = await c().dictionaryRemoveFields(cache(), dict, ['b', enc('c'), 'not-there']);
    assert.ok(many instanceof sdk.CacheDictionaryRemoveFields.Success, many.toString());
    assert.equal(many.type, sdk.CacheDictionaryRemoveFieldsResponse.Success);
    assert.deepEqual((await c().dictionaryFetch(cache(), dict)).valueRecord(), { d: '4' });
    assert.equal((await c().dictionaryLength(cache(), dict)).length(), 1);
    await c().dictionaryRemoveFields(cache(), dict, ['d']);
    assert.ok((await c().dictionaryFetch(cache(), dict)) instanceof sdk.CacheDictionaryFetch.Miss);
    const absent = await c().dictionaryRemoveField(cache(), unique('absent'), 'x');
    assert.ok(absent instanceof sdk.CacheDictionaryRemoveField.Success, absent.toString());
  });

  test('dictionary writes: CollectionTtl sets the TTL, refreshes it by default, and can leave it alone', async () => {
    const dict = unique('dttl');
    await c().dictionarySetField(cache(), dict, 'a', '1', { ttl: sdk.CollectionTtl.of(100) });
    let ttl = await ttlOf(dict);
    assert.ok(ttl > 90_000 && ttl <= 100_000, `${ttl}`);
    // No refresh: the 5 s TTL of the write is ignored for the existing dictionary.
    await c().dictionarySetFields(cache(), dict, { b: '2' }, { ttl: sdk.CollectionTtl.of(5).withNoRefreshTtlOnUpdates() });
    ttl = await ttlOf(dict);
    assert.ok(ttl > 90_000, `${ttl}`);
    await c().dictionaryIncrement(cache(), dict, 'n', 1, { ttl: sdk.CollectionTtl.refreshTtlIfProvided() });
    ttl = await ttlOf(dict);
    assert.ok(ttl > 90_000, `${ttl}`);
    // Refresh (the default of CollectionTtl.of): the TTL is reset to 5 s.
    await c().dictionaryIncrement(cache(), dict, 'n', 1, { ttl: sdk.CollectionTtl.of(5) });
    ttl = await ttlOf(dict);
    assert.ok(ttl > 0 && ttl <= 5_000, `${ttl}`);
    // No ttl at all: the client's default TTL, refreshed.
    await c().dictionarySetField(cache(), dict, 'c', '3');
    ttl = await ttlOf(dict);
    assert.ok(ttl > 5_000, `${ttl}`);
    assert.equal((await c().dictionaryLength(cache(), dict)).length(), 4);
  });

  // ------------------------------------------------------------------ sets

  test('setAddElement(s) then setFetch returns each element once, as strings and bytes', async () => {
    const set = unique('set');
    const one = await c().setAddElement(cache(), set, 'a');
    assert.ok(one instanceof sdk.CacheSetAddElement.Success, one.toString());
    assert.equal(one.type, sdk.CacheSetAddElementResponse.Success);
    const many = await c().setAddElements(cache(), set, ['b', 'c', 'a', enc('d')]);
    assert.ok(many instanceof sdk.CacheSetAddElements.Success, many.toString());
    assert.equal(many.type, sdk.CacheSetAddElementsResponse.Success);
    assert.ok(many.toSingularResponse() instanceof sdk.CacheSetAddElement.Success);

    const fetched = await c().setFetch(cache(), set);
    assert.ok(fetched instanceof sdk.CacheSetFetch.Hit, fetched.toString());
    assert.equal(fetched.type, sdk.CacheSetFetchResponse.Hit);
    const all = ['a', 'b', 'c', 'd'];
    assert.deepEqual(sorted(fetched.valueArray()), all);
    assert.deepEqual(sorted(fetched.valueArrayString()), all);
    assert.deepEqual(sorted(fetched.value()), all);
    assert.deepEqual(fetched.valueSet(), new Set(all));
    assert.deepEqual(fetched.valueSetString(), new Set(all));
    assert.equal(fetched.valueSetUint8Array().size, 4);
    const bytes = fetched.valueArrayUint8Array();
    assert.equal(bytes.length, 4);
    assert.ok(bytes.every((b) => b instanceof Uint8Array));
    assert.deepEqual(sorted(bytes.map((b) => new TextDecoder().decode(b))), all);
    assert.match(fetched.toString(), /^Hit: \[/);

    const length = await c().setLength(cache(), set);
    isVariant(length, SetLength, sdk.CacheSetLengthResponse.Hit);
    assert.equal(length.length(), 4);
  });

  test('binary set elements round-trip byte-exact', async () => {
    const set = unique('bset');
    const e1 = new Uint8Array([0, 255, 1]);
    const e2 = new Uint8Array([128, 0]);
    await c().setAddElements(cache(), set, [e1, e2]);
    const fetched = await c().setFetch(cache(), set);
    const got = fetched.valueArrayUint8Array().map((b) => Array.from(b).join(',')).sort();
    assert.deepEqual(got, [Array.from(e2).join(','), Array.from(e1).join(',')].sort());
    const contains = await c().setContainsElement(cache(), set, e1);
    assert.equal(contains.containsElement(), true);
  });

  test('setFetch, setLength, setContainsElement(s), setSample and setPop are Misses for an absent set', async () => {
    const set = unique('absent');
    assertMissWithoutValue(await c().setFetch(cache(), set), sdk.CacheSetFetch, sdk.CacheSetFetchResponse);
    const length = await c().setLength(cache(), set);
    isVariant(length, SetLength, sdk.CacheSetLengthResponse.Miss);
    assert.equal(length.length(), undefined);
    const one = await c().setContainsElement(cache(), set, 'a');
    assert.ok(one instanceof sdk.CacheSetContainsElement.Miss, one.toString());
    assert.equal(one.containsElement(), undefined);
    const many = await c().setContainsElements(cache(), set, ['a']);
    assert.ok(many instanceof sdk.CacheSetContainsElements.Miss, many.toString());
    assert.equal(many.containsElements(), undefined);
    assert.ok((await c().setSample(cache(), set, 3)) instanceof sdk.CacheSetSample.Miss);
    isVariant(await c().setPop(cache(), set, 1), SetPop, sdk.CacheSetPopResponse.Miss);
  });

  test('setContainsElement / setContainsElements', async () => {
    const set = unique('set');
    await c().setAddElements(cache(), set, ['a', 'b']);
    const yes = await c().setContainsElement(cache(), set, 'a');
    assert.ok(yes instanceof sdk.CacheSetContainsElement.Hit, yes.toString());
    assert.equal(yes.type, sdk.CacheSetContainsElementResponse.Hit);
    assert.equal(yes.containsElement(), true);
    const no = await c().setContainsElement(cache(), set, 'z');
    assert.ok(no instanceof sdk.CacheSetContainsElement.Hit);
    assert.equal(no.containsElement(), false);
    const many = await c().setContainsElements(cache(), set, ['a', 'z', enc('b')]);
    assert.ok(many instanceof sdk.CacheSetContainsElements.Hit, many.toString());
    assert.equal(many.type, sdk.CacheSetContainsElementsResponse.Hit);
    assert.deepEqual(many.containsElements(), { a: true, z: false, b: true });
  });

  test('setRemoveElement(s) remove elements; removing the last one removes the set', async () => {
    const set = unique('set');
    await c().setAddElements(cache(), set, ['a', 'b', 'c', 'd']);
    const one = await c().setRemoveElement(cache(), set, 'a');
    assert.ok(one instanceof sdk.CacheSetRemoveElement.Success, one.toString());
    assert.equal(one.type, sdk.CacheSetRemoveElementResponse.Success);
    const many = await c().setRemoveElements(cache(), set, ['b', enc('c'), 'not-there']);
    assert.ok(many instanceof sdk.CacheSetRemoveElements.Success, many.toString());
    assert.equal(many.type, sdk.CacheSetRemoveElementsResponse.Success);
    assert.ok(many.toSingularResponse() instanceof sdk.CacheSetRemoveElement.Success);
    assert.deepEqual((await c().setFetch(cache(), set)).valueArray(), ['d']);
    await c().setRemoveElement(cache(), set, 'd');
    assert.ok((await c().setFetch(cache(), set)) instanceof sdk.CacheSetFetch.Miss);
    const absent = await c().setRemoveElements(cache(), unique('absent'), ['x']);
    assert.ok(absent instanceof sdk.CacheSetRemoveElements.Success, absent.toString());
  });

  test('setSample returns distinct members without removing them', async () => {
    const set = unique('set');
    const all = ['a', 'b', 'c', 'd', 'e'];
    await c().setAddElements(cache(), set, all);
    const two = await c().setSample(cache(), set, 2);
    assert.ok(two instanceof sdk.CacheSetSample.Hit, two.toString());
    assert.equal(two.type, sdk.CacheSetSampleResponse.Hit);
    assert.equal(two.valueSet().size, 2);
    assert.ok(two.valueArray().every((e) => all.includes(e)));
    const everything = await c().setSample(cache(), set, 10);
    assert.deepEqual(sorted(everything.valueArrayString()), all);
    const none = await c().setSample(cache(), set, 0);
    assert.ok(none instanceof sdk.CacheSetSample.Hit, none.toString());
    assert.deepEqual(none.valueArray(), []);
    assert.equal((await c().setLength(cache(), set)).length(), 5);
  });

  test('setPop removes and returns up to count elements', async () => {
    const set = unique('set');
    const all = ['a', 'b', 'c'];
    await c().setAddElements(cache(), set, all);
    const popped = await c().setPop(cache(), set, 2);
    isVariant(popped, SetPop, sdk.CacheSetPopResponse.Hit);
    assert.equal(popped.valueArray().length, 2);
    const rest = (await c().setFetch(cache(), set)).valueArray();
    assert.equal(rest.length, 1);
    assert.deepEqual(sorted([...popped.valueArray(), ...rest]), all);
    const last = await c().setPop(cache(), set, 5);
    assert.deepEqual(last.valueArray(), rest);
    assert.ok((await c().setFetch(cache(), set)) instanceof sdk.CacheSetFetch.Miss);
  });

  test('set writes: CollectionTtl sets and refreshes the TTL; a short TTL expires the set', async () => {
    const set = unique('sttl');
    await c().setAddElement(cache(), set, 'a', { ttl: sdk.CollectionTtl.of(100) });
    let ttl = await ttlOf(set);
    assert.ok(ttl > 90_000 && ttl <= 100_000, `${ttl}`);
    await c().setAddElements(cache(), set, ['b'], { ttl: new sdk.CollectionTtl(5, false) });
    ttl = await ttlOf(set);
    assert.ok(ttl > 90_000, `${ttl}`);
    await c().setAddElements(cache(), set, ['c'], { ttl: sdk.CollectionTtl.of(5).withRefreshTtlOnUpdates() });
    ttl = await ttlOf(set);
    assert.ok(ttl > 0 && ttl <= 5_000, `${ttl}`);
    await c().setAddElement(cache(), set, 'd', { ttl: sdk.CollectionTtl.fromCacheTtl() });
    ttl = await ttlOf(set);
    assert.ok(ttl > 5_000, `${ttl}`);

    const short = unique('short');
    await c().setAddElement(cache(), short, 'x', { ttl: sdk.CollectionTtl.of(1) });
    assert.ok((await c().setFetch(cache(), short)) instanceof sdk.CacheSetFetch.Hit);
    await new Promise((r) => setTimeout(r, 1300));
    assert.ok((await c().setFetch(cache(), short)) instanceof sdk.CacheSetFetch.Miss);
  });

  test('a collection of another type is FAILED_PRECONDITION_ERROR', async () => {
    const key = unique('typed');
    await c().dictionarySetField(cache(), key, 'f', 'v');
    const r = await c().setAddElement(cache(), key, 'a');
    assert.ok(r instanceof sdk.CacheSetAddElement.Error, r.toString());
    assert.equal(r.errorCode(), sdk.MomentoErrorCode.FAILED_PRECONDITION_ERROR);
    const fetched = await c().setFetch(cache(), key);
    assert.ok(fetched instanceof sdk.CacheSetFetch.Error, fetched.toString());
    assert.equal(fetched.errorCode(), sdk.MomentoErrorCode.FAILED_PRECONDITION_ERROR);
    assert.deepEqual((await c().dictionaryFetch(cache(), key)).valueRecord(), { f: 'v' });
  });

  // ------------------------------------------------------------------ validation and errors

  test('empty names are INVALID_ARGUMENT_ERROR with the official texts, before any request', async () => {
    const d = 'dictionary name must not be empty';
    assertInvalid(await c().dictionaryFetch(cache(), ''), sdk.CacheDictionaryFetch, d);
    assertInvalid(await c().dictionaryGetField(cache(), ' ', 'f'), sdk.CacheDictionaryGetField, d);
    assertInvalid(await c().dictionaryGetFields(cache(), '', ['f']), sdk.CacheDictionaryGetFields, d);
    assertInvalid(await c().dictionarySetField(cache(), '', 'f', 'v'), sdk.CacheDictionarySetField, d);
    assertInvalid(await c().dictionarySetFields(cache(), '', { f: 'v' }), sdk.CacheDictionarySetFields, d);
    assertInvalid(await c().dictionaryIncrement(cache(), '', 'f'), sdk.CacheDictionaryIncrement, d);
    assertInvalid(await c().dictionaryRemoveField(cache(), '', 'f'), sdk.CacheDictionaryRemoveField, d);
    assertInvalid(await c().dictionaryRemoveFields(cache(), '', ['f']), sdk.CacheDictionaryRemoveFields, d);
    assertInvalid(await c().dictionaryLength(cache(), '\t'), sdk.CacheDictionaryLength, d);

    const s = 'set name must not be empty';
    assertInvalid(await c().setFetch(cache(), ''), sdk.CacheSetFetch, s);
    assertInvalid(await c().setAddElement(cache(), '', 'e'), sdk.CacheSetAddElement, s);
    assertInvalid(await c().setAddElements(cache(), ' ', ['e']), sdk.CacheSetAddElements, s);
    assertInvalid(await c().setRemoveElement(cache(), '', 'e'), sdk.CacheSetRemoveElement, s);
    assertInvalid(await c().setRemoveElements(cache(), '', ['e']), sdk.CacheSetRemoveElements, s);
    assertInvalid(await c().setContainsElement(cache(), '', 'e'), sdk.CacheSetContainsElement, s);
    assertInvalid(await c().setContainsElements(cache(), '', ['e']), sdk.CacheSetContainsElements, s);
    assertInvalid(await c().setSample(cache(), '', 1), sdk.CacheSetSample, s);
    assertInvalid(await c().setPop(cache(), '', 1), SetPop, s);
    assertInvalid(await c().setLength(cache(), ''), SetLength, s);

    const cn = 'cache name must not be empty';
    assertInvalid(await c().dictionaryFetch('', 'd'), sdk.CacheDictionaryFetch, cn);
    assertInvalid(await c().setFetch(' ', 's'), sdk.CacheSetFetch, cn);
  });

  test('setPop count and setSample limit are validated with the official texts', async () => {
    const set = unique('set');
    await c().setAddElements(cache(), set, ['a']);
    assertInvalid(await c().setPop(cache(), set, 0), SetPop, 'count must be positive (> 0)');
    assertInvalid(await c().setPop(cache(), set, -2), SetPop, 'count must be positive (> 0)');
    assertInvalid(await c().setSample(cache(), set, -1), sdk.CacheSetSample, 'limit must be non-negative (>= 0)');
    assert.equal((await c().setLength(cache(), set)).length(), 1);
  });

  test('every dictionary and set method on a missing cache is NOT_FOUND_ERROR', async () => {
    const missing = unique('no-such-cache');
    const calls = [
      [sdk.CacheDictionaryFetch, () => c().dictionaryFetch(missing, 'd')],
      [sdk.CacheDictionaryGetField, () => c().dictionaryGetField(missing, 'd', 'f')],
      [sdk.CacheDictionaryGetFields, () => c().dictionaryGetFields(missing, 'd', ['f'])],
      [sdk.CacheDictionarySetField, () => c().dictionarySetField(missing, 'd', 'f', 'v')],
      [sdk.CacheDictionarySetFields, () => c().dictionarySetFields(missing, 'd', { f: 'v' })],
      [sdk.CacheDictionaryIncrement, () => c().dictionaryIncrement(missing, 'd', 'f')],
      [sdk.CacheDictionaryRemoveField, () => c().dictionaryRemoveField(missing, 'd', 'f')],
      [sdk.CacheDictionaryRemoveFields, () => c().dictionaryRemoveFields(missing, 'd', ['f'])],
      [sdk.CacheDictionaryLength, () => c().dictionaryLength(missing, 'd')],
      [sdk.CacheSetFetch, () => c().setFetch(missing, 's')],
      [sdk.CacheSetAddElement, () => c().setAddElement(missing, 's', 'e')],
      [sdk.CacheSetAddElements, () => c().setAddElements(missing, 's', ['e'])],
      [sdk.CacheSetRemoveElement, () => c().setRemoveElement(missing, 's', 'e')],
      [sdk.CacheSetRemoveElements, () => c().setRemoveElements(missing, 's', ['e'])],
      [sdk.CacheSetContainsElement, () => c().setContainsElement(missing, 's', 'e')],
      [sdk.CacheSetContainsElements, () => c().setContainsElements(missing, 's', ['e'])],
      [sdk.CacheSetSample, () => c().setSample(missing, 's', 1)],
      [SetPop, () => c().setPop(missing, 's', 1)],
      [SetLength, () => c().setLength(missing, 's')],
    ];
    for (const [ns, call] of calls) {
      const r = await call();
      isVariant(r, ns, 'Error');
      assert.equal(r.errorCode(), sdk.MomentoErrorCode.NOT_FOUND_ERROR);
      assert.match(r.message(), /^A cache with the specified name does not exist/);
    }
  });
}
