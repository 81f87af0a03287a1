// Response namespaces of the other scalar methods (increment, conditional sets, hashes, batches, existence,
// item type/TTL, TTL updates), with the official @gomomento/sdk-web names and accessors. Full build only.
import { INCREMENTED, bytesValue, enumOf, namespace, pairViews, str, stringOf, truncate } from './base.js';
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
export const CacheIncrement = /* @__PURE__ */ namespace(INCREMENTED, 'CacheIncrement');
/** `setIfNotExists` responses (deprecated method). */
export const CacheSetIfNotExists = /* @__PURE__ */ namespace(STORED, 'CacheSetIfNotExists');
/** `setIfAbsent` responses. */
export const CacheSetIfAbsent = /* @__PURE__ */ namespace(STORED, 'CacheSetIfAbsent');
/** `setIfPresent` responses. */
export const CacheSetIfPresent = /* @__PURE__ */ namespace(STORED, 'CacheSetIfPresent');
/** `setIfEqual` responses. */
export const CacheSetIfEqual = /* @__PURE__ */ namespace(STORED, 'CacheSetIfEqual');
/** `setIfNotEqual` responses. */
export const CacheSetIfNotEqual = /* @__PURE__ */ namespace(STORED, 'CacheSetIfNotEqual');
/** `setIfPresentAndNotEqual` responses. */
export const CacheSetIfPresentAndNotEqual = /* @__PURE__ */ namespace(STORED, 'CacheSetIfPresentAndNotEqual');
/** `setIfAbsentOrEqual` responses. */
export const CacheSetIfAbsentOrEqual = /* @__PURE__ */ namespace(STORED, 'CacheSetIfAbsentOrEqual');
const noHash = { hash() { return undefined; } };
/** `getWithHash` responses. */
export const CacheGetWithHash = /* @__PURE__ */ namespace({
  Hit: {
    ...bytesValue(),
    ...hashAccessors,
    /** The hash as a UTF-8 string (alias of `hashString()`). */
    hash() { return str(this._raw.hash); },
    toString() { return `Hit: value=${truncate(this.valueString())}, hash=${truncate(this.hashString())}`; },
  },
  Miss: noHash,
  Error: noHash,
}, 'CacheGetWithHash');
/** `setWithHash` responses. */
export const CacheSetWithHash = /* @__PURE__ */ namespace(STORED_WITH_HASH, 'CacheSetWithHash');
/** `setIfPresentAndHashEqual` responses. */
export const CacheSetIfPresentAndHashEqual = /* @__PURE__ */ namespace(STORED_WITH_HASH, 'CacheSetIfPresentAndHashEqual');
/** `setIfPresentAndHashNotEqual` responses. */
export const CacheSetIfPresentAndHashNotEqual = /* @__PURE__ */ namespace(STORED_WITH_HASH, 'CacheSetIfPresentAndHashNotEqual');
/** `setIfAbsentOrHashEqual` responses. */
export const CacheSetIfAbsentOrHashEqual = /* @__PURE__ */ namespace(STORED_WITH_HASH, 'CacheSetIfAbsentOrHashEqual');
/** `setIfAbsentOrHashNotEqual` responses. */
export const CacheSetIfAbsentOrHashNotEqual = /* @__PURE__ */ namespace(STORED_WITH_HASH, 'CacheSetIfAbsentOrHashNotEqual');


/** `getBatch` responses: per-key results in key order, plus maps/records of the hits. */
export const CacheGetBatch = /* @__PURE__ */ namespace({
  Success: {
    /** One `CacheGet` response per key, in the order given. */
    results() { return this._raw.results.map((r) => (r.type === 'Hit' ? new CacheGet.Hit(r) : new CacheGet.Miss(r))); },
    /** The hits as `[key, value]` pairs, for the `values…()` Record/Map accessors. */
    _pairs() {
      return this._raw.results.flatMap((r, i) => (r.type === 'Hit' ? [[this._raw.keys[i], r.value]] : []));
    },
    ...pairViews('values'),
    toString() { return `Success: ${this.results().map((r) => r.toString()).toString()}`; },
  },
  Error: { values() { return undefined; } },
}, 'CacheGetBatch');
/** `setBatch` responses. */
export const CacheSetBatch = /* @__PURE__ */ namespace({
  Success: {
    /** One `CacheSet` response per item. */
    results() { return Array.from({ length: this._raw.count }, () => new CacheSet.Success({ type: 'Success' })); },
  },
  Error: {},
}, 'CacheSetBatch');
/** `keyExists` responses. */
export const CacheKeyExists = /* @__PURE__ */ namespace({
  Success: {
    /** Whether the key exists. */
    exists() { return this._raw.exists[0] === true; },
    toString() { return `Success: exists: ${String(this.exists())}`; },
  },
  Error: { exists() { return undefined; } },
}, 'CacheKeyExists');
/** `keysExist` responses. */
export const CacheKeysExist = /* @__PURE__ */ namespace({
  Success: {
    /** One boolean per key, in the order given. */
    exists() { return this._raw.exists; },
    /** `{key: exists}`. */
    valueRecord() { return Object.fromEntries(this._raw.keys.map((k, i) => [stringOf(k), this._raw.exists[i]])); },
    toString() { return `Success: exists: ${this._raw.exists.join(', ')}`; },
  },
  Error: { exists() { return undefined; } },
}, 'CacheKeysExist');

