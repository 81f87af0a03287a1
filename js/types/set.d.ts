// Types of the set methods and responses.
import { HitMissEnum, SuccessEnum, SuccessResponses } from './enums.js';
import type {
  BytesLike, CallOptions, CollectionCallOptions, Empty, ErrorResponse, ResponseBase,
} from '../index.js';


/** A Hit holding elements (setFetch, setSample, setPop): strings are the elements decoded as UTF-8. */
declare abstract class SetElements extends ResponseBase {
  readonly type: 'Hit';
  /** Alias of `valueArrayString()`. */
  value(): string[];
  valueArray(): string[];
  valueArrayString(): string[];
  valueArrayUint8Array(): Uint8Array[];
  valueSet(): Set<string>;
  valueSetString(): Set<string>;
  valueSetUint8Array(): Set<Uint8Array>;
}

/** `setFetch` responses, also those of `setSample` and `setPop`. */
export declare namespace CacheSetFetch {
  class Hit extends SetElements {}
  class Miss extends Empty<'Miss'> {}
  class Error extends ErrorResponse {}
  type Response = Hit | Miss | Error;
}
export import CacheSetSample = CacheSetFetch;
export import CacheSetPop = CacheSetFetch;
export import CacheSetAddElement = SuccessResponses;
export import CacheSetRemoveElement = SuccessResponses;
/** `setAddElements` responses, also those of `setRemoveElements`: `toSingularResponse()` answers the equivalent
 * response of the singular call (`CacheSetAddElement` / `CacheSetRemoveElement`, both `SuccessResponses`). */
export declare namespace CacheSetAddElements {
  class Success extends Empty<'Success'> { toSingularResponse(): SuccessResponses.Success; }
  class Error extends ErrorResponse { toSingularResponse(): SuccessResponses.Error; }
  type Response = Success | Error;
}
export import CacheSetRemoveElements = CacheSetAddElements;
export declare namespace CacheSetContainsElement {
  class Hit extends ResponseBase { readonly type: 'Hit'; containsElement(): boolean; }
  class Miss extends Empty<'Miss'> { containsElement(): undefined; }
  class Error extends ErrorResponse { containsElement(): undefined; }
  type Response = Hit | Miss | Error;
}
export declare namespace CacheSetContainsElements {
  class Hit extends ResponseBase {
    readonly type: 'Hit';
    /** `{element: isPresent}` for the elements asked about (decoded as UTF-8). */
    containsElements(): Record<string, boolean>;
  }
  class Miss extends Empty<'Miss'> { containsElements(): undefined; }
  class Error extends ErrorResponse { containsElements(): undefined; }
  type Response = Hit | Miss | Error;
}
export declare namespace CacheSetLength {
  class Hit extends ResponseBase { readonly type: 'Hit'; length(): number; }
  class Miss extends Empty<'Miss'> { length(): undefined; }
  class Error extends ErrorResponse { length(): undefined; }
  type Response = Hit | Miss | Error;
}

export {
  HitMissEnum as CacheSetFetchResponse, HitMissEnum as CacheSetSampleResponse, HitMissEnum as CacheSetPopResponse,
  SuccessEnum as CacheSetAddElementResponse, SuccessEnum as CacheSetAddElementsResponse,
  SuccessEnum as CacheSetRemoveElementResponse, SuccessEnum as CacheSetRemoveElementsResponse,
  HitMissEnum as CacheSetContainsElementResponse, HitMissEnum as CacheSetContainsElementsResponse,
  HitMissEnum as CacheSetLengthResponse
};

/** set methods of CacheClient. */
export interface SetMethods {
  setFetch(cacheName: string, setName: string, options?: CallOptions): Promise<CacheSetFetch.Response>;
  setAddElement(cacheName: string, setName: string, element: BytesLike, options?: CollectionCallOptions): Promise<CacheSetAddElement.Response>;
  setAddElements(cacheName: string, setName: string, elements: BytesLike[], options?: CollectionCallOptions): Promise<CacheSetAddElements.Response>;
  setRemoveElement(cacheName: string, setName: string, element: BytesLike, options?: CallOptions): Promise<CacheSetRemoveElement.Response>;
  setRemoveElements(cacheName: string, setName: string, elements: BytesLike[], options?: CallOptions): Promise<CacheSetRemoveElements.Response>;
  setContainsElement(cacheName: string, setName: string, element: BytesLike, options?: CallOptions): Promise<CacheSetContainsElement.Response>;
  setContainsElements(cacheName: string, setName: string, elements: BytesLike[], options?: CallOptions): Promise<CacheSetContainsElements.Response>;
  /** `limit`: an integer >= 0. */
  setSample(cacheName: string, setName: string, limit: number, options?: CallOptions): Promise<CacheSetSample.Response>;
  /** `count`: an integer >= 1; never retried. */
  setPop(cacheName: string, setName: string, count: number, options?: CallOptions): Promise<CacheSetPop.Response>;
  setLength(cacheName: string, setName: string, options?: CallOptions): Promise<CacheSetLength.Response>;
}

// Only the declarations marked `export` are public (a .d.ts module otherwise exports everything).
export {};
