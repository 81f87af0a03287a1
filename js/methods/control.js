// CacheClient methods of the control plane, a class mixin index.js applies to CacheClient (not in the lite build:
// disposable tokens, the Browser configuration's credentials, cannot use them anyway).
import { drive } from '../drive.js';
import * as control from '../responses/control.js';

/** Control-plane methods of CacheClient. */
export const ControlMethods = (Base) => class extends Base {
  /** Creates a cache: `CreateCache.Success | AlreadyExists | Error`. */
  createCache(cacheName) { return this._call(control.CreateCache, cacheName, (c) => c.createCache(cacheName)); }
  /** Deletes a cache: `DeleteCache.Success | Error`. */
  deleteCache(cacheName) { return this._call(control.DeleteCache, cacheName, (c) => c.deleteCache(cacheName)); }
  /** Removes every item of a cache: `CacheFlush.Success | Error`. */
  flushCache(cacheName) { return this._call(control.CacheFlush, cacheName, (c) => c.flushCache(cacheName)); }
  /** Lists every cache (following pages): `ListCaches.Success | Error`. */
  listCaches() {
    return this._call(control.ListCaches, undefined, async (c) => {
      const caches = [];
      let nextToken = '';
      do {
        const page = await drive(() => c.listCaches(nextToken));
        if (page.type !== 'Success') return page;
        caches.push(...page.caches);
        nextToken = page.nextToken;
      } while (nextToken);
      return { type: 'Success', caches };
    });
  }
};
