// Types of js/config.js: Configuration, Configurations, CredentialProvider, and the logger and middleware shapes a
// configuration carries. Shared by the full and the lite package (types/common.d.ts re-exports them).

// ---------------------------------------------------------------- logging and middleware shapes

/** A logger (the official MomentoLogger shape). */
export interface MomentoLogger {
  error(msg: string, ...args: unknown[]): void; warn(msg: string, ...args: unknown[]): void;
  info(msg: string, ...args: unknown[]): void; debug(msg: string, ...args: unknown[]): void;
  trace(msg: string, ...args: unknown[]): void;
}
/** Creates loggers (the official MomentoLoggerFactory shape). */
export interface MomentoLoggerFactory { getLogger(loggerName: string | object): MomentoLogger; }
/** Request hooks run around every call (the web SDK's middleware shape). */
export interface MiddlewareRequestHandler {
  onRequest?(request: { getRequestType(): string; getCacheName(): string | undefined }): void;
  onResponseStatus?(status: { code(): number; errorCode(): string | undefined }): void;
  onResponseEnd?(): void;
}
/** A middleware: a handler per request. */
export interface Middleware { onNewRequest(context?: object): MiddlewareRequestHandler; }

// ---------------------------------------------------------------- configuration

/** A retry strategy for `withRetryStrategy`: exponential backoff with jitter (defaults 3 attempts, 100 ms, 2 s). */
export interface RetryStrategyProps { maxAttempts: number; initialDelayMillis?: number; maxBackoffMillis?: number; }

/** Read concerns (official `ReadConcern`). */
export declare const ReadConcern: Readonly<{ BALANCED: 'balanced'; CONSISTENT: 'consistent' }>;
export type ReadConcern = 'balanced' | 'consistent';
export declare namespace ReadConcern { type BALANCED = 'balanced'; type CONSISTENT = 'consistent'; }

/** The official transport-strategy view of the deadline and connection count. */
export interface TransportStrategy {
  getGrpcConfig(): { getDeadlineMillis(): number; getNumClients?(): number };
  withClientTimeoutMillis(clientTimeoutMillis: number): TransportStrategy;
}
/** A value compressor of the official `ICompression` shape (`CompressorFactory.default()` is the built-in gzip). */
export interface ICompression {
  compress(compressionLevel: string, value: Uint8Array): Promise<Uint8Array>;
  decompressIfCompressed(value: Uint8Array): Promise<Uint8Array>;
}
/** The official Node SDK's CompressionStrategy (`withCompressionStrategy`). */
export interface CompressionStrategy {
  /** Default: the built-in gzip (reads zstd too). */
  compressorFactory?: ICompression;
  /** `'Fastest' | 'Balanced' | 'SmallestSize'`; default `'Balanced'`. */
  compressionLevel?: string;
  /** `'Enabled'` (default): reads decompress hits automatically. */
  automaticDecompression?: string;
}
/** The official ConfigurationProps, plus this SDK's settings; what is absent comes from the Laptop preset. */
export interface ConfigurationProps {
  loggerFactory?: MomentoLoggerFactory;
  transportStrategy?: TransportStrategy;
  middlewares?: Middleware[];
  throwOnErrors?: boolean;
  readConcern?: ReadConcern;
  clientTimeoutMillis?: number;
  transportMode?: 'text' | 'binary';
  compression?: CompressionStrategy;
  fetch?: typeof fetch;
  numConnections?: number;
  keepAliveTimeMillis?: number;
}

/**
 * Client configuration: deadline, retries, throwOnErrors, read concern, transport mode, logger and middlewares.
 * Build one from a preset (`Configurations.Browser.latest()`) and adjust with `with…` methods (each returns a copy).
 */
