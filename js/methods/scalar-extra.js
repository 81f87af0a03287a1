// CacheClient's scalar methods beyond get/set/delete, a class mixin index.js applies to CacheClient (not in the
// lite build).
import * as scalar from '../responses/scalar-extra.js';

/** `Record | Map | SetBatchItem[]` → `[key, value, ttl?][]` for the core. */
export function batchItems(items) {
  if (items instanceof Map) return [...items.entries()];
  if (Array.isArray(items)) return items.map((i) => (Array.isArray(i) ? i : [i.key, i.value, i.ttl]));
  return Object.entries(items ?? {});
}

/** Scalar methods of CacheClient beyond get/set/delete. */
export const ScalarExtraMethods = (Base) => class extends Base {
  /** Adds `amount` (default 1) to the integer at `field`. Options: `{ttl, abortSignal}`. Never retried. */
  increment(cacheName, field, amount = 1, options) {
    return this._call(scalar.CacheIncrement, cacheName, (c) => c.increment(cacheName, field, amount, options));
  }
  /** @deprecated use setIfAbsent. Stores only if `key` is absent. */
  setIfNotExists(cacheName, key, value, options) {
    return this._call(scalar.CacheSetIfNotExists, cacheName, (c) => c.setIfAbsent(cacheName, key, value, options));
  }
  /** Stores only if `key` is absent. */
  setIfAbsent(cacheName, key, value, options) {
    return this._call(scalar.CacheSetIfAbsent, cacheName, (c) => c.setIfAbsent(cacheName, key, value, options));
  }
  /** Stores only if `key` exists. */
  setIfPresent(cacheName, key, value, options) {
    return this._call(scalar.CacheSetIfPresent, cacheName, (c) => c.setIfPresent(cacheName, key, value, options));
  }
  /** Stores only if the current value equals `equal`. */
  setIfEqual(cacheName, key, value, equal, options) {
    return this._call(scalar.CacheSetIfEqual, cacheName, (c) => c.setIfEqual(cacheName, key, value, equal, options));
  }
  /** Stores if `key` is absent or its value differs from `notEqual`. */
  setIfNotEqual(cacheName, key, value, notEqual, options) {
    return this._call(scalar.CacheSetIfNotEqual, cacheName, (c) => c.setIfNotEqual(cacheName, key, value, notEqual, options));
  }
  /** Stores if `key` exists and its value differs from `notEqual`. */
  setIfPresentAndNotEqual(cacheName, key, value, notEqual, options) {
    return this._call(scalar.CacheSetIfPresentAndNotEqual, cacheName,
      (c) => c.setIfPresentAndNotEqual(cacheName, key, value, notEqual, options));
  }
  /** Stores if `key` is absent or its value equals `equal`. */
  setIfAbsentOrEqual(cacheName, key, value, equal, options) {
    return this._call(scalar.CacheSetIfAbsentOrEqual, cacheName, (c) => c.setIfAbsentOrEqual(cacheName, key, value, equal, options));
  }
  /** Reads `key` with the service's hash of its value. */
  getWithHash(cacheName, key, options) {
    return this._call(scalar.CacheGetWithHash, cacheName, (c) => c.getWithHash(cacheName, key, options));
  }
  /** Stores `value` and returns its hash. */
  setWithHash(cacheName, key, value, options) {
    return this._call(scalar.CacheSetWithHash, cacheName, (c) => c.setWithHash(cacheName, key, value, options));
  }
  /** Stores if `key` exists and its hash equals `hashEqual`. */
  setIfPresentAndHashEqual(cacheName, key, value, hashEqual, options) {
    return this._call(scalar.CacheSetIfPresentAndHashEqual, cacheName,
      (c) => c.setIfPresentAndHashEqual(cacheName, key, value, hashEqual, options));
  }
  /** Stores if `key` exists and its hash differs from `hashNotEqual`. */
  setIfPresentAndHashNotEqual(cacheName, key, value, hashNotEqual, options) {
    return this._call(scalar.CacheSetIfPresentAndHashNotEqual, cacheName,
      (c) => c.setIfPresentAndHashNotEqual(cacheName, key, value, hashNotEqual, options));
  }
  /** Stores if `key` is absent or its hash equals `hashEqual`. */
  setIfAbsentOrHashEqual(cacheName, key, value, hashEqual, options) {
    return this._call(scalar.CacheSetIfAbsentOrHashEqual, cacheName,
      (c) => c.setIfAbsentOrHashEqual(cacheName, key, value, hashEqual, options));
  }
  /** Stores if `key` is absent or its hash differs from `hashNotEqual`. */
  setIfAbsentOrHashNotEqual(cacheName, key, value, hashNotEqual, options) {
    return this._call(scalar.CacheSetIfAbsentOrHashNotEqual, cacheName,
      (c) => c.setIfAbsentOrHashNotEqual(cacheName, key, value, hashNotEqual, options));
  }
  /** Reads many keys in one call: `CacheGetBatch.Success` with per-key results. */
  getBatch(cacheName, keys, options) {
    return this._call(scalar.CacheGetBatch, cacheName, (c) => c.getBatch(cacheName, keys, options), { keys });
  }
  /** Stores many items (`Record | Map | {key, value, ttl?}[]`) in one call. Options: `{ttl, abortSignal}`. */
  setBatch(cacheName, items, options) {
    return this._call(scalar.CacheSetBatch, cacheName, (c) => c.setBatch(cacheName, batchItems(items), options));
  }
  /** Whether `key` exists. */
  keyExists(cacheName, key, options) {
    return this._call(scalar.CacheKeyExists, cacheName, (c) => c.keysExist(cacheName, [key], options));
  }
  /** Which of `keys` exist. */
  keysExist(cacheName, keys, options) {
    return this._call(scalar.CacheKeysExist, cacheName, (c) => c.keysExist(cacheName, keys, options), { keys });
  }
  /** The type of the item at `key`. */
  itemGetType(cacheName, key, options) {
    return this._call(scalar.CacheItemGetType, cacheName, (c) => c.itemGetType(cacheName, key, options));
  }
  /** The remaining TTL of `key` in milliseconds. */
  itemGetTtl(cacheName, key, options) {
    return this._call(scalar.CacheItemGetTtl, cacheName, (c) => c.itemGetTtl(cacheName, key, options));
  }
  /** Sets the TTL of `key` to `ttlMilliseconds` (milliseconds, as in the official SDK). */
  updateTtl(cacheName, key, ttlMilliseconds, options) {
    return this._call(scalar.CacheUpdateTtl, cacheName, (c) => c.updateTtl(cacheName, key, ttlMilliseconds, options));
  }
  /** Raises the TTL of `key` to `ttlMilliseconds` if that is longer. */
  increaseTtl(cacheName, key, ttlMilliseconds, options) {
    return this._call(scalar.CacheIncreaseTtl, cacheName, (c) => c.increaseTtl(cacheName, key, ttlMilliseconds, options));
  }
  /** Lowers the TTL of `key` to `ttlMilliseconds` if that is shorter. */
  decreaseTtl(cacheName, key, ttlMilliseconds, options) {
    return this._call(scalar.CacheDecreaseTtl, cacheName, (c) => c.decreaseTtl(cacheName, key, ttlMilliseconds, options));
  }
};
