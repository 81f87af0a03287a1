// Types of the public API (the facade in index.js over the wasm core's generated momento_wasm.d.ts).
import { Configuration, CredentialProvider } from './momento_wasm.js';
export { Configuration, CredentialProvider };

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

declare abstract class ResponseBase { value(): unknown; toString(): string; }
declare abstract class ErrorResponse extends ResponseBase {
  readonly type: 'Error';
  errorCode(): MomentoErrorCode; message(): string; innerException(): SdkError; value(): undefined;
}
declare abstract class SuccessResponse extends ResponseBase { readonly type: 'Success'; value(): undefined; }

export declare namespace CacheGet {
  class Hit extends ResponseBase {
    readonly type: 'Hit'; value(): string; valueString(): string; valueUint8Array(): Uint8Array;
  }
  class Miss extends ResponseBase { readonly type: 'Miss'; value(): undefined; }
  class Error extends ErrorResponse {}
  type Response = Hit | Miss | Error;
}
export declare namespace CacheSet { class Success extends SuccessResponse {} class Error extends ErrorResponse {} type Response = Success | Error; }
export declare namespace CacheDelete { class Success extends SuccessResponse {} class Error extends ErrorResponse {} type Response = Success | Error; }
export declare namespace CreateCache {
  class Success extends SuccessResponse {}
  class AlreadyExists extends ResponseBase { readonly type: 'AlreadyExists'; value(): undefined; }
  class Error extends ErrorResponse {}
  type Response = Success | AlreadyExists | Error;
}
export declare namespace DeleteCache { class Success extends SuccessResponse {} class Error extends ErrorResponse {} type Response = Success | Error; }

export declare const CacheGetResponse: Readonly<{ Hit: 'Hit'; Miss: 'Miss'; Error: 'Error' }>;
export declare const CacheSetResponse: Readonly<{ Success: 'Success'; Error: 'Error' }>;
export declare const CacheDeleteResponse: Readonly<{ Success: 'Success'; Error: 'Error' }>;
export declare const CreateCacheResponse: Readonly<{ Success: 'Success'; AlreadyExists: 'AlreadyExists'; Error: 'Error' }>;
export declare const DeleteCacheResponse: Readonly<{ Success: 'Success'; Error: 'Error' }>;

interface Preset { v1(): Configuration; latest(): Configuration; }
/** Versioned configuration presets. */
export declare const Configurations: Readonly<{
  Browser: Preset; Laptop: Preset; InRegion: { Default: Preset; LowLatency: Preset }; Lambda: Preset;
}>;

/** Bytes or a string (UTF-8 encoded once). */
export type BytesLike = string | Uint8Array;
/** Per-call cancellation. */
export interface CallOptions { abortSignal?: AbortSignal; }
/** Options of `set`: TTL in seconds (must be > 0; default: the client's `defaultTtlSeconds`). */
export interface SetOptions extends CallOptions { ttl?: number; }

/** Properties of a `CacheClient`. */
export interface CacheClientProps {
  configuration?: Configuration;
  credentialProvider: CredentialProvider;
  defaultTtlSeconds: number;
}

/** A Momento cache client; methods resolve to response objects (or reject with SdkError under throwOnErrors). */
export declare class CacheClient {
  constructor(props: CacheClientProps);
  static create(props: CacheClientProps): Promise<CacheClient>;
  readonly configuration: Configuration;
  close(): void;
  createCache(cacheName: string): Promise<CreateCache.Response>;
  deleteCache(cacheName: string): Promise<DeleteCache.Response>;
  get(cacheName: string, key: BytesLike, options?: CallOptions): Promise<CacheGet.Response>;
  set(cacheName: string, key: BytesLike, value: BytesLike, options?: SetOptions): Promise<CacheSet.Response>;
  delete(cacheName: string, key: BytesLike, options?: CallOptions): Promise<CacheDelete.Response>;
}
