// Types of the public API: the facade in index.js over the wasm core (momento_wasm.d.ts).
import { Configuration, CredentialProvider } from './momento_wasm.js';
import { DictionaryMethods } from './types/dictionary.js';
import { ListMethods } from './types/list.js';
import { SetMethods } from './types/set.js';
import { SortedSetMethods } from './types/sorted-set.js';

export { Configuration, CredentialProvider };
export * from './types/dictionary.js';
export * from './types/list.js';
export * from './types/set.js';
export * from './types/sorted-set.js';
export * from './types/topics.js';
import { RefreshingCredentialProvider } from './types/topics.js';

// ---------------------------------------------------------------- errors

/** Error codes; string values identical to the official SDK's `MomentoErrorCode`. */
export declare const MomentoErrorCode: Readonly<{
  INVALID_ARGUMENT_ERROR: 'INVALID_ARGUMENT_ERROR'; UNKNOWN_SERVICE_ERROR: 'UNKNOWN_SERVICE_ERROR';
  CACHE_ALREADY_EXISTS_ERROR: 'ALREADY_EXISTS_ERROR'; ALREADY_EXISTS_ERROR: 'ALREADY_EXISTS_ERROR';
  STORE_ALREADY_EXISTS_ERROR: 'ALREADY_EXISTS_ERROR'; CACHE_NOT_FOUND_ERROR: 'NOT_FOUND_ERROR';
  NOT_FOUND_ERROR: 'NOT_FOUND_ERROR'; STORE_NOT_FOUND_ERROR: 'STORE_NOT_FOUND_ERROR';
  ITEM_NOT_FOUND_ERROR: 'ITEM_NOT_FOUND_ERROR'; INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR';
  PERMISSION_ERROR: 'PERMISSION_ERROR'; AUTHENTICATION_ERROR: 'AUTHENTICATION_ERROR'; CANCELLED_ERROR: 'CANCELLED_ERROR';
  CONNECTION_ERROR: 'CONNECTION_ERROR'; LIMIT_EXCEEDED_ERROR: 'LIMIT_EXCEEDED_ERROR'; BAD_REQUEST_ERROR: 'BAD_REQUEST_ERROR';
  TIMEOUT_ERROR: 'TIMEOUT_ERROR'; SERVER_UNAVAILABLE: 'SERVER_UNAVAILABLE';
  CLIENT_RESOURCE_EXHAUSTED: 'CLIENT_RESOURCE_EXHAUSTED'; FAILED_PRECONDITION_ERROR: 'FAILED_PRECONDITION_ERROR';
  UNKNOWN_ERROR: 'UNKNOWN_ERROR';
}>;
export type MomentoErrorCode = (typeof MomentoErrorCode)[keyof typeof MomentoErrorCode];

/** Base class of every SDK error. */
export declare class SdkError extends Error {
  errorCode(): MomentoErrorCode;
  wrappedErrorMessage(): string;
  transportDetails(): { grpc: { code: number; details: string; metadata?: Record<string, string> } };
}
export declare class InvalidArgumentError extends SdkError {}
export declare class UnknownServiceError extends SdkError {}
export declare class AlreadyExistsError extends SdkError {}
export declare class CacheNotFoundError extends SdkError {}
export declare class StoreNotFoundError extends SdkError {}
export declare class ItemNotFoundError extends SdkError {}
export declare class InternalServerError extends SdkError {}
export declare class PermissionError extends SdkError {}
export declare class AuthenticationError extends SdkError {}
export declare class CancelledError extends SdkError {}
export declare class ConnectionError extends SdkError {}
export declare class LimitExceededError extends SdkError {}
export declare class BadRequestError extends SdkError {}
export declare class TimeoutError extends SdkError {}
export declare class ServerUnavailableError extends SdkError {}
export declare class ClientResourceExhaustedError extends SdkError {}
export declare class FailedPreconditionError extends SdkError {}
export declare class UnknownError extends SdkError {}

// ---------------------------------------------------------------- response building blocks

