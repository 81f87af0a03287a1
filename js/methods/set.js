// CacheClient methods of the set family, a class mixin index.js applies to CacheClient.
// Each method: this._call(<namespace>, cacheName, (core) => core.<method>(...args), extra?). The singular methods go through
// the plural core methods with one element, as the official SDKs do on the wire.
import { collectionOptions } from '../collection-ttl.js';
import * as s from '../responses/set.js';

/** set methods of CacheClient. */
export const SetMethods = (Base) => class extends Base {
  /** Reads every element of `setName`: `CacheSetFetch.Hit | Miss | Error`. Options: `{abortSignal}`. */
  setFetch(cacheName, setName, options) {
    return this._call(s.CacheSetFetch, cacheName, (c) => c.setFetch(cacheName, setName, options));
  }

  /** Adds one element. Options: `{ttl: CollectionTtl, abortSignal}` (default: client TTL, refreshed). */
  setAddElement(cacheName, setName, element, options) {
    return this._call(s.CacheSetAddElement, cacheName,
      (c) => c.setAddElements(cacheName, setName, [element], collectionOptions(options)));
  }

  /** Adds elements. Options: `{ttl: CollectionTtl, abortSignal}` (default: client TTL, refreshed). */
  setAddElements(cacheName, setName, elements, options) {
    return this._call(s.CacheSetAddElements, cacheName,
      (c) => c.setAddElements(cacheName, setName, elements, collectionOptions(options)));
  }

  /** Removes one element. */
  setRemoveElement(cacheName, setName, element, options) {
    return this._call(s.CacheSetRemoveElement, cacheName, (c) => c.setRemoveElements(cacheName, setName, [element], options));
  }

  /** Removes elements. */
  setRemoveElements(cacheName, setName, elements, options) {
    return this._call(s.CacheSetRemoveElements, cacheName, (c) => c.setRemoveElements(cacheName, setName, elements, options));
  }

  /** Whether `element` is in the set: `CacheSetContainsElement.Hit.containsElement() | Miss | Error`. */
  setContainsElement(cacheName, setName, element, options) {
    return this._call(s.CacheSetContainsElement, cacheName,
      (c) => c.setContainsElements(cacheName, setName, [element], options));
  }

  /** Which of `elements` are in the set: `CacheSetContainsElements.Hit.containsElements() | Miss | Error`. */
  setContainsElements(cacheName, setName, elements, options) {
    return this._call(s.CacheSetContainsElements, cacheName,
      (c) => c.setContainsElements(cacheName, setName, elements, options), { elements });
  }

  /** Up to `limit` (an integer >= 0) distinct random elements: `CacheSetSample.Hit | Miss | Error`. */
  setSample(cacheName, setName, limit, options) {
    return this._call(s.CacheSetSample, cacheName, (c) => c.setSample(cacheName, setName, limit, options));
  }

  /** Removes and returns up to `count` (an integer >= 1) random elements: `CacheSetPop.Hit | Miss | Error`. Never
   * retried. */
  setPop(cacheName, setName, count, options) {
    return this._call(s.CacheSetPop, cacheName, (c) => c.setPop(cacheName, setName, count, options));
  }

  /** The number of elements: `CacheSetLength.Hit | Miss | Error`. */
  setLength(cacheName, setName, options) {
    return this._call(s.CacheSetLength, cacheName, (c) => c.setLength(cacheName, setName, options));
  }
};
