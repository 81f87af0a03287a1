// Run by advertised-endpoints.test.mjs in its own Node process (the TLS trust settings are read at start):
//   node --import ./localhost-names.mjs follow-keys.mjs
// with V1_API_KEY (the server's key file), MOMENTO_API_KEY + MOMENTO_ENDPOINT (its --env-file), NODE_EXTRA_CA_CERTS and
// GRPC_DEFAULT_SSL_ROOTS_FILE_PATH (its --tls-dev CA). The official SDKs use the keys as they are, no endpoint
// overrides: they derive cache.localhost, control.localhost, token.localhost (gRPC), web.cache.localhost, … (gRPC-web)
// and api.cache.localhost (HTTP API) from `localhost:<port>`, all over TLS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import https from 'node:https';
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import XMLHttpRequest from 'xhr2';

import * as node from '@gomomento/sdk';

// The web SDK in Node: grpc-web sends through XMLHttpRequest and reads navigator.userAgent.
globalThis.XMLHttpRequest ??= XMLHttpRequest;
globalThis.navigator ??= { userAgent: 'momento-server peer test (Node.js)' };
const web = await import('@gomomento/sdk-web');

const v1 = process.env.V1_API_KEY;
const port = process.env.MOMENTO_ENDPOINT.split(':').pop();
const cache = `follow-${process.pid}`;

async function roundTrip(client, key) {
  const value = randomUUID();
  assert.equal((await client.set(cache, key, value)).type, 'Success');
  const got = await client.get(cache, key);
  assert.equal(got.type, 'Hit', got.toString());
  assert.equal(got.valueString(), value);
}

test('the official Node SDK follows a v1 key naming localhost:<port> (gRPC over TLS, no overrides)', async () => {
  const credentialProvider = node.CredentialProvider.fromString({ apiKey: v1 });
  assert.equal(credentialProvider.getCacheEndpoint(), `cache.localhost:${port}`);
  assert.equal(credentialProvider.isCacheEndpointSecure(), true);
  const client = await node.CacheClient.create({
    configuration: node.Configurations.Laptop.v1(),
    credentialProvider,
    defaultTtlSeconds: 60,
  });
  const created = await client.createCache(cache);
  assert.ok(['Success', 'AlreadyExists'].includes(created.type), created.toString());
  await roundTrip(client, 'node-v1');

  // A disposable token minted at token.localhost names the same endpoint.
  const auth = new node.AuthClient({
    configuration: node.AuthClientConfigurations.Default.latest(),
    credentialProvider,
  });
  const minted = await auth.generateDisposableToken(
    node.DisposableTokenScopes.cacheKeyReadWrite(cache, 'node-v1'),
    node.ExpiresIn.minutes(5),
  );
  assert.equal(minted.type, 'Success', minted.toString());
  assert.equal(minted.endpoint, `localhost:${port}`);
  const scoped = await node.CacheClient.create({
    configuration: node.Configurations.Laptop.v1(),
    credentialProvider: node.CredentialProvider.fromString({ apiKey: minted.authToken }),
    defaultTtlSeconds: 60,
  });
  assert.equal((await scoped.get(cache, 'node-v1')).type, 'Hit');
  assert.equal((await scoped.get(cache, 'other')).errorCode(), 'PERMISSION_ERROR');
  scoped.close();
  client.close();
});

test('the official Node SDK reads a v2 key from MOMENTO_API_KEY + MOMENTO_ENDPOINT', async () => {
  const credentialProvider = node.CredentialProvider.fromEnvVarV2();
  assert.equal(credentialProvider.getControlEndpoint(), `control.localhost:${port}`);
  const client = await node.CacheClient.create({
    configuration: node.Configurations.Laptop.v1(),
    credentialProvider,
    defaultTtlSeconds: 60,
  });
  await roundTrip(client, 'node-v2');
  client.close();
});

