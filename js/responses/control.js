// Response namespaces of the control-plane methods and ping.
import { SUCCESS, enumOf, namespace } from './base.js';

/** A cache and its limits, as `listCaches` reports it (the official `CacheInfo` shape). */
export class CacheInfo {
  constructor(raw) {
    // Field order as the official SDK builds them (visible in JSON.stringify / console.log).
    this.name = raw.name;
    this.topicLimits = { maxPublishMessageSizeKb: raw.maxPublishMessageSizeKb,
      maxSubscriptionCount: raw.maxSubscriptionCount, maxPublishRate: raw.maxPublishRate };
    this.cacheLimits = { maxTtlSeconds: raw.maxTtlSeconds, maxItemSizeKb: raw.maxItemSizeKb,
      maxThroughputKbps: raw.maxThroughputKbps, maxTrafficRate: raw.maxTrafficRate };
  }
  /** The cache name. */
  getName() { return this.name; }
  /** Data-plane limits. */
  getCacheLimits() { return this.cacheLimits; }
  /** Topic limits. */
  getTopicLimits() { return this.topicLimits; }
}

/** `createCache` responses; `AlreadyExists` is a success variant. */
export const CreateCache = /* @__PURE__ */ namespace({ Success: SUCCESS, AlreadyExists: {}, Error: {} }, 'CreateCache');
/** `deleteCache` responses. */
export const DeleteCache = /* @__PURE__ */ namespace({ Success: SUCCESS, Error: {} }, 'DeleteCache');
/** `flushCache` responses. */
export const CacheFlush = /* @__PURE__ */ namespace({ Success: SUCCESS, Error: {} }, 'CacheFlush');
/** `listCaches` responses. */
export const ListCaches = /* @__PURE__ */ namespace({
  Success: {
    /** Every cache (all pages). */
    getCaches() { return this._raw.caches.map((c) => new CacheInfo(c)); },
    toString() { return `Success: ${this._raw.caches.map((c) => c.name).join(', ')}`; },
  },
  Error: {},
}, 'ListCaches');
/** `ping` responses. */
export const CachePing = /* @__PURE__ */ namespace({ Success: SUCCESS, Error: {} }, 'CachePing');

export const CreateCacheResponse = /* @__PURE__ */ enumOf(CreateCache);
export const DeleteCacheResponse = /* @__PURE__ */ enumOf(DeleteCache);
/** The official name of the `flushCache` response enum. */
export const FlushCacheResponse = /* @__PURE__ */ enumOf(CacheFlush);
/** Alias of `FlushCacheResponse`. */
export const CacheFlushResponse = FlushCacheResponse;
export const ListCachesResponse = /* @__PURE__ */ enumOf(ListCaches);
export const CachePingResponse = /* @__PURE__ */ enumOf(CachePing);
