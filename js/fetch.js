// gRPC-web over fetch: the transport of browsers, workers and Deno, and of Node when a configuration passes its own
// fetch (`withFetch`). The wasm core (src/transport/js.rs) starts one request per call object and awaits one promise
// per step; `response()` and `read()` never reject: a failure is recorded in `failure` (1 deadline, 2 caller's
// signal, 3 network) with a `message`. Bodies cross as binary gRPC-web frames: text mode's base64 is done here, with
// the platform's codec. Unary calls only; server streams (subscriptions) are js/fetch-stream.js's, which only the
// TopicClient uses. Standalone (no imports): tests/browser.rs imports it as it is.

/** `failure` of a call that hit its deadline. */
export const TIMEOUT = 1;
/** `failure` of a call the caller's AbortSignal ended. */
export const CANCELLED = 2;
/** `failure` of a call the network failed (`message` says how). */
export const NETWORK = 3;

/** A readable description of a fetch failure, including Node's `cause` (`connect ECONNREFUSED 127.0.0.1:1`). */
export function describe(e) {
  const detail = e?.cause?.message || e?.cause?.code;
  return (e?.message || String(e ?? 'network error')) + (detail ? ` (${detail})` : '');
}

/**
 * Text mode's base64 codec (standard alphabet, padded): the platform's `Uint8Array.prototype.toBase64` /
 * `Uint8Array.fromBase64` where present, else btoa/atob. The Node entry installs Buffer's (js/http2.js `nodeBase64`).
 * `decode` throws on a malformed segment.
 */
export const base64 = {
  encode: (bytes) => bytes.toBase64?.() ?? btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join('')),
  decode: (s) => Uint8Array.fromBase64?.(s) ?? Uint8Array.from(atob(s), (c) => c.charCodeAt(0)),
};

/** Decodes a grpc-web-text body: a server may encode frame by frame, so padding can end a segment in mid-body. */
export function fromBase64(s) {
  const pad = s.indexOf('=');
  if (pad < 0 || pad >= s.length - 2) return base64.decode(s);
  const parts = s.split(/(?<==)(?=[^=])/).map((p) => base64.decode(p));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
}

/** Resolves after `ms` milliseconds (retry backoff). */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** gRPC-web over `fetch` (see the file comment): what the wasm client cores send requests through. */
export class FetchTransport {
  /** @param {typeof fetch} [fetchFn] the fetch to call (default: the global `fetch`, looked up at each call) */
  constructor(fetchFn) {
    this._fetch = fetchFn;
  }

  /** `false`: gRPC-web, not gRPC (the core picks the `web.` hosts and gRPC-web headers). */
  get grpc() { return false; }

  /** Starts one unary request (see `FetchCall`). */
  call(origin, path, headers, body, text, timeoutMs, signal) {
    return new FetchCall(this._fetch ?? fetch, origin + path, headers, body, text, timeoutMs, signal);
  }

  /** Resolves after `ms` milliseconds. */
  sleep(ms) { return sleep(ms); }

  /** Nothing to release: fetch owns its connections. */
  close() {}
}

/**
 * What the calls of both transports share (this one's FetchCall, js/http2.js's H2Call): the fields the core reads
 * (`failure`, `message`, `status`, `contentType`, `headers`, `body`), the deadline timer and the caller's signal, and
 * the one promise the core waits on at a time. `_stop()` ends the request on the wire.
 */
export class Call {
  /** A call for the caller's `signal`; over at once (CANCELLED) when it fired already. */
  constructor(signal) {
    this.failure = 0;
    this.message = '';
    this.status = 0;
    this.contentType = '';
    this.headers = '';
    this.body = undefined;
    this._signal = signal;
    if (signal?.aborted) {
      this.failure = CANCELLED;
      this._over = true;
    }
  }

  /** Aborts the call when the caller's signal fires, and at the deadline when `timeoutMs` > 0 (one timer). */
  _arm(timeoutMs) {
    if (this._signal) {
      this._onAbort = () => this._abort(CANCELLED);
      this._signal.addEventListener('abort', this._onAbort, { once: true });
    }
    if (timeoutMs > 0) this._timer = setTimeout(() => this._abort(TIMEOUT), timeoutMs);
  }

