// AuthClient (disposable tokens, API keys and their refresh) plus the scope and expiry helpers of the official
// SDK: PermissionScopes, DisposableTokenScopes, AllDataReadWrite, AllCaches/AllTopics/AllCacheItems/AllFunctions,
// CacheRole/TopicRole/FunctionRole, ExpiresIn. The wasm core (AuthClientCore) validates scopes and maps them to the
// wire; this file only builds the official object shapes and wraps results in the response classes.
import { AuthClientCore } from './momento_wasm.js';
import { Configuration } from './config.js';
import { ClientBase, invalid, runtimeVersion } from './pipeline.js';
import * as auth from './responses/auth.js';

// ---------------------------------------------------------------- scopes

/** Every cache (a cache selector). */
export const AllCaches = Symbol.for('momento.AllCaches');
/** Every topic (a topic selector). */
export const AllTopics = Symbol.for('momento.AllTopics');
/** Every item of the selected caches (a disposable token item selector). */
export const AllCacheItems = Symbol.for('momento.AllCacheItems');
/** Every function (a function selector). */
export const AllFunctions = Symbol.for('momento.AllFunctions');

/** Roles of cache permissions. */
export const CacheRole = Object.freeze({ ReadWrite: 'readwrite', ReadOnly: 'readonly', WriteOnly: 'writeonly' });
/** Roles of topic permissions. */
export const TopicRole = Object.freeze({
  PublishSubscribe: 'publishsubscribe', SubscribeOnly: 'subscribeonly', PublishOnly: 'publishonly',
});
/** Roles of function permissions. */
export const FunctionRole = Object.freeze({ FunctionPermitNone: 'functionpermitnone', FunctionInvoke: 'functioninvoke' });

/**
 * Every permission, the control plane included: what the API keys of Momento's console can do (for
 * `generateApiKey`; disposable tokens cannot have it). The official SDK keeps this scope internal (its own tests use
 * it under this name).
 */
export class InternalSuperUserPermissions {
  constructor() { this.superUser = true; }
}

/** Read and write every cache and topic, and invoke every function. */
export const AllDataReadWrite = Object.freeze({
  permissions: [
    { role: CacheRole.ReadWrite, cache: AllCaches },
    { role: TopicRole.PublishSubscribe, cache: AllCaches, topic: AllTopics },
    { role: FunctionRole.FunctionInvoke, cache: AllCaches, func: AllFunctions },
  ],
});

const scope = (permission) => ({ permissions: [permission] });

/** Scopes for API keys and disposable tokens (`PermissionScopes.cacheReadWrite('my-cache')`, …). */
export const PermissionScopes = Object.freeze({
  /** Invoke the selected functions. */
  functionInvoke: (cache, func) => scope({ role: FunctionRole.FunctionInvoke, cache, func }),
  /** No access to the selected functions. */
  functionPermitNone: (cache, func) => scope({ role: FunctionRole.FunctionPermitNone, cache, func }),
  /** Read and write the selected caches. */
  cacheReadWrite: (cache) => scope({ role: CacheRole.ReadWrite, cache }),
  /** Read the selected caches. */
  cacheReadOnly: (cache) => scope({ role: CacheRole.ReadOnly, cache }),
  /** Write the selected caches (no conditional writes). */
  cacheWriteOnly: (cache) => scope({ role: CacheRole.WriteOnly, cache }),
  /** Subscribe to the selected topics. */
  topicSubscribeOnly: (cache, topic) => scope({ role: TopicRole.SubscribeOnly, cache, topic }),
  /** Publish and subscribe to the selected topics. */
  topicPublishSubscribe: (cache, topic) => scope({ role: TopicRole.PublishSubscribe, cache, topic }),
  /** Publish to the selected topics. */
  topicPublishOnly: (cache, topic) => scope({ role: TopicRole.PublishOnly, cache, topic }),
});
/** @deprecated use PermissionScopes. */
export const TokenScopes = PermissionScopes;

/** Scopes for disposable tokens: the PermissionScopes plus per-key and per-key-prefix cache access. */
export const DisposableTokenScopes = Object.freeze({
  /** Read and write one key. */
  cacheKeyReadWrite: (cache, key) => scope({ role: CacheRole.ReadWrite, cache, item: key }),
  /** Read and write the keys starting with `keyPrefix`. */
  cacheKeyPrefixReadWrite: (cache, keyPrefix) => scope({ role: CacheRole.ReadWrite, cache, item: { keyPrefix } }),
  /** Read one key. */
  cacheKeyReadOnly: (cache, key) => scope({ role: CacheRole.ReadOnly, cache, item: key }),
  /** Read the keys starting with `keyPrefix`. */
  cacheKeyPrefixReadOnly: (cache, keyPrefix) => scope({ role: CacheRole.ReadOnly, cache, item: { keyPrefix } }),
  /** Write one key. */
  cacheKeyWriteOnly: (cache, key) => scope({ role: CacheRole.WriteOnly, cache, item: key }),
  /** Write the keys starting with `keyPrefix`. */
  cacheKeyPrefixWriteOnly: (cache, keyPrefix) => scope({ role: CacheRole.WriteOnly, cache, item: { keyPrefix } }),
  ...PermissionScopes,
});

