// Types of the sorted set methods and responses.
import { HitMissEnum, SuccessEnum, SuccessResponses } from './enums.js';
import type { BytesLike, CallOptions, CollectionCallOptions, Empty, ErrorResponse, ResponseBase, SuccessBase } from '../index.js';

/** The order of fetched elements and of ranks. */
export declare const SortedSetOrder: Readonly<{ Ascending: 'ASC'; Descending: 'DESC' }>;
export type SortedSetOrder = (typeof SortedSetOrder)[keyof typeof SortedSetOrder];
/** How `sortedSetUnionStore` combines the scores of an element found in several sources. */
export declare const SortedSetAggregate: Readonly<{ SUM: 0; MIN: 1; MAX: 2; 0: 'SUM'; 1: 'MIN'; 2: 'MAX' }>;
export type SortedSetAggregate = 0 | 1 | 2;
/** A source of `sortedSetUnionStore`: its scores are multiplied by `weight` (finite; may be 0 or negative). */
export interface SortedSetSource { sortedSetName: string; weight: number; }
/** An element of a sorted set. */
export interface SortedSetElement<V> { value: V; score: number; }

/** Options of `sortedSetFetchByRank`; negative ranks count from the end. */
export interface SortedSetFetchByRankCallOptions extends CallOptions {
  /** First rank, inclusive (default 0). */
  startRank?: number;
  /** Last rank, exclusive (default: through the last element). */
  endRank?: number;
  /** Default `SortedSetOrder.Ascending`. */
  order?: SortedSetOrder;
}
/** Options of `sortedSetFetchByScore`. */
export interface SortedSetFetchByScoreCallOptions extends CallOptions {
  /** Lowest score, inclusive (default unbounded). */
  minScore?: number;
  /** Highest score, inclusive (default unbounded). */
  maxScore?: number;
  /** Default `SortedSetOrder.Ascending`. */
  order?: SortedSetOrder;
  /** Matching elements to skip (default 0). */
  offset?: number;
  /** Most elements to return (default all). */
  count?: number;
}
/** Options of `sortedSetGetRank`. */
export interface SortedSetGetRankCallOptions extends CallOptions { order?: SortedSetOrder; }
/** Options of `sortedSetLengthByScore`. */
export interface SortedSetLengthByScoreCallOptions extends CallOptions { minScore?: number; maxScore?: number; }
/** Options of `sortedSetUnionStore`. */
export interface SortedSetUnionStoreCallOptions extends CollectionCallOptions { aggregate?: SortedSetAggregate; }

export declare namespace CacheSortedSetFetch {
  class Hit extends ResponseBase {
    readonly type: 'Hit';
    value(): SortedSetElement<string>[];
    valueArray(): SortedSetElement<string>[];
    valueArrayStringElements(): SortedSetElement<string>[];
    valueArrayUint8Elements(): SortedSetElement<Uint8Array>[];
  }
  class Miss extends Empty<'Miss'> {}
  class Error extends ErrorResponse {}
  type Response = Hit | Miss | Error;
}
export declare namespace CacheSortedSetGetScore {
  class Hit extends ResponseBase {
    readonly type: 'Hit';
    score(): number;
    valueString(): string;
    valueUint8Array(): Uint8Array;
  }
  class Miss extends Empty<'Miss'> { score(): undefined; valueString(): string; valueUint8Array(): Uint8Array; }
  class Error extends ErrorResponse { score(): undefined; }
  type Response = Hit | Miss | Error;
}
export declare namespace CacheSortedSetGetScores {
  class Hit extends ResponseBase {
    readonly type: 'Hit';
    responses(): CacheSortedSetGetScore.Response[];
    value(): Record<string, number>;
    valueRecord(): Record<string, number>;
    valueRecordString(): Record<string, number>;
    valueMap(): Map<string, number>;
    valueMapString(): Map<string, number>;
    valueMapUint8Array(): Map<Uint8Array, number>;
  }
  class Miss extends Empty<'Miss'> {}
  class Error extends ErrorResponse {}
  type Response = Hit | Miss | Error;
}
export declare namespace CacheSortedSetGetRank {
  class Hit extends ResponseBase { readonly type: 'Hit'; rank(): number; }
  class Miss extends Empty<'Miss'> { rank(): undefined; }
  class Error extends ErrorResponse { rank(): undefined; }
  type Response = Hit | Miss | Error;
}
export declare namespace CacheSortedSetIncrementScore {
  class Success extends SuccessBase { score(): number; }
  class Error extends ErrorResponse { score(): undefined; }
  type Response = Success | Error;
}
declare namespace LengthResponses {
  class Hit extends ResponseBase { readonly type: 'Hit'; length(): number; }
  class Miss extends Empty<'Miss'> { length(): undefined; }
  class Error extends ErrorResponse { length(): undefined; }
  type Response = Hit | Miss | Error;
}
export import CacheSortedSetLength = LengthResponses;
export import CacheSortedSetLengthByScore = LengthResponses;
export import CacheSortedSetPutElement = SuccessResponses;
export import CacheSortedSetPutElements = SuccessResponses;
export import CacheSortedSetRemoveElement = SuccessResponses;
export import CacheSortedSetRemoveElements = SuccessResponses;
export declare namespace CacheSortedSetUnionStore {
  class Success extends SuccessBase { length(): number; }
  class Error extends ErrorResponse {}
  type Response = Success | Error;
}

