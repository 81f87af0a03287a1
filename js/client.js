// The CacheClient of the facade: control plane and scalar methods, the call pipeline (middlewares, token refresh,
// throwOnErrors) and `client.cache(name)`. index.js mixes the collection families in and adds topics, auth and
// leaderboards; index.lite.js (the lite package, built without those families) exports this module as is.
import { CacheClientCore, Configuration, CredentialProvider } from './momento_wasm.js';
import { InvalidArgumentError, sdkErrorFrom, unknownErrorFrom } from './errors.js';
import { RefreshingCredentialProvider } from './refreshing-credentials.js';
import { DefaultMomentoLoggerFactory } from './logging.js';
import * as control from './responses/control.js';
import * as scalar from './responses/scalar.js';

export { Configuration, CredentialProvider };

/** Versioned configuration presets: `Configurations.Browser.latest()` etc. */
export const Configurations = Object.freeze({
  /** For pages talking to Momento directly with short-lived disposable tokens: relaxed deadline (15 s). */
  Browser: { v1: () => Configuration.browserV1(), latest: () => Configuration.browserV1() },
  /** For development machines: 5 s deadline. */
  Laptop: { v1: () => Configuration.laptopV1(), latest: () => Configuration.laptopV1() },
  InRegion: {
    /** Servers in the same region: 1.1 s deadline. */
    Default: { v1: () => Configuration.inRegionDefaultV1(), latest: () => Configuration.inRegionDefaultV1() },
    /** Latency-critical servers in region: 0.5 s deadline. */
    LowLatency: { v1: () => Configuration.inRegionLowLatencyV1(), latest: () => Configuration.inRegionLowLatencyV1() },
  },
  /** Serverless functions: 1.1 s deadline. */
  Lambda: { v1: () => Configuration.lambdaV1(), latest: () => Configuration.lambdaV1() },
});

/** The `runtime-version` header value, from whatever global describes the runtime. */
export function runtimeVersion() {
  const g = globalThis;
  if (g.navigator?.userAgent) return `js-wasm:${g.navigator.userAgent}`;
  if (g.process?.versions?.node) return `js-wasm:node:${g.process.versions.node}`;
  return 'js-wasm:unknown';
}

/** The official prefix of INVALID_ARGUMENT messages. */
export const INVALID = 'Invalid argument passed to Momento client: ';
/** A construction-time error from the core (a JS Error with `errorCode`) as an SdkError. */
export function toInvalidArgument(e) {
  return e && e.errorCode === 'INVALID_ARGUMENT_ERROR' ? new InvalidArgumentError(e.message.replace(INVALID, ''), e.message) : e;
}
/** A tagged INVALID_ARGUMENT result, as the core produces for validation failures. */
export const invalid = (msg) => ({ type: 'Error', errorCode: 'INVALID_ARGUMENT_ERROR', message: INVALID + msg, details: msg });

/** Namespace → its official name (`CacheGet`), the request type middlewares see. */
const REQUEST_TYPES = new Map();
/** Registers the response namespaces of a module (`import * as m`) as request types. */
export function registerRequestTypes(...modules) {
  for (const m of modules) {
    for (const [k, v] of Object.entries(m)) {
      if (v && typeof v === 'object' && typeof v.Error === 'function') REQUEST_TYPES.set(v, k);
    }
  }
}
registerRequestTypes(control, scalar);

/** `Record | Map | SetBatchItem[]` → `[key, value, ttl?][]` for the core. */
function batchItems(items) {
  if (items instanceof Map) return [...items.entries()];
  if (Array.isArray(items)) return items.map((i) => (Array.isArray(i) ? i : [i.key, i.value, i.ttl]));
  return Object.entries(items ?? {});
}

/** A Momento cache client. Every method resolves to a response object and never rejects, unless the
 * configuration has `throwOnErrors`, in which case `Error` responses reject with their SdkError. */
