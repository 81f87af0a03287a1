// Response namespaces of the other scalar methods (increment, conditional sets, hashes, batches, existence,
// item type/TTL, TTL updates), with the official @gomomento/sdk-web names and accessors. Full build only.
import { bytesValue, enumOf, namespace, str, truncate } from './base.js';
import { CacheGet, CacheSet } from './scalar.js';

const STORED = { Stored: {}, NotStored: {}, Error: {} };
const hashAccessors = {
  /** The hash as a UTF-8 string (as the official SDK decodes it). */
  hashString() { return str(this._raw.hash); },
  /** The hash bytes. */
  hashUint8Array() { return this._raw.hash; },
};
const STORED_WITH_HASH = { Stored: hashAccessors, NotStored: {}, Error: {} };

/** `increment` responses. */
export const CacheIncrement = namespace({
  Success: {
    /** The counter after incrementing. */
    value() { return this._raw.value; },
    /** The counter after incrementing. */
    valueNumber() { return this._raw.value; },
    toString() { return `Success: value: ${this._raw.value}`; },
  },
  Error: {},
});
/** `setIfNotExists` responses (deprecated method). */
export const CacheSetIfNotExists = namespace(STORED);
/** `setIfAbsent` responses. */
export const CacheSetIfAbsent = namespace(STORED);
/** `setIfPresent` responses. */
export const CacheSetIfPresent = namespace(STORED);
/** `setIfEqual` responses. */
export const CacheSetIfEqual = namespace(STORED);
/** `setIfNotEqual` responses. */
export const CacheSetIfNotEqual = namespace(STORED);
/** `setIfPresentAndNotEqual` responses. */
export const CacheSetIfPresentAndNotEqual = namespace(STORED);
/** `setIfAbsentOrEqual` responses. */
export const CacheSetIfAbsentOrEqual = namespace(STORED);
const noHash = { hash() { return undefined; } };
/** `getWithHash` responses. */
export const CacheGetWithHash = namespace({
  Hit: {
    ...bytesValue(),
    ...hashAccessors,
    /** The hash as a UTF-8 string (alias of `hashString()`). */
    hash() { return str(this._raw.hash); },
    toString() { return `Hit: value=${truncate(this.valueString())}, hash=${truncate(this.hashString())}`; },
  },
  Miss: noHash,
  Error: noHash,
});
/** `setWithHash` responses. */
export const CacheSetWithHash = namespace(STORED_WITH_HASH);
/** `setIfPresentAndHashEqual` responses. */
export const CacheSetIfPresentAndHashEqual = namespace(STORED_WITH_HASH);
/** `setIfPresentAndHashNotEqual` responses. */
export const CacheSetIfPresentAndHashNotEqual = namespace(STORED_WITH_HASH);
/** `setIfAbsentOrHashEqual` responses. */
export const CacheSetIfAbsentOrHashEqual = namespace(STORED_WITH_HASH);
/** `setIfAbsentOrHashNotEqual` responses. */
export const CacheSetIfAbsentOrHashNotEqual = namespace(STORED_WITH_HASH);

const keyString = (k) => (typeof k === 'string' ? k : str(k));

/** `getBatch` responses: per-key results in key order, plus maps/records of the hits. */
export const CacheGetBatch = namespace({
  Success: {
    /** One `CacheGet` response per key, in the order given. */
    results() { return this._raw.results.map((r) => (r.type === 'Hit' ? new CacheGet.Hit(r) : new CacheGet.Miss(r))); },
    _hits() {
      return this._raw.results.flatMap((r, i) => (r.type === 'Hit' ? [[this._raw.keys[i], r.value]] : []));
    },
    /** Hits as `{key: value}` (strings). */
    values() { return this.valuesRecord(); },
    /** Hits as `{key: value}` (strings). */
    valuesRecord() { return this.valuesRecordStringString(); },
    /** Hits as `{key: value}` (strings). */
    valuesRecordStringString() { return Object.fromEntries(this._hits().map(([k, v]) => [keyString(k), str(v)])); },
    /** Hits as `{key: Uint8Array}`. */
    valuesRecordStringUint8Array() { return Object.fromEntries(this._hits().map(([k, v]) => [keyString(k), v])); },
    /** Hits as a `Map<string, string>`. */
    valuesMap() { return this.valuesMapStringString(); },
    /** Hits as a `Map<string, string>`. */
    valuesMapStringString() { return new Map(this._hits().map(([k, v]) => [keyString(k), str(v)])); },
    /** Hits as a `Map<string, Uint8Array>`. */
    valuesMapStringUint8Array() { return new Map(this._hits().map(([k, v]) => [keyString(k), v])); },
    toString() { return `Success: ${this.results().map((r) => r.toString()).toString()}`; },
  },
  Error: { values() { return undefined; } },
});
/** `setBatch` responses. */
export const CacheSetBatch = namespace({
  Success: {
    /** One `CacheSet` response per item. */
    results() { return Array.from({ length: this._raw.count }, () => new CacheSet.Success({ type: 'Success' })); },
  },
  Error: {},
});
/** `keyExists` responses. */
export const CacheKeyExists = namespace({
  Success: {
    /** Whether the key exists. */
    exists() { return this._raw.exists[0] === true; },
    toString() { return `Success: exists: ${String(this.exists())}`; },
  },
  Error: { exists() { return undefined; } },
});
/** `keysExist` responses. */
export const CacheKeysExist = namespace({
  Success: {
    /** One boolean per key, in the order given. */
    exists() { return this._raw.exists; },
    /** `{key: exists}`. */
    valueRecord() { return Object.fromEntries(this._raw.keys.map((k, i) => [keyString(k), this._raw.exists[i]])); },
    toString() { return `Success: exists: ${this._raw.exists.join(', ')}`; },
  },
  Error: { exists() { return undefined; } },
});

