// The one call pipeline of every client (CacheClient, TopicClient, AuthClient, PreviewLeaderboardClient): props
// checks, the transport (gRPC-web over fetch; gRPC over node:http2 in the Node entries), the wasm core's life (built
// at construction, rebuilt after an instance replacement, released on close), token refresh, middlewares, logging,
// and throwOnErrors. Each client class extends ClientBase and its methods are
// one line: `this._call(<response namespace>, cacheName, (core) => core.<method>(...args))` (`cacheName` undefined
// for calls about no cache).
import { drive, instanceGeneration, recover, release } from './drive.js';
import { Configuration, CredentialProvider, credentialData, defaultCredentialProvider, isRefreshing } from './config.js';
import { InvalidArgumentError } from './errors.js';
import { INVALID, invalidArgument, sdkErrorFrom, unknownErrorFrom } from './error-results.js';
import { DefaultMomentoLoggerFactory } from './logging.js';
import { FetchTransport } from './fetch.js';

/** Builds the transport of a client whose configuration gives no fetch; unset = gRPC-web over the global fetch. */
let nativeTransport;

/**
 * Makes `factory` (a Configuration → a transport) the transport of every client whose configuration gives no `fetch`:
 * the Node entries install gRPC over node:http2 (js/http2.js) this way, so that it never enters a browser bundle.
 */
export function useNativeTransport(factory) {
  nativeTransport = factory;
}

/** The `runtime-version` header value, from whatever global describes the runtime. */
export function runtimeVersion() {
  const g = globalThis;
  if (g.navigator?.userAgent) return `js-wasm:${g.navigator.userAgent}`;
  if (g.process?.versions?.node) return `js-wasm:node:${g.process.versions.node}`;
  return 'js-wasm:unknown';
}

/** A tagged INVALID_ARGUMENT result, as the core produces for validation failures. */
export const invalid = (msg) => ({ type: 'Error', errorCode: 'INVALID_ARGUMENT_ERROR', message: INVALID + msg, details: msg });
/** The result of every call on a closed client. */
const CLOSED = 'the client is closed';

/** Base of every client: see the file comment. */
export class ClientBase {
  /**
   * @param {{configuration?: Configuration, credentialProvider?: object, throwOnErrors?: boolean}} props
   * @param {() => Configuration} defaultConfiguration the client's preset when `props.configuration` is absent
   * @param {string} name the logger name
   * @param {(configuration: Configuration, credentials: object, transport: object) => object} makeCore builds the
   *   wasm core (throws an Error with `errorCode` for bad props)
   * @param {typeof FetchTransport} [Fetch] the gRPC-web transport class (js/fetch-stream.js's for subscriptions)
   */
  constructor(props, defaultConfiguration, name, makeCore, Fetch = FetchTransport) {
    const configuration = props?.configuration ?? defaultConfiguration();
    let provider = props?.credentialProvider ?? defaultCredentialProvider();
    if (isRefreshing(provider)) {
      this._refreshing = provider;
      provider = provider.current;
    }
    if (!(configuration instanceof Configuration)) throw invalidArgument('configuration must be a Configuration');
    if (!(provider instanceof CredentialProvider)) throw invalidArgument('credentialProvider must be a CredentialProvider');
    this._configuration = configuration;
    this._throwOnErrors = props?.throwOnErrors ?? configuration.throwOnErrors;
    this._provider = provider;
    this._makeCore = makeCore;
    this._transport = configuration.fetch || !nativeTransport ? new Fetch(configuration.fetch) : nativeTransport(configuration);
    this._build();
    // Later calls (and topic reconnects) use the refreshed token.
    this._stopRefresh = this._refreshing?.onRefresh((p) => {
      this._provider = p;
      if (this._generation === instanceGeneration()) this._core?.setCredentials(credentialData(p));
    });
    this._logger = (configuration.loggerFactory ?? new DefaultMomentoLoggerFactory()).getLogger(name);
    this._middlewares = configuration.middlewares ?? [];
  }

