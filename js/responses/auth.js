// Response namespaces of the AuthClient methods, with the official @gomomento/sdk-web names and fields.
// The Success variants expose their data as (read-only) properties, as the official classes do:
// `resp.authToken`, `resp.apiKey`, `resp.refreshToken`, `resp.endpoint`, `resp.expiresAt`.
import { enumOf, namespace } from './base.js';

/** When a token or key expires (`ExpiresAt.fromEpoch(seconds)`); 0 or `undefined` means it never does. */
export class ExpiresAt {
  /** @param {number | undefined} epochTimestamp epoch seconds */
  constructor(epochTimestamp) {
    this._doesExpire = epochTimestamp !== undefined && epochTimestamp !== null && epochTimestamp !== 0;
    this.validUntil = this._doesExpire ? epochTimestamp : Infinity;
  }
  /** Whether it expires at all. */
  doesExpire() { return this._doesExpire; }
  /** Expiry in epoch seconds (`Infinity` if it never expires). */
  epoch() { return this.validUntil; }
  /** An `ExpiresAt` for `epoch` seconds (`undefined`: never). */
  static fromEpoch(epoch) { return new ExpiresAt(epoch); }
}

/** Defines read-only data properties of a namespace's `Success` variant, computed from the core result. */
function successFields(ns, fields) {
  for (const [name, get] of Object.entries(fields)) {
    Object.defineProperty(ns.Success.prototype, name, { get, enumerable: true, configurable: true });
  }
  return ns;
}

function expiresAt() {
  this._expiresAt ??= ExpiresAt.fromEpoch(this._raw.validUntil);
  return this._expiresAt;
}

const API_KEY_FIELDS = {
  /** The new API key, as a v1 key for `CredentialProvider.fromString`. */
  apiKey() { return this._raw.apiKey; },
  /** @deprecated use `apiKey`. */
  authToken() { return this._raw.apiKey; },
  /** The token that refreshes this key (`refreshApiKey`). */
  refreshToken() { return this._raw.refreshToken; },
  /** The base endpoint the key is for. */
  endpoint() { return this._raw.endpoint; },
  /** When the key expires. */
  expiresAt,
};

/** `generateDisposableToken` responses: `Success` has `authToken`, `endpoint`, `expiresAt`. */
export const GenerateDisposableToken = successFields(namespace({ Success: {}, Error: {} }, 'GenerateDisposableToken'), {
  /** The token, as a v1 key for `CredentialProvider.fromString` / `fromDisposableToken`. */
  authToken() { return this._raw.authToken; },
  /** The base endpoint the token is for. */
  endpoint() { return this._raw.endpoint; },
  /** When the token expires. */
  expiresAt,
});
/** `generateApiKey` responses: `Success` has `apiKey`, `refreshToken`, `endpoint`, `expiresAt`. */
export const GenerateApiKey = successFields(namespace({ Success: {}, Error: {} }, 'GenerateApiKey'), API_KEY_FIELDS);
/** `refreshApiKey` responses: `Success` has `apiKey`, `refreshToken`, `endpoint`, `expiresAt`. */
export const RefreshApiKey = successFields(namespace({ Success: {}, Error: {} }, 'RefreshApiKey'), API_KEY_FIELDS);
/** @deprecated use GenerateApiKey. */
export const GenerateAuthToken = GenerateApiKey;
/** @deprecated use RefreshApiKey. */
export const RefreshAuthToken = RefreshApiKey;

export const GenerateDisposableTokenResponse = /* @__PURE__ */ enumOf(GenerateDisposableToken);
export const GenerateApiKeyResponse = /* @__PURE__ */ enumOf(GenerateApiKey);
export const RefreshApiKeyResponse = /* @__PURE__ */ enumOf(RefreshApiKey);
