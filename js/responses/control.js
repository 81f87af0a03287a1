// Response namespaces of the control-plane methods and ping.
import { SUCCESS, enumOf, namespace } from './base.js';

/** A cache and its limits, as `listCaches` reports it (the official `CacheInfo` shape). */
export class CacheInfo {
  constructor(raw) {
    this.name = raw.name;
    this.cacheLimits = { maxTrafficRate: raw.maxTrafficRate, maxThroughputKbps: raw.maxThroughputKbps,
      maxItemSizeKb: raw.maxItemSizeKb, maxTtlSeconds: raw.maxTtlSeconds };
    this.topicLimits = { maxPublishRate: raw.maxPublishRate, maxSubscriptionCount: raw.maxSubscriptionCount,
      maxPublishMessageSizeKb: raw.maxPublishMessageSizeKb };
  }
  /** The cache name. */
  getName() { return this.name; }
  /** Data-plane limits. */
  getCacheLimits() { return this.cacheLimits; }
  /** Topic limits. */
  getTopicLimits() { return this.topicLimits; }
}

/** `createCache` responses; `AlreadyExists` is a success variant. */
export const CreateCache = namespace({ Success: SUCCESS, AlreadyExists: {}, Error: {} });
/** `deleteCache` responses. */
export const DeleteCache = namespace({ Success: SUCCESS, Error: {} });
/** `flushCache` responses. */
export const CacheFlush = namespace({ Success: SUCCESS, Error: {} });
/** `listCaches` responses. */
export const ListCaches = namespace({
  Success: {
    /** Every cache (all pages). */
    getCaches() { return this._raw.caches.map((c) => new CacheInfo(c)); },
    toString() { return `Success: ${this._raw.caches.map((c) => c.name).join(', ')}`; },
  },
  Error: {},
});
/** `ping` responses. */
export const CachePing = namespace({ Success: SUCCESS, Error: {} });

export const CreateCacheResponse = enumOf(CreateCache);
export const DeleteCacheResponse = enumOf(DeleteCache);
export const CacheFlushResponse = enumOf(CacheFlush);
export const ListCachesResponse = enumOf(ListCaches);
export const CachePingResponse = enumOf(CachePing);