  /** Builds the wasm core for the current instance; a construction error becomes an InvalidArgumentError. */
  _build() {
    this._generation = instanceGeneration();
    try {
      this._core = this._makeCore(this._configuration, credentialData(this._provider), this._transport);
    } catch (e) {
      const r = recover(e);
      if (r.errorCode === 'INVALID_ARGUMENT_ERROR') throw new InvalidArgumentError(r.details, r.message);
      throw r.error ?? sdkErrorFrom(r);
    }
  }

  /** The wasm core (rebuilt if the instance was replaced since), or `undefined` once the client is closed. */
  _coreNow() {
    if (this._closed) return undefined;
    if (this._generation !== instanceGeneration()) this._build();
    return this._core;
  }

  /** The configuration this client uses. */
  get configuration() { return this._configuration; }

  /** Releases the wasm-side client and its connections now (otherwise the garbage collector does it); later calls
   * answer an Error. */
  close() {
    this._closed = true;
    this._transport.close();
    this._stopRefresh?.();
    if (this._core) release(this._core, this._generation);
    this._core = undefined;
  }

  /**
   * Runs `run(core, prepared)` (a wasm call, or an async function making several) to its tagged result; `prep` (a
   * promise, e.g. of a compressed value) is settled first, before the core is taken. Never rejects.
   */
  async _run(run, prep) {
    if (this._refreshing) await this._refreshing.ensureFresh();
    const prepared = prep && await prep;
    const core = this._coreNow();
    return core ? drive(() => run(core, prepared)) : invalid(CLOSED);
  }

  /**
   * Runs a call through the pipeline and wraps its tagged result in `ns`'s classes (`cacheName`, the cache the call
   * is about, for middlewares; `extra` is merged into the raw result; `prep` as in `_run`; `post` may rewrite the raw
   * result, e.g. decompress a hit). Resolves to the response; rejects only under throwOnErrors, with the response's
   * SdkError.
   */
  async _call(ns, cacheName, run, extra, prep, post) {
    const handlers = this._middlewares.length ? this._startMiddlewares(ns, cacheName) : null;
    let r;
    try {
      r = await this._run(run, prep);
      // A token that expired in flight: refresh once and retry (de-duplicated across concurrent calls).
      if (this._refreshing && r.errorCode === 'AUTHENTICATION_ERROR' && /expired/i.test(r.details ?? '')) {
        await this._refreshing.refresh();
        r = await this._run(run, prep);
      }
      if (post) r = await post(r);
    } catch (e) {
      r = { type: 'Error', error: unknownErrorFrom(e) };
    }
    if (r.type !== 'Error' && !ns[r.type]) {
      r = { type: 'Error', error: unknownErrorFrom(new Error(`unexpected response variant ${r.type}`)) };
    }
    const resp = r.type === 'Error' ? new ns.Error(r.error ?? sdkErrorFrom(r)) : new ns[r.type](extra ? { ...r, ...extra } : r);
    if (handlers) this._endMiddlewares(handlers, resp);
    return this._settle(resp, ns.requestType);
  }

  /** Logs a failed response and, under throwOnErrors, throws its SdkError; returns `resp` otherwise. */
  _settle(resp, requestType) {
    if (resp.type === 'Error') {
      this._logger.debug(`${requestType} failed: ${resp.errorCode()} ${resp.message()}`);
      if (this._throwOnErrors) throw resp.innerException();
    }
    return resp;
  }

  /** Middleware hooks never break a call: a throwing middleware is logged and skipped. */
  _startMiddlewares(ns, cacheName) {
    return this._middlewares.map((m) => {
      try {
        const h = m.onNewRequest?.({});
        h?.onRequest?.({ getRequestType: () => ns.requestType, getCacheName: () => cacheName });
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
}
