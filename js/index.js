// momento-wasm: the public API. A thin facade over the wasm core: it picks defaults, wraps the core's
// tagged results in the official response classes, and applies throwOnErrors. Runtime entries
// (index.browser.js, index.node.js, index.workerd.js) initialise the wasm and re-export this module.
import { CacheClientCore, Configuration, CredentialProvider } from './momento_wasm.js';
import { InvalidArgumentError, sdkErrorFrom, unknownErrorFrom } from './errors.js';
import { CacheDelete, CacheGet, CacheSet, CreateCache, DeleteCache } from './responses.js';

export { Configuration, CredentialProvider };
export * from './errors.js';
export * from './responses.js';

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

function runtimeVersion() {
  const g = globalThis;
  if (g.navigator?.userAgent) return `js-wasm:${g.navigator.userAgent}`;
  if (g.process?.versions?.node) return `js-wasm:node:${g.process.versions.node}`;
  return 'js-wasm:unknown';
}

function toInvalidArgument(e) {
  return e && e.errorCode === 'INVALID_ARGUMENT_ERROR'
    ? new InvalidArgumentError(e.message.replace(/^Invalid argument passed to Momento client: /, ''), e.message)
    : e;
}

/** A Momento cache client. Every method resolves to a response object and never rejects, unless the
 * configuration has `throwOnErrors`, in which case `Error` responses reject with their SdkError. */
export class CacheClient {
  /**
   * @param {{configuration?: Configuration, credentialProvider: CredentialProvider, defaultTtlSeconds: number}} props
   */
  constructor(props) {
    const configuration = props?.configuration ?? Configurations.Browser.latest();
    const credentialProvider = props?.credentialProvider;
    if (!(credentialProvider instanceof CredentialProvider)) {
      throw new InvalidArgumentError('credentialProvider must be a CredentialProvider',
        'Invalid argument passed to Momento client: credentialProvider must be a CredentialProvider');
    }
    try {
      this._core = new CacheClientCore(configuration, credentialProvider, props.defaultTtlSeconds, runtimeVersion());
    } catch (e) {
      throw toInvalidArgument(e);
    }
    this._configuration = configuration;
  }

  /** Same as the constructor, for code written against the official `CacheClient.create`. */
  static async create(props) { return new CacheClient(props); }

  /** The configuration this client uses. */
  get configuration() { return this._configuration; }

  /** Releases the wasm-side client now (otherwise the garbage collector does it). */
  close() { this._core?.free(); this._core = undefined; }

  async _call(ns, promise) {
    let r;
    try {
      r = await promise();
    } catch (e) {
      r = { type: 'Error', error: unknownErrorFrom(e) };
    }
    let resp;
    switch (r.type) {
      case 'Error': resp = new ns.Error(r.error ?? sdkErrorFrom(r)); break;
      case 'Hit': resp = new ns.Hit(r.value); break;
      default: resp = new ns[r.type]();
    }
    if (resp.type === 'Error' && this._configuration.throwOnErrors) throw resp.innerException();
    return resp;
  }

  /** Creates a cache. @returns {Promise<CreateCache.Success | CreateCache.AlreadyExists | CreateCache.Error>} */
  createCache(cacheName) { return this._call(CreateCache, () => this._core.createCache(cacheName)); }
  /** Deletes a cache. */
  deleteCache(cacheName) { return this._call(DeleteCache, () => this._core.deleteCache(cacheName)); }
  /** Reads `key`. Options: `{abortSignal}`. */
  get(cacheName, key, options) { return this._call(CacheGet, () => this._core.get(cacheName, key, options)); }
  /** Stores `value` under `key`. Options: `{ttl (seconds), abortSignal}`; `ttl: 0` is rejected. */
  set(cacheName, key, value, options) { return this._call(CacheSet, () => this._core.set(cacheName, key, value, options)); }
  /** Deletes `key`. Options: `{abortSignal}`. */
  delete(cacheName, key, options) { return this._call(CacheDelete, () => this._core.delete(cacheName, key, options)); }
}
