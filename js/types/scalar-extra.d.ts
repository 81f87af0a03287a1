// Types of the scalar methods beyond get/set/delete and their responses (full package only).
import type { Enum,
  BytesLike, BytesValue, CallOptions, Empty, ErrorResponse, GetCallOptions, ResponseBase, ScalarCallOptions, SetCallOptions,
} from './common.js';
import type { CacheGet, CacheSet } from './common.js';

export interface HashAccessors {
  hashString(): string;
  hashUint8Array(): Uint8Array;
}
/** An item of `setBatch`. */
export interface SetBatchItem { key: BytesLike; value: BytesLike; ttl?: number; }

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

export declare const CacheIncrementResponse: Enum<'Success' | 'Error'>;
export type CacheIncrementResponse = 'Success' | 'Error';
export declare namespace CacheIncrementResponse { type Success = 'Success'; type Error = 'Error'; }
export declare const CacheSetIfNotExistsResponse: Enum<'Stored' | 'NotStored' | 'Error'>;
export type CacheSetIfNotExistsResponse = 'Stored' | 'NotStored' | 'Error';
export declare namespace CacheSetIfNotExistsResponse { type Stored = 'Stored'; type NotStored = 'NotStored'; type Error = 'Error'; }
export declare const CacheSetIfAbsentResponse: Enum<'Stored' | 'NotStored' | 'Error'>;
export type CacheSetIfAbsentResponse = 'Stored' | 'NotStored' | 'Error';
export declare namespace CacheSetIfAbsentResponse { type Stored = 'Stored'; type NotStored = 'NotStored'; type Error = 'Error'; }
export declare const CacheSetIfPresentResponse: Enum<'Stored' | 'NotStored' | 'Error'>;
export type CacheSetIfPresentResponse = 'Stored' | 'NotStored' | 'Error';
export declare namespace CacheSetIfPresentResponse { type Stored = 'Stored'; type NotStored = 'NotStored'; type Error = 'Error'; }
export declare const CacheSetIfEqualResponse: Enum<'Stored' | 'NotStored' | 'Error'>;
export type CacheSetIfEqualResponse = 'Stored' | 'NotStored' | 'Error';
export declare namespace CacheSetIfEqualResponse { type Stored = 'Stored'; type NotStored = 'NotStored'; type Error = 'Error'; }
export declare const CacheSetIfNotEqualResponse: Enum<'Stored' | 'NotStored' | 'Error'>;
export type CacheSetIfNotEqualResponse = 'Stored' | 'NotStored' | 'Error';
export declare namespace CacheSetIfNotEqualResponse { type Stored = 'Stored'; type NotStored = 'NotStored'; type Error = 'Error'; }
export declare const CacheSetIfPresentAndNotEqualResponse: Enum<'Stored' | 'NotStored' | 'Error'>;
export type CacheSetIfPresentAndNotEqualResponse = 'Stored' | 'NotStored' | 'Error';
export declare namespace CacheSetIfPresentAndNotEqualResponse { type Stored = 'Stored'; type NotStored = 'NotStored'; type Error = 'Error'; }
export declare const CacheSetIfAbsentOrEqualResponse: Enum<'Stored' | 'NotStored' | 'Error'>;
export type CacheSetIfAbsentOrEqualResponse = 'Stored' | 'NotStored' | 'Error';
export declare namespace CacheSetIfAbsentOrEqualResponse { type Stored = 'Stored'; type NotStored = 'NotStored'; type Error = 'Error'; }
export declare const CacheGetWithHashResponse: Enum<'Hit' | 'Miss' | 'Error'>;
export type CacheGetWithHashResponse = 'Hit' | 'Miss' | 'Error';
export declare namespace CacheGetWithHashResponse { type Hit = 'Hit'; type Miss = 'Miss'; type Error = 'Error'; }
export declare const CacheSetWithHashResponse: Enum<'Stored' | 'NotStored' | 'Error'>;
export type CacheSetWithHashResponse = 'Stored' | 'NotStored' | 'Error';
export declare namespace CacheSetWithHashResponse { type Stored = 'Stored'; type NotStored = 'NotStored'; type Error = 'Error'; }
export declare const CacheSetIfPresentAndHashEqualResponse: Enum<'Stored' | 'NotStored' | 'Error'>;
export type CacheSetIfPresentAndHashEqualResponse = 'Stored' | 'NotStored' | 'Error';
export declare namespace CacheSetIfPresentAndHashEqualResponse { type Stored = 'Stored'; type NotStored = 'NotStored'; type Error = 'Error'; }
export declare const CacheSetIfPresentAndHashNotEqualResponse: Enum<'Stored' | 'NotStored' | 'Error'>;
export type CacheSetIfPresentAndHashNotEqualResponse = 'Stored' | 'NotStored' | 'Error';
export declare namespace CacheSetIfPresentAndHashNotEqualResponse { type Stored = 'Stored'; type NotStored = 'NotStored'; type Error = 'Error'; }
export declare const CacheSetIfAbsentOrHashEqualResponse: Enum<'Stored' | 'NotStored' | 'Error'>;
export type CacheSetIfAbsentOrHashEqualResponse = 'Stored' | 'NotStored' | 'Error';
export declare namespace CacheSetIfAbsentOrHashEqualResponse { type Stored = 'Stored'; type NotStored = 'NotStored'; type Error = 'Error'; }
export declare const CacheSetIfAbsentOrHashNotEqualResponse: Enum<'Stored' | 'NotStored' | 'Error'>;
export type CacheSetIfAbsentOrHashNotEqualResponse = 'Stored' | 'NotStored' | 'Error';
export declare namespace CacheSetIfAbsentOrHashNotEqualResponse { type Stored = 'Stored'; type NotStored = 'NotStored'; type Error = 'Error'; }
export declare const CacheGetBatchResponse: Enum<'Success' | 'Error'>;
export type CacheGetBatchResponse = 'Success' | 'Error';
export declare namespace CacheGetBatchResponse { type Success = 'Success'; type Error = 'Error'; }
export declare const CacheSetBatchResponse: Enum<'Success' | 'Error'>;
export type CacheSetBatchResponse = 'Success' | 'Error';
export declare namespace CacheSetBatchResponse { type Success = 'Success'; type Error = 'Error'; }
export declare const CacheKeyExistsResponse: Enum<'Success' | 'Error'>;
export type CacheKeyExistsResponse = 'Success' | 'Error';
export declare namespace CacheKeyExistsResponse { type Success = 'Success'; type Error = 'Error'; }
export declare const CacheKeysExistResponse: Enum<'Success' | 'Error'>;
export type CacheKeysExistResponse = 'Success' | 'Error';
export declare namespace CacheKeysExistResponse { type Success = 'Success'; type Error = 'Error'; }
export declare const CacheItemGetTypeResponse: Enum<'Hit' | 'Miss' | 'Error'>;
export type CacheItemGetTypeResponse = 'Hit' | 'Miss' | 'Error';
export declare namespace CacheItemGetTypeResponse { type Hit = 'Hit'; type Miss = 'Miss'; type Error = 'Error'; }
export declare const CacheItemGetTtlResponse: Enum<'Hit' | 'Miss' | 'Error'>;
export type CacheItemGetTtlResponse = 'Hit' | 'Miss' | 'Error';
export declare namespace CacheItemGetTtlResponse { type Hit = 'Hit'; type Miss = 'Miss'; type Error = 'Error'; }
export declare const CacheUpdateTtlResponse: Enum<'Set' | 'Miss' | 'Error'>;
export type CacheUpdateTtlResponse = 'Set' | 'Miss' | 'Error';
export declare namespace CacheUpdateTtlResponse { type Set = 'Set'; type Miss = 'Miss'; type Error = 'Error'; }
export declare const CacheIncreaseTtlResponse: Enum<'Set' | 'NotSet' | 'Miss' | 'Error'>;
export type CacheIncreaseTtlResponse = 'Set' | 'NotSet' | 'Miss' | 'Error';
export declare namespace CacheIncreaseTtlResponse { type Set = 'Set'; type NotSet = 'NotSet'; type Miss = 'Miss'; type Error = 'Error'; }
export declare const CacheDecreaseTtlResponse: Enum<'Set' | 'NotSet' | 'Miss' | 'Error'>;
export type CacheDecreaseTtlResponse = 'Set' | 'NotSet' | 'Miss' | 'Error';
export declare namespace CacheDecreaseTtlResponse { type Set = 'Set'; type NotSet = 'NotSet'; type Miss = 'Miss'; type Error = 'Error'; }

