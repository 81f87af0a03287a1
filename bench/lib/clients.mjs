// The clients under comparison, as `{get(key), set(key, value)}` that throw unless the call succeeded (Node and
// browsers alike; the caller passes the loaded SDK modules).
//   ours-text    momento-wasm, default transport mode (grpc-web-text over fetch)
//   ours-binary  momento-wasm with withTransportMode('binary')
//   sdk-web      @gomomento/sdk-web 1.118.0 (grpc-web-text over XMLHttpRequest: xhr2 in Node, native in browsers)
//   raw-text / raw-binary   bench/lib/grpcweb.mjs: hand-written protobuf + framing over fetch (the floor)
import { RawClient } from './grpcweb.mjs';

const TIMEOUT_MS = 60_000;

function oursClient(m, apiKey, cache, mode) {
  let configuration = m.Configurations.Laptop.v1().withClientTimeoutMillis(TIMEOUT_MS);
  if (mode === 'binary') configuration = configuration.withTransportMode('binary');
  const client = new m.CacheClient({
    configuration,
    credentialProvider: m.CredentialProvider.fromString({ apiKey }),
    defaultTtlSeconds: 600,
  });
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
    async createCache() { const r = await client.createCache(cache); if (r.type === 'Error') throw new Error(r.toString()); },
  };
}

function sdkWebClient(sdk, apiKey, endpoint, cache) {
  const client = new sdk.CacheClient({
    configuration: sdk.Configurations.Laptop.v1().withClientTimeoutMillis(TIMEOUT_MS),
    credentialProvider: sdk.CredentialProvider.fromString({
      apiKey,
      endpointOverrides: { cacheEndpoint: endpoint, controlEndpoint: endpoint, tokenEndpoint: endpoint },
    }),
    defaultTtlSeconds: 600,
  });
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
  };
}

/** `{endpoint: 'http://127.0.0.1:P', token}` from a momento-server v1 API key. */
export function parseKey(apiKey) {
  const k = JSON.parse(atob(apiKey));
  return { endpoint: k.endpoint.replace(/^(?!https?:\/\/)/, 'http://'), token: k.api_key };
}

/**
 * @param {{ours?: object, sdkWeb?: object, apiKey: string, cache: string, fetch?: typeof fetch}} o
 * @returns {Record<string, {get: Function, set: Function}>}
 */
export function makeClients({ ours, sdkWeb, apiKey, cache, fetch, only }) {
  const { endpoint, token } = parseKey(apiKey);
  const want = (n) => !only || only.includes(n);
  const out = {};
  if (ours && want('ours-text')) out['ours-text'] = oursClient(ours, apiKey, cache, 'text');
  if (ours && want('ours-binary')) out['ours-binary'] = oursClient(ours, apiKey, cache, 'binary');
  if (sdkWeb && want('sdk-web')) out['sdk-web'] = sdkWebClient(sdkWeb, apiKey, endpoint, cache);
  for (const mode of ['text', 'binary']) {
    if (!want(`raw-${mode}`)) continue;
    const raw = new RawClient({ url: endpoint, token, cache, mode, fetch });
    out[`raw-${mode}`] = { get: (k) => raw.get(k), set: (k, v) => raw.set(k, v) };
  }
  return out;
}
