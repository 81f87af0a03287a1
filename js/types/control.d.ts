// Types of the control-plane methods and responses (full package only).
import { AlreadyExistsEnum, SuccessEnum } from './enums.js';
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
export declare namespace DeleteCache { class Success extends Empty<'Success'> {} class Error extends ErrorResponse {} type Response = Success | Error; }
export declare namespace CacheFlush { class Success extends Empty<'Success'> {} class Error extends ErrorResponse {} type Response = Success | Error; }
export declare namespace ListCaches {
  class Success extends Empty<'Success'> { getCaches(): CacheInfo[]; }
  class Error extends ErrorResponse {}
  type Response = Success | Error;
}
export import CreateCacheResponse = AlreadyExistsEnum;
export import DeleteCacheResponse = SuccessEnum;
export import FlushCacheResponse = SuccessEnum;
/** Alias of `FlushCacheResponse`. */
export import CacheFlushResponse = SuccessEnum;
export import ListCachesResponse = SuccessEnum;

/** Control-plane methods of CacheClient. */
export interface ControlMethods {
  createCache(cacheName: string): Promise<CreateCache.Response>;
  deleteCache(cacheName: string): Promise<DeleteCache.Response>;
  flushCache(cacheName: string): Promise<CacheFlush.Response>;
  listCaches(): Promise<ListCaches.Response>;
}

export {};
