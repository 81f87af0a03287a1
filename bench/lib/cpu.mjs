// (c) client CPU per get / per set with an in-process fake transport, one client per process.
// First captures real answers of the running momento-server (Get hit and Set, in text and binary mode, with their
// headers), then replaces the transport with a fake that replays them: a fake `globalThis.fetch` (returns a fresh
// `Response` of the canned bytes) for momento-wasm and the raw floor, a fake `XMLHttpRequest` for sdk-web. Both
// fakes answer asynchronously (on a resolved promise), like the real ones.
// Usage: node bench/lib/cpu.mjs '<json {client, op, n, warmup, apiKey, cache, valueBytes}>' → one JSON line
// {client, op, n, cpuUsPerOp, wallUsPerOp}.
import { makeClients, parseKey } from './clients.mjs';
import { CT, getFrame, setFrame, toBase64 } from './grpcweb.mjs';

const o = JSON.parse(process.argv[2]);
const { endpoint, token } = parseKey(o.apiKey);
const value = 'v'.repeat(o.valueBytes);
const mode = o.client === 'ours-binary' || o.client === 'raw-binary' ? 'binary' : 'text';

// 1. Capture the server's real answers.
const realFetch = globalThis.fetch;
async function capture(method, frame) {
  const res = await realFetch(`${endpoint}/cache_client.Scs/${method}`, {
    method: 'POST',
    headers: { 'content-type': CT[mode], accept: CT[mode], 'x-grpc-web': '1', authorization: token, cache: o.cache },
    body: mode === 'text' ? toBase64(frame) : frame,
  });
  const body = new Uint8Array(await res.arrayBuffer());
  const headers = [...res.headers].filter(([k]) => k !== 'date' && k !== 'content-length');
  if (res.status !== 200) throw new Error(`capture ${method}: HTTP ${res.status}`);
  return { status: res.status, headers, body, text: new TextDecoder().decode(body) };
}
const canned = {
  Set: await capture('Set', setFrame('bench-cpu', value, 600_000)),
  Get: await capture('Get', getFrame('bench-cpu')),
};
const pick = (url) => (url.endsWith('/Get') ? canned.Get : canned.Set);

// 2. The fakes.
let requests = 0;
globalThis.fetch = (url, init) => {
  requests++;
  const c = pick(String(url));
  void init;
  return Promise.resolve(new Response(c.body, { status: c.status, headers: c.headers }));
};

class FakeXMLHttpRequest {
  constructor() {
    this.readyState = 0; this.status = 0; this.statusText = ''; this.responseText = ''; this.response = '';
    this.responseType = ''; this.responseURL = ''; this.withCredentials = false; this.timeout = 0;
    this.onreadystatechange = null; this.onload = null; this.onerror = null; this.onabort = null; this.onprogress = null;
    this.upload = { addEventListener() {}, removeEventListener() {} };
    this._listeners = {};
  }
  open(method, url) { this._url = url; this.readyState = 1; }
  setRequestHeader() {}
  overrideMimeType() {}
  addEventListener(t, f) { (this._listeners[t] ??= []).push(f); }
  removeEventListener(t, f) { this._listeners[t] = (this._listeners[t] ?? []).filter((g) => g !== f); }
  _emit(t) { const e = { type: t, target: this }; this[`on${t}`]?.(e); for (const f of this._listeners[t] ?? []) f(e); }
  getAllResponseHeaders() { return this._c ? this._c.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('') : ''; }
  getResponseHeader(name) { const h = this._c?.headers.find(([k]) => k === name.toLowerCase()); return h ? h[1] : null; }
  abort() {}
  send() {
    requests++;
    const c = pick(this._url);
    Promise.resolve().then(() => {
      this._c = c;
      this.status = c.status; this.statusText = 'OK'; this.responseURL = this._url;
      this.readyState = 2; this._emit('readystatechange');
      this.responseText = c.text; this.response = c.text;
      this.readyState = 3; this._emit('readystatechange'); this._emit('progress');
      this.readyState = 4; this._emit('readystatechange'); this._emit('load'); this._emit('loadend');
    });
  }
}

// 3. The client under test.
let ours, sdkWeb;
if (o.client.startsWith('ours')) ours = await import(process.env.MOMENTO_WASM_NODE_ENTRY ?? '../../pkg/web/index.node.js');
if (o.client === 'sdk-web') {
  globalThis.XMLHttpRequest = FakeXMLHttpRequest;
  globalThis.navigator ??= { userAgent: 'momento-wasm-bench (Node.js)' };
  sdkWeb = await import('@gomomento/sdk-web');
}
const c = makeClients({ ours, sdkWeb, apiKey: o.apiKey, cache: o.cache, only: [o.client] })[o.client];
const op = o.op === 'get' ? () => c.get('bench-cpu') : () => c.set('bench-cpu', value);

const got = await c.get('bench-cpu');
if (got.length !== o.valueBytes) throw new Error(`the fake answer decodes to ${got.length} bytes, expected ${o.valueBytes}`);
for (let i = 0; i < o.warmup; i++) await op();
const r0 = requests;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (let i = 0; i < o.n; i++) await op();
const wall = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
if (requests - r0 !== o.n) throw new Error(`expected ${o.n} requests through the fake, saw ${requests - r0}`);
console.log(JSON.stringify({
  client: o.client, op: o.op, n: o.n,
  cpuUsPerOp: (cpu.user + cpu.system) / o.n,
  wallUsPerOp: (wall * 1000) / o.n,
}));
process.exit(0);
