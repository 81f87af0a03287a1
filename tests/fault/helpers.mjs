// Shared helpers of tests/fault and tests/load (tests/node/topics uses the TCP proxy too): spawn real momento-server processes (kill -9 them, restart
// them on the same port with the same secret), TCP/HTTP proxies that observe, trickle or stall traffic, and small
// utilities. No mocks: every proxy forwards to a real momento-server.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, connect } from 'node:net';
import http2 from 'node:http2';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as sdk from '../../pkg/web/index.node.js';

export { sdk };
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SERVER_BIN = process.env.MOMENTO_SERVER_BIN ?? join(ROOT, 'target', 'debug', 'momento-server');

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A private temp dir removed at exit (holds the secret and key files of spawned servers). */
export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Starts momento-server as a child process and resolves once it prints its `listening on` line.
 * `port: 0` picks an ephemeral port; pass the previous port (and the same `secretFile`) to restart a killed
 * server in place — the old API key stays valid because the signing secret is the same. Retries the bind for a
 * few seconds (the port may linger briefly after a kill).
 */
export async function startServer({ port = 0, secretFile, keyFile, args = [], env = {} }) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      return await spawnOnce({ port, secretFile, keyFile, args, env });
    } catch (e) {
      if (!/bind/i.test(String(e.message)) || Date.now() > deadline) throw e;
      await sleep(100);
    }
  }
}

function spawnOnce({ port, secretFile, keyFile, args, env }) {
  const proc = spawn(SERVER_BIN, ['--port', String(port), '--secret-file', secretFile, '--key-file', keyFile, ...args],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const stderr = [];
  let partial = '';
  proc.stderr.setEncoding('utf8').on('data', (d) => {
    const lines = (partial + d).split('\n');
    partial = lines.pop();
    stderr.push(...lines);
  });
  const exited = new Promise((r) => proc.once('exit', (code, signal) => r({ code, signal })));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => { proc.kill('SIGKILL'); reject(new Error('momento-server did not start in 15 s')); }, 15_000);
    proc.stdout.setEncoding('utf8').on('data', (d) => {
      out += d;
      const m = /listening on https?:\/\/([^:\s]+):(\d+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      const server = {
        proc, pid: proc.pid, port: Number(m[2]), host: m[1], stderr, exited,
        apiKey: readFileSync(keyFile, 'utf8').trim(),
        /** SIGKILL (default) or another signal; resolves when the process is gone. */
        async kill(signal = 'SIGKILL') { if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal); return exited; },
      };
      resolve(server);
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`momento-server exited during start-up (code ${code}, signal ${signal}): ${stderr.join('\n')}${partial}`));
    });
  });
}

/** A credential provider for `apiKey` whose endpoints point at 127.0.0.1:`port` (a proxy or a server). */
export const viaPort = (apiKey, port) => sdk.CredentialProvider.fromString({
  apiKey,
  endpointOverrides: { cacheEndpoint: `http://127.0.0.1:${port}`, controlEndpoint: `http://127.0.0.1:${port}`,
    tokenEndpoint: `http://127.0.0.1:${port}` },
});

export const cacheClient = (provider, cfg = (c) => c) => new sdk.CacheClient({
  configuration: cfg(sdk.Configurations.Laptop.latest()),
  credentialProvider: provider,
  defaultTtlSeconds: 600,
});

export const topicClient = (provider, cfg = (c) => c) => new sdk.TopicClient({
  configuration: cfg(sdk.TopicConfigurations.Laptop.latest()),
  credentialProvider: provider,
});

/**
 * The two wires a fault test runs over: the Node entry's gRPC over node:http2 (through HTTP/2-aware proxies; a call
 * that ends early resets its stream, the connection stays pooled) and gRPC-web over fetch (`withFetch`; through
 * HTTP/1.1 proxies; a call that ends early closes its connection). `trickling` is the wire's trickling proxy;
 * `ended(proxy)` waits until the client ended the early-ended request on the wire.
 */
export const WIRES = {
  grpc: {
    configure: (c) => c,
    trickling: (upstream, o) => h2TricklingProxy(upstream, o),
    ended: (proxy, n = 1) => waitFor(() => proxy.state.resets.filter((r) => r.code === 8).length >= n,
      'RST_STREAM CANCEL from the client', 2_000),
  },
  web: {
    configure: (c) => c.withFetch(fetch),
    trickling: (upstream, o) => tricklingProxy(upstream, o),
    ended: (proxy) => waitFor(() => proxy.open === 0, 'the connection to close', 2_000),
  },
};

export const listen = (srv) => new Promise((r) => srv.listen(0, '127.0.0.1', () => r(srv.address().port)));

export const waitFor = async (cond, what, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
};

/**
 * A TCP proxy to 127.0.0.1:`upstreamPort`. `open` counts live client connections that carried a request (undici
 * sometimes opens a spare connection it never uses; those are not counted), `accepted` all of them,
 * `sever()` cuts every connection. `onResponseData(chunk, write)` may rewrite or delay the upstream→client
 * direction (default: forward as is); it receives a `write(buf)` that is a no-op once the connection is gone.
 */