export {
  HitMissEnum as CacheSortedSetFetchResponse, HitMissEnum as CacheSortedSetGetScoreResponse,
  HitMissEnum as CacheSortedSetGetScoresResponse, HitMissEnum as CacheSortedSetGetRankResponse,
  SuccessEnum as CacheSortedSetIncrementScoreResponse, HitMissEnum as CacheSortedSetLengthResponse,
  HitMissEnum as CacheSortedSetLengthByScoreResponse, SuccessEnum as CacheSortedSetPutElementResponse,
  SuccessEnum as CacheSortedSetPutElementsResponse, SuccessEnum as CacheSortedSetRemoveElementResponse,
  SuccessEnum as CacheSortedSetRemoveElementsResponse, SuccessEnum as CacheSortedSetUnionStoreResponse
};

/** sorted set methods of CacheClient. */
export interface SortedSetMethods {
  sortedSetPutElement(cacheName: string, sortedSetName: string, value: BytesLike, score: number, options?: CollectionCallOptions): Promise<CacheSortedSetPutElement.Response>;
  sortedSetPutElements(cacheName: string, sortedSetName: string, elements: Map<BytesLike, number> | Record<string, number> | Array<[BytesLike, number]>, options?: CollectionCallOptions): Promise<CacheSortedSetPutElements.Response>;
  sortedSetFetchByRank(cacheName: string, sortedSetName: string, options?: SortedSetFetchByRankCallOptions): Promise<CacheSortedSetFetch.Response>;
  sortedSetFetchByScore(cacheName: string, sortedSetName: string, options?: SortedSetFetchByScoreCallOptions): Promise<CacheSortedSetFetch.Response>;
  sortedSetGetScore(cacheName: string, sortedSetName: string, value: BytesLike, options?: CallOptions): Promise<CacheSortedSetGetScore.Response>;
  sortedSetGetScores(cacheName: string, sortedSetName: string, values: BytesLike[], options?: CallOptions): Promise<CacheSortedSetGetScores.Response>;
  sortedSetGetRank(cacheName: string, sortedSetName: string, value: BytesLike, options?: SortedSetGetRankCallOptions): Promise<CacheSortedSetGetRank.Response>;
  sortedSetIncrementScore(cacheName: string, sortedSetName: string, value: BytesLike, amount?: number, options?: CollectionCallOptions): Promise<CacheSortedSetIncrementScore.Response>;
  sortedSetRemoveElement(cacheName: string, sortedSetName: string, value: BytesLike, options?: CallOptions): Promise<CacheSortedSetRemoveElement.Response>;
  sortedSetRemoveElements(cacheName: string, sortedSetName: string, values: BytesLike[], options?: CallOptions): Promise<CacheSortedSetRemoveElements.Response>;
  sortedSetLength(cacheName: string, sortedSetName: string, options?: CallOptions): Promise<CacheSortedSetLength.Response>;
  sortedSetLengthByScore(cacheName: string, sortedSetName: string, options?: SortedSetLengthByScoreCallOptions): Promise<CacheSortedSetLengthByScore.Response>;
  sortedSetUnionStore(cacheName: string, sortedSetName: string, sources: SortedSetSource[], options?: SortedSetUnionStoreCallOptions): Promise<CacheSortedSetUnionStore.Response>;
}

// Only the explicit exports above are public (a .d.ts module otherwise exports every declaration).
export {};
