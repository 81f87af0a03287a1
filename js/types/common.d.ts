// Types shared by the full and the lite package: errors, response building blocks, ping/get/set/delete responses,
// configuration and credentials (types/config.d.ts), call options, logging and middleware. index.d.ts and
// index.lite.d.ts re-export them.
import { HitMissEnum, SuccessEnum, SuccessResponses } from './enums.js';
import type {
  Configuration, CredentialProvider, MomentoLogger, MomentoLoggerFactory, Middleware, MiddlewareRequestHandler,
} from './config.js';
import { RefreshingCredentialProvider } from './topics.js';

export * from './config.js';

// ---------------------------------------------------------------- errors

/** Error codes; string values identical to the official SDK's `MomentoErrorCode`. */
export declare const MomentoErrorCode: Readonly<{
  INVALID_ARGUMENT_ERROR: 'INVALID_ARGUMENT_ERROR'; UNKNOWN_SERVICE_ERROR: 'UNKNOWN_SERVICE_ERROR';
  CACHE_ALREADY_EXISTS_ERROR: 'ALREADY_EXISTS_ERROR'; ALREADY_EXISTS_ERROR: 'ALREADY_EXISTS_ERROR';
  STORE_ALREADY_EXISTS_ERROR: 'ALREADY_EXISTS_ERROR'; CACHE_NOT_FOUND_ERROR: 'NOT_FOUND_ERROR';
  NOT_FOUND_ERROR: 'NOT_FOUND_ERROR'; STORE_NOT_FOUND_ERROR: 'STORE_NOT_FOUND_ERROR';
  STORE_ITEM_NOT_FOUND_ERROR: 'STORE_ITEM_NOT_FOUND_ERROR'; FUNCTION_NOT_FOUND_ERROR: 'FUNCTION_NOT_FOUND_ERROR';
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR';
  PERMISSION_ERROR: 'PERMISSION_ERROR'; AUTHENTICATION_ERROR: 'AUTHENTICATION_ERROR'; CANCELLED_ERROR: 'CANCELLED_ERROR';
  CONNECTION_ERROR: 'CONNECTION_ERROR'; LIMIT_EXCEEDED_ERROR: 'LIMIT_EXCEEDED_ERROR'; BAD_REQUEST_ERROR: 'BAD_REQUEST_ERROR';
  TIMEOUT_ERROR: 'TIMEOUT_ERROR'; SERVER_UNAVAILABLE: 'SERVER_UNAVAILABLE';
  CLIENT_RESOURCE_EXHAUSTED: 'CLIENT_RESOURCE_EXHAUSTED'; FAILED_PRECONDITION_ERROR: 'FAILED_PRECONDITION_ERROR';
  UNKNOWN_ERROR: 'UNKNOWN_ERROR';
}>;
export type MomentoErrorCode = (typeof MomentoErrorCode)[keyof typeof MomentoErrorCode];

/** Base class of every SDK error (what constructors and builders throw, and what `innerException()` returns). */
export declare class SdkError extends Error {
  constructor(message: string, wrappedMessage?: string, grpc?: { code: number; details: string; metadata?: Record<string, string> });
  errorCode(): MomentoErrorCode;
  wrappedErrorMessage(): string;
  transportDetails(): { grpc: { code: number; details: string; metadata?: Record<string, string> } };
}
export declare class InvalidArgumentError extends SdkError {}
export declare class UnknownServiceError extends SdkError {}
export declare class CacheAlreadyExistsError extends SdkError {}
export declare class StoreAlreadyExistsError extends SdkError {}
export declare class CacheNotFoundError extends SdkError {}
export declare class StoreNotFoundError extends SdkError {}
export declare class StoreItemNotFoundError extends SdkError {}
/** @deprecated the official name is CacheAlreadyExistsError. */
export declare const AlreadyExistsError: typeof CacheAlreadyExistsError;
/** @deprecated the official name is StoreItemNotFoundError. */
export declare const ItemNotFoundError: typeof StoreItemNotFoundError;
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
/** A `Success` variant with data; `is_success`, the official marker, is `true` as on every `Success`. */
export declare abstract class SuccessBase extends ResponseBase {
  readonly type: 'Success';
  readonly is_success: true;
}
/** A variant holding bytes: `value()` is the UTF-8 string. */
export declare abstract class BytesValue<T extends string> extends ResponseBase {
  readonly type: T;
  value(): string;
  valueString(): string;
  valueUint8Array(): Uint8Array;
}
/** A tagged-enum object of a namespace's variant names. */
/** The enum object of a response namespace's variants (`CacheGetResponse.Hit === 'Hit'`). */
export type Enum<T extends string> = Readonly<{ [K in T]: K }>;

