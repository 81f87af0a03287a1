// Configuration, Configurations and CredentialProvider: plain JS classes with the official @gomomento/sdk-web API
// (methods such as getClientTimeoutMillis() and getAuthToken()) plus plain read-only properties. The wasm core
// parses credentials (parseCredential) and, when a client is built, reads a configuration's settings and a
// credential's data once; everything else (presets, validated `with…` copies, environment variables) happens here.
import { parseCredential } from './momento_wasm.js';
import { invalidArgument } from './error-results.js';
import { DefaultMomentoLoggerFactory } from './logging.js';
import { PRESETS } from './presets.js';

/** The longest delay a JS timer takes (2^31 - 1 ms); a longer deadline would fire at once. */
const MAX_MILLIS = 2147483647;
/** `v` when it is a whole number from `min` to `max`, else throws INVALID_ARGUMENT_ERROR naming `name`. */
function whole(name, v, min, max = MAX_MILLIS) {
  if (Number.isInteger(v) && v >= min && v <= max) return v;
  throw invalidArgument(`${name} must be a whole number from ${min} to ${max}, received ${String(v)}`);
}
/** `v` when it is one of `allowed` (compared lower-case), else throws INVALID_ARGUMENT_ERROR. */
function oneOf(name, v, allowed) {
  const s = String(v).toLowerCase();
  if (allowed.includes(s)) return s;
  throw invalidArgument(`${name} must be '${allowed.join("' or '")}', received ${String(v)}`);
}

/** Read concerns (official `ReadConcern`). */
export const ReadConcern = /* @__PURE__ */ Object.freeze({ BALANCED: 'balanced', CONSISTENT: 'consistent' });

/**
 * A preset, as the official SDK has them: a subclass of `Base` named `name` whose `v1()` and `latest()` build an
 * instance with the deadline and exponential backoff (with jitter) of one call of `preset`, one of js/presets.js's
 * `PRESETS` (`Configurations.Laptop.latest()`), and its Node connection settings, if any.
 */
export function presetClass(Base, name, [clientTimeoutMillis, maxAttempts, initialDelayMillis, maxBackoffMillis, connection]) {
  const make = () => new Preset({ clientTimeoutMillis, _retryStrategy: { maxAttempts, initialDelayMillis, maxBackoffMillis }, ...connection });
  const Preset = { [name]: class extends Base { static v1() { return make(); } static latest() { return make(); } } }[name];
  return Preset;
}

/**
 * Client configuration: deadline, retries, throwOnErrors, read concern, transport mode, logger and middlewares.
 * Build one from a preset (`Configurations.Browser.latest()`) and adjust with `with…` methods (each returns a
 * validated copy; a bad value throws InvalidArgumentError). An immutable value: its settings are frozen own
 * properties, which the wasm client cores read when they are built.
 *
 * @property {number} clientTimeoutMillis The overall deadline of one call (including retries), in milliseconds.
 * @property {boolean} throwOnErrors Whether failed calls reject instead of resolving to an `Error` response.
 * @property {'balanced' | 'consistent'} readConcern The read concern sent with data-plane calls.
 * @property {'text' | 'binary'} transportMode gRPC-web text (the default) or binary framing.
 * @property {object | undefined} loggerFactory The logger factory the facade logs through (`undefined` = the
 *   default console logger).
 * @property {object[]} middlewares The middlewares the facade runs around every call.
 * @property {object | undefined} compression The compression strategy (`withCompressionStrategy`).
 * @property {typeof fetch | undefined} fetch The fetch gRPC-web requests go through (`withFetch`; `undefined` = the
 *   global one, or in Node gRPC over node:http2).
 * @property {number} numConnections HTTP/2 connections per endpoint in Node (the official SDK's `numClients`).
 * @property {number | undefined} keepAliveTimeMillis Node: the keepalive PING interval of an HTTP/2 connection
 *   (`undefined` = js/http2.js's default; 0 = none, as the Lambda preset: a frozen function cannot answer).
 */
