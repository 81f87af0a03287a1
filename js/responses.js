// Response classes: tagged objects with a `type` discriminant and the official accessor methods, grouped in
// namespaces (`CacheGet.Hit`) so `instanceof` and `switch (resp.type)` both work as with @gomomento/sdk-web.

const utf8 = new TextDecoder();

/** Base of every response variant. */
class Response {
  /** `undefined` on every variant without a value, so `resp.value() ?? fallback` works on any response. */
  value() { return undefined; }
  toString() { return this.constructor.name; }
}

/** An `Error` variant: the failed call's SdkError with the official accessors. */
class ErrorResponse extends Response {
  constructor(error) { super(); this.type = 'Error'; this._error = error; }
  /** The `MomentoErrorCode`. */
  errorCode() { return this._error.errorCode(); }
  /** `wrapper: original message`, as the official SDK formats it. */
  message() { return this._error.wrappedErrorMessage(); }
  /** The underlying SdkError. */
  innerException() { return this._error; }
  toString() { return this.message(); }
}

class Success extends Response { constructor() { super(); this.type = 'Success'; } }
class Miss extends Response { constructor() { super(); this.type = 'Miss'; this.is_miss = true; } }

/** Response enums (string values of `type`), as exported by the official SDK. */
export const CacheGetResponse = Object.freeze({ Hit: 'Hit', Miss: 'Miss', Error: 'Error' });
export const CacheSetResponse = Object.freeze({ Success: 'Success', Error: 'Error' });
export const CacheDeleteResponse = Object.freeze({ Success: 'Success', Error: 'Error' });
export const CreateCacheResponse = Object.freeze({ Success: 'Success', AlreadyExists: 'AlreadyExists', Error: 'Error' });
export const DeleteCacheResponse = Object.freeze({ Success: 'Success', Error: 'Error' });

/** `get` responses. */
export const CacheGet = {
  /** The key exists. */
  Hit: class Hit extends Response {
    constructor(bytes) { super(); this.type = 'Hit'; this._bytes = bytes; }
    /** The value decoded as UTF-8. */
    value() { return this.valueString(); }
    /** The value decoded as UTF-8. */
    valueString() { return utf8.decode(this._bytes); }
    /** The value's bytes. */
    valueUint8Array() { return this._bytes; }
    toString() { const s = this.valueString(); return `Hit: ${s.length > 32 ? `${s.slice(0, 32)}...` : s}`; }
  },
  /** The key does not exist. */
  Miss: class Miss_ extends Miss {},
  /** The call failed. */
  Error: class Error_ extends ErrorResponse {},
};

/** `set` responses. */
export const CacheSet = { Success: class Success_ extends Success {}, Error: class Error_ extends ErrorResponse {} };
/** `delete` responses. */
export const CacheDelete = { Success: class Success_ extends Success {}, Error: class Error_ extends ErrorResponse {} };
/** `createCache` responses. */
export const CreateCache = {
  Success: class Success_ extends Success {},
  /** A cache with that name already existed (not an error). */
  AlreadyExists: class AlreadyExists extends Response { constructor() { super(); this.type = 'AlreadyExists'; } },
  Error: class Error_ extends ErrorResponse {},
};
/** `deleteCache` responses. */
export const DeleteCache = { Success: class Success_ extends Success {}, Error: class Error_ extends ErrorResponse {} };