// ---------------------------------------------------------------- ping, get, set, delete

export import CachePing = SuccessResponses;
export import CacheSet = SuccessResponses;
export import CacheDelete = SuccessResponses;
export declare namespace CacheGet {
  class Hit extends BytesValue<'Hit'> {}
  class Miss extends Empty<'Miss'> {}
  class Error extends ErrorResponse {}
  type Response = Hit | Miss | Error;
}
export {
  SuccessEnum as CachePingResponse, HitMissEnum as CacheGetResponse, SuccessEnum as CacheSetResponse,
  SuccessEnum as CacheDeleteResponse
};

// ---------------------------------------------------------------- options

/** Bytes or a string (UTF-8 encoded once). */
export type BytesLike = string | Uint8Array;
/** Per-call cancellation. */
export interface CallOptions { abortSignal?: AbortSignal; }
/** TTL in seconds (must be > 0; default: the client's `defaultTtlSeconds`). */
export interface ScalarCallOptions extends CallOptions { ttl?: number; }
/** Options of set, setIfAbsent, setWithHash and setBatch in the full package: `compress` the value (official). */
export interface SetCallOptions extends ScalarCallOptions { compress?: boolean; }
/** Options of get, getBatch and getWithHash in the full package: `decompress` hits (default: the configuration's
 * compression strategy decides). */
export interface GetCallOptions extends CallOptions { decompress?: boolean; }

/** Properties of a `CacheClient`. */
export interface CacheClientProps {
  configuration?: Configuration;
  credentialProvider: CredentialProvider | RefreshingCredentialProvider;
  defaultTtlSeconds: number;
}

/** The methods of `CacheClient` in every package (full and lite), with the package's options of get and set. */
export interface CacheClientEssentials<GetOptions extends CallOptions, SetOptions extends CallOptions> {
  readonly configuration: Configuration;
  close(): void;
  ping(): Promise<CachePing.Response>;
  get(cacheName: string, key: BytesLike, options?: GetOptions): Promise<CacheGet.Response>;
  set(cacheName: string, key: BytesLike, value: BytesLike, options?: SetOptions): Promise<CacheSet.Response>;
  delete(cacheName: string, key: BytesLike, options?: CallOptions): Promise<CacheDelete.Response>;
}
/** A method with its leading `cacheName` parameter removed (what `client.cache(name)` binds). */
export type WithoutCacheName<F> = F extends (cacheName: string, ...args: infer A) => infer R ? (...args: A) => R : never;

// ---------------------------------------------------------------- logging and middleware
/** Log levels, as the official web SDK numbers them (a numeric enum: `DefaultMomentoLoggerLevel[20] === 'INFO'`). */
export declare enum DefaultMomentoLoggerLevel { TRACE = 5, DEBUG = 10, INFO = 20, WARN = 30, ERROR = 40 }
/** This SDK's earlier name of `DefaultMomentoLoggerLevel`. */
export declare const MomentoLogLevel: typeof DefaultMomentoLoggerLevel;
/** Console logger factory at or above `level` (default INFO). */
export declare class DefaultMomentoLoggerFactory implements MomentoLoggerFactory {
  constructor(level?: DefaultMomentoLoggerLevel);
  getLogger(loggerName: string | object): MomentoLogger;
}
/** Prints `[ISO time] LEVEL (Momento: name): msg` to the console at or above its level. */
export declare class DefaultMomentoLogger implements MomentoLogger {
  constructor(loggerName: string | object, level?: DefaultMomentoLoggerLevel);
  error(msg: string, ...args: unknown[]): void; warn(msg: string, ...args: unknown[]): void;
  info(msg: string, ...args: unknown[]): void; debug(msg: string, ...args: unknown[]): void;
  trace(msg: string, ...args: unknown[]): void;
}
/** Discards everything. */
export declare class NoopMomentoLogger extends DefaultMomentoLogger { constructor(); }
/** Loggers that discard everything. */
export declare class NoopMomentoLoggerFactory implements MomentoLoggerFactory {
  getLogger(loggerName: string | object): MomentoLogger;
}
/** Logs every request and its outcome at DEBUG. */
export declare class ExperimentalRequestLoggingMiddleware implements Middleware {
  constructor(loggerFactory?: MomentoLoggerFactory);
  onNewRequest(context?: object): MiddlewareRequestHandler;
}

export {};