export class Configuration {
  /**
   * The official props (`{loggerFactory?, transportStrategy?, middlewares?, throwOnErrors?, readConcern?}`) or this
   * SDK's settings (`clientTimeoutMillis`, `transportMode`); what is absent comes from the Laptop preset.
   */
  constructor(props = {}) {
    const retry = props._retryStrategy === undefined ? { maxAttempts: 3, initialDelayMillis: 50, maxBackoffMillis: 1000 } : props._retryStrategy;
    if ('middlewares' in props && !Array.isArray(props.middlewares)) throw invalidArgument('middlewares must be an array');
    if (props.fetch !== undefined && typeof props.fetch !== 'function') throw invalidArgument('fetch must be a function');
    Object.freeze(Object.assign(this, {
      clientTimeoutMillis: whole('clientTimeoutMillis', 'clientTimeoutMillis' in props ? props.clientTimeoutMillis
        : props.transportStrategy?.getGrpcConfig?.().getDeadlineMillis?.() ?? 5000, 1),
      throwOnErrors: !!props.throwOnErrors,
      readConcern: oneOf('read concern', props.readConcern ?? 'balanced', ['balanced', 'consistent']),
      transportMode: oneOf('transport mode', props.transportMode ?? 'text', ['text', 'binary']),
      _retryStrategy: retry && {
        maxAttempts: whole('maxAttempts', retry.maxAttempts ?? 3, 1, 100),
        initialDelayMillis: whole('initialDelayMillis', retry.initialDelayMillis ?? 100, 0),
        maxBackoffMillis: whole('maxBackoffMillis', retry.maxBackoffMillis ?? 2000, 0),
      },
      loggerFactory: props.loggerFactory,
      middlewares: props.middlewares ?? [],
      compression: props.compression ?? undefined,
      fetch: props.fetch,
      numConnections: whole('numConnections', props.numConnections
        ?? props.transportStrategy?.getGrpcConfig?.().getNumClients?.() ?? 1, 1, 256),
      keepAliveTimeMillis: props.keepAliveTimeMillis,
    }));
  }

  /** Browser preset (v1): relaxed 15 s deadline, retries with backoff; for short-lived disposable tokens. */
  static browserV1() { return Configurations.Browser.v1(); }
  /** Laptop preset (v1): 5 s deadline, retries with backoff. */
  static laptopV1() { return Configurations.Laptop.v1(); }
  /** InRegion.Default preset (v1): 1.1 s deadline. */
  static inRegionDefaultV1() { return Configurations.InRegion.Default.v1(); }
  /** InRegion.LowLatency preset (v1): 0.5 s deadline. */
  static inRegionLowLatencyV1() { return Configurations.InRegion.LowLatency.v1(); }
  /** Lambda preset (v1): 1.1 s deadline. */
  static lambdaV1() { return Configurations.Lambda.v1(); }

  /** A copy with another overall call deadline: whole milliseconds from 1 to 2147483647. */
  withClientTimeoutMillis(clientTimeoutMillis) { return this._with({ clientTimeoutMillis }); }
  /** The overall call deadline in milliseconds. */
  getClientTimeoutMillis() { return this.clientTimeoutMillis; }

  /**
   * A copy with another retry strategy: `{maxAttempts (1–100), initialDelayMillis?, maxBackoffMillis?}` (exponential
   * backoff with jitter; only idempotent calls on CANCELLED/INTERNAL/UNAVAILABLE are retried), or `null` for no
   * retries.
   */
  withRetryStrategy(retryStrategy) { return this._with({ _retryStrategy: retryStrategy instanceof Object ? retryStrategy : null }); }

  /** A copy logging through `loggerFactory` (`{getLogger(name): {error, warn, info, debug, trace}}`). */
  withLoggerFactory(loggerFactory) { return this._with({ loggerFactory }); }
  /** The logger factory (the default console one when none was set). */
  getLoggerFactory() { return this.loggerFactory ?? new DefaultMomentoLoggerFactory(); }

  /** A copy running `middlewares` around every call (`{onNewRequest(context): {onRequest?, onResponseStatus?,
   * onResponseEnd?}}`). */
  withMiddlewares(middlewares) { return this._with({ middlewares }); }
  /** A copy with `middleware` added after the others. */
  addMiddleware(middleware) { return this._with({ middlewares: [...this.middlewares, middleware] }); }
  /** The middlewares. */
  getMiddlewares() { return this.middlewares; }

