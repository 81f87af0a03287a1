// gRPC-web server streams over fetch (topic subscriptions): the transport of TopicClient where js/fetch.js is the
// transport (kept apart so that apps without subscriptions, the lite package's, do not download it). A stream has
// an AbortController (unsubscribing closes it) and is read chunk by chunk; text-mode chunks are decoded by whole
// 4-character groups.
import { FetchCall, FetchTransport, fromBase64 } from './fetch.js';

/** Decodes the ASCII of grpc-web-text stream chunks (made on first use). */
let ascii;

/** `FetchTransport` plus server streams. */
export class FetchStreamTransport extends FetchTransport {
  /** Starts one request: a `FetchStream` when `streaming`, else as `FetchTransport`. */
  call(origin, path, headers, body, text, timeoutMs, signal, streaming) {
    return streaming
      ? new FetchStream(this._fetch ?? fetch, origin + path, headers, body, text, timeoutMs, signal, new AbortController())
      : super.call(origin, path, headers, body, text, timeoutMs, signal);
  }
}

/** One server stream: `response()` resolves at the headers, then `read()` yields chunks (binary frames). */
class FetchStream extends FetchCall {
  _body(res) {
    this._reader = res.body?.getReader();
    this._rest = '';
    this._wake(true);
  }

  /** The next chunk into `body`: `true`, or `false` at the end or on failure (see `failure`). */
  read() {
    return new Promise((resolve) => {
      if (this._over) return resolve(false);
      this._resolve = resolve;
      this._next().catch((e) => this._fail(e));
    });
  }

  async _next() {
    for (;;) {
      const r = this._reader ? await this._reader.read() : { done: true };
      if (this._over) return;
      if (r.done) {
        this._finish();
        return this._wake(false);
      }
      let bytes = r.value;
      if (this._text) {
        // Whole 4-character groups now; the rest waits for the next chunk.
        const s = this._rest + (ascii ??= new TextDecoder()).decode(bytes);
        const whole = s.length - (s.length % 4);
        this._rest = s.slice(whole);
        bytes = fromBase64(s.slice(0, whole));
      }
      if (bytes.length) {
        this.body = bytes;
        return this._wake(true);
      }
    }
  }
}
