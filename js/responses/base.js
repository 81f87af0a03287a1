// Shared machinery of the response classes: every variant is a class with a `type` field and the official
// accessors; namespaces (`CacheGet.Hit`) group them so `instanceof` and `switch (resp.type)` both work.

const utf8 = new TextDecoder();
/** Decodes UTF-8 bytes. */
export const str = (bytes) => utf8.decode(bytes);
const utf8Encoder = /* @__PURE__ */ new TextEncoder();
/** A key, field or element as the caller gave it (string or bytes) → its string (bytes decoded as UTF-8). */
export const stringOf = (v) => (typeof v === 'string' ? v : str(v));
/** A key, field or element as the caller gave it (string or bytes) → its bytes (a string encoded as UTF-8). */
export const bytesOf = (v) => (typeof v === 'string' ? utf8Encoder.encode(v) : v);

/** Base of every response variant: `raw` is the tagged object from the wasm core. */
export class Response {
  constructor(raw) {
    this.type = this.constructor.TYPE;
    this._raw = raw;
  }
  /** `undefined` unless the variant has a value, so `resp.value() ?? fallback` works on any response. */
  value() { return undefined; }
  toString() { return this.type; }
}

/** An `Error` variant: the failed call's SdkError with the official accessors. */
export class ErrorResponse extends Response {
  constructor(error) {
    super(undefined);
    this._error = error;
  }
  /** The `MomentoErrorCode`. */
  errorCode() { return this._error.errorCode(); }
  /** `wrapper: original message`, as the official SDK formats it. */
  message() { return this._error.wrappedErrorMessage(); }
  /** The underlying SdkError. */
  innerException() { return this._error; }
  toString() { return this.message(); }
}

/**
 * Builds a namespace of variant classes: `namespace({Hit: {...accessors}, Miss: {}, Error: {}}, 'CacheGet')`.
 * Each class is named after its variant (so `toString()` and stack traces read `Hit`, `Miss`, …); `name` (the
 * official namespace name) is what middlewares see as the request type (a non-enumerable `requestType`).
 */
export function namespace(variants, name) {
  const out = {};
  for (const [type, accessors] of Object.entries(variants)) {
    const Base = type === 'Error' ? ErrorResponse : Response;
    const cls = { [type]: class extends Base {} }[type];
    cls.TYPE = type;
    Object.assign(cls.prototype, accessors);
    if (type === 'Miss') cls.prototype.is_miss = true;
    if (type === 'Success') cls.prototype.is_success = true;
    out[type] = cls;
  }
  return Object.freeze(Object.defineProperty(out, 'requestType', { value: name }));
}

/** The string enum of a namespace (`CacheGetResponse.Hit === 'Hit'`). */
export function enumOf(ns) {
  return Object.freeze(Object.fromEntries(Object.keys(ns).map((k) => [k, k])));
}

/** Shortens a string for `toString()` the way the official SDK does (32 characters, then `...`). */
export const truncate = (s) => (s.length > 32 ? `${s.slice(0, 32)}...` : s);

/** `value()`/`valueString()`/`valueUint8Array()` reading the bytes in `raw[field]` (value() is the string). */
export function bytesValue(field = 'value') {
  return {
    value() { return str(this._raw[field]); },
    valueString() { return str(this._raw[field]); },
    valueUint8Array() { return this._raw[field]; },
    toString() { return `${this.type}: ${truncate(str(this._raw[field]))}`; },
  };
}

/** A `Hit` holding a collection's size: `length()`. */
const LENGTH_HIT = {
  /** The number of fields or elements. */
  length() { return this._raw.length; },
  toString() { return `${this.type}: length ${this._raw.length}`; },
};
const NO_LENGTH = { length() { return undefined; } };
/** The variants of a set's or sorted set's length: `length()` answers `undefined` on Miss and Error. */
export const LENGTH = { Hit: LENGTH_HIT, Miss: NO_LENGTH, Error: NO_LENGTH };
/** A `Hit` holding a dictionary's or list's size: `length()` and its alias `value()`. */
export const LENGTH_VALUE_HIT = /* @__PURE__ */ Object.assign({
  /** The number of fields or elements. */
  value() { return this._raw.length; },
}, LENGTH_HIT);

/**
 * The Record/Map accessors of a read answering `[key, value bytes]` pairs from `this._pairs()` (keys strings or
 * bytes, decoded as UTF-8), named after `prefix` as officially: for `value` (dictionaries) `value()` and
 * `valueRecord()` (aliases of `valueRecordStringString()`), `valueRecordStringString()`,
 * `valueRecordStringUint8Array()`, `valueMap()` (alias of `valueMapStringString()`), `valueMapStringString()`,
 * `valueMapStringUint8Array()`; the same with `values` for `getBatch`.
 */
export function pairViews(prefix) {
  const entries = (self, value) => self._pairs().map(([k, v]) => [stringOf(k), value(v)]);
  const bytes = (v) => v;
  return {
    [prefix]() { return this[`${prefix}RecordStringString`](); },
    [`${prefix}Record`]() { return this[`${prefix}RecordStringString`](); },
    [`${prefix}RecordStringString`]() { return Object.fromEntries(entries(this, str)); },
    [`${prefix}RecordStringUint8Array`]() { return Object.fromEntries(entries(this, bytes)); },
    [`${prefix}Map`]() { return this[`${prefix}MapStringString`](); },
    [`${prefix}MapStringString`]() { return new Map(entries(this, str)); },
    [`${prefix}MapStringUint8Array`]() { return new Map(entries(this, bytes)); },
  };
}

/** The variants of an increment (`increment`, `dictionaryIncrement`): `Success` holds the new value. */
export const INCREMENTED = {
  Success: {
    /** The value after incrementing. */
    value() { return this._raw.value; },
    /** The value after incrementing. */
    valueNumber() { return this._raw.value; },
    toString() { return `${this.type}: value: ${this._raw.value}`; },
  },
  Error: {},
};

/** A `Success` variant with no data. */
export const SUCCESS = {};