  /** A copy that throws (rejects) on errors instead of returning `Error` responses. */
  withThrowOnErrors(throwOnErrors) { return this._with({ throwOnErrors }); }
  /** Whether failed calls reject. */
  getThrowOnErrors() { return this.throwOnErrors; }

  /** A copy with read concern `'balanced'` or `'consistent'` (case-insensitive; `ReadConcern.*`). */
  withReadConcern(readConcern) { return this._with({ readConcern }); }
  /** The read concern. */
  getReadConcern() { return this.readConcern; }

  /**
   * A copy compressing values of calls made with `{compress: true}` and decompressing reads automatically:
   * `{compressorFactory?, compressionLevel?, automaticDecompression?}` (the official Node SDK's CompressionStrategy;
   * the compressor defaults to the built-in gzip, `CompressorFactory.default()`). Not in the lite package.
   */
  withCompressionStrategy(compression) { return this._with({ compression }); }
  /** The compression strategy, if any. */
  getCompressionStrategy() { return this.compression; }

  /** A copy using gRPC-web `'text'` (default) or `'binary'` framing (gRPC-web only: Node speaks gRPC). */
  withTransportMode(transportMode) { return this._with({ transportMode }); }

  /**
   * A copy sending requests as gRPC-web through `fetch` (a function with the global fetch's signature), in any
   * runtime: in Node too, instead of gRPC over node:http2.
   */
  withFetch(fetch) { return this._with({ fetch }); }

  /** A copy with `numConnections` HTTP/2 connections per endpoint in Node (1–256; default 1). */
  withNumConnections(numConnections) { return this._with({ numConnections }); }

  /** The official transport-strategy view of the deadline and connection count (`getGrpcConfig()`). */
  getTransportStrategy() {
    const grpc = { getDeadlineMillis: () => this.clientTimeoutMillis, getNumClients: () => this.numConnections };
    return { getGrpcConfig: () => grpc, withClientTimeoutMillis: (ms) => this.withClientTimeoutMillis(ms).getTransportStrategy() };
  }
  /** A copy taking its deadline from a transport strategy (`getGrpcConfig().getDeadlineMillis()`). */
  withTransportStrategy(transportStrategy) { return this._with({ clientTimeoutMillis: transportStrategy?.getGrpcConfig?.().getDeadlineMillis?.() }); }

  /** A validated copy (of this class) with `changes`. */
  _with(changes) { return new this.constructor({ ...this, ...changes }); }
}

/** The configuration of topic clients (official name; any Configuration works). */
export class TopicClientConfiguration extends Configuration {}
/** The configuration of leaderboard clients (official name; any Configuration works). */
export class LeaderboardClientConfiguration extends Configuration {}

/** Versioned configuration presets: `Configurations.Browser.latest()` etc. (each a Configuration subclass). */
export const Configurations = Object.freeze({
  /** For pages talking to Momento directly with short-lived disposable tokens: relaxed deadline (15 s). */
  Browser: presetClass(Configuration, 'Browser', PRESETS.Browser),
  /** For development machines: 5 s deadline. */
  Laptop: presetClass(Configuration, 'Laptop', PRESETS.Laptop),
  InRegion: Object.freeze({
    /** Servers in the same region: 1.1 s deadline. */
    Default: presetClass(Configuration, 'Default', PRESETS.Default),
    /** Latency-critical servers in region: 0.5 s deadline. */
    LowLatency: presetClass(Configuration, 'LowLatency', PRESETS.LowLatency),
  }),
  /** Serverless functions: 1.1 s deadline; no keepalive PINGs (a frozen function cannot answer them): an idle
   * connection is replaced before the next call instead. */
  Lambda: presetClass(Configuration, 'Lambda', PRESETS.Lambda),
});

/** Whether `p` is a RefreshingCredentialProvider (by shape, so that the clients need not import that module and an
 * app that does not use it does not download it). */
export const isRefreshing = (p) => typeof p?.ensureFresh === 'function' && typeof p?.onRefresh === 'function';

