// CacheClient methods of the list family, a class mixin index.js applies to CacheClient.
// Each method: this._call(<namespace>, cacheName, (core) => core.<method>(...args), extra?).
import { collectionOptions } from '../collection-ttl.js';
import * as list from '../responses/list.js';

/** list methods of CacheClient. */
export const ListMethods = (Base) => class extends Base {
  /** Adds `value` before the first element. Options: `{truncateBackToSize, ttl: CollectionTtl, abortSignal}`. */
  listPushFront(cacheName, listName, value, options) {
    return this._call(list.CacheListPushFront, cacheName,
      (c) => c.listPushFront(cacheName, listName, value, collectionOptions(options)));
  }
  /** Adds `value` after the last element. Options: `{truncateFrontToSize, ttl: CollectionTtl, abortSignal}`. */
  listPushBack(cacheName, listName, value, options) {
    return this._call(list.CacheListPushBack, cacheName,
      (c) => c.listPushBack(cacheName, listName, value, collectionOptions(options)));
  }
  /** Puts `values`, in order, before the first element. Options: `{truncateBackToSize, ttl, abortSignal}`. */
  listConcatenateFront(cacheName, listName, values, options) {
    return this._call(list.CacheListConcatenateFront, cacheName,
      (c) => c.listConcatenateFront(cacheName, listName, values, collectionOptions(options)));
  }
  /** Puts `values`, in order, after the last element. Options: `{truncateFrontToSize, ttl, abortSignal}`. */
  listConcatenateBack(cacheName, listName, values, options) {
    return this._call(list.CacheListConcatenateBack, cacheName,
      (c) => c.listConcatenateBack(cacheName, listName, values, collectionOptions(options)));
  }
  /** Removes and returns the first element. Options: `{abortSignal}`. */
  listPopFront(cacheName, listName, options) {
    return this._call(list.CacheListPopFront, cacheName, (c) => c.listPopFront(cacheName, listName, options));
  }
  /** Removes and returns the last element. Options: `{abortSignal}`. */
  listPopBack(cacheName, listName, options) {
    return this._call(list.CacheListPopBack, cacheName, (c) => c.listPopBack(cacheName, listName, options));
  }
  /** Reads the elements from `startIndex` (inclusive) to `endIndex` (exclusive). Options:
   * `{startIndex, endIndex, abortSignal}`; negative indices count from the end. */
  listFetch(cacheName, listName, options) {
    return this._call(list.CacheListFetch, cacheName, (c) => c.listFetch(cacheName, listName, options));
  }
  /** Keeps only the elements from `startIndex` (inclusive) to `endIndex` (exclusive). Options:
   * `{startIndex, endIndex, ttl: CollectionTtl, abortSignal}`. */
  listRetain(cacheName, listName, options) {
    return this._call(list.CacheListRetain, cacheName, (c) => c.listRetain(cacheName, listName, collectionOptions(options)));
  }
  /** Removes every element equal to `value`. Options: `{abortSignal}`. */
  listRemoveValue(cacheName, listName, value, options) {
    return this._call(list.CacheListRemoveValue, cacheName, (c) => c.listRemoveValue(cacheName, listName, value, options));
  }
  /** The number of elements. Options: `{abortSignal}`. */
  listLength(cacheName, listName, options) {
    return this._call(list.CacheListLength, cacheName, (c) => c.listLength(cacheName, listName, options));
  }
};
