// CacheClient methods of the dictionary family, a class mixin index.js applies to CacheClient.
// Each method: this._call(<namespace>, cacheName, (core) => core.<method>(...args), extra?). The singular methods go through
// the plural core methods with one field, as the official SDKs do on the wire.
import { drive } from '../drive.js';
import { collectionOptions } from '../collection-ttl.js';
import * as d from '../responses/dictionary.js';

/** `Map | Record | [field, value][]` → `[field, value][]` for the core. */
function fieldValuePairs(elements) {
  if (elements instanceof Map) return [...elements.entries()];
  if (Array.isArray(elements)) return elements;
  return Object.entries(elements ?? {});
}

/** dictionary methods of CacheClient. */
export const DictionaryMethods = (Base) => class extends Base {
  /** Reads every field of `dictionaryName`: `CacheDictionaryFetch.Hit | Miss | Error`. Options: `{abortSignal}`. */
  dictionaryFetch(cacheName, dictionaryName, options) {
    return this._call(d.CacheDictionaryFetch, cacheName, (c) => c.dictionaryFetch(cacheName, dictionaryName, options));
  }

  /** Reads one field: `CacheDictionaryGetField.Hit | Miss | Error` (each with `fieldString()`). */
  async dictionaryGetField(cacheName, dictionaryName, field, options) {
    const resp = await this._call(d.CacheDictionaryGetField, cacheName, async (c) => {
      const r = await drive(() => c.dictionaryGetFields(cacheName, dictionaryName, [field], options));
      if (r.type !== 'Hit') return r;
      return r.values[0] === undefined ? { type: 'Miss' } : { type: 'Hit', value: r.values[0] };
    });
    resp._field = field;
    return resp;
  }

  /** Reads some fields: `CacheDictionaryGetFields.Hit` (found fields + per-field `responses`) `| Miss | Error`. */
  dictionaryGetFields(cacheName, dictionaryName, fields, options) {
    return this._call(d.CacheDictionaryGetFields, cacheName,
      (c) => c.dictionaryGetFields(cacheName, dictionaryName, fields, options), { fields });
  }

  /** Stores one field. Options: `{ttl: CollectionTtl, abortSignal}` (default: client TTL, refreshed). */
  dictionarySetField(cacheName, dictionaryName, field, value, options) {
    return this._call(d.CacheDictionarySetField, cacheName,
      (c) => c.dictionarySetFields(cacheName, dictionaryName, [[field, value]], collectionOptions(options)));
  }

  /** Stores fields from a `Map`, a `Record` or `[field, value][]`. Options: `{ttl: CollectionTtl, abortSignal}`. */
  dictionarySetFields(cacheName, dictionaryName, elements, options) {
    return this._call(d.CacheDictionarySetFields, cacheName,
      (c) => c.dictionarySetFields(cacheName, dictionaryName, fieldValuePairs(elements), collectionOptions(options)));
  }

  /** Adds `amount` (default 1) to the integer at `field`. Options: `{ttl: CollectionTtl, abortSignal}`. Never
   * retried. */
  dictionaryIncrement(cacheName, dictionaryName, field, amount = 1, options) {
    return this._call(d.CacheDictionaryIncrement, cacheName,
      (c) => c.dictionaryIncrement(cacheName, dictionaryName, field, amount, collectionOptions(options)));
  }

  /** Removes one field. */
  dictionaryRemoveField(cacheName, dictionaryName, field, options) {
    return this._call(d.CacheDictionaryRemoveField, cacheName,
      (c) => c.dictionaryRemoveFields(cacheName, dictionaryName, [field], options));
  }

  /** Removes fields. */
  dictionaryRemoveFields(cacheName, dictionaryName, fields, options) {
    return this._call(d.CacheDictionaryRemoveFields, cacheName,
      (c) => c.dictionaryRemoveFields(cacheName, dictionaryName, fields, options));
  }

  /** The number of fields: `CacheDictionaryLength.Hit | Miss | Error`. */
  dictionaryLength(cacheName, dictionaryName, options) {
    return this._call(d.CacheDictionaryLength, cacheName, (c) => c.dictionaryLength(cacheName, dictionaryName, options));
  }
};
