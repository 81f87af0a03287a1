// gRPC over HTTP/2 with node:http2: the transport of the Node entries (index.node.js and its CommonJS and lite builds; never part of
// a browser bundle). It speaks what the official Node SDK speaks to Momento's gRPC endpoints: `application/grpc`, the
// status in HTTP/2 trailers, TLS with ALPN h2 for https:// endpoints and cleartext HTTP/2 (prior knowledge, h2c) for
// http:// ones (a local momento-server).
//
// Each client has a pool of `numConnections` sessions per origin (the official SDK's channel count), used round robin.
// A session is replaced when it received a GOAWAY (its streams in flight finish), failed or closed, missed a keepalive
// PING ack (`keepAliveTimeMillis`/`keepAliveTimeoutMillis`), or sat idle for `maxIdleMillis` (checked when the next
// call starts, before it is sent: a Lambda function frozen between invocations cannot run timers, and its
// connection may have been dropped meanwhile — the Lambda preset turns keepalive off and relies on this). Idle
// sessions do not hold the process open. A deadline or the caller's AbortSignal resets the stream (RST_STREAM
// CANCEL). The wasm core reads gRPC-web binary frames: the trailers reach it as a trailer frame at the end of the
// body (src/transport/js.rs).
import { connect, constants } from 'node:http2';
import { Call, NETWORK, TIMEOUT, describe, sleep } from './fetch.js';

const { NGHTTP2_CANCEL, NGHTTP2_REFUSED_STREAM } = constants;

/** Session options: no server push; the official SDK's session memory (the default 10 MB caps a busy session). */
const SESSION = { settings: { enablePush: false, initialWindowSize: 4 << 20 }, maxSessionMemory: 256 };
/** The connection-level receive window (64 KiB by default): room for a few 5 MB replies in flight. */
const CONNECTION_WINDOW = 16 << 20;

/** Closes every session of a transport's pools (`close()`, or the transport was garbage-collected unclosed). */
function closeAll(pools) {
  for (const pool of pools.values()) for (const s of pool.sessions) s?.close();
  pools.clear();
}
const unclosed = new FinalizationRegistry(closeAll);

/** gRPC over `node:http2` (see the file comment): what the wasm client cores of the Node entries send requests through. */
export class Http2Transport {
  /**
   * @param {{numConnections?: number, keepAliveTimeMillis?: number, keepAliveTimeoutMillis?: number,
   *   maxIdleMillis?: number}} [settings] a Configuration (js/config.js) or the same fields: sessions per origin
   *   (default 1), keepalive PING interval (0 = none) and ack timeout, idle time after which a session is replaced
   *   (0 = never); the defaults are the official Node SDK's (PING every 5 s, 1 s to ack, 4 min idle)
   */
  constructor(settings) {
    this._options = {
      connections: Math.max(1, settings?.numConnections ?? 1),
      keepAlive: settings?.keepAliveTimeMillis ?? 5000,
      keepAliveTimeout: settings?.keepAliveTimeoutMillis ?? 1000,
      maxIdle: settings?.maxIdleMillis ?? 4 * 60 * 1000,
    };
    /** origin → Pool. Sessions never refer back to the transport, so an unclosed one can be collected. */
    this._pools = new Map();
    /** path → header string → header object (see `_headers`). */
    this._made = new Map();
    unclosed.register(this, this._pools, this);
  }

  /** `true`: gRPC (the core picks the plain hosts and gRPC headers). */
  get grpc() { return true; }

  /** Starts one request (see `H2Call`); `text` does not apply to gRPC. */
  call(origin, path, headers, body, text, timeoutMs, signal, streaming) {
    let pool = this._pools.get(origin);
    if (!pool) this._pools.set(origin, pool = new Pool(origin, this._options));
    return new H2Call(pool, this._headers(path, headers), body, timeoutMs, signal, streaming);
  }

  /**
   * The request header object (`:method`, `:path` and the `name\nvalue\n…` of `headers`) of a call, made once per
   * distinct path and headers (calls of one RPC mostly repeat them exactly): node:http2 copies it, never changes it.
   */
  _headers(path, headers) {
    let forPath = this._made.get(path);
    if (!forPath) this._made.set(path, forPath = new Map());
    let h = forPath.get(headers);
    if (!h) {
      h = { ':method': 'POST', ':path': path };
      const parts = headers.split('\n');
      for (let i = 1; i < parts.length; i += 2) h[parts[i - 1]] = parts[i];
      if (forPath.size >= 64) forPath.clear(); // e.g. retries' shorter grpc-timeouts: keep it bounded
      forPath.set(headers, h);
    }
    return h;
  }

  /** Resolves after `ms` milliseconds. */
  sleep(ms) { return sleep(ms); }

  /** Closes every session (gracefully: calls in flight finish); a later call opens new ones. */
  close() {
    unclosed.unregister(this);
    closeAll(this._pools);
  }
}

/** The sessions of one origin. */
class Pool {
  constructor(origin, options) {
    this.origin = origin;
    this.options = options;
    this.sessions = [];
    this.turn = 0;
  }

