// The CacheClient of the facade: the call pipeline (middlewares, token refresh, throwOnErrors), ping, get, set,
// delete and `client.cache(name)`. index.js mixes in the other families (control plane, the other scalar methods,
// collections) and adds topics, auth and leaderboards; index.lite.js (the lite package, whose wasm is built with
// none of those features) exports this module as is.
import { CacheClientCore } from './momento_wasm.js';
import { drive } from './drive.js';
import { Configuration, Configurations, CredentialProvider, INVALID, credentialData, isRefreshing } from './config.js';
import { InvalidArgumentError, sdkErrorFrom, unknownErrorFrom } from './errors.js';
import { DefaultMomentoLoggerFactory } from './logging.js';
import { CachePing } from './responses/control.js';
import { CacheDelete, CacheGet, CacheSet } from './responses/scalar.js';

/** The `runtime-version` header value, from whatever global describes the runtime. */
export function runtimeVersion() {
  const g = globalThis;
  if (g.navigator?.userAgent) return `js-wasm:${g.navigator.userAgent}`;
  if (g.process?.versions?.node) return `js-wasm:node:${g.process.versions.node}`;
  return 'js-wasm:unknown';
}

/** The InvalidArgumentError thrown by constructors (the official SDK throws these too). */
export const invalidError = (msg) => new InvalidArgumentError(msg, INVALID + msg);
/** A construction-time error from the core (a JS Error with `errorCode`) as an SdkError. */
export function toInvalidArgument(e) {
  return e && e.errorCode === 'INVALID_ARGUMENT_ERROR' ? new InvalidArgumentError(e.message.replace(INVALID, ''), e.message) : e;
}
/** A tagged INVALID_ARGUMENT result, as the core produces for validation failures. */
export const invalid = (msg) => ({ type: 'Error', errorCode: 'INVALID_ARGUMENT_ERROR', message: INVALID + msg, details: msg });

/** Namespace → its official name (`CacheGet`), the request type middlewares see. */
const REQUEST_TYPES = new Map();
/** Registers the response namespaces of a module (`import * as m`) as request types. */
function registerRequestTypes(...modules) {
  for (const m of modules) {
    for (const [k, v] of Object.entries(m)) {
      if (v && typeof v === 'object' && typeof v.Error === 'function') REQUEST_TYPES.set(v, k);
    }
  }
}
// Named, not `import * as`: a namespace object would keep every export of those modules in a bundle.
registerRequestTypes({ CachePing, CacheGet, CacheSet, CacheDelete }); // the rest of responses/control.js: addControlMethods

/** A Momento cache client. Every method resolves to a response object and never rejects, unless the
 * configuration has `throwOnErrors`, in which case `Error` responses reject with their SdkError. */
export class CacheClient {
  /**
   * @param {{configuration?: Configuration, credentialProvider: CredentialProvider, defaultTtlSeconds: number}} props
   */
  constructor(props) {
    const configuration = props?.configuration ?? Configurations.Browser.latest();
    let credentialProvider = props?.credentialProvider;
    if (isRefreshing(credentialProvider)) {
      this._refreshing = credentialProvider;
      credentialProvider = credentialProvider.current;
    }
    if (!(configuration instanceof Configuration)) throw invalidError('configuration must be a Configuration');
    if (!(credentialProvider instanceof CredentialProvider)) throw invalidError('credentialProvider must be a CredentialProvider');
    try {
      this._core = new CacheClientCore(configuration, credentialData(credentialProvider), props.defaultTtlSeconds,
        runtimeVersion());
    } catch (e) {
      throw toInvalidArgument(e);
    }
    this._configuration = configuration;
    this._stopRefresh = this._refreshing?.onRefresh((p) => this._core?.setCredentials(credentialData(p)));
    this._logger = (configuration.loggerFactory ?? new DefaultMomentoLoggerFactory()).getLogger('CacheClient');
    this._middlewares = configuration.middlewares ?? [];
    this._logger.debug(`created; cache endpoint ${credentialProvider.cacheEndpoint}`);
  }

  /** Same as the constructor, for code written against the official `CacheClient.create`. */
  static async create(props) { return new CacheClient(props); }

  /** This client bound to one cache: `client.cache('c').get('k')` is `client.get('c', 'k')` (official `cache()`). */
  cache(cacheName) { return new MomentoCache(this, cacheName); }

  /** The configuration this client uses. */
  get configuration() { return this._configuration; }

  /** Releases the wasm-side client now (otherwise the garbage collector does it). */
  close() { this._stopRefresh?.(); this._core?.free(); this._core = undefined; }