/** Scalar methods of CacheClient beyond get/set/delete. */
export interface ScalarExtraMethods {
  increment(cacheName: string, field: BytesLike, amount?: number, options?: ScalarCallOptions): Promise<CacheIncrement.Response>;
  /** @deprecated use setIfAbsent */
  setIfNotExists(cacheName: string, key: BytesLike, value: BytesLike, options?: ScalarCallOptions): Promise<CacheSetIfNotExists.Response>;
  setIfAbsent(cacheName: string, key: BytesLike, value: BytesLike, options?: SetCallOptions): Promise<CacheSetIfAbsent.Response>;
  setIfPresent(cacheName: string, key: BytesLike, value: BytesLike, options?: ScalarCallOptions): Promise<CacheSetIfPresent.Response>;
  setIfEqual(cacheName: string, key: BytesLike, value: BytesLike, equal: BytesLike, options?: ScalarCallOptions): Promise<CacheSetIfEqual.Response>;
  setIfNotEqual(cacheName: string, key: BytesLike, value: BytesLike, notEqual: BytesLike, options?: ScalarCallOptions): Promise<CacheSetIfNotEqual.Response>;
  setIfPresentAndNotEqual(cacheName: string, key: BytesLike, value: BytesLike, notEqual: BytesLike, options?: ScalarCallOptions): Promise<CacheSetIfPresentAndNotEqual.Response>;
  setIfAbsentOrEqual(cacheName: string, key: BytesLike, value: BytesLike, equal: BytesLike, options?: ScalarCallOptions): Promise<CacheSetIfAbsentOrEqual.Response>;
  getWithHash(cacheName: string, key: BytesLike, options?: GetCallOptions): Promise<CacheGetWithHash.Response>;
  setWithHash(cacheName: string, key: BytesLike, value: BytesLike, options?: SetCallOptions): Promise<CacheSetWithHash.Response>;
  setIfPresentAndHashEqual(cacheName: string, key: BytesLike, value: BytesLike, hashEqual: Uint8Array, options?: ScalarCallOptions): Promise<CacheSetIfPresentAndHashEqual.Response>;
  setIfPresentAndHashNotEqual(cacheName: string, key: BytesLike, value: BytesLike, hashNotEqual: Uint8Array, options?: ScalarCallOptions): Promise<CacheSetIfPresentAndHashNotEqual.Response>;
  setIfAbsentOrHashEqual(cacheName: string, key: BytesLike, value: BytesLike, hashEqual: Uint8Array, options?: ScalarCallOptions): Promise<CacheSetIfAbsentOrHashEqual.Response>;
  setIfAbsentOrHashNotEqual(cacheName: string, key: BytesLike, value: BytesLike, hashNotEqual: Uint8Array, options?: ScalarCallOptions): Promise<CacheSetIfAbsentOrHashNotEqual.Response>;
  getBatch(cacheName: string, keys: BytesLike[], options?: GetCallOptions): Promise<CacheGetBatch.Response>;
  setBatch(cacheName: string, items: Record<string, BytesLike> | Map<BytesLike, BytesLike> | SetBatchItem[], options?: SetCallOptions): Promise<CacheSetBatch.Response>;
  keyExists(cacheName: string, key: BytesLike, options?: CallOptions): Promise<CacheKeyExists.Response>;
  keysExist(cacheName: string, keys: BytesLike[], options?: CallOptions): Promise<CacheKeysExist.Response>;
  itemGetType(cacheName: string, key: BytesLike, options?: CallOptions): Promise<CacheItemGetType.Response>;
  itemGetTtl(cacheName: string, key: BytesLike, options?: CallOptions): Promise<CacheItemGetTtl.Response>;
  updateTtl(cacheName: string, key: BytesLike, ttlMilliseconds: number, options?: CallOptions): Promise<CacheUpdateTtl.Response>;
  increaseTtl(cacheName: string, key: BytesLike, ttlMilliseconds: number, options?: CallOptions): Promise<CacheIncreaseTtl.Response>;
  decreaseTtl(cacheName: string, key: BytesLike, ttlMilliseconds: number, options?: CallOptions): Promise<CacheDecreaseTtl.Response>;
}

export {};
