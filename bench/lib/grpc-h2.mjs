// The raw node:http2 gRPC floor of bench/run (Node only): the same hand-written protobuf and framing as
// bench/lib/grpcweb.mjs (gRPC frames are gRPC-web's data frames), one HTTP/2 session, the status from the HTTP/2
// trailers. No deadline, no retries: the least a gRPC client can do per call.
import http2 from 'node:http2';
import { decodeReply, getFrame, setFrame } from './grpcweb.mjs';

/** A raw gRPC client over one node:http2 session (h2c for http:// URLs, TLS + ALPN h2 for https://). */
export class RawH2Client {
  /** @param {{url: string, token: string, cache: string}} o */
  constructor({ url, token, cache }) {
    this.session = http2.connect(url);
    this.session.on('error', () => {});
    this.headers = { ':method': 'POST', 'content-type': 'application/grpc', te: 'trailers', authorization: token, cache };
  }

  _call(method, frame) {
    return new Promise((resolve, reject) => {
      const stream = this.session.request({ ...this.headers, ':path': `/cache_client.Scs/${method}` });
      const chunks = [];
      let status;
      stream.on('response', (h) => { if (h['grpc-status'] !== undefined) status = Number(h['grpc-status']); });
      stream.on('data', (c) => chunks.push(c));
      stream.on('trailers', (t) => { status = Number(t['grpc-status']); });
      stream.on('error', reject);
      stream.on('end', () => {
        const r = decodeReply(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks), status);
        if (r.status !== 0) reject(new Error(`${method}: grpc-status ${r.status} ${r.message}`));
        else resolve(r);
      });
      stream.end(frame);
    });
  }

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

  close() { this.session.close(); }
}
