// Error codes and SdkError classes with the official @gomomento/sdk-web names and texts.

/** Error codes; string values identical to the official SDK's `MomentoErrorCode`. */
export const MomentoErrorCode = Object.freeze({
  INVALID_ARGUMENT_ERROR: 'INVALID_ARGUMENT_ERROR',
  UNKNOWN_SERVICE_ERROR: 'UNKNOWN_SERVICE_ERROR',
  CACHE_ALREADY_EXISTS_ERROR: 'ALREADY_EXISTS_ERROR',
  ALREADY_EXISTS_ERROR: 'ALREADY_EXISTS_ERROR',
  STORE_ALREADY_EXISTS_ERROR: 'ALREADY_EXISTS_ERROR',
  CACHE_NOT_FOUND_ERROR: 'NOT_FOUND_ERROR',
  NOT_FOUND_ERROR: 'NOT_FOUND_ERROR',
  STORE_NOT_FOUND_ERROR: 'STORE_NOT_FOUND_ERROR',
  STORE_ITEM_NOT_FOUND_ERROR: 'STORE_ITEM_NOT_FOUND_ERROR',
  FUNCTION_NOT_FOUND_ERROR: 'FUNCTION_NOT_FOUND_ERROR',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  PERMISSION_ERROR: 'PERMISSION_ERROR',
  AUTHENTICATION_ERROR: 'AUTHENTICATION_ERROR',
  CANCELLED_ERROR: 'CANCELLED_ERROR',
  CONNECTION_ERROR: 'CONNECTION_ERROR',
  LIMIT_EXCEEDED_ERROR: 'LIMIT_EXCEEDED_ERROR',
  BAD_REQUEST_ERROR: 'BAD_REQUEST_ERROR',
  TIMEOUT_ERROR: 'TIMEOUT_ERROR',
  SERVER_UNAVAILABLE: 'SERVER_UNAVAILABLE',
  CLIENT_RESOURCE_EXHAUSTED: 'CLIENT_RESOURCE_EXHAUSTED',
  FAILED_PRECONDITION_ERROR: 'FAILED_PRECONDITION_ERROR',
  UNKNOWN_ERROR: 'UNKNOWN_ERROR',
});

/** Base class of every error the SDK reports (returned inside `Error` responses, or thrown with throwOnErrors). */
export class SdkError extends Error {
  /**
   * @param {string} message the original message
   * @param {string} wrapped `wrapper: message`, as `wrappedErrorMessage()` returns it
   * @param {{code: number, details: string, metadata?: Record<string, string>}} [grpc]
   */
  constructor(message, wrapped, grpc) {
    super(message);
    this.name = new.target.name;
    this._wrapped = wrapped ?? message;
    this._grpc = grpc ?? { code: 0, details: message, metadata: undefined };
  }
  /** The error code (a `MomentoErrorCode` value). */
  errorCode() { return this.constructor.code; }
  /** The official wrapper text followed by the original message. */
  wrappedErrorMessage() { return this._wrapped; }
  /** gRPC status code, details and trailer metadata behind a service error. */
  transportDetails() { return { grpc: this._grpc }; }
}

const C = MomentoErrorCode;
const def = (name, code) => {
  const cls = { [name]: class extends SdkError {} }[name];
  cls.code = code;
  return cls;
};
export const InvalidArgumentError = /* @__PURE__ */ def('InvalidArgumentError', C.INVALID_ARGUMENT_ERROR);
export const UnknownServiceError = /* @__PURE__ */ def('UnknownServiceError', C.UNKNOWN_SERVICE_ERROR);
export const CacheAlreadyExistsError = /* @__PURE__ */ def('CacheAlreadyExistsError', C.ALREADY_EXISTS_ERROR);
/** A store of that name exists (official name; stores share ALREADY_EXISTS_ERROR with caches). */
export const StoreAlreadyExistsError = /* @__PURE__ */ def('StoreAlreadyExistsError', C.ALREADY_EXISTS_ERROR);
export const CacheNotFoundError = /* @__PURE__ */ def('CacheNotFoundError', C.NOT_FOUND_ERROR);
export const StoreNotFoundError = /* @__PURE__ */ def('StoreNotFoundError', C.STORE_NOT_FOUND_ERROR);
export const StoreItemNotFoundError = /* @__PURE__ */ def('StoreItemNotFoundError', C.STORE_ITEM_NOT_FOUND_ERROR);
/** @deprecated the official name is CacheAlreadyExistsError. */
export const AlreadyExistsError = CacheAlreadyExistsError;
/** @deprecated the official name is StoreItemNotFoundError. */
export const ItemNotFoundError = StoreItemNotFoundError;
export const InternalServerError = /* @__PURE__ */ def('InternalServerError', C.INTERNAL_SERVER_ERROR);
export const PermissionError = /* @__PURE__ */ def('PermissionError', C.PERMISSION_ERROR);
export const AuthenticationError = /* @__PURE__ */ def('AuthenticationError', C.AUTHENTICATION_ERROR);
export const CancelledError = /* @__PURE__ */ def('CancelledError', C.CANCELLED_ERROR);
export const ConnectionError = /* @__PURE__ */ def('ConnectionError', C.CONNECTION_ERROR);
export const LimitExceededError = /* @__PURE__ */ def('LimitExceededError', C.LIMIT_EXCEEDED_ERROR);
export const BadRequestError = /* @__PURE__ */ def('BadRequestError', C.BAD_REQUEST_ERROR);
export const TimeoutError = /* @__PURE__ */ def('TimeoutError', C.TIMEOUT_ERROR);
export const ServerUnavailableError = /* @__PURE__ */ def('ServerUnavailableError', C.SERVER_UNAVAILABLE);
export const ClientResourceExhaustedError = /* @__PURE__ */ def('ClientResourceExhaustedError', C.CLIENT_RESOURCE_EXHAUSTED);
export const FailedPreconditionError = /* @__PURE__ */ def('FailedPreconditionError', C.FAILED_PRECONDITION_ERROR);
export const UnknownError = /* @__PURE__ */ def('UnknownError', C.UNKNOWN_ERROR);