/** Item types as the official SDK numbers them. */
export const ItemType = Object.freeze({
  SCALAR: 0, DICTIONARY: 1, LIST: 2, SET: 3, SORTED_SET: 4, 0: 'SCALAR', 1: 'DICTIONARY', 2: 'LIST', 3: 'SET', 4: 'SORTED_SET',
});

/** `itemGetType` responses. */
export const CacheItemGetType = /* @__PURE__ */ namespace({
  Hit: {
    /** The item's `ItemType`. */
    itemType() { return ItemType[this._raw.itemType]; },
    toString() { return `Hit: item type: ${this.itemType()}`; },
  },
  Miss: { itemType() { return undefined; } },
  Error: { itemType() { return undefined; } },
}, 'CacheItemGetType');
/** `itemGetTtl` responses. */
export const CacheItemGetTtl = /* @__PURE__ */ namespace({
  Hit: {
    /** Milliseconds until the item expires. */
    remainingTtlMillis() { return this._raw.remainingTtlMillis; },
    toString() { return `Hit: remaining ttl: ${this._raw.remainingTtlMillis}`; },
  },
  Miss: { remainingTtlMillis() { return undefined; } },
  Error: { remainingTtlMillis() { return undefined; } },
}, 'CacheItemGetTtl');
/** `updateTtl` responses. */
export const CacheUpdateTtl = /* @__PURE__ */ namespace({ Set: {}, Miss: {}, Error: {} }, 'CacheUpdateTtl');
/** `increaseTtl` responses. */
export const CacheIncreaseTtl = /* @__PURE__ */ namespace({ Set: {}, NotSet: {}, Miss: {}, Error: {} }, 'CacheIncreaseTtl');
/** `decreaseTtl` responses. */
export const CacheDecreaseTtl = /* @__PURE__ */ namespace({ Set: {}, NotSet: {}, Miss: {}, Error: {} }, 'CacheDecreaseTtl');

export const CacheIncrementResponse = /* @__PURE__ */ enumOf(CacheIncrement);
export const CacheSetIfNotExistsResponse = /* @__PURE__ */ enumOf(CacheSetIfNotExists);
export const CacheSetIfAbsentResponse = /* @__PURE__ */ enumOf(CacheSetIfAbsent);
export const CacheSetIfPresentResponse = /* @__PURE__ */ enumOf(CacheSetIfPresent);
export const CacheSetIfEqualResponse = /* @__PURE__ */ enumOf(CacheSetIfEqual);
export const CacheSetIfNotEqualResponse = /* @__PURE__ */ enumOf(CacheSetIfNotEqual);
export const CacheSetIfPresentAndNotEqualResponse = /* @__PURE__ */ enumOf(CacheSetIfPresentAndNotEqual);
export const CacheSetIfAbsentOrEqualResponse = /* @__PURE__ */ enumOf(CacheSetIfAbsentOrEqual);
export const CacheGetWithHashResponse = /* @__PURE__ */ enumOf(CacheGetWithHash);
export const CacheSetWithHashResponse = /* @__PURE__ */ enumOf(CacheSetWithHash);
export const CacheSetIfPresentAndHashEqualResponse = /* @__PURE__ */ enumOf(CacheSetIfPresentAndHashEqual);
export const CacheSetIfPresentAndHashNotEqualResponse = /* @__PURE__ */ enumOf(CacheSetIfPresentAndHashNotEqual);
export const CacheSetIfAbsentOrHashEqualResponse = /* @__PURE__ */ enumOf(CacheSetIfAbsentOrHashEqual);
export const CacheSetIfAbsentOrHashNotEqualResponse = /* @__PURE__ */ enumOf(CacheSetIfAbsentOrHashNotEqual);
export const CacheGetBatchResponse = /* @__PURE__ */ enumOf(CacheGetBatch);
export const CacheSetBatchResponse = /* @__PURE__ */ enumOf(CacheSetBatch);
export const CacheKeyExistsResponse = /* @__PURE__ */ enumOf(CacheKeyExists);
export const CacheKeysExistResponse = /* @__PURE__ */ enumOf(CacheKeysExist);
export const CacheItemGetTypeResponse = /* @__PURE__ */ enumOf(CacheItemGetType);
export const CacheItemGetTtlResponse = /* @__PURE__ */ enumOf(CacheItemGetTtl);
export const CacheUpdateTtlResponse = /* @__PURE__ */ enumOf(CacheUpdateTtl);
export const CacheIncreaseTtlResponse = /* @__PURE__ */ enumOf(CacheIncreaseTtl);
export const CacheDecreaseTtlResponse = /* @__PURE__ */ enumOf(CacheDecreaseTtl);