test('the official web SDK follows the v1 key to https://web.cache.localhost:<port> and web.control.', async () => {
  const credentialProvider = web.CredentialProvider.fromString({ apiKey: v1 });
  const client = new web.CacheClient({
    configuration: web.Configurations.Laptop.v1(),
    credentialProvider,
    defaultTtlSeconds: 60,
  });
  const listed = await client.listCaches();
  assert.equal(listed.type, 'Success', listed.toString());
  assert.ok(listed.getCaches().some((c) => c.getName() === cache));
  await roundTrip(client, 'web-v1');
});

test('the official web SDK reads a v2 key from the environment', async () => {
  const client = new web.CacheClient({
    configuration: web.Configurations.Laptop.v1(),
    credentialProvider: web.CredentialProvider.fromEnvVarV2(),
    defaultTtlSeconds: 60,
  });
  await roundTrip(client, 'web-v2');
});

// The official suite's HTTP API cases (common-integration-tests/src/http/http-apis.ts): https.request to
// `api.${credentialProvider.getCacheEndpoint()}` with the key's token in Authorization; here the port is split off the
// host name (the suite assumes 443).
function request(method, path, body) {
  const apiKey = node.CredentialProvider.fromString({ apiKey: v1 }).getAuthToken();
  const [hostname, hostPort] = `api.${node.CredentialProvider.fromString({ apiKey: v1 }).getCacheEndpoint()}`.split(':');
  return new Promise((resolve, reject) => {
    const req = https.request(
      { hostname, port: hostPort, path, method, headers: { Authorization: apiKey, 'Content-Type': 'application/json' } },
      (res) => {
        let data = '';
        res.on('data', (chunk) => (data += chunk));
        res.on('end', () => resolve({ statusCode: res.statusCode, statusMessage: res.statusMessage, body: data }));
      },
    );
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

const put = (c, key, value) =>
  request('PUT', `/cache/${encodeURIComponent(c)}?key=${encodeURIComponent(key)}&value=${encodeURIComponent(value)}&ttl_seconds=300`, value);
const get = (c, key) => request('GET', `/cache/${encodeURIComponent(c)}?key=${encodeURIComponent(key)}`);
const del = (c, key) => request('DELETE', `/cache/${encodeURIComponent(c)}?key=${encodeURIComponent(key)}`);

test('HTTP API at api.cache.localhost: errors on a non-existing cache', async () => {
  const missing = randomUUID();
  for (const response of [await put(missing, 'k', 'v'), await get(missing, 'k'), await del(missing, 'k')]) {
    assert.equal(response.statusCode, 404);
    assert.equal(response.statusMessage.toLowerCase(), 'not found');
  }
});

test('HTTP API at api.cache.localhost: PUT and GET, GET of a missing key, DELETE present and absent keys', async () => {
  const key = randomUUID();
  const value = randomUUID();
  assert.equal((await put(cache, key, value)).statusCode, 204);
  const got = await get(cache, key);
  assert.equal(got.statusCode, 200);
  assert.equal(got.body, value);
  const miss = await get(cache, randomUUID());
  assert.equal(miss.statusCode, 404);
  assert.equal(miss.statusMessage.toLowerCase(), 'not found');
  assert.equal((await del(cache, key)).statusCode, 204);
  assert.equal((await del(cache, randomUUID())).statusCode, 204);
});

const NO_CURL = spawnSync('curl', ['--version']).error ? 'curl is not installed' : false;

test('curl reaches the HTTP API at https://api.cache.localhost:<port> (its own .localhost resolution)', { skip: NO_CURL }, () => {
  const token = node.CredentialProvider.fromString({ apiKey: v1 }).getAuthToken();
  const base = `https://api.cache.localhost:${port}/cache/${cache}`;
  const ca = ['--cacert', process.env.NODE_EXTRA_CA_CERTS];
  const status = execFileSync(
    'curl',
    ['-sS', ...ca, '-o', '/dev/null', '-w', '%{http_code}', '-X', 'PUT', '--data-binary', 'from curl',
      `${base}?key=curl&ttl_seconds=60&token=${token}`],
    { encoding: 'utf8' },
  );
  assert.equal(status, '204');
  const body = execFileSync('curl', ['-sS', ...ca, '-H', `Authorization: ${token}`, `${base}?key=curl`], {
    encoding: 'utf8',
  });
  assert.equal(body, 'from curl');
});