/** Base of every response variant. */
export declare abstract class ResponseBase {
  /** `undefined` on variants without a value. */
  value(): unknown;
  toString(): string;
}
/** The `Error` variant of every response namespace. */
export declare abstract class ErrorResponse extends ResponseBase {
  readonly type: 'Error';
  errorCode(): MomentoErrorCode;
  message(): string;
  innerException(): SdkError;
  value(): undefined;
}
/** A variant with no data, e.g. `Success`, `Miss`, `Stored`. */
export declare abstract class Empty<T extends string> extends ResponseBase {
  readonly type: T;
  value(): undefined;
  /** The official marker fields: `true` on `Success` / `Miss` variants. */
  readonly is_success: T extends 'Success' ? true : undefined;
  readonly is_miss: T extends 'Miss' ? true : undefined;
}
/** A variant holding bytes: `value()` is the UTF-8 string. */
export declare abstract class BytesValue<T extends string> extends ResponseBase {
  readonly type: T;
  value(): string;
  valueString(): string;
  valueUint8Array(): Uint8Array;
}
interface HashAccessors {
  hashString(): string;
  hashUint8Array(): Uint8Array;
}

// ---------------------------------------------------------------- control plane

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
export declare namespace CachePing { class Success extends Empty<'Success'> {} class Error extends ErrorResponse {} type Response = Success | Error; }
export declare namespace ListCaches {
  class Success extends Empty<'Success'> { getCaches(): CacheInfo[]; }
  class Error extends ErrorResponse {}
  type Response = Success | Error;
}

// ---------------------------------------------------------------- scalars

