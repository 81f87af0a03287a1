// Configuration, Configurations and CredentialProvider: plain JS classes. The wasm core parses credentials
// (parseCredential) and, when a client is built, reads a configuration's settings and a credential's data once;
// everything else (presets, `with…` copies, environment variables) happens here.
import { parseCredential } from './momento_wasm.js';

/** The official prefix of INVALID_ARGUMENT messages. */
export const INVALID = 'Invalid argument passed to Momento client: ';
/** An INVALID_ARGUMENT error thrown at a call site, shaped as the core throws them: an Error with `errorCode`. */
const invalidArgument = (msg) => Object.assign(new Error(INVALID + msg), { errorCode: 'INVALID_ARGUMENT_ERROR' });

/** A v1 preset: the deadline and exponential backoff (with jitter) of one call. src/core/config.rs has the same
 * presets for the Rust API; its test `js_presets_match` keeps the two in step. */
const preset = (clientTimeoutMillis, maxAttempts, initialDelayMillis, maxBackoffMillis) => new Configuration({
  clientTimeoutMillis, throwOnErrors: false, readConcern: 'balanced', transportMode: 'text',
  _retryStrategy: { maxAttempts, initialDelayMillis, maxBackoffMillis }, loggerFactory: undefined, middlewares: [],
});

/**
 * Client configuration: deadline, retries, throwOnErrors, read concern, transport mode, logger and middlewares.
 * Build one from a preset (`Configurations.Browser.latest()`) and adjust with `with…` methods (each returns a copy).
 * An immutable value: its settings are frozen own properties, which the wasm client cores read when they are built.
 *
 * @property {number} clientTimeoutMillis The overall deadline of one call (including retries), in milliseconds.
 * @property {boolean} throwOnErrors Whether failed calls reject instead of resolving to an `Error` response.
 * @property {'balanced' | 'consistent'} readConcern The read concern sent with data-plane calls.
 * @property {'text' | 'binary'} transportMode gRPC-web text (the default) or binary framing.
 * @property {object | undefined} loggerFactory The logger factory the facade logs through (`undefined` = the
 *   default console logger).
 * @property {object[]} middlewares The middlewares the facade runs around every call.
 */
export class Configuration {
  /** Internal: use a preset. */
  constructor(settings) { Object.freeze(Object.assign(this, settings)); }

  /** Browser preset (v1): relaxed 15 s deadline, retries with backoff; for short-lived disposable tokens. */
  static browserV1() { return preset(15000, 3, 100, 2000); }
  /** Laptop preset (v1): 5 s deadline, retries with backoff. */
  static laptopV1() { return preset(5000, 3, 50, 1000); }
  /** InRegion.Default preset (v1): 1.1 s deadline. */
  static inRegionDefaultV1() { return preset(1100, 3, 10, 100); }
  /** InRegion.LowLatency preset (v1): 0.5 s deadline. */
  static inRegionLowLatencyV1() { return preset(500, 3, 5, 50); }
  /** Lambda preset (v1): 1.1 s deadline. */
  static lambdaV1() { return preset(1100, 3, 10, 200); }

  /** A copy with another overall call deadline in milliseconds (an unsigned 32-bit integer). */
  withClientTimeoutMillis(clientTimeoutMillis) { return this._with({ clientTimeoutMillis: clientTimeoutMillis >>> 0 }); }

  /**
   * A copy with another retry strategy: `{maxAttempts, initialDelayMillis?, maxBackoffMillis?}` (exponential
   * backoff with jitter; only idempotent calls on CANCELLED/INTERNAL/UNAVAILABLE are retried), or `null` for no
   * retries.
   */
  withRetryStrategy(retryStrategy) {
    if (!(retryStrategy instanceof Object)) return this._with({ _retryStrategy: null });
    const num = (name, fallback) => {
      const v = retryStrategy[name];
      if (v === undefined) return fallback;
      if (!(Number.isFinite(v) && v >= 0)) throw invalidArgument(`${name} must be a non-negative number`);
      return v;
    };
    return this._with({ _retryStrategy: {
      maxAttempts: num('maxAttempts', 3), initialDelayMillis: num('initialDelayMillis', 100),
      maxBackoffMillis: num('maxBackoffMillis', 2000),
    } });
  }

