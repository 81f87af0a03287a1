// Internal: building SdkErrors from the core's tagged error objects and from unexpected exceptions (errors.js holds
// only the public classes, so that the entries can re-export all of it).
import {
  AuthenticationError, BadRequestError, CacheAlreadyExistsError, CacheNotFoundError, CancelledError,
  ClientResourceExhaustedError, ConnectionError, FailedPreconditionError, InternalServerError, InvalidArgumentError,
  LimitExceededError, PermissionError, ServerUnavailableError, StoreItemNotFoundError, StoreNotFoundError,
  TimeoutError, UnknownError, UnknownServiceError,
} from './errors.js';

const BY_CODE = new Map(
  [InvalidArgumentError, UnknownServiceError, CacheAlreadyExistsError, CacheNotFoundError, StoreNotFoundError,
    StoreItemNotFoundError, InternalServerError, PermissionError, AuthenticationError, CancelledError, ConnectionError,
    LimitExceededError, BadRequestError, TimeoutError, ServerUnavailableError, ClientResourceExhaustedError,
    FailedPreconditionError, UnknownError].map((c) => [c.code, c]),
);

/** The official prefix of INVALID_ARGUMENT messages. */
export const INVALID = 'Invalid argument passed to Momento client: ';
/** The InvalidArgumentError for `msg` (what constructors and configuration builders throw). */
export const invalidArgument = (msg) => new InvalidArgumentError(msg, INVALID + msg);

/** Builds the SdkError subclass for a tagged error object produced by the wasm core. */
export function sdkErrorFrom(e) {
  const Cls = BY_CODE.get(e.errorCode) ?? UnknownError;
  const grpc = e.grpcCode === undefined ? undefined : { code: e.grpcCode, details: e.details, metadata: e.metadata };
  return new Cls(e.details, e.message, grpc);
}

/** Wraps anything thrown unexpectedly (never expected; kept so no raw exception escapes an API call). */
export function unknownErrorFrom(thrown) {
  const msg = thrown instanceof Error ? thrown.message : String(thrown);
  return new UnknownError(msg, `Unknown error has occurred: ${msg}`);
}