export declare namespace CacheGet {
  class Hit extends BytesValue<'Hit'> {}
  class Miss extends Empty<'Miss'> {}
  class Error extends ErrorResponse {}
  type Response = Hit | Miss | Error;
}
export declare namespace CacheSet { class Success extends Empty<'Success'> {} class Error extends ErrorResponse {} type Response = Success | Error; }
export declare namespace CacheDelete { class Success extends Empty<'Success'> {} class Error extends ErrorResponse {} type Response = Success | Error; }
export declare namespace CacheIncrement {
  class Success extends ResponseBase { readonly type: 'Success'; readonly is_success: true; value(): number; valueNumber(): number; }
  class Error extends ErrorResponse {}
  type Response = Success | Error;
}
declare namespace StoredResponses {
  class Stored extends Empty<'Stored'> {}
  class NotStored extends Empty<'NotStored'> {}
  class Error extends ErrorResponse {}
}
export declare namespace CacheSetIfNotExists { export import Stored = StoredResponses.Stored; export import NotStored = StoredResponses.NotStored; export import Error = StoredResponses.Error; type Response = Stored | NotStored | Error; }
export declare namespace CacheSetIfAbsent { export import Stored = StoredResponses.Stored; export import NotStored = StoredResponses.NotStored; export import Error = StoredResponses.Error; type Response = Stored | NotStored | Error; }
export declare namespace CacheSetIfPresent { export import Stored = StoredResponses.Stored; export import NotStored = StoredResponses.NotStored; export import Error = StoredResponses.Error; type Response = Stored | NotStored | Error; }
export declare namespace CacheSetIfEqual { export import Stored = StoredResponses.Stored; export import NotStored = StoredResponses.NotStored; export import Error = StoredResponses.Error; type Response = Stored | NotStored | Error; }
export declare namespace CacheSetIfNotEqual { export import Stored = StoredResponses.Stored; export import NotStored = StoredResponses.NotStored; export import Error = StoredResponses.Error; type Response = Stored | NotStored | Error; }
export declare namespace CacheSetIfPresentAndNotEqual { export import Stored = StoredResponses.Stored; export import NotStored = StoredResponses.NotStored; export import Error = StoredResponses.Error; type Response = Stored | NotStored | Error; }
export declare namespace CacheSetIfAbsentOrEqual { export import Stored = StoredResponses.Stored; export import NotStored = StoredResponses.NotStored; export import Error = StoredResponses.Error; type Response = Stored | NotStored | Error; }
export declare namespace CacheGetWithHash {
  class Hit extends BytesValue<'Hit'> implements HashAccessors { hash(): string; hashString(): string; hashUint8Array(): Uint8Array; }
  class Miss extends Empty<'Miss'> { hash(): undefined; }
  class Error extends ErrorResponse { hash(): undefined; }
  type Response = Hit | Miss | Error;
}
declare namespace HashStoredResponses {
  class Stored extends Empty<'Stored'> implements HashAccessors { hashString(): string; hashUint8Array(): Uint8Array; }
  class NotStored extends Empty<'NotStored'> {}
  class Error extends ErrorResponse {}
}
export declare namespace CacheSetWithHash { export import Stored = HashStoredResponses.Stored; export import NotStored = HashStoredResponses.NotStored; export import Error = HashStoredResponses.Error; type Response = Stored | NotStored | Error; }
export declare namespace CacheSetIfPresentAndHashEqual { export import Stored = HashStoredResponses.Stored; export import NotStored = HashStoredResponses.NotStored; export import Error = HashStoredResponses.Error; type Response = Stored | NotStored | Error; }
export declare namespace CacheSetIfPresentAndHashNotEqual { export import Stored = HashStoredResponses.Stored; export import NotStored = HashStoredResponses.NotStored; export import Error = HashStoredResponses.Error; type Response = Stored | NotStored | Error; }
export declare namespace CacheSetIfAbsentOrHashEqual { export import Stored = HashStoredResponses.Stored; export import NotStored = HashStoredResponses.NotStored; export import Error = HashStoredResponses.Error; type Response = Stored | NotStored | Error; }
export declare namespace CacheSetIfAbsentOrHashNotEqual { export import Stored = HashStoredResponses.Stored; export import NotStored = HashStoredResponses.NotStored; export import Error = HashStoredResponses.Error; type Response = Stored | NotStored | Error; }
export declare namespace CacheGetBatch {
  class Success extends Empty<'Success'> {
    results(): CacheGet.Response[];
    values(): Record<string, string>;
    valuesRecord(): Record<string, string>;
    valuesRecordStringString(): Record<string, string>;
    valuesRecordStringUint8Array(): Record<string, Uint8Array>;
    valuesMap(): Map<string, string>;
    valuesMapStringString(): Map<string, string>;
    valuesMapStringUint8Array(): Map<string, Uint8Array>;
  }
  class Error extends ErrorResponse { values(): undefined; }
  type Response = Success | Error;
}
export declare namespace CacheSetBatch {
  class Success extends Empty<'Success'> { results(): CacheSet.Response[]; }
  class Error extends ErrorResponse {}
  type Response = Success | Error;
}
export declare namespace CacheKeyExists {
  class Success extends Empty<'Success'> { exists(): boolean; }
  class Error extends ErrorResponse { exists(): undefined; }
  type Response = Success | Error;
}
export declare namespace CacheKeysExist {
  class Success extends Empty<'Success'> { exists(): boolean[]; valueRecord(): Record<string, boolean>; }
  class Error extends ErrorResponse { exists(): undefined; }
  type Response = Success | Error;
}
/** Item types as the official SDK numbers them. */
export declare const ItemType: Readonly<{ SCALAR: 0; DICTIONARY: 1; LIST: 2; SET: 3; SORTED_SET: 4 }>;
export type ItemType = (typeof ItemType)[keyof typeof ItemType];
export declare namespace CacheItemGetType {
  class Hit extends Empty<'Hit'> { itemType(): ItemType; }
  class Miss extends Empty<'Miss'> { itemType(): undefined; }
  class Error extends ErrorResponse { itemType(): undefined; }
  type Response = Hit | Miss | Error;
}
export declare namespace CacheItemGetTtl {
  class Hit extends Empty<'Hit'> { remainingTtlMillis(): number; }
  class Miss extends Empty<'Miss'> { remainingTtlMillis(): undefined; }
  class Error extends ErrorResponse { remainingTtlMillis(): undefined; }
  type Response = Hit | Miss | Error;
}
export declare namespace CacheUpdateTtl {
  class Set extends Empty<'Set'> {}
  class Miss extends Empty<'Miss'> {}
  class Error extends ErrorResponse {}
  type Response = Set | Miss | Error;
}
declare namespace TtlChangeResponses {
  class Set extends Empty<'Set'> {}
  class NotSet extends Empty<'NotSet'> {}
  class Miss extends Empty<'Miss'> {}
  class Error extends ErrorResponse {}
}
export declare namespace CacheIncreaseTtl { export import Set = TtlChangeResponses.Set; export import NotSet = TtlChangeResponses.NotSet; export import Miss = TtlChangeResponses.Miss; export import Error = TtlChangeResponses.Error; type Response = Set | NotSet | Miss | Error; }
export declare namespace CacheDecreaseTtl { export import Set = TtlChangeResponses.Set; export import NotSet = TtlChangeResponses.NotSet; export import Miss = TtlChangeResponses.Miss; export import Error = TtlChangeResponses.Error; type Response = Set | NotSet | Miss | Error; }