  /** A copy logging through `loggerFactory` (`{getLogger(name): {error, warn, info, debug, trace}}`). */
  withLoggerFactory(loggerFactory) { return this._with({ loggerFactory }); }

  /** A copy running `middlewares` around every call (`{onNewRequest(context): {onRequest?, onResponseStatus?,
   * onResponseEnd?}}`). */
  withMiddlewares(middlewares) {
    if (!Array.isArray(middlewares)) throw invalidArgument('middlewares must be an array');
    return this._with({ middlewares });
  }

  /** A copy that throws (rejects) on errors instead of returning `Error` responses. */
  withThrowOnErrors(throwOnErrors) { return this._with({ throwOnErrors: !!throwOnErrors }); }

  /** A copy with read concern `'balanced'` or `'consistent'` (case-insensitive). */
  withReadConcern(readConcern) {
    const rc = String(readConcern).toLowerCase();
    if (rc !== 'balanced' && rc !== 'consistent') {
      throw invalidArgument(`read concern must be 'balanced' or 'consistent', received ${rc}`);
    }
    return this._with({ readConcern: rc });
  }

  /** A copy using gRPC-web `'text'` (default) or `'binary'` framing. */
  withTransportMode(transportMode) {
    if (transportMode !== 'text' && transportMode !== 'binary') {
      throw invalidArgument(`transport mode must be 'text' or 'binary', received ${transportMode}`);
    }
    return this._with({ transportMode });
  }

  _with(changes) { return new Configuration({ ...this, ...changes }); }
}

/** Versioned configuration presets: `Configurations.Browser.latest()` etc. */
export const Configurations = Object.freeze({
  /** For pages talking to Momento directly with short-lived disposable tokens: relaxed deadline (15 s). */
  Browser: { v1: Configuration.browserV1, latest: Configuration.browserV1 },
  /** For development machines: 5 s deadline. */
  Laptop: { v1: Configuration.laptopV1, latest: Configuration.laptopV1 },
  InRegion: {
    /** Servers in the same region: 1.1 s deadline. */
    Default: { v1: Configuration.inRegionDefaultV1, latest: Configuration.inRegionDefaultV1 },
    /** Latency-critical servers in region: 0.5 s deadline. */
    LowLatency: { v1: Configuration.inRegionLowLatencyV1, latest: Configuration.inRegionLowLatencyV1 },
  },
  /** Serverless functions: 1.1 s deadline. */
  Lambda: { v1: Configuration.lambdaV1, latest: Configuration.lambdaV1 },
});

/** Whether `p` is a RefreshingCredentialProvider (by shape, so that the clients need not import that module and an
 * app that does not use it does not download it). */
export const isRefreshing = (p) => typeof p?.ensureFresh === 'function' && typeof p?.onRefresh === 'function';

/** The parsed credential a provider holds (`{authToken, cacheEndpoint, …}`), for the wasm client cores. */
export let credentialData;

/** `props` when it is an object (what the core read with `Reflect.get`), else `undefined`. */
const obj = (props) => (props instanceof Object ? props : undefined);
/** Property `name` of `o` when it is a string. */
const str = (o, name) => {
  const v = o?.[name];
  return typeof v === 'string' ? v : undefined;
};

/**
 * The value of environment variable `name`, read from `env` when it is an object (a Cloudflare Worker's `env`
 * binding), else from `process.env` when it exists (Node, Deno's compat). Throws INVALID_ARGUMENT_ERROR when it is
 * missing or blank.
 */
function envVar(env, name) {
  if (!name) throw invalidArgument('environmentVariableName must not be empty');
  const vars = typeof env === 'object' && env !== null ? env : globalThis.process?.env;
  const value = typeof vars === 'object' && vars !== null ? vars[name] : undefined;
  if (typeof value !== 'string' || !value.trim()) throw invalidArgument(`Missing required environment variable ${name}`);
  return value;
}

