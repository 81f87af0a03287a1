// Cases of Momento's official integration suite (client-sdk-javascript packages/common-integration-tests) that
// momento-server used to fail, as our own tests through the official Node SDK (@gomomento/sdk 1.118.1): token scope
// validation, who may mint what (root "session" key, super-user and AllDataReadWrite API keys, legacy auth tokens),
// refreshing an expired key, SortedSetUnionStore without sources; plus the HTTP API through plain fetch and curl, and a
// subscription told at once that its cache was deleted. The HTTP API at https://api.cache.localhost is in
// follow-keys.mjs (it needs TLS and the .localhost names).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomUUID } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

import {
  AllCaches,
  AllDataReadWrite,
  AuthClient,
  AuthClientConfigurations,
  CacheClient,
  CacheRole,
  Configurations,
  CredentialProvider,
  ExpiresIn,
  TopicClient,
  TopicConfigurations,
  TopicRole,
  TopicSubscribe,
} from '@gomomento/sdk';

import { startServer, stopServer } from './server.mjs';

const require = createRequire(import.meta.url);
const { InternalSuperUserPermissions } = require('@gomomento/sdk-core/dist/src/internal/utils/auth.js');
const SUPER_USER = new InternalSuperUserPermissions();

let server;
let client;
let base;
const CACHE = `suite-${process.pid}`;

/** Credentials for `apiKey` (a v1 key, or a bare token) pointed at the server over h2c. */
function credentials(apiKey) {
  const endpoint = server.endpoint;
  return CredentialProvider.fromString({
    apiKey,
    endpointOverrides: { cacheEndpoint: endpoint, controlEndpoint: endpoint, tokenEndpoint: endpoint, secureConnection: false },
  });
}

const authClient = (apiKey) =>
  new AuthClient({ configuration: AuthClientConfigurations.Default.latest(), credentialProvider: credentials(apiKey) });

/** A legacy auth token (a JWT with c/cp endpoint claims), signed with the server's secret. */
function legacyToken() {
  const hex = readFileSync(server.secretFile, 'utf8').trim();
  const b64 = (value) => Buffer.from(value).toString('base64url');
  const input = `${b64('{"alg":"HS256","typ":"JWT"}')}.${b64(
    JSON.stringify({ sub: 'legacy', iat: Math.floor(Date.now() / 1000), c: server.endpoint, cp: server.endpoint }),
  )}`;
  return `${input}.${createHmac('sha256', Buffer.from(hex, 'hex')).update(input).digest('base64url')}`;
}

function expectError(response, ...codes) {
  assert.equal(response.type, 'Error', `expected an error, got ${response.toString()}`);
  assert.ok(codes.includes(response.errorCode()), response.toString());
  return response;
}

before(async () => {
  server = await startServer();
  base = `http://${server.endpoint}`;
  client = await CacheClient.create({
    configuration: Configurations.Laptop.v1(),
    credentialProvider: credentials(server.apiKey),
    defaultTtlSeconds: 60,
  });
  assert.equal((await client.createCache(CACHE)).type, 'Success');
});

after(() => {
  client?.close();
  stopServer(server);
});

test('[auth] cannot create a token with an empty permission list', async () => {
  expectError(await authClient(server.apiKey).generateApiKey({ permissions: [] }, ExpiresIn.seconds(60)), 'INVALID_ARGUMENT_ERROR');
});

test('[auth] cannot create a token with duplicate/conflicting permissions (all caches, a cache name, a topic)', async () => {
  const root = authClient(server.apiKey);
  for (const permissions of [
    [{ role: CacheRole.ReadOnly, cache: AllCaches }, { role: CacheRole.ReadWrite, cache: AllCaches }],
    [{ role: CacheRole.ReadOnly, cache: 'i-am-groot' }, { role: CacheRole.ReadWrite, cache: { name: 'i-am-groot' } }],
    [
      { role: TopicRole.SubscribeOnly, cache: 'i-am-groot', topic: 'rocket-raccoon' },
      { role: TopicRole.PublishSubscribe, cache: { name: 'i-am-groot' }, topic: { name: 'rocket-raccoon' } },
    ],
  ]) {
    expectError(await root.generateApiKey({ permissions }, ExpiresIn.seconds(60)), 'INVALID_ARGUMENT_ERROR');
  }
});

test('[auth] a v1 super-user key may mint AllDataReadWrite keys but not super-user keys', async () => {
  const superUser = await authClient(server.apiKey).generateApiKey(SUPER_USER, ExpiresIn.seconds(10));
  assert.equal(superUser.type, 'Success', superUser.toString());
  const bySuperUser = authClient(superUser.apiKey);
  const denied = expectError(await bySuperUser.generateApiKey(SUPER_USER, ExpiresIn.seconds(1)), 'PERMISSION_ERROR');
  assert.match(denied.message(), /Insufficient permissions/);
  assert.equal((await bySuperUser.generateApiKey(AllDataReadWrite, ExpiresIn.seconds(1))).type, 'Success');
});

test('[auth] a v1 AllDataReadWrite key may mint neither super-user nor AllDataReadWrite keys', async () => {
  const allData = await authClient(server.apiKey).generateApiKey(AllDataReadWrite, ExpiresIn.seconds(10));
  assert.equal(allData.type, 'Success', allData.toString());
  for (const scope of [SUPER_USER, AllDataReadWrite]) {
    expectError(await authClient(allData.apiKey).generateApiKey(scope, ExpiresIn.seconds(1)), 'PERMISSION_ERROR');
  }
});