export function tcpProxy(upstreamPort, { onResponseData, onRequestData } = {}) {
  const sockets = new Set();
  const state = { accepted: 0, closed: 0 };
  const srv = createServer((inbound) => {
    state.accepted += 1;
    const outbound = connect(upstreamPort, '127.0.0.1');
    sockets.add(inbound);
    let done = false;
    const drop = () => {
      if (done) return;
      done = true;
      state.closed += 1;
      sockets.delete(inbound);
      inbound.destroy();
      outbound.destroy();
    };
    inbound.on('error', drop).on('close', drop);
    outbound.on('error', drop).on('close', drop);
    inbound.once('data', () => { inbound.used = true; });
    if (onRequestData) inbound.on('data', (chunk) => onRequestData(chunk, { inbound, outbound }));
    inbound.pipe(outbound);
    if (!onResponseData) outbound.pipe(inbound);
    else {
      const write = (buf) => { if (!done) inbound.write(buf); };
      outbound.on('data', (chunk) => onResponseData(chunk, write, { inbound, outbound }));
    }
  });
  return {
    srv, state,
    get open() { return [...sockets].filter((s) => s.used).length; },
    sever() { for (const s of [...sockets]) s.destroy(); },
    close() { this.sever(); srv.close(); },
  };
}

/**
 * A gRPC-aware HTTP/2 cleartext (h2c) proxy to momento-server at 127.0.0.1:`upstreamPort`, for the Node SDK's native
 * transport: every request is forwarded on one upstream session with its headers, body and trailers. `seen` lists
 * `{path, headers}` of every request; `streams` counts the streams in flight (an unsubscribe must reset its own);
 * `answer(headers, stream)`, when given, may answer a request itself (return true) instead of forwarding it;
 * `sever()` destroys every client session.
 */
export function h2Proxy(upstreamPort, { answer } = {}) {
  const state = { seen: [], streams: 0, sessions: new Set() };
  let upstream;
  const up = () => {
    if (!upstream || upstream.closed || upstream.destroyed) {
      upstream = http2.connect(`http://127.0.0.1:${upstreamPort}`);
      upstream.on('error', () => {});
    }
    return upstream;
  };
  const srv = http2.createServer();
  srv.on('session', (s) => { state.sessions.add(s); s.on('close', () => state.sessions.delete(s)); s.on('error', () => {}); });
  srv.on('stream', (stream, headers) => {
    state.seen.push({ path: headers[':path'], headers });
    state.streams += 1;
    stream.on('close', () => { state.streams -= 1; });
    stream.on('error', () => {});
    if (answer?.(headers, stream)) return;
    const forwarded = {};
    for (const [k, v] of Object.entries(headers)) if (k[0] !== ':' || k === ':path' || k === ':method') forwarded[k] = v;
    let trailers;
    const req = up().request(forwarded);
    req.on('error', () => stream.destroy());
    stream.on('close', () => { if (!req.closed) req.close(http2.constants.NGHTTP2_CANCEL); });
    req.on('response', (h, flags) => {
      const out = Object.fromEntries(Object.entries(h).filter(([k]) => k[0] !== ':' || k === ':status'));
      if (flags & http2.constants.NGHTTP2_FLAG_END_STREAM) return stream.respond(out, { endStream: true });
      stream.respond(out, { waitForTrailers: true });
      stream.on('wantTrailers', () => stream.sendTrailers(trailers ?? { 'grpc-status': '2' }));
      req.pipe(stream);
    });
    req.on('trailers', (t) => { trailers = t; });
    stream.pipe(req);
  });
  return {
    srv, state,
    get streams() { return state.streams; },
    sever() { for (const s of [...state.sessions]) s.destroy(); },
    close() { this.sever(); upstream?.close(); srv.close(); },
  };
}

/** Splits an HTTP/1.1 response stream into its head (through the blank line) and body bytes. */
function headSplitter() {
  let head = Buffer.alloc(0);
  let headDone = false;
  return (chunk) => {
    if (headDone) return { head: null, body: chunk };
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf('\r\n\r\n');
    if (end < 0) return { head: null, body: null };
    headDone = true;
    return { head: head.subarray(0, end + 4), body: head.subarray(end + 4) };
  };
}

/** A proxy that forwards response heads at once, then the body at `bytes` every `everyMs`. */
export function tricklingProxy(upstream, { bytes = 16, everyMs = 20 } = {}) {
  const state = { headsSent: 0, bodyBytesSent: 0 };
  const proxy = tcpProxy(upstream, {
    onResponseData: (chunk, write, { inbound }) => {
      const conn = inbound.trickle ??= { split: headSplitter(), queue: [], timer: null };
      const { head, body } = conn.split(chunk);
      if (head) { write(head); state.headsSent += 1; }
      if (body?.length) conn.queue.push(body);
      if (!conn.timer) {
        conn.timer = setInterval(() => {
          if (inbound.destroyed) { clearInterval(conn.timer); return; }
          const next = conn.queue[0];
          if (!next) return;
          const piece = next.subarray(0, bytes);
          conn.queue[0] = next.subarray(bytes);
          if (!conn.queue[0].length) conn.queue.shift();
          write(piece);
          state.bodyBytesSent += piece.length;
        }, everyMs);
        inbound.once('close', () => clearInterval(conn.timer));
      }
    },
  });
  proxy.state.trickle = state;
  return proxy;
}

