// CacheClient methods of the sorted set family, a class mixin index.js applies to CacheClient.
// Each method: this._call(<namespace>, cacheName, (core) => core.<method>(...args), extra?).
// The singular methods go through the plural core methods with one item, as the official SDKs do on the wire.
import { drive } from '../drive.js';
import { collectionOptions } from '../collection-ttl.js';
import * as zset from '../responses/sorted-set.js';

/** `Map | Record | [value, score][]` → `[value, score][]` for the core. */
function elementPairs(elements) {
  if (elements instanceof Map) return [...elements.entries()];
  if (Array.isArray(elements)) return elements;
  return Object.entries(elements ?? {});
}

/** sorted set methods of CacheClient. */
export const SortedSetMethods = (Base) => class extends Base {
  /** Adds `value` with `score`, or updates its score. Options: `{ttl: CollectionTtl, abortSignal}`. */
  sortedSetPutElement(cacheName, sortedSetName, value, score, options) {
    return this._call(zset.CacheSortedSetPutElement, cacheName,
      (c) => c.sortedSetPutElements(cacheName, sortedSetName, [[value, score]], collectionOptions(options)));
  }
  /** Adds elements (`Map | Record<string, number> | [value, score][]`) or updates their scores. Options:
   * `{ttl: CollectionTtl, abortSignal}`. */
  sortedSetPutElements(cacheName, sortedSetName, elements, options) {
    return this._call(zset.CacheSortedSetPutElements, cacheName,
      (c) => c.sortedSetPutElements(cacheName, sortedSetName, elementPairs(elements), collectionOptions(options)));
  }
  /** Reads elements by rank. Options: `{startRank (inclusive, default 0), endRank (exclusive), order, abortSignal}`. */
  sortedSetFetchByRank(cacheName, sortedSetName, options) {
    return this._call(zset.CacheSortedSetFetch, cacheName, (c) => c.sortedSetFetchByRank(cacheName, sortedSetName, options));
  }
  /** Reads elements by score. Options: `{minScore, maxScore (both inclusive), order, offset, count, abortSignal}`. */
  sortedSetFetchByScore(cacheName, sortedSetName, options) {
    return this._call(zset.CacheSortedSetFetch, cacheName, (c) => c.sortedSetFetchByScore(cacheName, sortedSetName, options));
  }
  /** The score of `value`. Options: `{abortSignal}`. */
  sortedSetGetScore(cacheName, sortedSetName, value, options) {
    return this._call(zset.CacheSortedSetGetScore, cacheName, async (c) => {
      const r = await drive(() => c.sortedSetGetScores(cacheName, sortedSetName, [value], options));
      if (r.type === 'Hit') {
        const score = r.scores[0];
        return score === undefined ? { type: 'Miss', value } : { type: 'Hit', value, score };
      }
      return r.type === 'Miss' ? { type: 'Miss', value } : r;
    });
  }
  /** The scores of `values` (one response per value). Options: `{abortSignal}`. */
  sortedSetGetScores(cacheName, sortedSetName, values, options) {
    return this._call(zset.CacheSortedSetGetScores, cacheName,
      (c) => c.sortedSetGetScores(cacheName, sortedSetName, values, options), { values });
  }
  /** The zero-based rank of `value`. Options: `{order (default ASC), abortSignal}`. */
  sortedSetGetRank(cacheName, sortedSetName, value, options) {
    return this._call(zset.CacheSortedSetGetRank, cacheName,
      (c) => c.sortedSetGetRank(cacheName, sortedSetName, value, options));
  }
  /** Adds `amount` (default 1; 0 and negatives allowed) to the score of `value`. Options:
   * `{ttl: CollectionTtl, abortSignal}`. Never retried. */
  sortedSetIncrementScore(cacheName, sortedSetName, value, amount, options) {
    return this._call(zset.CacheSortedSetIncrementScore, cacheName,
      (c) => c.sortedSetIncrementScore(cacheName, sortedSetName, value, amount ?? 1, collectionOptions(options)));
  }
  /** Removes `value`. Options: `{abortSignal}`. */
  sortedSetRemoveElement(cacheName, sortedSetName, value, options) {
    return this._call(zset.CacheSortedSetRemoveElement, cacheName,
      (c) => c.sortedSetRemoveElements(cacheName, sortedSetName, [value], options));
  }
  /** Removes `values`. Options: `{abortSignal}`. */
  sortedSetRemoveElements(cacheName, sortedSetName, values, options) {
    return this._call(zset.CacheSortedSetRemoveElements, cacheName,
      (c) => c.sortedSetRemoveElements(cacheName, sortedSetName, values, options));
  }
  /** The number of elements. Options: `{abortSignal}`. */
  sortedSetLength(cacheName, sortedSetName, options) {
    return this._call(zset.CacheSortedSetLength, cacheName, (c) => c.sortedSetLength(cacheName, sortedSetName, options));
  }
  /** The number of elements scored in `[minScore, maxScore]`. Options: `{minScore, maxScore, abortSignal}`. */
  sortedSetLengthByScore(cacheName, sortedSetName, options) {
    return this._call(zset.CacheSortedSetLengthByScore, cacheName,
      (c) => c.sortedSetLengthByScore(cacheName, sortedSetName, options));
  }
  /** Stores the weighted union of `sources` (`{sortedSetName, weight}[]`) in `sortedSetName`, overwriting it.
   * Options: `{aggregate: SortedSetAggregate (default SUM), ttl: CollectionTtl, abortSignal}`. */
  sortedSetUnionStore(cacheName, sortedSetName, sources, options) {
    return this._call(zset.CacheSortedSetUnionStore, cacheName,
      (c) => c.sortedSetUnionStore(cacheName, sortedSetName, sources, collectionOptions(options)));
  }
};