  /** Runs a core call and wraps its tagged result in `ns`'s classes; `extra` is merged into the raw result. */
  async _call(ns, run, extra, cacheName) {
    const handlers = this._middlewares.length ? this._startMiddlewares(ns, cacheName) : null;
    let r;
    try {
      if (this._refreshing) await this._refreshing.ensureFresh();
      r = this._core ? await drive(run(this._core)) : invalid('the client is closed');
      // A token that expired in flight: refresh once and retry (de-duplicated across concurrent calls).
      if (this._refreshing && r.type === 'Error' && r.errorCode === 'AUTHENTICATION_ERROR' && /expired/i.test(r.details ?? '')) {
        await this._refreshing.refresh();
        r = await drive(run(this._core));
      }
    } catch (e) {
      r = { type: 'Error', error: unknownErrorFrom(e) };
    }
    if (r.type !== 'Error' && !ns[r.type]) {
      r = { type: 'Error', error: unknownErrorFrom(new Error(`unexpected response variant ${r.type}`)) };
    }
    const resp = r.type === 'Error'
      ? new ns.Error(r.error ?? sdkErrorFrom(r))
      : new ns[r.type](extra ? { ...r, ...extra } : r);
    if (handlers) this._endMiddlewares(handlers, resp);
    if (resp.type === 'Error') {
      this._logger.debug(`${REQUEST_TYPES.get(ns) ?? 'request'} failed: ${resp.errorCode()} ${resp.message()}`);
      if (this._configuration.throwOnErrors) throw resp.innerException();
    }
    return resp;
  }

  /** Middleware hooks never break a call: a throwing middleware is logged and skipped. */
  _startMiddlewares(ns, cacheName) {
    const type = REQUEST_TYPES.get(ns) ?? 'Unknown';
    return this._middlewares.map((m) => {
      try {
        const h = m.onNewRequest?.({});
        h?.onRequest?.({ getRequestType: () => type, getCacheName: () => cacheName });
        return h;
      } catch (e) {
        this._logger.warn(`middleware onRequest failed: ${e}`);
        return undefined;
      }
    });
  }

  _endMiddlewares(handlers, resp) {
    const error = resp.type === 'Error' ? resp.innerException() : undefined;
    const status = { code: () => (error ? error.transportDetails().grpc.code : 0), errorCode: () => error?.errorCode() };
    for (const h of handlers) {
      try { h?.onResponseStatus?.(status); h?.onResponseEnd?.(); } catch (e) { this._logger.warn(`middleware response hook failed: ${e}`); }
    }
  }

  // Ping (control-plane methods: methods/control.js) and the scalar essentials (the other scalar methods:
  // methods/scalar-extra.js), mixed in by index.js; the lite build has only these.
  /** Checks the service answers (with the configured deadline): `CachePing.Success | Error`. */
  ping() { return this._call(CachePing, (c) => c.ping()); }

  /** Reads `key`. Options: `{abortSignal}`. */
  get(cacheName, key, options) { return this._call(CacheGet, (c) => c.get(cacheName, key, options), undefined, cacheName); }
  /** Stores `value` under `key`. Options: `{ttl (seconds), abortSignal}`; `ttl: 0` is rejected. */
  set(cacheName, key, value, options) { return this._call(CacheSet, (c) => c.set(cacheName, key, value, options), undefined, cacheName); }
  /** Deletes `key`. Options: `{abortSignal}`. */
  delete(cacheName, key, options) { return this._call(CacheDelete, (c) => c.delete(cacheName, key, options), undefined, cacheName); }
}

/** A `CacheClient` bound to one cache name (what `client.cache(name)` returns). */
class MomentoCache {
  constructor(cacheClient, cacheName) {
    this.cacheClient = cacheClient;
    this.cacheName = cacheName;
  }
  /** Closes the underlying client. */
  close() { this.cacheClient.close(); }
}
/** Binds data methods of CacheClient onto MomentoCache (`client.cache(c).get(k)` = `client.get(c, k)`). */
function bindCacheMethods(names) {
  for (const name of names) {
    MomentoCache.prototype[name] = function bound(...args) { return this.cacheClient[name](this.cacheName, ...args); };
  }
}
bindCacheMethods(['get', 'set', 'delete']);

/** Mixes a data-method family (js/methods/*.js) into CacheClient and `client.cache(name)` (the official
 * IMomentoCache surface is exactly the data methods), registering its response modules as the request types
 * middlewares see. index.js does this for every family; the lite build for none. */
export function addMethods(methods, ...responseModules) {
  Object.assign(CacheClient.prototype, methods);
  registerRequestTypes(...responseModules);
  bindCacheMethods(Object.keys(methods));
}

/** Mixes the control-plane methods (methods/control.js) into CacheClient only (a `client.cache(name)` has none),
 * registering their response modules as request types. */
export function addControlMethods(methods, ...responseModules) {
  Object.assign(CacheClient.prototype, methods);
  registerRequestTypes(...responseModules);
}