/** Splits an HTTP/2 byte stream into frames `{type, flags, stream, payload, raw}` (after `skip` preface bytes). */
function h2Frames(skip = 0) {
  let buf = Buffer.alloc(0);
  return (chunk) => {
    buf = Buffer.concat([buf, chunk]);
    if (skip) {
      const n = Math.min(skip, buf.length);
      buf = buf.subarray(n);
      skip -= n;
    }
    const frames = [];
    while (buf.length >= 9) {
      const len = buf.readUIntBE(0, 3);
      if (buf.length < 9 + len) break;
      const raw = buf.subarray(0, 9 + len);
      frames.push({ type: raw[3], flags: raw[4], stream: raw.readUInt32BE(5) & 0x7fffffff, payload: raw.subarray(9), raw });
      buf = buf.subarray(9 + len);
    }
    return frames;
  };
}

/** An HTTP/2 frame. */
function h2Frame(type, flags, stream, payload) {
  const f = Buffer.alloc(9 + payload.length);
  f.writeUIntBE(payload.length, 0, 3);
  f[3] = type;
  f[4] = flags;
  f.writeUInt32BE(stream, 5);
  payload.copy(f, 9);
  return f;
}

/**
 * The HTTP/2 (gRPC over h2c) twin of `tricklingProxy`, at the TCP level: response HEADERS (and every frame of a stream
 * with nothing queued, and connection frames: SETTINGS, PING, …) pass at once; DATA is re-framed into DATA frames of
 * `bytes` payload bytes sent one every `everyMs`, and what follows a stream's DATA (its trailers) waits behind it.
 * Client RST_STREAM frames are recorded (`state.resets`: `{stream, code}`; code 8 = CANCEL); what is queued or still
 * comes for a reset stream is forwarded at once (the client must see the bytes the server sent, or the connection's
 * flow-control window shrinks for good). `state.trickle` counts as `tricklingProxy`'s does.
 */
export function h2TricklingProxy(upstream, { bytes = 16, everyMs = 20 } = {}) {
  const state = { headsSent: 0, bodyBytesSent: 0 };
  const resets = [];
  const proxy = tcpProxy(upstream, {
    onRequestData: (chunk, { inbound }) => {
      const conn = inbound.h2 ??= { client: h2Frames(24), queues: new Map(), reset: new Set() };
      for (const f of conn.client(chunk)) {
        if (f.type !== 3) continue; // RST_STREAM
        resets.push({ stream: f.stream, code: f.payload.readUInt32BE(0) });
        conn.reset.add(f.stream);
        for (const queued of conn.queues.get(f.stream) ?? []) conn.write?.(queued);
        conn.queues.delete(f.stream);
      }
    },
    onResponseData: (chunk, write, { inbound }) => {
      const conn = inbound.h2 ??= { client: h2Frames(24), queues: new Map(), reset: new Set() };
      conn.server ??= h2Frames();
      conn.write = write;
      for (const f of conn.server(chunk)) {
        const queue = conn.queues.get(f.stream);
        if (f.type === 0 && f.payload.length && !(f.flags & 0x8) && !conn.reset.has(f.stream)) { // DATA: trickle it
          const q = queue ?? [];
          for (let i = 0; i < f.payload.length; i += bytes) {
            const last = i + bytes >= f.payload.length;
            q.push(h2Frame(0, last ? f.flags & 0x1 : 0, f.stream, f.payload.subarray(i, i + bytes)));
          }
          conn.queues.set(f.stream, q);
        } else if (queue) {
          queue.push(f.raw);
        } else {
          write(f.raw);
          if (f.type === 1) state.headsSent += 1;
        }
      }
      if (conn.timer) return;
      conn.timer = setInterval(() => {
        const [stream, q] = conn.queues.entries().next().value ?? [];
        if (!q) return;
        const frame = q.shift();
        if (!q.length) conn.queues.delete(stream);
        write(frame);
        if (frame[3] === 0) state.bodyBytesSent += frame.length - 9;
      }, everyMs);
      inbound.once('close', () => clearInterval(conn.timer));
    },
  });
  proxy.state.trickle = state;
  proxy.state.resets = resets;
  return proxy;
}

/** A `kB` field of /proc/<pid>/status in bytes, or null if the process is gone. */
function procStatusBytes(pid, field) {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+)\\s+kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Resident set size of `pid` in bytes (VmRSS from /proc/<pid>/status), or null if it is gone. */
export const rssBytes = (pid) => procStatusBytes(pid, 'VmRSS');

/** Peak resident set size of `pid` since it started, in bytes (VmHWM, kept by the kernel: no sampling gaps). */
export const peakRssBytes = (pid) => procStatusBytes(pid, 'VmHWM');

/** Asserts `r` is a response value (never a thrown error), returns it. */
export function assertValue(r, what) {
  assert.ok(r && typeof r.type === 'string', `${what}: expected a response value, got ${r}`);
  return r;
}