test('[auth] a legacy auth token may mint neither super-user nor AllDataReadWrite keys', async () => {
  const legacy = authClient(legacyToken());
  for (const scope of [SUPER_USER, AllDataReadWrite]) {
    expectError(await legacy.generateApiKey(scope, ExpiresIn.seconds(1)), 'PERMISSION_ERROR');
  }
});

test("[auth] refreshing an API key that has expired fails", async () => {
  const generated = await authClient(server.apiKey).generateApiKey(SUPER_USER, ExpiresIn.seconds(1));
  assert.equal(generated.type, 'Success', generated.toString());
  await new Promise((r) => setTimeout(r, 2100));
  const refreshed = await authClient(generated.apiKey).refreshApiKey(generated.refreshToken);
  expectError(refreshed, 'AUTHENTICATION_ERROR', 'INVALID_ARGUMENT_ERROR');
});

test('[sorted set] sortedSetUnionStore with no source is INVALID_ARGUMENT', async () => {
  expectError(await client.sortedSetUnionStore(CACHE, randomUUID(), []), 'INVALID_ARGUMENT_ERROR');
  const one = await client.sortedSetUnionStore(CACHE, randomUUID(), [{ sortedSetName: 'set1', weight: 1 }]);
  assert.equal(one.type, 'Success', one.toString());
});

test('[topics] a subscription learns at once that its cache was deleted', async () => {
  const doomed = `doomed-${process.pid}`;
  assert.equal((await client.createCache(doomed)).type, 'Success');
  const topics = new TopicClient({
    configuration: TopicConfigurations.Default.latest(),
    credentialProvider: credentials(server.apiKey),
  });
  let resolveError;
  const errored = new Promise((r) => (resolveError = r));
  const subscription = await topics.subscribe(doomed, 'topic', { onItem: () => {}, onError: (e) => resolveError(e) });
  assert.ok(subscription instanceof TopicSubscribe.Subscription, subscription.toString());
  const deleted = Date.now();
  assert.equal((await client.deleteCache(doomed)).type, 'Success');
  const error = await Promise.race([errored, new Promise((r) => setTimeout(() => r('no error within 2 s'), 2000))]);
  assert.notEqual(error, 'no error within 2 s');
  assert.equal(error.errorCode(), 'NOT_FOUND_ERROR');
  assert.ok(Date.now() - deleted < 2000);
  topics.close?.();
});

test('[HTTP API] plain fetch: PUT, GET, DELETE, both token places, 404s', async () => {
  const token = JSON.parse(Buffer.from(server.apiKey, 'base64').toString()).api_key;
  const key = randomUUID();
  const url = `${base}/cache/${CACHE}?key=${key}`;
  let response = await fetch(`${url}&ttl_seconds=60`, { method: 'PUT', headers: { Authorization: token }, body: 'v1' });
  assert.equal(response.status, 204);
  response = await fetch(`${url}&token=${token}`);
  assert.equal(response.status, 200);
  assert.equal(await response.text(), 'v1');
  assert.equal(response.headers.get('content-type'), 'application/octet-stream');
  response = await fetch(`${url}&token=${token}`, { headers: { Authorization: token } });
  assert.equal(response.status, 400, 'both token places');
  assert.equal((await fetch(url)).status, 401);
  assert.equal((await fetch(url, { method: 'DELETE', headers: { Authorization: token } })).status, 204);
  response = await fetch(url, { headers: { Authorization: token } });
  assert.equal(response.status, 404);
  assert.match(await response.text(), /Key Not Found/);
  response = await fetch(`${base}/cache/no-such-cache?key=k`, { headers: { Authorization: token } });
  assert.equal(response.status, 404);
  assert.match(await response.text(), /Cache Not Found/);
});

test('[HTTP API] plain fetch: topic publish and long-poll subscribe with sequence numbers', async () => {
  const token = JSON.parse(Buffer.from(server.apiKey, 'base64').toString()).api_key;
  const topic = `${base}/topics/${CACHE}/news`;
  const headers = { Authorization: token };
  const first = fetch(`${topic}?sequence_number=0&sequence_page=0`, { headers }).then((r) => r.json());
  await new Promise((r) => setTimeout(r, 100));
  const published = await fetch(topic, { method: 'POST', headers: { ...headers, 'Content-Type': 'text/plain' }, body: 'one' });
  assert.equal(published.status, 204);
  const { items } = await first;
  assert.equal(items[0].item.value.text, 'one');
  const { topic_sequence_number: seq, sequence_page: page } = items[0].item;
  await fetch(topic, { method: 'POST', headers: { ...headers, 'Content-Type': 'text/plain' }, body: 'two' });
  const next = await fetch(`${topic}?sequence_number=${seq + 1}&sequence_page=${page}`, { headers }).then((r) => r.json());
  assert.deepEqual(next.items.map((i) => i.item.value.text), ['two']);
  assert.equal(next.items[0].item.topic_sequence_number, seq + 1);
});

const NO_CURL = spawnSync('curl', ['--version']).error ? 'curl is not installed' : false;

test('[HTTP API] curl: PUT with the token in the query, GET with it in the header', { skip: NO_CURL }, () => {
  const token = JSON.parse(Buffer.from(server.apiKey, 'base64').toString()).api_key;
  const status = execFileSync(
    'curl',
    ['-sS', '-o', '/dev/null', '-w', '%{http_code}', '-X', 'PUT', '-d', 'hello curl', `${base}/cache/${CACHE}?key=c&ttl_seconds=60&token=${token}`],
    { encoding: 'utf8' },
  );
  assert.equal(status, '204');
  assert.equal(execFileSync('curl', ['-sS', '-H', `Authorization: ${token}`, `${base}/cache/${CACHE}?key=c`], { encoding: 'utf8' }), 'hello curl');
});