  /** Settles the promise the core waits on (once). */
  _wake(value) {
    const resolve = this._resolve;
    this._resolve = undefined;
    resolve?.(value);
  }

  _abort(why) {
    if (this._over) return;
    this.failure = why;
    this._stop();
    this._finish();
    this._wake(false);
  }

  /** Stops the timer and forgets the caller's signal: the call is over. */
  _finish() {
    this._over = true;
    this.disarm();
    if (this._onAbort) this._signal.removeEventListener('abort', this._onAbort);
    this._onAbort = undefined;
  }

  /** Hands `body` over (the wasm side copies it) and drops the reference. */
  takeBody() {
    const b = this.body ?? new Uint8Array(0);
    this.body = undefined;
    return b;
  }

  /** Cancels the deadline (a stream that delivered its first message). */
  disarm() {
    clearTimeout(this._timer);
    this._timer = undefined;
  }

  /** Ends the request unless it is over (a dropped call must not keep a request or a stream open). */
  cancel() {
    if (this._over) return;
    this._stop();
    this._finish();
  }
}

/** One in-flight unary request. */
export class FetchCall extends Call {
  /**
   * Starts the request now. `headers` is `name\nvalue\n…`; `body` (one binary frame, a view of wasm memory)
   * is copied before this returns; `timeoutMs` 0 = no deadline (for a stream it bounds the wait for the first
   * message, until `disarm()`). The deadline aborts the request: through `AbortSignal.timeout` when that is all
   * (one timer, no AbortController), through an AbortController and a timer when the caller's signal must abort it
   * too, or the call is a stream (`controller`: unsubscribing closes it).
   */
  constructor(fetchFn, url, headers, body, text, timeoutMs, signal, controller) {
    super(signal);
    if (this._over) return;
    if (signal) controller ??= new AbortController();
    this._controller = controller;
    this._arm(controller ? timeoutMs : 0);
    const deadline = this._deadline = controller || !timeoutMs ? undefined : AbortSignal.timeout(timeoutMs);
    const init = { method: 'POST', headers: {}, body: text ? base64.encode(body) : body, signal: controller?.signal ?? deadline };
    const h = headers.split('\n');
    for (let i = 1; i < h.length; i += 2) init.headers[h[i - 1]] = h[i];
    try {
      this._fetch = fetchFn(url, init);
    } catch (e) {
      this._fail(e);
    }
  }

  _stop() {
    this._controller?.abort();
  }

  _fail(e) {
    if (!this._over) {
      this.failure = this._deadline?.aborted ? TIMEOUT : NETWORK;
      this.message = describe(e);
      this._finish();
    }
    this._wake(false);
  }

  /**
   * Resolves once the status and headers are in — and the whole body (in `body`, as binary frames). Sets
   * `contentType`, and `headers` (`name\nvalue\n…`, every header) only when the response carries `grpc-status` (a
   * trailers-only response); the core reads nothing else. Resolves `false` on failure.
   */
  response() {
    return new Promise((resolve) => {
      if (this._over) return resolve(false);
      this._resolve = resolve;
      this._fetch.then((res) => {
        if (this._over) return;
        this.status = res.status;
        const h = res.headers;
        this._text = (this.contentType = h.get('content-type') ?? '').startsWith('application/grpc-web-text');
        if (h.has('grpc-status')) {
          let s = '';
          for (const [k, v] of h) s += `${k}\n${v}\n`;
          this.headers = s;
        }
        return this._body(res);
      }).catch((e) => this._fail(e));
    });
  }

  /** Reads the whole body (a stream reads it chunk by chunk instead). */
  async _body(res) {
    const body = this._text ? fromBase64(await res.text()) : new Uint8Array(await res.arrayBuffer());
    if (this._over) return;
    this.body = body;
    this._finish();
    this._wake(true);
  }
}
