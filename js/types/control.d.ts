// Types of the control-plane methods and responses (full package only).
import { AlreadyExistsEnum, SuccessEnum, SuccessResponses } from './enums.js';
import type { Empty, ErrorResponse } from './common.js';

/** A cache and its limits. */
export declare class CacheInfo {
  readonly name: string;
  readonly cacheLimits: { maxTrafficRate: number; maxThroughputKbps: number; maxItemSizeKb: number; maxTtlSeconds: number };
  readonly topicLimits: { maxPublishRate: number; maxSubscriptionCount: number; maxPublishMessageSizeKb: number };
  getName(): string;
  getCacheLimits(): CacheInfo['cacheLimits'];
  getTopicLimits(): CacheInfo['topicLimits'];
}
export declare namespace CreateCache {
  class Success extends Empty<'Success'> {}
  class AlreadyExists extends Empty<'AlreadyExists'> {}
  class Error extends ErrorResponse {}
  type Response = Success | AlreadyExists | Error;
}
export import DeleteCache = SuccessResponses;
export import CacheFlush = SuccessResponses;
export declare namespace ListCaches {
  class Success extends Empty<'Success'> { getCaches(): CacheInfo[]; }
  class Error extends ErrorResponse {}
  type Response = Success | Error;
}
export {
  AlreadyExistsEnum as CreateCacheResponse, SuccessEnum as DeleteCacheResponse, SuccessEnum as FlushCacheResponse,
  /** Alias of `FlushCacheResponse`. */
  SuccessEnum as CacheFlushResponse,
  SuccessEnum as ListCachesResponse
};

/** Control-plane methods of CacheClient. */
export interface ControlMethods {
  createCache(cacheName: string): Promise<CreateCache.Response>;
  deleteCache(cacheName: string): Promise<DeleteCache.Response>;
  flushCache(cacheName: string): Promise<CacheFlush.Response>;
  listCaches(): Promise<ListCaches.Response>;
}

export {};