type Enum<T extends string> = Readonly<{ [K in T]: K }>;
export declare const CacheGetResponse: Enum<'Hit' | 'Miss' | 'Error'>;
export declare const CacheSetResponse: Enum<'Success' | 'Error'>;
export declare const CacheDeleteResponse: Enum<'Success' | 'Error'>;
export declare const CacheIncrementResponse: Enum<'Success' | 'Error'>;
export declare const CacheSetIfNotExistsResponse: Enum<'Stored' | 'NotStored' | 'Error'>;
export declare const CacheSetIfAbsentResponse: Enum<'Stored' | 'NotStored' | 'Error'>;
export declare const CacheSetIfPresentResponse: Enum<'Stored' | 'NotStored' | 'Error'>;
export declare const CacheSetIfEqualResponse: Enum<'Stored' | 'NotStored' | 'Error'>;
export declare const CacheSetIfNotEqualResponse: Enum<'Stored' | 'NotStored' | 'Error'>;
export declare const CacheSetIfPresentAndNotEqualResponse: Enum<'Stored' | 'NotStored' | 'Error'>;
export declare const CacheSetIfAbsentOrEqualResponse: Enum<'Stored' | 'NotStored' | 'Error'>;
export declare const CacheGetWithHashResponse: Enum<'Hit' | 'Miss' | 'Error'>;
export declare const CacheSetWithHashResponse: Enum<'Stored' | 'NotStored' | 'Error'>;
export declare const CacheSetIfPresentAndHashEqualResponse: Enum<'Stored' | 'NotStored' | 'Error'>;
export declare const CacheSetIfPresentAndHashNotEqualResponse: Enum<'Stored' | 'NotStored' | 'Error'>;
export declare const CacheSetIfAbsentOrHashEqualResponse: Enum<'Stored' | 'NotStored' | 'Error'>;
export declare const CacheSetIfAbsentOrHashNotEqualResponse: Enum<'Stored' | 'NotStored' | 'Error'>;
export declare const CacheGetBatchResponse: Enum<'Success' | 'Error'>;
export declare const CacheSetBatchResponse: Enum<'Success' | 'Error'>;
export declare const CacheKeyExistsResponse: Enum<'Success' | 'Error'>;
export declare const CacheKeysExistResponse: Enum<'Success' | 'Error'>;
export declare const CacheItemGetTypeResponse: Enum<'Hit' | 'Miss' | 'Error'>;
export declare const CacheItemGetTtlResponse: Enum<'Hit' | 'Miss' | 'Error'>;
export declare const CacheUpdateTtlResponse: Enum<'Set' | 'Miss' | 'Error'>;
export declare const CacheIncreaseTtlResponse: Enum<'Set' | 'NotSet' | 'Miss' | 'Error'>;
export declare const CacheDecreaseTtlResponse: Enum<'Set' | 'NotSet' | 'Miss' | 'Error'>;
export declare const CreateCacheResponse: Enum<'Success' | 'AlreadyExists' | 'Error'>;
export declare const DeleteCacheResponse: Enum<'Success' | 'Error'>;
export declare const FlushCacheResponse: Enum<'Success' | 'Error'>;
/** Alias of `FlushCacheResponse`. */
export declare const CacheFlushResponse: Enum<'Success' | 'Error'>;
export declare const ListCachesResponse: Enum<'Success' | 'Error'>;
export declare const CachePingResponse: Enum<'Success' | 'Error'>;

// ---------------------------------------------------------------- configuration, options, client