/** The parsed credential a provider holds (`{authToken, cacheEndpoint, …}`), for the wasm client cores. */
export let credentialData;

/** `props` when it is an object, else `undefined`. */
const obj = (props) => (props instanceof Object ? props : undefined);
/** Property `name` of `o` when it is a string. */
const str = (o, name) => {
  const v = o?.[name];
  return typeof v === 'string' ? v : undefined;
};

/**
 * The value of environment variable `name`, read from `env` when it is an object (a Cloudflare Worker's `env`
 * binding), else from `process.env` when it exists (Node, Deno's compat). Throws InvalidArgumentError naming the
 * variable and the fix when it is missing or blank.
 */
function envVar(env, name) {
  if (!name) throw invalidArgument('environmentVariableName must not be empty');
  const vars = obj(env) ?? globalThis.process?.env;
  const value = vars?.[name];
  if (typeof value !== 'string' || !value.trim()) {
    throw invalidArgument(`Missing required environment variable ${name}: set it (e.g. \`export ${name}=...\`), or pass the value itself instead of the variable's name`);
  }
  return value;
}

/** Parses a key (see `parseCredential` in src/bindings/config.rs); its errors become InvalidArgumentErrors. */
function parse(apiKey, overrides, v2Endpoint) {
  try {
    return { ...parseCredential(apiKey, overrides, v2Endpoint), overridden: !!overrides };
  } catch (e) {
    throw e?.errorCode ? invalidArgument(e.details) : e;
  }
}