  /** The next session round robin, replaced first if it is gone, going away, or was idle too long. */
  session() {
    const { connections, maxIdle } = this.options;
    const i = this.turn;
    this.turn = (i + 1) % connections;
    let s = this.sessions[i];
    const now = maxIdle ? Date.now() : 0;
    if (!s || s.closed || s.destroyed || s.goingAway || (maxIdle && !s.active && now - s.used > maxIdle)) {
      if (s && !s.closed) s.close();
      s = this.sessions[i] = this.open();
    }
    s.used = now;
    return s;
  }

  /** A new session; unref'd until a call uses it (H2Call counts `active` calls). */
  open() {
    const { keepAlive, keepAliveTimeout } = this.options;
    const s = connect(this.origin, SESSION);
    s.active = 0;
    s.on('error', ignore); // every stream of the session reports the failure itself; 'close' follows
    s.on('goaway', onGoaway);
    s.on('connect', onConnect);
    s.on('close', onSessionClose);
    if (keepAlive) {
      s.keepAlive = setInterval(ping, keepAlive, s, keepAliveTimeout);
      s.keepAlive.unref();
    }
    s.unref();
    return s;
  }
}

function ignore() {}
function onGoaway() { this.goingAway = true; }
function onConnect() {
  try { this.setLocalWindowSize(CONNECTION_WINDOW); } catch { /* closed meanwhile */ }
}
function onSessionClose() { clearInterval(this.keepAlive); }

/** Sends a keepalive PING; no ack within `timeout` ms destroys the session (its calls fail and are retried). */
function ping(s, timeout) {
  if (s.closed || s.destroyed || !s.socket?.remoteAddress) return;
  const timer = setTimeout(() => s.destroy(new Error('keepalive PING not acknowledged')), timeout);
  timer.unref();
  try {
    if (!s.ping((err) => { clearTimeout(timer); if (err && !s.destroyed) s.destroy(err); })) clearTimeout(timer);
  } catch {
    clearTimeout(timer);
  }
}

/** A gRPC-web trailer frame of `text` (`name:value\r\n` lines). */
function trailerFrameOf(text) {
  const frame = Buffer.allocUnsafe(5 + Buffer.byteLength(text, 'latin1'));
  frame[0] = 0x80;
  frame.writeUInt32BE(frame.length - 5, 1);
  frame.write(text, 5, 'latin1');
  return frame;
}
/** The trailer frame of a success. */
const OK_FRAME = trailerFrameOf('grpc-status:0\r\n');

/**
 * The gRPC-web trailer frame (flag 0x80, length, `name:value\r\n` lines) carrying a gRPC response's trailers. An OK
 * status is all the core reads of a success (other trailers are error metadata): that frame is made once.
 */
function trailerFrame(trailers) {
  if (trailers['grpc-status'] === '0') return OK_FRAME;
  let text = '';
  for (const k in trailers) {
    if (k[0] === ':') continue;
    const v = trailers[k];
    text += `${k}:${Array.isArray(v) ? v.join(', ') : v}\r\n`;
  }
  return trailerFrameOf(text);
}

// Stream event handlers, shared by every call (`this` is the stream, `call` its H2Call: no closures per call). A call
// sent again (see `_lost`) ignores what its earlier streams still report.
const current = (stream) => stream.call._stream === stream;
function onResponse(h) { if (current(this)) this.call._response(h); }
function onData(chunk) { if (current(this)) this.call._data(chunk); }
function onTrailers(t) { if (current(this)) this.call._trailers = t; }
function onEnd() { if (current(this)) this.call._end(); }
function onError(e) { if (current(this)) this.call._error ??= e; }
function onClose() { if (current(this)) this.call._close(); }

/** One in-flight gRPC call on a session (js/fetch.js's Call, as FetchCall is). */
class H2Call extends Call {
  /**
   * Starts the call now on the next session of `pool`: `headers` is the request header object (shared, read-only);
   * `body` (one binary frame, a view of wasm memory) is copied before this returns; `timeoutMs` 0 = no deadline (for
   * a stream it bounds the wait for the first message, until `disarm()`).
   */
  constructor(pool, headers, body, timeoutMs, signal, streaming) {
    super(signal);
    this._streaming = streaming;
    /** Body chunks received (unary), or not yet read (streams). */
    this._chunks = [];
    if (this._over) return;
    this._pool = pool;
    this._headers = headers;
    this._payload = Buffer.from(body);
    /** How many times the request was refused unprocessed and sent again (see `_lost`). */
    this._refused = 0;
    this._arm(timeoutMs);
    this._send();
  }

  /** Sends the request on the pool's next session. */
  _send() {
    const session = this._pool.session();
    let stream;
    try {
      stream = session.request(this._headers);
    } catch (e) {
      this._fail(describe(e));
      return;
    }
    if (session.active++ === 0) session.ref();
    this._session = session;
    this._stream = stream;
    this._error = undefined;
    stream.call = this;
    stream.on('response', onResponse);
    stream.on('data', onData);
    stream.on('trailers', onTrailers);
    stream.on('end', onEnd);
    stream.on('error', onError);
    stream.on('close', onClose);
    stream.end(this._payload);
  }