export declare class Configuration {
  /** Throws InvalidArgumentError for a bad setting. */
  constructor(props?: ConfigurationProps);
  /** Browser preset (v1): relaxed 15 s deadline, retries with backoff; for short-lived disposable tokens. */
  static browserV1(): Configuration;
  /** Laptop preset (v1): 5 s deadline, retries with backoff. */
  static laptopV1(): Configuration;
  /** InRegion.Default preset (v1): 1.1 s deadline. */
  static inRegionDefaultV1(): Configuration;
  /** InRegion.LowLatency preset (v1): 0.5 s deadline. */
  static inRegionLowLatencyV1(): Configuration;
  /** Lambda preset (v1): 1.1 s deadline. */
  static lambdaV1(): Configuration;
  /** The overall deadline of one call (including retries), in milliseconds. */
  readonly clientTimeoutMillis: number;
  /** Whether failed calls reject instead of resolving to an `Error` response. */
  readonly throwOnErrors: boolean;
  /** `'balanced'` or `'consistent'`. */
  readonly readConcern: 'balanced' | 'consistent';
  /** `'text'` (gRPC-web text, the default) or `'binary'`. */
  readonly transportMode: 'text' | 'binary';
  /** The logger factory the facade logs through (`undefined` = the default console logger). */
  readonly loggerFactory: MomentoLoggerFactory | undefined;
  /** The middlewares the facade runs around every call. */
  readonly middlewares: Middleware[];
  /** The compression strategy, if any (full package). */
  readonly compression: CompressionStrategy | undefined;
  /** The fetch gRPC-web requests go through (`withFetch`); `undefined`: the global one, or gRPC over node:http2 in
   * Node. */
  readonly fetch: typeof fetch | undefined;
  /** HTTP/2 connections per endpoint in Node (the official SDK's `numClients`; default 1). */
  readonly numConnections: number;
  /** Node: the keepalive PING interval of an HTTP/2 connection; `undefined` = 5 s, 0 = none (the Lambda preset). */
  readonly keepAliveTimeMillis: number | undefined;
  /** A copy with another overall call deadline: whole milliseconds from 1 to 2147483647 (InvalidArgumentError
   * otherwise). */
  withClientTimeoutMillis(clientTimeoutMillis: number): this;
  getClientTimeoutMillis(): number;
  getTransportStrategy(): TransportStrategy;
  /** A copy taking its deadline from `transportStrategy.getGrpcConfig().getDeadlineMillis()`. */
  withTransportStrategy(transportStrategy: TransportStrategy): this;
  /** The logger factory (the default console one when none was set). */
  getLoggerFactory(): MomentoLoggerFactory;
  getMiddlewares(): Middleware[];
  /** A copy with `middleware` added after the others. */
  addMiddleware(middleware: Middleware): this;
  getThrowOnErrors(): boolean;
  getReadConcern(): ReadConcern;
  /** A copy compressing `{compress: true}` writes and decompressing reads automatically (full package). */
  withCompressionStrategy(compression: CompressionStrategy): this;
  getCompressionStrategy(): CompressionStrategy | undefined;
  /**
   * A copy with another retry strategy: `{maxAttempts, initialDelayMillis?, maxBackoffMillis?}` (exponential
   * backoff with jitter; only idempotent calls on CANCELLED/INTERNAL/UNAVAILABLE are retried), or `null` for no
   * retries. Throws INVALID_ARGUMENT_ERROR when a field is not a non-negative number.
   */
  withRetryStrategy(retryStrategy: RetryStrategyProps | null): this;
  /** A copy logging through `loggerFactory` (`{getLogger(name): {error, warn, info, debug, trace}}`). */
  withLoggerFactory(loggerFactory: MomentoLoggerFactory): this;
  /**
   * A copy running `middlewares` around every call (`{onNewRequest(context): {onRequest?, onResponseStatus?,
   * onResponseEnd?}}`). Throws INVALID_ARGUMENT_ERROR when `middlewares` is not an array.
   */
  withMiddlewares(middlewares: Middleware[]): this;
  /** A copy that throws (rejects) on errors instead of returning `Error` responses. */
  withThrowOnErrors(throwOnErrors: boolean): this;
  /** A copy with read concern `'balanced'` or `'consistent'`; throws INVALID_ARGUMENT_ERROR otherwise. */
  withReadConcern(readConcern: 'balanced' | 'consistent'): this;
  /** A copy using gRPC-web `'text'` (default) or `'binary'` framing; throws INVALID_ARGUMENT_ERROR otherwise.
   * (gRPC-web only: Node speaks gRPC unless `withFetch` is given.) */
  withTransportMode(transportMode: 'text' | 'binary'): this;
  /** A copy sending gRPC-web requests through `fetch` in any runtime (in Node too, instead of gRPC over
   * node:http2). */
  withFetch(fetch: typeof globalThis.fetch): this;
  /** A copy with `numConnections` HTTP/2 connections per endpoint in Node (1–256); throws INVALID_ARGUMENT_ERROR
   * otherwise. */
  withNumConnections(numConnections: number): this;
}

/** A preset: a Configuration subclass with `v1()` and `latest()` (official `Configurations.Laptop` etc.). */
export interface Preset<C extends Configuration = Configuration> {
  new (props?: ConfigurationProps): C;
  v1(): C;
  latest(): C;
}
/** The configuration of topic clients (official name). */
export declare class TopicClientConfiguration extends Configuration {}
/** The configuration of leaderboard clients (official name). */
export declare class LeaderboardClientConfiguration extends Configuration {}
/** Versioned configuration presets. */
export declare const Configurations: Readonly<{
  /** For pages talking to Momento directly with short-lived disposable tokens: relaxed deadline (15 s). */
  Browser: Preset;
  /** For development machines: 5 s deadline. */
  Laptop: Preset;
  InRegion: {
    /** Servers in the same region: 1.1 s deadline. */
    Default: Preset;
    /** Latency-critical servers in region: 0.5 s deadline. */
    LowLatency: Preset;
  };
  /** Serverless functions: 1.1 s deadline. */
  Lambda: Preset;
}>;

// ---------------------------------------------------------------- credentials

/**
 * Endpoints to use instead of the key's own: all three (`https://` is added when no scheme is given), or a base
 * endpoint from which `cache.`, `control.` and `token.` hosts are derived (after an optional prefix).
 */
export type EndpointOverrides = { cacheEndpoint: string; controlEndpoint: string; tokenEndpoint: string; secureConnection?: boolean }
  | { baseEndpoint: string; endpointPrefix?: string; secureConnection?: boolean };
