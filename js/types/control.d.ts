// Types of the control-plane methods and responses (full package only).
import type { Enum, Empty, ErrorResponse } from './common.js';

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
export declare const CreateCacheResponse: Enum<'Success' | 'AlreadyExists' | 'Error'>;
export type CreateCacheResponse = 'Success' | 'AlreadyExists' | 'Error';
export declare namespace CreateCacheResponse { type Success = 'Success'; type AlreadyExists = 'AlreadyExists'; type Error = 'Error'; }
export declare const DeleteCacheResponse: Enum<'Success' | 'Error'>;
export type DeleteCacheResponse = 'Success' | 'Error';
export declare namespace DeleteCacheResponse { type Success = 'Success'; type Error = 'Error'; }
export declare const FlushCacheResponse: Enum<'Success' | 'Error'>;
export type FlushCacheResponse = 'Success' | 'Error';
export declare namespace FlushCacheResponse { type Success = 'Success'; type Error = 'Error'; }
/** Alias of `FlushCacheResponse`. */
export declare const CacheFlushResponse: Enum<'Success' | 'Error'>;
export type CacheFlushResponse = 'Success' | 'Error';
export declare namespace CacheFlushResponse { type Success = 'Success'; type Error = 'Error'; }
export declare const ListCachesResponse: Enum<'Success' | 'Error'>;
export type ListCachesResponse = 'Success' | 'Error';
export declare namespace ListCachesResponse { type Success = 'Success'; type Error = 'Error'; }

/** Control-plane methods of CacheClient. */
export interface ControlMethods {
  createCache(cacheName: string): Promise<CreateCache.Response>;
  deleteCache(cacheName: string): Promise<DeleteCache.Response>;
  flushCache(cacheName: string): Promise<CacheFlush.Response>;
  listCaches(): Promise<ListCaches.Response>;
}

export {};