// ---------------------------------------------------------------- expiry

/** How long a token or key is valid: `ExpiresIn.minutes(5)`, `ExpiresIn.never()`, … */
export class ExpiresIn {
  /** @param {number | null | undefined} validForSeconds `Infinity`, `null` or `undefined`: never expires */
  constructor(validForSeconds) {
    this._doesExpire = validForSeconds !== Infinity && validForSeconds !== null && validForSeconds !== undefined;
    this._validForSeconds = this._doesExpire ? validForSeconds : Infinity;
  }
  /** Whether it expires at all. */
  doesExpire() { return this._doesExpire; }
  /** Seconds of validity (`Infinity` if it never expires). */
  seconds() { return this._validForSeconds; }
  /** Never expires (API keys only: disposable tokens must expire). */
  static never() { return new ExpiresIn(Infinity); }
  /** Valid for `validForSeconds` seconds. */
  static seconds(validForSeconds) { return new ExpiresIn(validForSeconds); }
  /** Valid for `validForMinutes` minutes. */
  static minutes(validForMinutes) { return new ExpiresIn(validForMinutes * 60); }
  /** Valid for `validForHours` hours. */
  static hours(validForHours) { return new ExpiresIn(validForHours * 3600); }
  /** Valid for `validForDays` days. */
  static days(validForDays) { return new ExpiresIn(validForDays * 86400); }
  /** Valid until `expiresBy` (epoch seconds). */
  static epoch(expiresBy) { return new ExpiresIn(Math.round(expiresBy - Date.now() / 1000)); }
}

/** An ExpiresIn (or any object with `doesExpire()`/`seconds()`) → seconds for the core; `undefined` = never. */
function validForSeconds(expiresIn) {
  if (typeof expiresIn?.doesExpire !== 'function' || typeof expiresIn?.seconds !== 'function') return null;
  return expiresIn.doesExpire() ? expiresIn.seconds() : undefined;
}
const BAD_EXPIRY = 'expiresIn must be an ExpiresIn';

// ---------------------------------------------------------------- client

/**
 * Mints disposable tokens and API keys. Methods resolve to response objects and never reject, unless
 * `throwOnErrors` is set (prop, or on the configuration), in which case Error responses reject with their SdkError.
 */
export class AuthClient extends ClientBase {
  /**
   * @param {{credentialProvider?: object, throwOnErrors?: boolean, configuration?: Configuration}} [props]
   *   credentialProvider defaults to MOMENTO_API_KEY (+ MOMENTO_ENDPOINT for v2 keys); configuration (deadline,
   *   retries, transport mode) defaults to `Configurations.Browser.latest()`.
   */
  constructor(props) {
    const version = runtimeVersion();
    super(props, Configuration.browserV1, 'AuthClient',
      (configuration, credentials, transport) => new AuthClientCore(configuration, credentials, version, transport));
  }

  /**
   * Mints a disposable token (≤ 1 hour) for `scope`: `GenerateDisposableToken.Success` (`authToken`, `endpoint`,
   * `expiresAt`) `| Error`. Options: `{tokenId}` (≤ 64 characters; becomes the publisher id of topic messages).
   */
  generateDisposableToken(scope, expiresIn, disposableTokenProps) {
    return this._call(auth.GenerateDisposableToken, undefined, (c) => {
      const seconds = validForSeconds(expiresIn);
      return seconds === null ? invalid(BAD_EXPIRY) : c.generateDisposableToken(scope, seconds, disposableTokenProps?.tokenId);
    });
  }

  /**
   * Creates an API key for `scope`: `GenerateApiKey.Success` (`apiKey`, `refreshToken`, `endpoint`, `expiresAt`)
   * `| Error`.
   */
  generateApiKey(scope, expiresIn) {
    return this._call(auth.GenerateApiKey, undefined, (c) => {
      const seconds = validForSeconds(expiresIn);
      return seconds === null ? invalid(BAD_EXPIRY) : c.generateApiKey(scope, seconds);
    });
  }

  /** @deprecated use generateApiKey. */
  generateAuthToken(scope, expiresIn) { return this.generateApiKey(scope, expiresIn); }

  /**
   * Refreshes this client's API key (the client must be built from that key) with the refresh token issued with
   * it: `RefreshApiKey.Success` (new `apiKey`, `refreshToken`, `endpoint`, `expiresAt`) `| Error`.
   */
  refreshApiKey(refreshToken) { return this._call(auth.RefreshApiKey, undefined, (c) => c.refreshApiKey(refreshToken)); }

  /** @deprecated use refreshApiKey. */
  refreshAuthToken(refreshToken) { return this.refreshApiKey(refreshToken); }
}