interface Preset { v1(): Configuration; latest(): Configuration; }
/** Versioned configuration presets. */
export declare const Configurations: Readonly<{
  Browser: Preset; Laptop: Preset; InRegion: { Default: Preset; LowLatency: Preset }; Lambda: Preset;
}>;

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

/** Bytes or a string (UTF-8 encoded once). */
export type BytesLike = string | Uint8Array;
/** Per-call cancellation. */
export interface CallOptions { abortSignal?: AbortSignal; }
/** TTL in seconds (must be > 0; default: the client's `defaultTtlSeconds`). */
export interface ScalarCallOptions extends CallOptions { ttl?: number; }
/** Options of collection writes. */
export interface CollectionCallOptions extends CallOptions { ttl?: CollectionTtl; }
/** An item of `setBatch`. */
export interface SetBatchItem { key: BytesLike; value: BytesLike; ttl?: number; }

/** Properties of a `CacheClient`. */
export interface CacheClientProps {
  configuration?: Configuration;
  credentialProvider: CredentialProvider | RefreshingCredentialProvider;
  defaultTtlSeconds: number;
}

/** A Momento cache client; methods resolve to response objects (or reject with SdkError under throwOnErrors). */
export declare class CacheClient {
  constructor(props: CacheClientProps);
  static create(props: CacheClientProps): Promise<CacheClient>;
  /** This client bound to one cache: `client.cache('c').get('k')` is `client.get('c', 'k')`. */
  cache(cacheName: string): MomentoCache;
  readonly configuration: Configuration;
  close(): void;
  createCache(cacheName: string): Promise<CreateCache.Response>;
  deleteCache(cacheName: string): Promise<DeleteCache.Response>;
  flushCache(cacheName: string): Promise<CacheFlush.Response>;
  listCaches(): Promise<ListCaches.Response>;
  ping(): Promise<CachePing.Response>;
  get(cacheName: string, key: BytesLike, options?: CallOptions): Promise<CacheGet.Response>;
  set(cacheName: string, key: BytesLike, value: BytesLike, options?: ScalarCallOptions): Promise<CacheSet.Response>;
  delete(cacheName: string, key: BytesLike, options?: CallOptions): Promise<CacheDelete.Response>;
  increment(cacheName: string, field: BytesLike, amount?: number, options?: ScalarCallOptions): Promise<CacheIncrement.Response>;
  /** @deprecated use setIfAbsent */
  setIfNotExists(cacheName: string, key: BytesLike, value: BytesLike, options?: ScalarCallOptions): Promise<CacheSetIfNotExists.Response>;
  setIfAbsent(cacheName: string, key: BytesLike, value: BytesLike, options?: ScalarCallOptions): Promise<CacheSetIfAbsent.Response>;
  setIfPresent(cacheName: string, key: BytesLike, value: BytesLike, options?: ScalarCallOptions): Promise<CacheSetIfPresent.Response>;
  setIfEqual(cacheName: string, key: BytesLike, value: BytesLike, equal: BytesLike, options?: ScalarCallOptions): Promise<CacheSetIfEqual.Response>;
  setIfNotEqual(cacheName: string, key: BytesLike, value: BytesLike, notEqual: BytesLike, options?: ScalarCallOptions): Promise<CacheSetIfNotEqual.Response>;
  setIfPresentAndNotEqual(cacheName: string, key: BytesLike, value: BytesLike, notEqual: BytesLike, options?: ScalarCallOptions): Promise<CacheSetIfPresentAndNotEqual.Response>;
  setIfAbsentOrEqual(cacheName: string, key: BytesLike, value: BytesLike, equal: BytesLike, options?: ScalarCallOptions): Promise<CacheSetIfAbsentOrEqual.Response>;
  getWithHash(cacheName: string, key: BytesLike, options?: CallOptions): Promise<CacheGetWithHash.Response>;
  setWithHash(cacheName: string, key: BytesLike, value: BytesLike, options?: ScalarCallOptions): Promise<CacheSetWithHash.Response>;
  setIfPresentAndHashEqual(cacheName: string, key: BytesLike, value: BytesLike, hashEqual: Uint8Array, options?: ScalarCallOptions): Promise<CacheSetIfPresentAndHashEqual.Response>;
  setIfPresentAndHashNotEqual(cacheName: string, key: BytesLike, value: BytesLike, hashNotEqual: Uint8Array, options?: ScalarCallOptions): Promise<CacheSetIfPresentAndHashNotEqual.Response>;
  setIfAbsentOrHashEqual(cacheName: string, key: BytesLike, value: BytesLike, hashEqual: Uint8Array, options?: ScalarCallOptions): Promise<CacheSetIfAbsentOrHashEqual.Response>;
  setIfAbsentOrHashNotEqual(cacheName: string, key: BytesLike, value: BytesLike, hashNotEqual: Uint8Array, options?: ScalarCallOptions): Promise<CacheSetIfAbsentOrHashNotEqual.Response>;
  getBatch(cacheName: string, keys: BytesLike[], options?: CallOptions): Promise<CacheGetBatch.Response>;
  setBatch(cacheName: string, items: Record<string, BytesLike> | Map<BytesLike, BytesLike> | SetBatchItem[], options?: ScalarCallOptions): Promise<CacheSetBatch.Response>;
  keyExists(cacheName: string, key: BytesLike, options?: CallOptions): Promise<CacheKeyExists.Response>;
  keysExist(cacheName: string, keys: BytesLike[], options?: CallOptions): Promise<CacheKeysExist.Response>;
  itemGetType(cacheName: string, key: BytesLike, options?: CallOptions): Promise<CacheItemGetType.Response>;
  itemGetTtl(cacheName: string, key: BytesLike, options?: CallOptions): Promise<CacheItemGetTtl.Response>;
  updateTtl(cacheName: string, key: BytesLike, ttlMilliseconds: number, options?: CallOptions): Promise<CacheUpdateTtl.Response>;
  increaseTtl(cacheName: string, key: BytesLike, ttlMilliseconds: number, options?: CallOptions): Promise<CacheIncreaseTtl.Response>;
  decreaseTtl(cacheName: string, key: BytesLike, ttlMilliseconds: number, options?: CallOptions): Promise<CacheDecreaseTtl.Response>;
}
/** Collection methods, declared per family in types/<family>.d.ts. */
export interface CacheClient extends DictionaryMethods, SetMethods, ListMethods, SortedSetMethods {}

