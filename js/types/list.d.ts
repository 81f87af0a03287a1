// Types of the list methods and responses.
import { HitMissEnum, SuccessEnum, SuccessResponses } from './enums.js';
import type { BytesLike, CallOptions, CollectionCallOptions, Empty, ErrorResponse, ResponseBase, SuccessBase } from '../index.js';

/** Options of `listPushFront` / `listConcatenateFront`. */
export interface BackTruncatableCallOptions extends CollectionCallOptions {
  /** Keep at most this many elements, dropping from the back (0 or undefined: no limit). */
  truncateBackToSize?: number;
}
/** Options of `listPushBack` / `listConcatenateBack`. */
export interface FrontTruncatableCallOptions extends CollectionCallOptions {
  /** Keep at most this many elements, dropping from the front (0 or undefined: no limit). */
  truncateFrontToSize?: number;
}
/** Options of `listFetch`: a slice; negative indices count from the end. */
export interface ListFetchCallOptions extends CallOptions {
  /** First index, inclusive (default 0). */
  startIndex?: number;
  /** Last index, exclusive (default: through the last element). */
  endIndex?: number;
}
/** Options of `listRetain`. */
export interface ListRetainCallOptions extends CollectionCallOptions {
  /** First index kept, inclusive (default 0). */
  startIndex?: number;
  /** Last index kept, exclusive (default: through the last element). */
  endIndex?: number;
}

/** `Success` of the list writes that answer the new length. */
declare abstract class ListLengthSuccess extends SuccessBase {
  value(): undefined;
  /** The list's length after the write. */
  listLength(): number;
}
declare namespace ListWriteResponses {
  class Success extends ListLengthSuccess {}
  class Error extends ErrorResponse {}
  type Response = Success | Error;
}
export import CacheListPushFront = ListWriteResponses;
export import CacheListPushBack = ListWriteResponses;
export import CacheListConcatenateFront = ListWriteResponses;
export import CacheListConcatenateBack = ListWriteResponses;
declare namespace PopResponses {
  class Hit extends ResponseBase {
    readonly type: 'Hit';
    value(): string;
    valueString(): string;
    valueUint8Array(): Uint8Array;
  }
  class Miss extends Empty<'Miss'> {}
  class Error extends ErrorResponse {}
  type Response = Hit | Miss | Error;
}
export import CacheListPopFront = PopResponses;
export import CacheListPopBack = PopResponses;

export declare namespace CacheListFetch {
  class Hit extends ResponseBase {
    readonly type: 'Hit';
    value(): string[];
    valueList(): string[];
    valueListString(): string[];
    valueListUint8Array(): Uint8Array[];
  }
  class Miss extends Empty<'Miss'> {}
  class Error extends ErrorResponse {}
  type Response = Hit | Miss | Error;
}
export declare namespace CacheListLength {
  class Hit extends ResponseBase { readonly type: 'Hit'; value(): number; length(): number; }
  class Miss extends Empty<'Miss'> {}
  class Error extends ErrorResponse {}
  type Response = Hit | Miss | Error;
}
export import CacheListRemoveValue = SuccessResponses;
export import CacheListRetain = SuccessResponses;

export {
  HitMissEnum as CacheListFetchResponse, HitMissEnum as CacheListLengthResponse,
  HitMissEnum as CacheListPopFrontResponse, HitMissEnum as CacheListPopBackResponse,
  SuccessEnum as CacheListPushFrontResponse, SuccessEnum as CacheListPushBackResponse,
  SuccessEnum as CacheListConcatenateFrontResponse, SuccessEnum as CacheListConcatenateBackResponse,
  SuccessEnum as CacheListRemoveValueResponse, SuccessEnum as CacheListRetainResponse
};

/** list methods of CacheClient. */
export interface ListMethods {
  listPushFront(cacheName: string, listName: string, value: BytesLike, options?: BackTruncatableCallOptions): Promise<CacheListPushFront.Response>;
  listPushBack(cacheName: string, listName: string, value: BytesLike, options?: FrontTruncatableCallOptions): Promise<CacheListPushBack.Response>;
  listConcatenateFront(cacheName: string, listName: string, values: BytesLike[], options?: BackTruncatableCallOptions): Promise<CacheListConcatenateFront.Response>;
  listConcatenateBack(cacheName: string, listName: string, values: BytesLike[], options?: FrontTruncatableCallOptions): Promise<CacheListConcatenateBack.Response>;
  listPopFront(cacheName: string, listName: string, options?: CallOptions): Promise<CacheListPopFront.Response>;
  listPopBack(cacheName: string, listName: string, options?: CallOptions): Promise<CacheListPopBack.Response>;
  listFetch(cacheName: string, listName: string, options?: ListFetchCallOptions): Promise<CacheListFetch.Response>;
  listRetain(cacheName: string, listName: string, options?: ListRetainCallOptions): Promise<CacheListRetain.Response>;
  listRemoveValue(cacheName: string, listName: string, value: BytesLike, options?: CallOptions): Promise<CacheListRemoveValue.Response>;
  listLength(cacheName: string, listName: string, options?: CallOptions): Promise<CacheListLength.Response>;
}

// Only the explicit exports above are public (a .d.ts module otherwise exports every declaration).
export {};