export class CacheClient {
  /**
   * @param {{configuration?: Configuration, credentialProvider: CredentialProvider, defaultTtlSeconds: number}} props
   */
  constructor(props) {
    const configuration = props?.configuration ?? Configurations.Browser.latest();
    let credentialProvider = props?.credentialProvider;
    if (credentialProvider instanceof RefreshingCredentialProvider) {
      this._refreshing = credentialProvider;
      credentialProvider = credentialProvider.current;
    }
    if (!(credentialProvider instanceof CredentialProvider)) {
      throw new InvalidArgumentError('credentialProvider must be a CredentialProvider',
        `${INVALID}credentialProvider must be a CredentialProvider`);
    }
    try {
      this._core = new CacheClientCore(configuration, credentialProvider, props.defaultTtlSeconds, runtimeVersion());
    } catch (e) {
      throw toInvalidArgument(e);
    }
    this._configuration = configuration;
    this._stopRefresh = this._refreshing?.onRefresh((p) => this._core?.setCredentialProvider(p));
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
      r = this._core ? await run(this._core) : invalid('the client is closed');
      // A token that expired in flight: refresh once and retry (de-duplicated across concurrent calls).
      if (this._refreshing && r.type === 'Error' && r.errorCode === 'AUTHENTICATION_ERROR' && /expired/i.test(r.details ?? '')) {
        await this._refreshing.refresh();
        r = await run(this._core);
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

  // Control plane and ping.
  /** Creates a cache: `CreateCache.Success | AlreadyExists | Error`. */
  createCache(cacheName) { return this._call(control.CreateCache, (c) => c.createCache(cacheName), undefined, cacheName); }
  /** Deletes a cache: `DeleteCache.Success | Error`. */
  deleteCache(cacheName) { return this._call(control.DeleteCache, (c) => c.deleteCache(cacheName), undefined, cacheName); }
  /** Removes every item of a cache: `CacheFlush.Success | Error`. */
  flushCache(cacheName) { return this._call(control.CacheFlush, (c) => c.flushCache(cacheName), undefined, cacheName); }
  /** Lists every cache (following pages): `ListCaches.Success | Error`. */
  listCaches() {
    return this._call(control.ListCaches, async (c) => {
      const caches = [];
      let nextToken = '';
      do {
        const page = await c.listCaches(nextToken);
        if (page.type !== 'Success') return page;
        caches.push(...page.caches);
        nextToken = page.nextToken;
      } while (nextToken);
      return { type: 'Success', caches };
    });
  }
  /** Checks the service answers (with the configured deadline): `CachePing.Success | Error`. */
  ping() { return this._call(control.CachePing, (c) => c.ping()); }

  // Scalars.
  /** Reads `key`. Options: `{abortSignal}`. */
  get(cacheName, key, options) { return this._call(scalar.CacheGet, (c) => c.get(cacheName, key, options), undefined, cacheName); }
  /** Stores `value` under `key`. Options: `{ttl (seconds), abortSignal}`; `ttl: 0` is rejected. */
  set(cacheName, key, value, options) { return this._call(scalar.CacheSet, (c) => c.set(cacheName, key, value, options), undefined, cacheName); }
  /** Deletes `key`. Options: `{abortSignal}`. */
  delete(cacheName, key, options) { return this._call(scalar.CacheDelete, (c) => c.delete(cacheName, key, options), undefined, cacheName); }
  /** Adds `amount` (default 1) to the integer at `field`. Options: `{ttl, abortSignal}`. Never retried. */
  increment(cacheName, field, amount = 1, options) {
    return this._call(scalar.CacheIncrement, (c) => c.increment(cacheName, field, amount, options), undefined, cacheName);
  }
  /** @deprecated use setIfAbsent. Stores only if `key` is absent. */
  setIfNotExists(cacheName, key, value, options) {
    return this._call(scalar.CacheSetIfNotExists, (c) => c.setIfAbsent(cacheName, key, value, options), undefined, cacheName);
  }
  /** Stores only if `key` is absent. */
  setIfAbsent(cacheName, key, value, options) {
    return this._call(scalar.CacheSetIfAbsent, (c) => c.setIfAbsent(cacheName, key, value, options), undefined, cacheName);
  }
  /** Stores only if `key` exists. */
  setIfPresent(cacheName, key, value, options) {
    return this._call(scalar.CacheSetIfPresent, (c) => c.setIfPresent(cacheName, key, value, options), undefined, cacheName);
  }
  /** Stores only if the current value equals `equal`. */
  setIfEqual(cacheName, key, value, equal, options) {
    return this._call(scalar.CacheSetIfEqual, (c) => c.setIfEqual(cacheName, key, value, equal, options), undefined, cacheName);
  }
  /** Stores if `key` is absent or its value differs from `notEqual`. */
  setIfNotEqual(cacheName, key, value, notEqual, options) {
    return this._call(scalar.CacheSetIfNotEqual, (c) => c.setIfNotEqual(cacheName, key, value, notEqual, options), undefined, cacheName);
  }
  /** Stores if `key` exists and its value differs from `notEqual`. */
  setIfPresentAndNotEqual(cacheName, key, value, notEqual, options) {
    return this._call(scalar.CacheSetIfPresentAndNotEqual,
      (c) => c.setIfPresentAndNotEqual(cacheName, key, value, notEqual, options));
  }
  /** Stores if `key` is absent or its value equals `equal`. */
  setIfAbsentOrEqual(cacheName, key, value, equal, options) {
    return this._call(scalar.CacheSetIfAbsentOrEqual, (c) => c.setIfAbsentOrEqual(cacheName, key, value, equal, options), undefined, cacheName);
  }
  /** Reads `key` with the service's hash of its value. */
  getWithHash(cacheName, key, options) {
    return this._call(scalar.CacheGetWithHash, (c) => c.getWithHash(cacheName, key, options), undefined, cacheName);
  }
  /** Stores `value` and returns its hash. */
  setWithHash(cacheName, key, value, options) {
    return this._call(scalar.CacheSetWithHash, (c) => c.setWithHash(cacheName, key, value, options), undefined, cacheName);
  }
  /** Stores if `key` exists and its hash equals `hashEqual`. */
  setIfPresentAndHashEqual(cacheName, key, value, hashEqual, options) {
    return this._call(scalar.CacheSetIfPresentAndHashEqual,
      (c) => c.setIfPresentAndHashEqual(cacheName, key, value, hashEqual, options));
  }
  /** Stores if `key` exists and its hash differs from `hashNotEqual`. */
  setIfPresentAndHashNotEqual(cacheName, key, value, hashNotEqual, options) {
    return this._call(scalar.CacheSetIfPresentAndHashNotEqual,
      (c) => c.setIfPresentAndHashNotEqual(cacheName, key, value, hashNotEqual, options));
  }
  /** Stores if `key` is absent or its hash equals `hashEqual`. */
  setIfAbsentOrHashEqual(cacheName, key, value, hashEqual, options) {
    return this._call(scalar.CacheSetIfAbsentOrHashEqual,
      (c) => c.setIfAbsentOrHashEqual(cacheName, key, value, hashEqual, options));
  }
  /** Stores if `key` is absent or its hash differs from `hashNotEqual`. */
  setIfAbsentOrHashNotEqual(cacheName, key, value, hashNotEqual, options) {
    return this._call(scalar.CacheSetIfAbsentOrHashNotEqual,
      (c) => c.setIfAbsentOrHashNotEqual(cacheName, key, value, hashNotEqual, options));
  }
  /** Reads many keys in one call: `CacheGetBatch.Success` with per-key results. */
  getBatch(cacheName, keys, options) {
    return this._call(scalar.CacheGetBatch, (c) => c.getBatch(cacheName, keys, options), { keys });
  }
  /** Stores many items (`Record | Map | {key, value, ttl?}[]`) in one call. Options: `{ttl, abortSignal}`. */
  setBatch(cacheName, items, options) {
    return this._call(scalar.CacheSetBatch, (c) => c.setBatch(cacheName, batchItems(items), options), undefined, cacheName);
  }
  /** Whether `key` exists. */
  keyExists(cacheName, key, options) {
    return this._call(scalar.CacheKeyExists, (c) => c.keysExist(cacheName, [key], options), undefined, cacheName);
  }
  /** Which of `keys` exist. */
  keysExist(cacheName, keys, options) {
    return this._call(scalar.CacheKeysExist, (c) => c.keysExist(cacheName, keys, options), { keys });
  }
  /** The type of the item at `key`. */
  itemGetType(cacheName, key, options) {
    return this._call(scalar.CacheItemGetType, (c) => c.itemGetType(cacheName, key, options), undefined, cacheName);
  }
  /** The remaining TTL of `key` in milliseconds. */
  itemGetTtl(cacheName, key, options) {
    return this._call(scalar.CacheItemGetTtl, (c) => c.itemGetTtl(cacheName, key, options), undefined, cacheName);
  }
  /** Sets the TTL of `key` to `ttlMilliseconds` (milliseconds, as in the official SDK). */
  updateTtl(cacheName, key, ttlMilliseconds, options) {
    return this._call(scalar.CacheUpdateTtl, (c) => c.updateTtl(cacheName, key, ttlMilliseconds, options), undefined, cacheName);
  }
  /** Raises the TTL of `key` to `ttlMilliseconds` if that is longer. */
  increaseTtl(cacheName, key, ttlMilliseconds, options) {
    return this._call(scalar.CacheIncreaseTtl, (c) => c.increaseTtl(cacheName, key, ttlMilliseconds, options), undefined, cacheName);
  }
  /** Lowers the TTL of `key` to `ttlMilliseconds` if that is shorter. */
  decreaseTtl(cacheName, key, ttlMilliseconds, options) {
    return this._call(scalar.CacheDecreaseTtl, (c) => c.decreaseTtl(cacheName, key, ttlMilliseconds, options), undefined, cacheName);
  }
}

/** The data methods `cache(name)` binds: the official IMomentoCache surface, in its order. */
const CACHE_METHODS = ['get', 'getWithHash', 'set', 'setWithHash', 'delete', 'increment', 'setIfNotExists',
  'setIfAbsent', 'setIfPresent', 'setIfEqual', 'setIfNotEqual', 'setIfPresentAndNotEqual', 'setIfAbsentOrEqual',
  'setIfPresentAndHashEqual', 'setIfPresentAndHashNotEqual', 'setIfAbsentOrHashEqual', 'setIfAbsentOrHashNotEqual',
  'getBatch', 'setBatch', 'setFetch', 'setAddElement', 'setAddElements', 'setContainsElement', 'setContainsElements',
  'setRemoveElement', 'setRemoveElements', 'setSample', 'setPop', 'setLength', 'listFetch', 'listLength',
  'listPushFront', 'listPushBack', 'listConcatenateBack', 'listConcatenateFront', 'listPopBack', 'listPopFront',
  'listRemoveValue', 'listRetain', 'dictionarySetField', 'dictionarySetFields', 'dictionaryGetField',
  'dictionaryGetFields', 'dictionaryFetch', 'dictionaryIncrement', 'dictionaryRemoveField', 'dictionaryRemoveFields',
  'dictionaryLength', 'sortedSetFetchByRank', 'sortedSetFetchByScore', 'sortedSetPutElement', 'sortedSetPutElements',
  'sortedSetGetRank', 'sortedSetGetScore', 'sortedSetGetScores', 'sortedSetIncrementScore', 'sortedSetRemoveElement',
  'sortedSetRemoveElements', 'sortedSetLength', 'sortedSetLengthByScore', 'sortedSetUnionStore', 'itemGetType',
  'itemGetTtl', 'keyExists', 'keysExist', 'updateTtl', 'increaseTtl', 'decreaseTtl'];

/** A `CacheClient` bound to one cache name (what `client.cache(name)` returns). */
class MomentoCache {
  constructor(cacheClient, cacheName) {
    this.cacheClient = cacheClient;
    this.cacheName = cacheName;
  }
  /** Closes the underlying client. */
  close() { this.cacheClient.close(); }
}
for (const name of CACHE_METHODS) {
  MomentoCache.prototype[name] = function bound(...args) { return this.cacheClient[name](this.cacheName, ...args); };
}