/**
 * Where the credential comes from: a v1 API key or disposable token, a legacy JWT, a v2 key with its endpoint, or
 * an open local server. Parsed and validated by the wasm core when created; immutable.
 *
 * @property {string} cacheEndpoint The cache (data plane) endpoint URL requests go to.
 * @property {string} controlEndpoint The control plane endpoint URL.
 * @property {string} tokenEndpoint The token endpoint URL.
 * @property {number | undefined} expiresAt When the token expires (epoch seconds, from its `exp` claim), or
 *   `undefined` if it does not say.
 */
export class CredentialProvider {
  /** The token, private so that it is not printed with the provider. */
  #authToken;
  /** Internal: use the static factories. `data` is a parsed credential, as `parseCredential` returns it. */
  constructor({ authToken, ...endpoints }) {
    this.#authToken = authToken;
    Object.freeze(Object.assign(this, endpoints));
  }
  static { credentialData = (provider) => ({ ...provider, authToken: provider.#authToken }); }

  /**
   * From an API key or disposable token: `fromString('key')` or
   * `fromString({apiKey, endpointOverrides?: {cacheEndpoint, controlEndpoint, tokenEndpoint} | {baseEndpoint, endpointPrefix?}})`.
   */
  static fromString(props) {
    if (typeof props === 'string') return new CredentialProvider(parseCredential(props));
    const o = obj(props);
    return new CredentialProvider(parseCredential(str(o, 'apiKey') ?? str(o, 'authToken') ?? '', obj(o?.endpointOverrides)));
  }

  /** Same as `fromString` (a disposable token is a v1 key). */
  static fromDisposableToken(props) { return CredentialProvider.fromString(props); }

  /**
   * From an environment variable holding a v1 key: `fromEnvironmentVariable('MOMENTO_API_KEY')` or
   * `fromEnvironmentVariable({environmentVariableName, env?, endpointOverrides?})`. Reads `env` when given
   * (a Cloudflare Worker's `env` binding), else `process.env` when it exists (Node, Deno's compat); throws
   * INVALID_ARGUMENT_ERROR when the variable is missing or empty.
   */
  static fromEnvironmentVariable(props) {
    const o = typeof props === 'string' ? undefined : obj(props);
    const key = envVar(o?.env, typeof props === 'string' ? props : str(o, 'environmentVariableName') ?? '');
    return new CredentialProvider(parseCredential(key, obj(o?.endpointOverrides)));
  }

  /** Alias of `fromEnvironmentVariable`. */
  static fromEnvVar(props) { return CredentialProvider.fromEnvironmentVariable(props); }

  /** A v2 API key with its endpoint: `fromApiKeyV2({apiKey, endpoint})`. */
  static fromApiKeyV2(props) {
    const o = obj(props);
    return new CredentialProvider(parseCredential(str(o, 'apiKey') ?? '', undefined, str(o, 'endpoint') ?? ''));
  }

  /**
   * A v2 API key and endpoint from environment variables (defaults `MOMENTO_API_KEY`, `MOMENTO_ENDPOINT`), read
   * from `env` when given, else `process.env`.
   */
  static fromEnvVarV2(props) {
    const o = obj(props);
    const key = envVar(o?.env, str(o, 'apiKeyEnvVar') ?? 'MOMENTO_API_KEY');
    return new CredentialProvider(parseCredential(key, undefined, envVar(o?.env, str(o, 'endpointEnvVar') ?? 'MOMENTO_ENDPOINT')));
  }

  /** A local server without authentication at `http://hostname:port` (defaults `127.0.0.1:8080`). */
  static forMomentoLocal(props) {
    const port = obj(props)?.port;
    const url = `http://${str(obj(props), 'hostname') ?? '127.0.0.1'}:${typeof port === 'number' && port >= 1 && port <= 65535 ? Math.trunc(port) : 8080}`;
    return new CredentialProvider({
      authToken: '', cacheEndpoint: url, controlEndpoint: url, tokenEndpoint: url, expiresAt: undefined,
    });
  }
}