  /** Releases the session of the stream sent last (no-op when released already). */
  _release() {
    const session = this._session;
    this._session = undefined;
    if (session && --session.active === 0) session.unref();
  }

  /** Resets the stream (RST_STREAM CANCEL). */
  _stop() {
    this._stream?.close(NGHTTP2_CANCEL);
  }

  /**
   * Ends the call for `why` (deadline or signal). A deadline on a session that never finished connecting or never
   * acknowledged our SETTINGS (a server that accepts and stays silent) also replaces that session.
   */
  _abort(why) {
    const s = this._session;
    const silent = !this._over && why === TIMEOUT && s && (s.connecting || s.pendingSettingsAck);
    super._abort(why);
    if (silent) s.destroy();
  }

  _fail(message) {
    if (!this._over) {
      this.failure = NETWORK;
      this.message = message;
      this._finish();
    }
    this._wake(false);
  }

  /** Also releases the session and the request's copy: the call is over. */
  _finish() {
    super._finish();
    this._payload = undefined;
    this._release();
  }

  _response(h) {
    this.status = h[':status'];
    this.contentType = h['content-type'] ?? '';
    if (h['grpc-status'] !== undefined) {
      // Trailers-only (an error status in the response headers): the core reads them as trailers.
      let s = '';
      for (const k in h) if (k[0] !== ':') s += `${k}\n${h[k]}\n`;
      this.headers = s;
      this._trailersOnly = true;
    }
    if (this._streaming && !this._over) this._wake(true);
  }

  _data(chunk) {
    this._chunks.push(chunk);
    if (this._streaming && this._resolve) this._deliver();
  }

  /** The body ended: the status is in the trailers (or was in the headers). */
  _end() {
    if (this._over) return;
    if (!this.status) return this._lost(false, 'the stream ended before its response');
    const chunks = this._chunks;
    if (this._trailers) chunks.push(trailerFrame(this._trailers));
    // A gRPC reply must end with its status; anything else (text/html…) goes to the core as it is, which says what it
    // got instead.
    else if (!this._trailersOnly && this.contentType.startsWith('application/grpc')) {
      return this._fail('the stream ended without a gRPC status');
    }
    this._finish();
    if (this._streaming) {
      if (this._resolve) this._deliver();
      return;
    }
    this.body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    this._chunks = [];
    this._wake(true);
  }

  _close() {
    if (this._over) return;
    const e = this._error;
    const code = this._stream.rstCode;
    this._lost(code === NGHTTP2_REFUSED_STREAM || e?.code === 'ERR_HTTP2_GOAWAY_SESSION',
      e ? describe(e) : `the stream was reset (RST_STREAM code ${code}) before its status`);
  }

  /**
   * The stream ended without a reply. Refused before the server processed it (RST_STREAM REFUSED_STREAM, a stream
   * above a GOAWAY's last one, or not sent before the session went away): sent again on another session, as gRPC's
   * transparent retry does — within the deadline, a few times at most, whatever the call (nothing was processed).
   * Otherwise a network failure (`message`), which the core retries only for idempotent calls.
   */
  _lost(refused, message) {
    if (!this.status && (refused || this._session?.goingAway) && this._refused < 3) {
      this._refused += 1;
      this._release();
      this._send();
      return;
    }
    this._fail(message);
  }

  /**
   * Resolves once the status and headers are in — and, unless streaming, the whole body with the trailer frame (in
   * `body`). `headers` holds every header (`name\nvalue\n…`) only for a trailers-only response. Resolves `false` on
   * failure (see `failure`).
   */
  response() {
    // Called right after the constructor: only a synchronous failure can have ended the call already.
    return new Promise((resolve) => {
      if (this.failure) return resolve(false);
      this._resolve = resolve;
    });
  }

  /** The next chunk of a stream into `body`: `true`, or `false` at the end or on failure (see `failure`). */
  read() {
    return new Promise((resolve) => {
      this._resolve = resolve;
      if (this._chunks.length || this._over) this._deliver();
    });
  }

  /** Hands the next queued chunk of a stream to the waiting `read()`, or its end. */
  _deliver() {
    if (this._chunks.length) {
      this.body = this._chunks.shift();
      this._wake(true);
    } else if (this._over) {
      this._wake(false);
    }
  }
}

/** Text mode's base64 with Node's Buffer (js/fetch.js `base64`; used with `withFetch` in Node). Buffer skips bad
 * characters, so a segment is checked by its decoded length. */
export const nodeBase64 = {
  encode: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64'),
  decode(s) {
    const b = Buffer.from(s, 'base64');
    if (s.length % 4 || b.length !== s.length / 4 * 3 - (s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0)) {
      throw new Error('invalid base64 in a grpc-web-text body');
    }
    return b;
  },
};
