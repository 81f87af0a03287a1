// Types of the dictionary methods and responses.
import { HitMissEnum, SuccessEnum, SuccessResponses } from './enums.js';
import type {
  BytesLike, CallOptions, CollectionCallOptions, Empty, BytesValue, ErrorResponse, ResponseBase, SuccessBase,
} from '../index.js';


/** Map/Record accessors of a dictionary read (fields and values decoded as UTF-8 where the name says so). */
declare abstract class DictionaryValues<T extends string> extends ResponseBase {
  readonly type: T;
  /** Alias of `valueRecordStringString()`. */
  value(): Record<string, string>;
  valueRecord(): Record<string, string>;
  valueRecordStringString(): Record<string, string>;
  valueRecordStringUint8Array(): Record<string, Uint8Array>;
  valueMap(): Map<string, string>;
  valueMapStringString(): Map<string, string>;
  valueMapStringUint8Array(): Map<string, Uint8Array>;
}
/** The field a `dictionaryGetField` response is about. */
export interface FieldAccessors {
  fieldString(): string;
  fieldUint8Array(): Uint8Array;
}

export declare namespace CacheDictionaryFetch {
  class Hit extends DictionaryValues<'Hit'> {}
  class Miss extends Empty<'Miss'> {}
  class Error extends ErrorResponse {}
  type Response = Hit | Miss | Error;
}
export declare namespace CacheDictionaryGetField {
  class Hit extends BytesValue<'Hit'> implements FieldAccessors { fieldString(): string; fieldUint8Array(): Uint8Array; }
  class Miss extends Empty<'Miss'> implements FieldAccessors { fieldString(): string; fieldUint8Array(): Uint8Array; }
  class Error extends ErrorResponse implements FieldAccessors { fieldString(): string; fieldUint8Array(): Uint8Array; }
  type Response = Hit | Miss | Error;
}
export declare namespace CacheDictionaryGetFields {
  class Hit extends DictionaryValues<'Hit'> {
    /** One `CacheDictionaryGetField` Hit or Miss per requested field, in order (a field, as in the official SDK). */
    responses: CacheDictionaryGetField.Response[];
  }
  class Miss extends Empty<'Miss'> {}
  class Error extends ErrorResponse {}
  type Response = Hit | Miss | Error;
}
export import CacheDictionarySetField = SuccessResponses;
export import CacheDictionarySetFields = SuccessResponses;
export import CacheDictionaryRemoveField = SuccessResponses;
export import CacheDictionaryRemoveFields = SuccessResponses;
export declare namespace CacheDictionaryIncrement {
  class Success extends SuccessBase { value(): number; valueNumber(): number; }
  class Error extends ErrorResponse {}
  type Response = Success | Error;
}
export declare namespace CacheDictionaryLength {
  class Hit extends ResponseBase { readonly type: 'Hit'; length(): number; value(): number; }
  class Miss extends Empty<'Miss'> {}
  class Error extends ErrorResponse {}
  type Response = Hit | Miss | Error;
}

export {
  HitMissEnum as CacheDictionaryFetchResponse, HitMissEnum as CacheDictionaryGetFieldResponse,
  HitMissEnum as CacheDictionaryGetFieldsResponse, SuccessEnum as CacheDictionarySetFieldResponse,
  SuccessEnum as CacheDictionarySetFieldsResponse, SuccessEnum as CacheDictionaryRemoveFieldResponse,
  SuccessEnum as CacheDictionaryRemoveFieldsResponse, SuccessEnum as CacheDictionaryIncrementResponse,
  HitMissEnum as CacheDictionaryLengthResponse
};

/** The fields of `dictionarySetFields`. */
export type DictionaryFieldValues =
  | Map<BytesLike, BytesLike>
  | Record<string, BytesLike>
  | Array<[BytesLike, BytesLike]>;

/** dictionary methods of CacheClient. */
export interface DictionaryMethods {
  dictionaryFetch(cacheName: string, dictionaryName: string, options?: CallOptions): Promise<CacheDictionaryFetch.Response>;
  dictionaryGetField(cacheName: string, dictionaryName: string, field: BytesLike, options?: CallOptions): Promise<CacheDictionaryGetField.Response>;
  dictionaryGetFields(cacheName: string, dictionaryName: string, fields: BytesLike[], options?: CallOptions): Promise<CacheDictionaryGetFields.Response>;
  dictionarySetField(cacheName: string, dictionaryName: string, field: BytesLike, value: BytesLike, options?: CollectionCallOptions): Promise<CacheDictionarySetField.Response>;
  dictionarySetFields(cacheName: string, dictionaryName: string, elements: DictionaryFieldValues, options?: CollectionCallOptions): Promise<CacheDictionarySetFields.Response>;
  /** `amount` defaults to 1; never retried. */
  dictionaryIncrement(cacheName: string, dictionaryName: string, field: BytesLike, amount?: number, options?: CollectionCallOptions): Promise<CacheDictionaryIncrement.Response>;
  dictionaryRemoveField(cacheName: string, dictionaryName: string, field: BytesLike, options?: CallOptions): Promise<CacheDictionaryRemoveField.Response>;
  dictionaryRemoveFields(cacheName: string, dictionaryName: string, fields: BytesLike[], options?: CallOptions): Promise<CacheDictionaryRemoveFields.Response>;
  dictionaryLength(cacheName: string, dictionaryName: string, options?: CallOptions): Promise<CacheDictionaryLength.Response>;
}

// Only the declarations marked `export` are public (a .d.ts module otherwise exports everything).
export {};
