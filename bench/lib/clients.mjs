// The clients under comparison, as `{get(key), set(key, value)}` that throw unless the call succeeded (Node and
// browsers alike; the caller passes the loaded SDK modules).
//   ours             momento-wasm's Node entry: gRPC over node:http2 (its native transport)
//   ours-web-text    momento-wasm in Node with withFetch(fetch): gRPC-web text over undici
//   ours-web-binary  the same in binary mode
//   ours-text        momento-wasm in a browser (gRPC-web text over the page's fetch)
//   ours-binary      the same in binary mode
//   sdk              @gomomento/sdk 1.118.1, the official Node SDK (grpc-js over HTTP/2)
//   sdk-web          @gomomento/sdk-web 1.118.0 (grpc-web-text over XMLHttpRequest: xhr2 in Node, native in browsers)
//   raw-h2           bench/lib/grpc-h2.mjs: hand-written protobuf + gRPC over one node:http2 session (the Node floor)
//   raw-text / raw-binary   bench/lib/grpcweb.mjs: the same protobuf + gRPC-web framing over fetch (the fetch floor)
import { RawClient } from './grpcweb.mjs';

const TIMEOUT_MS = 60_000;

/** A response-style client (momento-wasm, the official SDKs) as `{get, set}` that throw unless the call succeeded. */
function wrap(client, cache) {
  return {
    client,
    async get(key) {
      const r = await client.get(cache, key);
      if (r.type !== 'Hit') throw new Error(`get: ${r.type} ${r.toString()}`);
      return r.valueUint8Array();
    },
    async set(key, value) {
      const r = await client.set(cache, key, value);
      if (r.type !== 'Success') throw new Error(`set: ${r.type} ${r.toString()}`);
    },
    close() { client.close?.(); },
  };
}

/** Endpoint overrides sending every call to `endpoint` (a full URL), as the official web SDK takes them. */
const overrides = (endpoint) => ({ cacheEndpoint: endpoint, controlEndpoint: endpoint, tokenEndpoint: endpoint });

function oursClient(m, apiKey, cache, { mode = 'text', fetch: fetchFn, endpoint } = {}) {
  let configuration = m.Configurations.Laptop.v1().withClientTimeoutMillis(TIMEOUT_MS).withTransportMode(mode);
  if (fetchFn) configuration = configuration.withFetch(fetchFn);
  const credentialProvider = m.CredentialProvider.fromString(endpoint ? { apiKey, endpointOverrides: overrides(endpoint) } : { apiKey });
  return wrap(new m.CacheClient({ configuration, credentialProvider, defaultTtlSeconds: 600 }), cache);
}

function sdkWebClient(sdk, apiKey, endpoint, cache) {
  return wrap(new sdk.CacheClient({
    configuration: sdk.Configurations.Laptop.v1().withClientTimeoutMillis(TIMEOUT_MS),
    credentialProvider: sdk.CredentialProvider.fromString({ apiKey, endpointOverrides: overrides(endpoint) }),
    defaultTtlSeconds: 600,
  }), cache);
}

/** The official Node SDK, pointed at momento-server's h2c port as its docs say (host:port, secureConnection false). */
function sdkClient(sdk, apiKey, endpoint, cache) {
  const hostPort = endpoint.replace(/^https?:\/\//, '');
  return wrap(new sdk.CacheClient({
    configuration: sdk.Configurations.Laptop.v1().withClientTimeoutMillis(TIMEOUT_MS),
    credentialProvider: sdk.CredentialProvider.fromString({
      apiKey,
      endpointOverrides: { cacheEndpoint: hostPort, controlEndpoint: hostPort, tokenEndpoint: hostPort, secureConnection: false },
    }),
    defaultTtlSeconds: 600,
  }), cache);
}

/** `{endpoint: 'http://127.0.0.1:P', token}` from a momento-server v1 API key. */
export function parseKey(apiKey) {
  const k = JSON.parse(atob(apiKey));
  return { endpoint: k.endpoint.replace(/^(?!https?:\/\/)/, 'http://'), token: k.api_key };
}

/**
 * @param {{ours?: object, sdkWeb?: object, sdk?: object, RawH2Client?: Function, apiKey: string, cache: string,
 *   fetch?: typeof fetch, only?: string[], url?: string}} o `url`: where every client sends its calls instead of
 *   the key's endpoint (e.g. `https://localhost:<port>` for momento-server --tls-dev, whose key names `localhost:<port>`)
 * @returns {Record<string, {get: Function, set: Function, close?: Function}>}
 */
export function makeClients({ ours, sdkWeb, sdk, RawH2Client, apiKey, cache, fetch, only, url }) {
  const { endpoint: keyEndpoint, token } = parseKey(apiKey);
  const endpoint = url ?? keyEndpoint;
  const want = (n) => !only || only.includes(n);
  const out = {};
  if (ours) {
    if (want('ours')) out.ours = oursClient(ours, apiKey, cache);
    for (const mode of ['text', 'binary']) {
      if (want(`ours-${mode}`)) out[`ours-${mode}`] = oursClient(ours, apiKey, cache, { mode, endpoint: url });
      if (want(`ours-web-${mode}`)) out[`ours-web-${mode}`] = oursClient(ours, apiKey, cache, { mode, fetch: fetch ?? globalThis.fetch });
    }
  }
  if (sdkWeb && want('sdk-web')) out['sdk-web'] = sdkWebClient(sdkWeb, apiKey, endpoint, cache);
  if (sdk && want('sdk')) out.sdk = sdkClient(sdk, apiKey, endpoint, cache);
  if (RawH2Client && want('raw-h2')) {
    const raw = new RawH2Client({ url: endpoint, token, cache });
    out['raw-h2'] = { get: (k) => raw.get(k), set: (k, v) => raw.set(k, v), close: () => raw.close() };
  }
  for (const mode of ['text', 'binary']) {
    if (!want(`raw-${mode}`)) continue;
    const raw = new RawClient({ url: endpoint, token, cache, mode, fetch });
    out[`raw-${mode}`] = { get: (k) => raw.get(k), set: (k, v) => raw.set(k, v) };
  }
  return out;
}

/** Loads, in Node, the modules client `name` needs, and makes it. */
export async function nodeClient(name, { apiKey, cache }) {
  const mods = {};
  if (name.startsWith('ours')) mods.ours = await import('../../pkg/web/index.node.js');
  if (name === 'sdk') mods.sdk = await import('@gomomento/sdk');
  if (name === 'raw-h2') mods.RawH2Client = (await import('./grpc-h2.mjs')).RawH2Client;
  if (name === 'sdk-web') {
    const { default: XMLHttpRequest } = await import('xhr2');
    globalThis.XMLHttpRequest ??= XMLHttpRequest;
    globalThis.navigator ??= { userAgent: 'momento-wasm-bench (Node.js)' };
    mods.sdkWeb = await import('@gomomento/sdk-web');
  }
  const c = makeClients({ ...mods, apiKey, cache, only: [name] })[name];
  if (!c) throw new Error(`unknown client ${name}`);
  return c;
}
