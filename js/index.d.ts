// Types of the public API (full package): the facade in index.js over the wasm core. What the
// lite package shares is in types/common.d.ts; each method family's methods and responses in types/<family>.d.ts.
import type {
  CacheClientEssentials, CacheClientProps, CallOptions, Configuration, GetCallOptions, ICompression, SetCallOptions,
  WithoutCacheName,
} from './types/common.js';
import { ControlMethods } from './types/control.js';
import { ScalarExtraMethods } from './types/scalar-extra.js';
import { DictionaryMethods } from './types/dictionary.js';
import { ListMethods } from './types/list.js';
import { SetMethods } from './types/set.js';
import { SortedSetMethods } from './types/sorted-set.js';

export * from './types/common.js';
export * from './types/control.js';
export * from './types/scalar-extra.js';
export * from './types/dictionary.js';
export * from './types/list.js';
export * from './types/set.js';
export * from './types/sorted-set.js';
export * from './types/topics.js';
export * from './types/auth.js';
export * from './types/leaderboard.js';
export * from './types/webhook.js';
export * from './types/unsupported.js';

/** Compression levels of `withCompressionStrategy` (official `CompressionLevel`). */
export declare const CompressionLevel: Readonly<{ Balanced: 'Balanced'; Fastest: 'Fastest'; SmallestSize: 'SmallestSize' }>;
export type CompressionLevel = 'Balanced' | 'Fastest' | 'SmallestSize';
/** Automatic decompression of reads under a compression strategy (official `AutomaticDecompression`). */
export declare const AutomaticDecompression: Readonly<{ Enabled: 'Enabled'; Disabled: 'Disabled' }>;
export type AutomaticDecompression = 'Enabled' | 'Disabled';
/** The built-in compressors: `default()` writes gzip (the official extension's format) and reads gzip and zstd. */
export declare class CompressorFactory { static default(): ICompression; }

/** How a collection write sets the collection's TTL (default: the client's TTL, refreshed on every write). */
export declare class CollectionTtl {
  constructor(ttlSeconds?: number | null, refreshTtl?: boolean);
  ttlSeconds(): number | null;
  ttlMilliseconds(): number | null;
  refreshTtl(): boolean;
  static fromCacheTtl(): CollectionTtl;
  static of(ttlSeconds: number): CollectionTtl;
  static refreshTtlIfProvided(ttlSeconds?: number): CollectionTtl;
  withRefreshTtlOnUpdates(): CollectionTtl;
  withNoRefreshTtlOnUpdates(): CollectionTtl;
}
/** Options of collection writes. */
export interface CollectionCallOptions extends CallOptions { ttl?: CollectionTtl; }

/** A Momento cache client; methods resolve to response objects (or reject with SdkError under throwOnErrors). */
export declare class CacheClient {
  constructor(props: CacheClientProps);
  static create(props: CacheClientProps): Promise<CacheClient>;
  /** This client bound to one cache: `client.cache('c').get('k')` is `client.get('c', 'k')`. */
  cache(cacheName: string): MomentoCache;
}
/** @deprecated the legacy client of Momento's early guides; use CacheClient. */
export declare class SimpleCacheClient extends CacheClient {
  constructor(authToken: string, defaultTtlSeconds: number, options?: { configuration?: Configuration });
}
/** ping, get, set and delete (types/common.d.ts) and the other method families, declared per family in
 * types/<family>.d.ts. */
export interface CacheClient extends CacheClientEssentials<GetCallOptions, SetCallOptions>,
  ControlMethods, ScalarExtraMethods, DictionaryMethods, SetMethods, ListMethods, SortedSetMethods {}

/** The data methods `CacheClient.cache(name)` binds (the official IMomentoCache surface). */
export type MomentoCacheMethod = 'get' | 'getWithHash' | 'set' | 'setWithHash' | 'delete' | 'increment' | 'setIfNotExists'
  | 'setIfAbsent' | 'setIfPresent' | 'setIfEqual' | 'setIfNotEqual' | 'setIfPresentAndNotEqual' | 'setIfAbsentOrEqual'
  | 'setIfPresentAndHashEqual' | 'setIfPresentAndHashNotEqual' | 'setIfAbsentOrHashEqual' | 'setIfAbsentOrHashNotEqual'
  | 'getBatch' | 'setBatch' | 'setFetch' | 'setAddElement' | 'setAddElements' | 'setContainsElement'
  | 'setContainsElements' | 'setRemoveElement' | 'setRemoveElements' | 'setSample' | 'setPop' | 'setLength'
  | 'listFetch' | 'listLength' | 'listPushFront' | 'listPushBack' | 'listConcatenateBack' | 'listConcatenateFront'
  | 'listPopBack' | 'listPopFront' | 'listRemoveValue' | 'listRetain' | 'dictionarySetField' | 'dictionarySetFields'
  | 'dictionaryGetField' | 'dictionaryGetFields' | 'dictionaryFetch' | 'dictionaryIncrement' | 'dictionaryRemoveField'
  | 'dictionaryRemoveFields' | 'dictionaryLength' | 'sortedSetFetchByRank' | 'sortedSetFetchByScore'
  | 'sortedSetPutElement' | 'sortedSetPutElements' | 'sortedSetGetRank' | 'sortedSetGetScore' | 'sortedSetGetScores'
  | 'sortedSetIncrementScore' | 'sortedSetRemoveElement' | 'sortedSetRemoveElements' | 'sortedSetLength'
  | 'sortedSetLengthByScore' | 'sortedSetUnionStore' | 'itemGetType' | 'itemGetTtl' | 'keyExists' | 'keysExist'
  | 'updateTtl' | 'increaseTtl' | 'decreaseTtl';
/** A `CacheClient` bound to one cache name, as `CacheClient.cache(name)` returns it. */
export type MomentoCache = { [K in MomentoCacheMethod & keyof CacheClient]: WithoutCacheName<CacheClient[K]> }
  & { readonly cacheName: string; close(): void };

/** Every export as one object: `import momento from 'momento-wasm'`. */
declare const momento: typeof import('./index.js');
export default momento;
