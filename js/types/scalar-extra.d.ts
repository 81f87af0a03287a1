// Types of the scalar methods beyond get/set/delete and their responses (full package only).
import { HitMissEnum, StoredEnum, SuccessEnum, TtlUpdateEnum } from './enums.js';
import type { Enum,
  BytesLike, BytesValue, CallOptions, Empty, ErrorResponse, GetCallOptions, ResponseBase, ScalarCallOptions, SetCallOptions,
  SuccessBase,
} from './common.js';
import type { CacheGet, CacheSet } from './common.js';

export interface HashAccessors {
  hashString(): string;
  hashUint8Array(): Uint8Array;
}
/** An item of `setBatch`. */
export interface SetBatchItem { key: BytesLike; value: BytesLike; ttl?: number; }

export declare namespace CacheIncrement {
  class Success extends SuccessBase { value(): number; valueNumber(): number; }
  class Error extends ErrorResponse {}
  type Response = Success | Error;
}
/** The responses of the conditional sets (each `CacheSetIf…` below is this namespace under its official name). */
declare namespace StoredResponses {
  class Stored extends Empty<'Stored'> {}
  class NotStored extends Empty<'NotStored'> {}
  class Error extends ErrorResponse {}
  type Response = Stored | NotStored | Error;
}
export import CacheSetIfNotExists = StoredResponses;
export import CacheSetIfAbsent = StoredResponses;
export import CacheSetIfPresent = StoredResponses;
export import CacheSetIfEqual = StoredResponses;
export import CacheSetIfNotEqual = StoredResponses;
export import CacheSetIfPresentAndNotEqual = StoredResponses;
export import CacheSetIfAbsentOrEqual = StoredResponses;
export declare namespace CacheGetWithHash {
  class Hit extends BytesValue<'Hit'> implements HashAccessors { hash(): string; hashString(): string; hashUint8Array(): Uint8Array; }
  class Miss extends Empty<'Miss'> { hash(): undefined; }
  class Error extends ErrorResponse { hash(): undefined; }
  type Response = Hit | Miss | Error;
}
/** The responses of the hash-conditioned sets (each name below is this namespace). */
declare namespace HashStoredResponses {
  class Stored extends Empty<'Stored'> implements HashAccessors { hashString(): string; hashUint8Array(): Uint8Array; }
  class NotStored extends Empty<'NotStored'> {}
  class Error extends ErrorResponse {}
  type Response = Stored | NotStored | Error;
}
export import CacheSetWithHash = HashStoredResponses;
export import CacheSetIfPresentAndHashEqual = HashStoredResponses;
export import CacheSetIfPresentAndHashNotEqual = HashStoredResponses;
export import CacheSetIfAbsentOrHashEqual = HashStoredResponses;
export import CacheSetIfAbsentOrHashNotEqual = HashStoredResponses;
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
  type Response = Set | NotSet | Miss | Error;
}
export import CacheIncreaseTtl = TtlChangeResponses;
export import CacheDecreaseTtl = TtlChangeResponses;

export {
  SuccessEnum as CacheIncrementResponse, StoredEnum as CacheSetIfNotExistsResponse,
  StoredEnum as CacheSetIfAbsentResponse, StoredEnum as CacheSetIfPresentResponse,
  StoredEnum as CacheSetIfEqualResponse, StoredEnum as CacheSetIfNotEqualResponse,
  StoredEnum as CacheSetIfPresentAndNotEqualResponse, StoredEnum as CacheSetIfAbsentOrEqualResponse,
  HitMissEnum as CacheGetWithHashResponse, StoredEnum as CacheSetWithHashResponse,
  StoredEnum as CacheSetIfPresentAndHashEqualResponse, StoredEnum as CacheSetIfPresentAndHashNotEqualResponse,
  StoredEnum as CacheSetIfAbsentOrHashEqualResponse, StoredEnum as CacheSetIfAbsentOrHashNotEqualResponse,
  SuccessEnum as CacheGetBatchResponse, SuccessEnum as CacheSetBatchResponse, SuccessEnum as CacheKeyExistsResponse,
  SuccessEnum as CacheKeysExistResponse, HitMissEnum as CacheItemGetTypeResponse,
  HitMissEnum as CacheItemGetTtlResponse
};
export declare const CacheUpdateTtlResponse: Enum<'Set' | 'Miss' | 'Error'>;
export type CacheUpdateTtlResponse = 'Set' | 'Miss' | 'Error';
export declare namespace CacheUpdateTtlResponse { type Set = 'Set'; type Miss = 'Miss'; type Error = 'Error'; }
export {
  TtlUpdateEnum as CacheIncreaseTtlResponse, TtlUpdateEnum as CacheDecreaseTtlResponse
};

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
