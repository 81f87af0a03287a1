// Types of the dictionary methods and responses.
import type { Enum } from './common.js';
import type {
  BytesLike, CallOptions, CollectionCallOptions, Empty, BytesValue, ErrorResponse, ResponseBase,
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
export declare namespace CacheDictionarySetField { class Success extends Empty<'Success'> {} class Error extends ErrorResponse {} type Response = Success | Error; }
export declare namespace CacheDictionarySetFields { class Success extends Empty<'Success'> {} class Error extends ErrorResponse {} type Response = Success | Error; }
export declare namespace CacheDictionaryRemoveField { class Success extends Empty<'Success'> {} class Error extends ErrorResponse {} type Response = Success | Error; }
export declare namespace CacheDictionaryRemoveFields { class Success extends Empty<'Success'> {} class Error extends ErrorResponse {} type Response = Success | Error; }
export declare namespace CacheDictionaryIncrement {
  class Success extends ResponseBase { readonly type: 'Success'; value(): number; valueNumber(): number; }
  class Error extends ErrorResponse {}
  type Response = Success | Error;
}
export declare namespace CacheDictionaryLength {
  class Hit extends ResponseBase { readonly type: 'Hit'; length(): number; value(): number; }
  class Miss extends Empty<'Miss'> {}
  class Error extends ErrorResponse {}
  type Response = Hit | Miss | Error;
}

export declare const CacheDictionaryFetchResponse: Enum<'Hit' | 'Miss' | 'Error'>;
export type CacheDictionaryFetchResponse = 'Hit' | 'Miss' | 'Error';
export declare namespace CacheDictionaryFetchResponse { type Hit = 'Hit'; type Miss = 'Miss'; type Error = 'Error'; }
export declare const CacheDictionaryGetFieldResponse: Enum<'Hit' | 'Miss' | 'Error'>;
export type CacheDictionaryGetFieldResponse = 'Hit' | 'Miss' | 'Error';
export declare namespace CacheDictionaryGetFieldResponse { type Hit = 'Hit'; type Miss = 'Miss'; type Error = 'Error'; }
export declare const CacheDictionaryGetFieldsResponse: Enum<'Hit' | 'Miss' | 'Error'>;
export type CacheDictionaryGetFieldsResponse = 'Hit' | 'Miss' | 'Error';
export declare namespace CacheDictionaryGetFieldsResponse { type Hit = 'Hit'; type Miss = 'Miss'; type Error = 'Error'; }
export declare const CacheDictionarySetFieldResponse: Enum<'Success' | 'Error'>;
export type CacheDictionarySetFieldResponse = 'Success' | 'Error';
export declare namespace CacheDictionarySetFieldResponse { type Success = 'Success'; type Error = 'Error'; }
export declare const CacheDictionarySetFieldsResponse: Enum<'Success' | 'Error'>;
export type CacheDictionarySetFieldsResponse = 'Success' | 'Error';
export declare namespace CacheDictionarySetFieldsResponse { type Success = 'Success'; type Error = 'Error'; }
export declare const CacheDictionaryRemoveFieldResponse: Enum<'Success' | 'Error'>;
export type CacheDictionaryRemoveFieldResponse = 'Success' | 'Error';
export declare namespace CacheDictionaryRemoveFieldResponse { type Success = 'Success'; type Error = 'Error'; }
export declare const CacheDictionaryRemoveFieldsResponse: Enum<'Success' | 'Error'>;
export type CacheDictionaryRemoveFieldsResponse = 'Success' | 'Error';
export declare namespace CacheDictionaryRemoveFieldsResponse { type Success = 'Success'; type Error = 'Error'; }
export declare const CacheDictionaryIncrementResponse: Enum<'Success' | 'Error'>;
export type CacheDictionaryIncrementResponse = 'Success' | 'Error';
export declare namespace CacheDictionaryIncrementResponse { type Success = 'Success'; type Error = 'Error'; }
export declare const CacheDictionaryLengthResponse: Enum<'Hit' | 'Miss' | 'Error'>;
export type CacheDictionaryLengthResponse = 'Hit' | 'Miss' | 'Error';
export declare namespace CacheDictionaryLengthResponse { type Hit = 'Hit'; type Miss = 'Miss'; type Error = 'Error'; }

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
