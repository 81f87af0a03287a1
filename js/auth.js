// AuthClient (disposable tokens, API keys and their refresh) plus the scope and expiry helpers of the official
// SDK: PermissionScopes, DisposableTokenScopes, AllDataReadWrite, AllCaches/AllTopics/AllCacheItems/AllFunctions,
// CacheRole/TopicRole/FunctionRole, ExpiresIn. The wasm core (AuthClientCore) validates scopes and maps them to the
// wire; this file only builds the official object shapes and wraps results in the response classes.
import { drive } from './drive.js';
import { AuthClientCore } from './momento_wasm.js';
import { Configuration, CredentialProvider, credentialData } from './config.js';
import { sdkErrorFrom, unknownErrorFrom } from './errors.js';
import * as auth from './responses/auth.js';
import { invalid, invalidError, runtimeVersion, toInvalidArgument } from './client.js';

// ---------------------------------------------------------------- shared client plumbing (internal)

// One home for these: client.js (re-exported under the names leaderboard.js uses).
export {
  invalid as _invalid, invalidError as _invalidError, toInvalidArgument as _toInvalidArgument,
  runtimeVersion as _runtimeVersion,
};

/** The official default: a v2 key from MOMENTO_API_KEY + MOMENTO_ENDPOINT, else a v1 key from MOMENTO_API_KEY. */
export function _defaultCredentialProvider() {
  try {
    return CredentialProvider.fromEnvVarV2(undefined);
  } catch {
    try {
      return CredentialProvider.fromEnvVar('MOMENTO_API_KEY');
    } catch (e) {
      throw toInvalidArgument(e);
    }
  }
}

/** Checks the client props every wasm client takes; throws InvalidArgumentError otherwise. */
export function _checkProps(configuration, credentialProvider) {
  if (!(configuration instanceof Configuration)) throw invalidError('configuration must be a Configuration');
  if (!(credentialProvider instanceof CredentialProvider)) {
    throw invalidError('credentialProvider must be a CredentialProvider');
  }
}

/**
 * Runs a core call for `owner` (which has `_core` and `_throwOnErrors`) and wraps the tagged result in `ns`'s
 * classes. Never rejects unless throwOnErrors is set, in which case Error responses reject with their SdkError.
 */
export async function _callCore(owner, ns, run) {
  let r;
  try {
    r = owner._core ? await drive(run(owner._core)) : invalid('the client is closed');
  } catch (e) {
    r = { type: 'Error', error: unknownErrorFrom(e) };
  }
  if (r.type !== 'Error' && !ns[r.type]) {
    r = { type: 'Error', error: unknownErrorFrom(new Error(`unexpected response variant ${r.type}`)) };
  }
  const resp = r.type === 'Error' ? new ns.Error(r.error ?? sdkErrorFrom(r)) : new ns[r.type](r);
  if (resp.type === 'Error' && owner._throwOnErrors) throw resp.innerException();
  return resp;
}

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
export class AuthClient {
  /**
   * @param {{credentialProvider?: CredentialProvider, throwOnErrors?: boolean, configuration?: Configuration}} [props]
   *   credentialProvider defaults to MOMENTO_API_KEY (+ MOMENTO_ENDPOINT for v2 keys); configuration (deadline,
   *   retries, transport mode) defaults to `Configurations.Browser.latest()`.
   */
  constructor(props) {
    const configuration = props?.configuration ?? Configuration.browserV1();
    const credentialProvider = props?.credentialProvider ?? _defaultCredentialProvider();
    _checkProps(configuration, credentialProvider);
    this._core = new AuthClientCore(configuration, credentialData(credentialProvider), runtimeVersion());
    this._throwOnErrors = props?.throwOnErrors ?? configuration.throwOnErrors;
  }

  /** Releases the wasm-side client now (otherwise the garbage collector does it). */
  close() { this._core?.free(); this._core = undefined; }

  /**
   * Mints a disposable token (≤ 1 hour) for `scope`: `GenerateDisposableToken.Success` (`authToken`, `endpoint`,
   * `expiresAt`) `| Error`. Options: `{tokenId}` (≤ 64 characters; becomes the publisher id of topic messages).
   */
  generateDisposableToken(scope, expiresIn, disposableTokenProps) {
    const seconds = validForSeconds(expiresIn);
    return _callCore(this, auth.GenerateDisposableToken, (c) => (seconds === null
      ? invalid(BAD_EXPIRY)
      : c.generateDisposableToken(scope, seconds, disposableTokenProps?.tokenId)));
  }

  /**
   * Creates an API key for `scope`: `GenerateApiKey.Success` (`apiKey`, `refreshToken`, `endpoint`, `expiresAt`)
   * `| Error`.
   */
  generateApiKey(scope, expiresIn) {
    const seconds = validForSeconds(expiresIn);
    return _callCore(this, auth.GenerateApiKey,
      (c) => (seconds === null ? invalid(BAD_EXPIRY) : c.generateApiKey(scope, seconds)));
  }

  /** @deprecated use generateApiKey. */
  generateAuthToken(scope, expiresIn) { return this.generateApiKey(scope, expiresIn); }

  /**
   * Refreshes this client's API key (the client must be built from that key) with the refresh token issued with
   * it: `RefreshApiKey.Success` (new `apiKey`, `refreshToken`, `endpoint`, `expiresAt`) `| Error`.
   */
  refreshApiKey(refreshToken) {
    return _callCore(this, auth.RefreshApiKey, (c) => c.refreshApiKey(String(refreshToken ?? '')));
  }

  /** @deprecated use refreshApiKey. */
  refreshAuthToken(refreshToken) { return this.refreshApiKey(refreshToken); }
}
