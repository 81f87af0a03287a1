// The JS half of src/transport/fetch.rs (wasm-bindgen copies it into the package as a snippet).
// One request = one `Call`: the global `fetch` (browsers, Node ≥ 18, Workers, Deno — no XHR) under an
// AbortController that fires on the deadline or on the caller's AbortSignal. `response()` and `read()` never
// reject: a failure is recorded in `failure` (1 deadline, 2 caller's signal, 3 network) with a `message`, so the
// wasm side awaits one promise per request and never parses error texts.

const TIMEOUT = 1;
const CANCELLED = 2;
const NETWORK = 3;

/** A readable description of a fetch failure, including Node's `cause` (`connect ECONNREFUSED 127.0.0.1:1`). */
function describe(e) {
  let message = (e && e.message) || String(e ?? 'network error');
  const cause = e && e.cause;
  const detail = cause && (cause.message || cause.code);
  if (detail) message += ` (${detail})`;
  return message;
}

/** One in-flight request (see the file comment). */
export class Call {
  /**
   * Starts the request now. `headers` alternates names and values; `timeoutMs` 0 = no deadline (for a stream it
   * bounds the wait for the first message, until `disarm()`); `body` is copied by `fetch` before this returns.
   */
  constructor(url, headers, body, timeoutMs, signal, streaming) {
    this.failure = 0;
    this.message = '';
    this.status = 0;
    this.contentType = '';
    this.headers = '';
    this.body = undefined;
    this._streaming = streaming;
    this._reader = undefined;
    this._done = false;
    const controller = new AbortController();
    this._controller = controller;
    this._signal = signal;
    if (signal) {
      if (signal.aborted) {
        this.failure = CANCELLED;
        this._fetch = Promise.resolve();
        return;
      }
      this._onAbort = () => this._abort(CANCELLED);
      signal.addEventListener('abort', this._onAbort, { once: true });
    }
    if (timeoutMs > 0) this._timer = setTimeout(() => this._abort(TIMEOUT), timeoutMs);
    const init = { method: 'POST', headers: {}, body, signal: controller.signal };
    for (let i = 0; i + 1 < headers.length; i += 2) init.headers[headers[i]] = headers[i + 1];
    try {
      this._fetch = fetch(url, init);
    } catch (e) {
      this._fail(e);
      this._fetch = Promise.resolve();
    }
  }

  _abort(why) {
    if (this._done) return;
    if (!this.failure) this.failure = why;
    this._controller.abort();
  }

  _fail(e) {
    if (!this.failure) {
      this.failure = NETWORK;
      this.message = describe(e);
    }
    this._finish();
  }

  /** Stops the timer and forgets the caller's signal: the request is over. */
  _finish() {
    this._done = true;
    this.disarm();
    if (this._onAbort) this._signal.removeEventListener('abort', this._onAbort);
    this._onAbort = undefined;
  }

  /**
   * Resolves once the status and headers are in — and, unless streaming, the whole body (in `body`). Sets
   * `contentType`, and `headers` (`name\nvalue\n…`, every header) only when the response carries `grpc-status`
   * (a trailers-only response); the core reads nothing else. Resolves `false` on failure (see `failure`).
   */
  async response() {
    try {
      const res = await this._fetch;
      if (this.failure) return this._finish(), false;
      this.status = res.status;
      const h = res.headers;
      this.contentType = h.get('content-type') ?? '';
      if (h.has('grpc-status')) {
        let s = '';
        for (const [k, v] of h) s += `${k}\n${v}\n`;
        this.headers = s;
      }
      if (this._streaming) {
        this._reader = res.body?.getReader();
        return true;
      }
      this.body = new Uint8Array(await res.arrayBuffer());
      this._finish();
      return true;
    } catch (e) {
      this._fail(e);
      return false;
    }
  }

  /** The next chunk of a stream into `body`: `true`, or `false` at the end or on failure (see `failure`). */
  async read() {
    try {
      const r = this._reader ? await this._reader.read() : { done: true };
      if (r.done) return this._finish(), false;
      this.body = r.value;
      return true;
    } catch (e) {
      this._fail(e);
      return false;
    }
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

  /** Aborts the request unless it is over (a dropped call must not keep a request or a stream open). */
  cancel() {
    if (this._done) return;
    this._controller.abort();
    this._finish();
  }
}

/** Resolves after `ms` milliseconds (retry backoff). */
export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