/** The data methods `CacheClient.cache(name)` binds (the official IMomentoCache surface). */
type MomentoCacheMethod = 'get' | 'getWithHash' | 'set' | 'setWithHash' | 'delete' | 'increment' | 'setIfNotExists'
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
type WithoutCacheName<F> = F extends (cacheName: string, ...args: infer A) => infer R ? (...args: A) => R : never;
/** A `CacheClient` bound to one cache name, as `CacheClient.cache(name)` returns it. */
export type MomentoCache = { [K in MomentoCacheMethod & keyof CacheClient]: WithoutCacheName<CacheClient[K]> }
  & { readonly cacheName: string; close(): void };
export * from './types/auth.js';
export * from './types/leaderboard.js';

// ---------------------------------------------------------------- logging and middleware
import type { MomentoLogger, MomentoLoggerFactory, Middleware, MiddlewareRequestHandler } from './momento_wasm.js';
export type { MomentoLogger, MomentoLoggerFactory, Middleware, MiddlewareRequestHandler };
/** Log levels, as the official web SDK numbers them. */
export declare const MomentoLogLevel: Readonly<{ TRACE: 5; DEBUG: 10; INFO: 20; WARN: 30; ERROR: 40 }>;
/** Console logger factory at or above `level` (default INFO). */
export declare class DefaultMomentoLoggerFactory implements MomentoLoggerFactory {
  constructor(level?: number);
  getLogger(loggerName: string | object): MomentoLogger;
}
/** Discards everything. */
export declare class NoopMomentoLoggerFactory implements MomentoLoggerFactory {
  getLogger(loggerName: string | object): MomentoLogger;
}
/** Logs every request and its outcome at DEBUG. */
export declare class ExperimentalRequestLoggingMiddleware implements Middleware {
  constructor(loggerFactory?: MomentoLoggerFactory);
  onNewRequest(context?: object): MiddlewareRequestHandler;
}

export {};
