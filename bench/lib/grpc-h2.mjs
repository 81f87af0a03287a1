// The raw node:http2 gRPC floor of bench/run (Node only): the same hand-written protobuf and framing as
// bench/lib/grpcweb.mjs (gRPC frames are gRPC-web's data frames), one HTTP/2 session, the status from the HTTP/2
// trailers. No deadline, no retries: the least a gRPC client can do per call.
import http2 from 'node:http2';
import { RawCalls, decodeReply } from './grpcweb.mjs';

/** A raw gRPC client over one node:http2 session (h2c for http:// URLs, TLS + ALPN h2 for https://). */
export class RawH2Client extends RawCalls {
  /** @param {{url: string, token: string, cache: string}} o */
  constructor({ url, token, cache }) {
    super();
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

  close() { this.session.close(); }
}