/** Item types as the official SDK numbers them. */
export const ItemType = Object.freeze({ SCALAR: 0, DICTIONARY: 1, LIST: 2, SET: 3, SORTED_SET: 4 });

/** `itemGetType` responses. */
export const CacheItemGetType = namespace({
  Hit: {
    /** The item's `ItemType`. */
    itemType() { return ItemType[this._raw.itemType]; },
    toString() { return `Hit: item type: ${this.itemType()}`; },
  },
  Miss: { itemType() { return undefined; } },
  Error: { itemType() { return undefined; } },
});
/** `itemGetTtl` responses. */
export const CacheItemGetTtl = namespace({
  Hit: {
    /** Milliseconds until the item expires. */
    remainingTtlMillis() { return this._raw.remainingTtlMillis; },
    toString() { return `Hit: remaining ttl: ${this._raw.remainingTtlMillis}`; },
  },
  Miss: { remainingTtlMillis() { return undefined; } },
  Error: { remainingTtlMillis() { return undefined; } },
});
/** `updateTtl` responses. */
export const CacheUpdateTtl = namespace({ Set: {}, Miss: {}, Error: {} });
/** `increaseTtl` responses. */
export const CacheIncreaseTtl = namespace({ Set: {}, NotSet: {}, Miss: {}, Error: {} });
/** `decreaseTtl` responses. */
export const CacheDecreaseTtl = namespace({ Set: {}, NotSet: {}, Miss: {}, Error: {} });

export const CacheIncrementResponse = enumOf(CacheIncrement);
export const CacheSetIfNotExistsResponse = enumOf(CacheSetIfNotExists);
export const CacheSetIfAbsentResponse = enumOf(CacheSetIfAbsent);
export const CacheSetIfPresentResponse = enumOf(CacheSetIfPresent);
export const CacheSetIfEqualResponse = enumOf(CacheSetIfEqual);
export const CacheSetIfNotEqualResponse = enumOf(CacheSetIfNotEqual);
export const CacheSetIfPresentAndNotEqualResponse = enumOf(CacheSetIfPresentAndNotEqual);
export const CacheSetIfAbsentOrEqualResponse = enumOf(CacheSetIfAbsentOrEqual);
export const CacheGetWithHashResponse = enumOf(CacheGetWithHash);
export const CacheSetWithHashResponse = enumOf(CacheSetWithHash);
export const CacheSetIfPresentAndHashEqualResponse = enumOf(CacheSetIfPresentAndHashEqual);
export const CacheSetIfPresentAndHashNotEqualResponse = enumOf(CacheSetIfPresentAndHashNotEqual);
export const CacheSetIfAbsentOrHashEqualResponse = enumOf(CacheSetIfAbsentOrHashEqual);
export const CacheSetIfAbsentOrHashNotEqualResponse = enumOf(CacheSetIfAbsentOrHashNotEqual);
export const CacheGetBatchResponse = enumOf(CacheGetBatch);
export const CacheSetBatchResponse = enumOf(CacheSetBatch);
export const CacheKeyExistsResponse = enumOf(CacheKeyExists);
export const CacheKeysExistResponse = enumOf(CacheKeysExist);
export const CacheItemGetTypeResponse = enumOf(CacheItemGetType);
export const CacheItemGetTtlResponse = enumOf(CacheItemGetTtl);
export const CacheUpdateTtlResponse = enumOf(CacheUpdateTtl);
export const CacheIncreaseTtlResponse = enumOf(CacheIncreaseTtl);
export const CacheDecreaseTtlResponse = enumOf(CacheDecreaseTtl);
