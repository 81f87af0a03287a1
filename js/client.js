// The CacheClient of the lite package: ping, get, set, delete and `client.cache(name)`. The full package's
// CacheClient (index.js) extends it with the other method families (js/methods/*.js, one class mixin per family);
// the lite wasm is built with none of those features.
import { CacheClientCore } from './momento_wasm.js';
import { Configurations } from './config.js';
import { ClientBase, runtimeVersion } from './pipeline.js';
import { CachePing } from './responses/control.js';
import { CacheDelete, CacheGet, CacheSet } from './responses/scalar.js';

/** A Momento cache client. Every method resolves to a response object and never rejects, unless the
 * configuration has `throwOnErrors`, in which case `Error` responses reject with their SdkError. */
export class CacheClient extends ClientBase {
  /**
   * @param {{configuration?: import('./config.js').Configuration, credentialProvider?: object,
   *   defaultTtlSeconds: number}} props configuration defaults to `Configurations.Browser.latest()`,
   *   credentialProvider to the MOMENTO_API_KEY (+ MOMENTO_ENDPOINT) environment variables
   */
  constructor(props) {
    const version = runtimeVersion();
    super(props, Configurations.Browser.latest, 'CacheClient',
      (configuration, credentials, transport) => new CacheClientCore(configuration, credentials, props?.defaultTtlSeconds, version, transport));
  }

  /** Same as the constructor, for code written against the official `CacheClient.create`. */
  static async create(props) { return new this(props); }

  /** This client bound to one cache: `client.cache('c').get('k')` is `client.get('c', 'k')` (official `cache()`). */
  cache(cacheName) { return new (boundCacheClass(this))(this, cacheName); }

  /** Checks the service answers (with the configured deadline): `CachePing.Success | Error`. */
  ping() { return this._call(CachePing, undefined, (c) => c.ping()); }

  /** Reads `key`. Options: `{abortSignal}`. */
  get(cacheName, key, options) { return this._call(CacheGet, cacheName, (c) => c.get(cacheName, key, options)); }
  /** Stores `value` under `key`. Options: `{ttl (whole seconds), abortSignal}`; `ttl: 0` is rejected. */
  set(cacheName, key, value, options) { return this._call(CacheSet, cacheName, (c) => c.set(cacheName, key, value, options)); }
  /** Deletes `key`. Options: `{abortSignal}`. */
  delete(cacheName, key, options) { return this._call(CacheDelete, cacheName, (c) => c.delete(cacheName, key, options)); }
}

/** Methods of a client class that are not about one cache's data (the official IMomentoCache leaves them out). */
const NOT_DATA = new Set(['constructor', 'cache', 'close', 'ping', 'configuration', 'createCache', 'deleteCache',
  'listCaches', 'flushCache']);
/** Client class → the class of its `cache(name)` objects. */
const BOUND = new WeakMap();

/** The class whose instances bind a client's data methods to one cache name (built once per client class). */
function boundCacheClass(client) {
  const Client = client.constructor;
  let Bound = BOUND.get(Client);
  if (!Bound) {
    /** A `CacheClient` bound to one cache name (what `client.cache(name)` returns). */
    Bound = class MomentoCache {
      constructor(cacheClient, cacheName) { this.cacheClient = cacheClient; this.cacheName = cacheName; }
      /** Closes the underlying client. */
      close() { this.cacheClient.close(); }
    };
    for (let p = Client.prototype; p !== ClientBase.prototype; p = Object.getPrototypeOf(p)) {
      for (const name of Object.getOwnPropertyNames(p)) {
        if (NOT_DATA.has(name) || name.startsWith('_') || name in Bound.prototype) continue;
        Bound.prototype[name] = function bound(...args) { return this.cacheClient[name](this.cacheName, ...args); };
      }
    }
    BOUND.set(Client, Bound);
  }
  return Bound;
}
