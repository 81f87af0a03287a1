// An AWS Lambda function (behind API Gateway or a function URL) that caches a slow lookup in Momento.
//
// The client is created once per execution environment, outside the handler: warm invocations reuse it and its
// HTTP/2 connection (Momento's Lambda guidance). Configurations.Lambda sets a short deadline and no keepalive pings
// (a frozen function cannot answer them); the transport replaces a connection that sat idle while frozen.
import { CacheClient, CacheGet, Configurations, CredentialProvider } from 'momento-wasm';

const CACHE = process.env.CACHE_NAME ?? 'lambda-example';

const client = new CacheClient({
  configuration: Configurations.Lambda.latest(),
  credentialProvider: CredentialProvider.fromEnvVar('MOMENTO_API_KEY'),
  defaultTtlSeconds: 60,
});

let cacheReady; // created on the first invocation of this environment

/** Stands in for the slow thing worth caching: a database query, a third-party API. */
async function loadProduct(id) {
  await new Promise((r) => setTimeout(r, 200));
  return JSON.stringify({ id, name: `product ${id}`, price: id.length * 100 });
}

export async function handler(event) {
  const id = event.queryStringParameters?.id ?? 'p1';
  cacheReady ??= client.createCache(CACHE); // Success or AlreadyExists: both fine
  await cacheReady;

  const hit = await client.get(CACHE, `product:${id}`);
  if (hit instanceof CacheGet.Hit) {
    return { statusCode: 200, headers: { 'x-cache': 'Hit' }, body: hit.valueString() };
  }
  if (hit instanceof CacheGet.Error) console.warn(`cache unavailable, serving uncached: ${hit.toString()}`);

  const body = await loadProduct(id);
  const set = await client.set(CACHE, `product:${id}`, body); // an error value here only costs the next caller time
  if (set.type === 'Error') console.warn(`cache set failed: ${set.toString()}`);
  return { statusCode: 200, headers: { 'x-cache': 'Miss' }, body };
}
