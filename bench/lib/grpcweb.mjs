// The hand-written plain-JS floor of bench/run: minimal protobuf + gRPC-web framing for cache_client.Scs Get/Set,
// and a raw `fetch` client on top of it. No dependencies, runs in Node and in browsers. Binary mode is
// `application/grpc-web+proto`; text mode base64-encodes the same bytes (`application/grpc-web-text+proto`).
const enc = new TextEncoder();
const dec = new TextDecoder();

export const CT = { binary: 'application/grpc-web+proto', text: 'application/grpc-web-text+proto' };

const varintLen = (n) => { let l = 1; while (n >= 0x80) { n = Math.floor(n / 128); l++; } return l; };
function putVarint(buf, pos, n) {
  while (n >= 0x80) { buf[pos++] = (n & 0x7f) | 0x80; n = Math.floor(n / 128); }
  buf[pos++] = n;
  return pos;
}

/** gRPC-web frame of a message made of length-delimited fields 1..k (Uint8Array) and an optional varint field. */
function frameFields(bytesFields, varintField) {
  let len = 0;
  for (const [f, b] of bytesFields) len += varintLen(f << 3) + varintLen(b.length) + b.length;
  if (varintField) len += 1 + varintLen(varintField[1]);
  const out = new Uint8Array(5 + len);
  out[0] = 0;
  new DataView(out.buffer).setUint32(1, len);
  let p = 5;
  for (const [f, b] of bytesFields) {
    p = putVarint(out, p, (f << 3) | 2);
    p = putVarint(out, p, b.length);
    out.set(b, p); p += b.length;
  }
  if (varintField) { out[p++] = varintField[0] << 3; p = putVarint(out, p, varintField[1]); }
  return out;
}

const toBytes = (v) => (typeof v === 'string' ? enc.encode(v) : v);

/** Framed `_GetRequest{cache_key}`. */
export const getFrame = (key) => frameFields([[1, toBytes(key)]]);
/** Framed `_SetRequest{cache_key, cache_body, ttl_milliseconds}`. */
export const setFrame = (key, value, ttlMs) => frameFields([[1, toBytes(key)], [2, toBytes(value)]], [3, ttlMs]);

// Base64 without per-byte string concatenation for large inputs (btoa needs a binary string).
export function toBase64(bytes) {
  if (typeof Buffer !== 'undefined') return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64');
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
export function fromBase64(text) {
  if (typeof Buffer !== 'undefined') { const b = Buffer.from(text, 'base64'); return new Uint8Array(b.buffer, b.byteOffset, b.length); }
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
/** Text-mode bodies may be several padded base64 segments (one per frame): decode each. */
function decodeTextBody(text) {
  const parts = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && (i + 1 === text.length || text[i + 1] !== '=')) { parts.push(fromBase64(text.slice(start, i + 1))); start = i + 1; }
  }
  if (start < text.length) parts.push(fromBase64(text.slice(start)));
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0; for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

function readVarint(b, p) {
  let n = 0, mul = 1, x;
  do { x = b[p++]; n += (x & 0x7f) * mul; mul *= 128; } while (x & 0x80);
  return [n, p];
}

/**
 * Unframes a unary gRPC-web body and decodes `_GetResponse`/`_SetResponse`: `{result, body?, status, message}`
 * (result 1 Ok, 2 Hit, 3 Miss; status from the trailer frame, or from headers for trailers-only answers).
 */
export function decodeReply(bytes, headerStatus) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  let p = 0, result = 0, body, status = headerStatus, message = '';
  while (p + 5 <= bytes.length) {
    const flag = bytes[p], len = view.getUint32(p + 1), start = p + 5, end = start + len;
    if (flag & 0x80) {
      const t = dec.decode(bytes.subarray(start, end));
      const m = /grpc-status:\s*(\d+)/i.exec(t);
      if (m) status = Number(m[1]);
      const mm = /grpc-message:\s*([^\r\n]*)/i.exec(t);
      if (mm) message = mm[1];
    } else {
      let q = start;
      while (q < end) {
        let tag; [tag, q] = readVarint(bytes, q);
        const field = tag >>> 3, wt = tag & 7;
        if (wt === 0) { let v; [v, q] = readVarint(bytes, q); if (field === 1) result = v; }
        else if (wt === 2) { let l; [l, q] = readVarint(bytes, q); if (field === 2) body = bytes.subarray(q, q + l); q += l; }
        else throw new Error(`unexpected wire type ${wt}`);
      }
    }
    p = end;
  }
  return { result, body, status, message };
}

/** Get and Set over `_call(method, frame)`: what the raw clients (this one over fetch, grpc-h2.mjs's) share. */
export class RawCalls {
  /** Resolves to the value (Uint8Array) or undefined on a miss. */
  async get(key) {
    const r = await this._call('Get', getFrame(key));
    if (r.result === 2) return r.body ?? new Uint8Array(0);
    if (r.result === 3) return undefined;
    throw new Error(`Get: result ${r.result}`);
  }

  async set(key, value, ttlSeconds = 600) {
    const r = await this._call('Set', setFrame(key, value, ttlSeconds * 1000));
    if (r.result !== 1) throw new Error(`Set: result ${r.result}`);
  }
}

/** A raw gRPC-web client over a `fetch` function (default: the global one at call time). */
export class RawClient extends RawCalls {
  /** @param {{url: string, token: string, cache: string, mode?: 'binary'|'text', fetch?: typeof fetch}} o */
  constructor({ url, token, cache, mode = 'binary', fetch: f }) {
    super();
    this.base = url.replace(/\/$/, '') + '/cache_client.Scs/';
    this.mode = mode;
    this.fetch = f;
    this.headers = { 'content-type': CT[mode], accept: CT[mode], 'x-grpc-web': '1', authorization: token, cache };
  }
  async _call(method, frame) {
    const body = this.mode === 'text' ? toBase64(frame) : frame;
    const f = this.fetch ?? globalThis.fetch;
    const res = await f(this.base + method, { method: 'POST', headers: this.headers, body });
    const hs = res.headers.get('grpc-status');
    const bytes = this.mode === 'text' ? decodeTextBody(await res.text()) : new Uint8Array(await res.arrayBuffer());
    const r = decodeReply(bytes, hs == null ? undefined : Number(hs));
    if (res.status !== 200 || r.status !== 0) throw new Error(`${method}: HTTP ${res.status} grpc-status ${r.status} ${r.message}`);
    return r;
  }
}