/** Properties of `CredentialProvider.fromString` / `fromDisposableToken`. */
export interface StringCredentialProps { apiKey?: string; authToken?: string; endpointOverrides?: EndpointOverrides; }
/** Properties of `CredentialProvider.fromEnvironmentVariable` / `fromEnvVar`. */
export interface EnvironmentVariableCredentialProps {
  environmentVariableName: string;
  /** Where to read the variable (a Cloudflare Worker's `env` binding); default `process.env`. */
  env?: Record<string, string | undefined>;
  endpointOverrides?: EndpointOverrides;
}

/**
 * Where the credential comes from: a v1 API key or disposable token, a legacy JWT, a v2 key with its endpoint, or
 * an open local server. The static factories parse and validate the key at once and throw InvalidArgumentError
 * when it does not parse. Only loopback endpoints (`localhost`, `127.0.0.0/8`, `[::1]`) are reached over plain
 * `http://` unless the overrides say `secureConnection: false` or name an `http://` URL.
 */
export declare class CredentialProvider {
  protected constructor(data: object);
  /**
   * From an API key or disposable token: `fromString('key')` or
   * `fromString({apiKey, endpointOverrides?: {cacheEndpoint, controlEndpoint, tokenEndpoint} | {baseEndpoint, endpointPrefix?}})`.
   */
  static fromString(props: string | StringCredentialProps): CredentialProvider;
  /** Same as `fromString` (a disposable token is a v1 key). */
  static fromDisposableToken(props: string | StringCredentialProps): CredentialProvider;
  /**
   * From an environment variable holding a v1 key: `fromEnvironmentVariable('MOMENTO_API_KEY')` or
   * `fromEnvironmentVariable({environmentVariableName, env?, endpointOverrides?})`. Reads `env` when given
   * (a Cloudflare Worker's `env` binding), else `process.env` when it exists (Node, Deno's compat); throws
   * INVALID_ARGUMENT_ERROR when the variable is missing or empty.
   */
  static fromEnvironmentVariable(props: string | EnvironmentVariableCredentialProps): CredentialProvider;
  /** Alias of `fromEnvironmentVariable`. */
  static fromEnvVar(props: string | EnvironmentVariableCredentialProps): CredentialProvider;
  /** A v2 API key with its endpoint: `fromApiKeyV2({apiKey, endpoint})`. */
  static fromApiKeyV2(props: { apiKey: string; endpoint: string }): CredentialProvider;
  /**
   * A v2 API key and endpoint from environment variables (defaults `MOMENTO_API_KEY`, `MOMENTO_ENDPOINT`), read
   * from `env` when given, else `process.env`.
   */
  static fromEnvVarV2(props?: {
    apiKeyEnvVar?: string; endpointEnvVar?: string; env?: Record<string, string | undefined>;
  }): CredentialProvider;
  /** A local server without authentication at `http://hostname:port` (defaults `127.0.0.1:8080`). */
  static forMomentoLocal(props?: { hostname?: string; port?: number }): CredentialProvider;
  /** When the token expires (epoch seconds, from its `exp` claim), or `undefined` if it does not say. */
  readonly expiresAt: number | undefined;
  /** The cache (data plane) endpoint URL: gRPC goes there, gRPC-web to its host prefixed with `web.` when
   * `webPrefix` (as the official SDKs do). */
  readonly cacheEndpoint: string;
  /** Whether gRPC-web requests go to `web.<host>` (endpoints derived from the key; not overridden, IP or
   * `localhost` ones). */
  readonly webPrefix: boolean | undefined;
  /** The control plane endpoint URL. */
  readonly controlEndpoint: string;
  /** The token endpoint URL. */
  readonly tokenEndpoint: string;
  /** The token sent with every request. */
  getAuthToken(): string;
  /** The cache endpoint's host[:port], as the official SDK names it (`cacheEndpoint` is the full URL). */
  getCacheEndpoint(): string;
  getControlEndpoint(): string;
  getTokenEndpoint(): string;
  /** Whether requests go over TLS. */
  isEndpointSecure(): boolean;
  /** @deprecated use isEndpointSecure(). */
  isCacheEndpointSecure(): boolean;
  /** @deprecated use isEndpointSecure(). */
  isControlEndpointSecure(): boolean;
  /** @deprecated use isEndpointSecure(). */
  isTokenEndpointSecure(): boolean;
  /** Whether the endpoints were given explicitly (overrides or a local server). */
  areEndpointsOverridden(): boolean;
  /** @deprecated use `CredentialProvider.forMomentoLocal()`. */
  withMomentoLocal(): CredentialProvider;
}
/** A key given as a string (what `CredentialProvider.fromString` returns). */
export declare class StringMomentoTokenProvider extends CredentialProvider {
  constructor(props: string | StringCredentialProps);
}
/** A key read from an environment variable (what `CredentialProvider.fromEnvironmentVariable` returns). */
export declare class EnvMomentoTokenProvider extends CredentialProvider {
  constructor(props: string | EnvironmentVariableCredentialProps);
  readonly environmentVariableName: string;
}

export {};