/** The host[:port] of an endpoint URL, as the official SDK names it. */
const host = (url) => url.replace(/^https?:\/\//, '');

/**
 * Where the credential comes from: a v1 API key or disposable token, a legacy JWT, a v2 key with its endpoint, or
 * an open local server. Parsed and validated when created (InvalidArgumentError otherwise); immutable.
 *
 * @property {string} cacheEndpoint The cache (data plane) endpoint URL (gRPC goes there; gRPC-web to its host
 *   prefixed with `web.` when `webPrefix`, as the official SDKs do).
 * @property {string} controlEndpoint The control plane endpoint URL.
 * @property {string} tokenEndpoint The token endpoint URL.
 * @property {boolean | undefined} webPrefix Whether gRPC-web requests go to `web.<host>` (endpoints derived from the
 *   key, not overridden, IP or `localhost` ones).
 * @property {number | undefined} expiresAt When the token expires (epoch seconds, from its `exp` claim), or
 *   `undefined` if it does not say.
 */
export class CredentialProvider {
  /** The token, private so that it is not printed with the provider. */
  #authToken;
  /** Whether the endpoints were given as overrides. */
  #overridden;
  /** Internal: use the static factories. `data` is a parsed credential, as `parse` returns it. */
  constructor({ authToken, overridden, ...endpoints }) {
    this.#authToken = authToken;
    this.#overridden = !!overridden;
    Object.freeze(Object.assign(this, endpoints));
  }
  static { credentialData = (provider) => ({ ...provider, authToken: provider.#authToken }); }

  /**
   * From an API key or disposable token: `fromString('key')` or `fromString({apiKey, endpointOverrides?})`, the
   * overrides being `{cacheEndpoint, controlEndpoint, tokenEndpoint, secureConnection?}` or `{baseEndpoint,
   * endpointPrefix?, secureConnection?}`.
   */
  static fromString(props) { return new StringMomentoTokenProvider(props); }
  /** Same as `fromString` (a disposable token is a v1 key). */
  static fromDisposableToken(props) { return new StringMomentoTokenProvider(props); }

  /**
   * From an environment variable holding a v1 key: `fromEnvironmentVariable('MOMENTO_API_KEY')` or
   * `fromEnvironmentVariable({environmentVariableName, env?, endpointOverrides?})`. Reads `env` when given
   * (a Cloudflare Worker's `env` binding), else `process.env` when it exists (Node, Deno's compat).
   */
  static fromEnvironmentVariable(props) { return new EnvMomentoTokenProvider(props); }
  /** Alias of `fromEnvironmentVariable`. */
  static fromEnvVar(props) { return new EnvMomentoTokenProvider(props); }

  /** A v2 API key with its endpoint: `fromApiKeyV2({apiKey, endpoint})`. */
  static fromApiKeyV2(props) {
    const o = obj(props);
    return new CredentialProvider(parse(str(o, 'apiKey') ?? str(o, 'authToken') ?? '', undefined, str(o, 'endpoint') ?? ''));
  }

  /**
   * A v2 API key and endpoint from environment variables (defaults `MOMENTO_API_KEY`, `MOMENTO_ENDPOINT`), read
   * from `env` when given, else `process.env`.
   */
  static fromEnvVarV2(props) {
    const o = obj(props);
    const key = envVar(o?.env, str(o, 'apiKeyEnvVar') ?? 'MOMENTO_API_KEY');
    return new CredentialProvider(parse(key, undefined, envVar(o?.env, str(o, 'endpointEnvVar') ?? 'MOMENTO_ENDPOINT')));
  }

  /** A local server without authentication at `http://hostname:port` (defaults `127.0.0.1:8080`). */
  static forMomentoLocal(props) {
    const port = obj(props)?.port;
    const url = `http://${str(obj(props), 'hostname') ?? '127.0.0.1'}:${typeof port === 'number' && port >= 1 && port <= 65535 ? Math.trunc(port) : 8080}`;
    return new CredentialProvider({ authToken: '', cacheEndpoint: url, controlEndpoint: url, tokenEndpoint: url, overridden: true });
  }

  /** The token sent with every request. */
  getAuthToken() { return this.#authToken; }
  /** The cache endpoint's host[:port], as the official SDK names it (`cacheEndpoint` is the full URL). */
  getCacheEndpoint() { return host(this.cacheEndpoint); }
  /** The control endpoint's host[:port]. */
  getControlEndpoint() { return host(this.controlEndpoint); }
  /** The token endpoint's host[:port]. */
  getTokenEndpoint() { return host(this.tokenEndpoint); }
  /** Whether requests go over TLS (`https://`). */
  isEndpointSecure() { return this.cacheEndpoint.startsWith('https:'); }
  /** @deprecated use isEndpointSecure(). */
  isCacheEndpointSecure() { return this.isEndpointSecure(); }
  /** @deprecated use isEndpointSecure(). */
  isControlEndpointSecure() { return this.controlEndpoint.startsWith('https:'); }
  /** @deprecated use isEndpointSecure(). */
  isTokenEndpointSecure() { return this.tokenEndpoint.startsWith('https:'); }
  /** Whether the endpoints were given explicitly (endpoint overrides or a local server). */
  areEndpointsOverridden() { return this.#overridden; }
  /** @deprecated use `CredentialProvider.forMomentoLocal()`. */
  withMomentoLocal() { return CredentialProvider.forMomentoLocal(); }
}

/** A key given as a string (official name of what `CredentialProvider.fromString` returns). */
export class StringMomentoTokenProvider extends CredentialProvider {
  /** @param {string | {apiKey?: string, authToken?: string, endpointOverrides?: object}} props */
  constructor(props) {
    const o = obj(props);
    super(typeof props === 'string' ? parse(props) : parse(str(o, 'apiKey') ?? str(o, 'authToken') ?? '', obj(o?.endpointOverrides)));
  }
}

/** A key read from an environment variable (official name of what `fromEnvironmentVariable` returns). */
export class EnvMomentoTokenProvider extends CredentialProvider {
  /** @param {string | {environmentVariableName: string, env?: object, endpointOverrides?: object}} props */
  constructor(props) {
    const o = obj(props);
    const name = typeof props === 'string' ? props : str(o, 'environmentVariableName') ?? '';
    // environmentVariableName: the variable the key was read from.
    super({ ...parse(envVar(o?.env, name), obj(o?.endpointOverrides)), environmentVariableName: name });
  }
}

/** The official default: a v2 key from MOMENTO_API_KEY + MOMENTO_ENDPOINT, else a v1 key from MOMENTO_API_KEY. */
export function defaultCredentialProvider() {
  try {
    return CredentialProvider.fromEnvVarV2();
  } catch {
    return CredentialProvider.fromEnvVar('MOMENTO_API_KEY');
  }
}
