// Parity run: the shared suites in tests/suites/ through Momento's official web SDK (`@gomomento/sdk-web`,
// grpc-web text mode over XMLHttpRequest) against a running momento-server. The suites define parity: momento-wasm
// runs the same assertions in tests/node/ and tests/browser/. Test-only: js/ never imports the official SDK.
//
// Needs MOMENTO_API_KEY (a v1 key whose endpoint is the server); starts nothing itself. Run:
//   MOMENTO_API_KEY="$(cat target/test/api-key)" node --test tests/parity/
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import XMLHttpRequest from 'xhr2';

// Node polyfills the web SDK needs (/work/shared/momento-protocol.md §9): grpc-web sends through XMLHttpRequest
// (xhr2, as in the SDK's own tests; it buffers streamed responses, which is fine for GetBatch/SetBatch), and
// createClientMetadata reads navigator.userAgent (Node 20 has no global navigator).
globalThis.XMLHttpRequest ??= XMLHttpRequest;
globalThis.navigator ??= { userAgent: 'momento-wasm-parity (Node.js)' };

const sdk = await import('@gomomento/sdk-web');

const apiKey = process.env.MOMENTO_API_KEY;
assert.ok(apiKey, 'MOMENTO_API_KEY must be set (run scripts/test)');
const endpoint = JSON.parse(atob(apiKey)).endpoint.replace(/^(?!https?:\/\/)/, 'http://');
const cacheName = `parity-web-${process.pid}`;

// forMomentoLocal gives https://web.<host> with the web SDK; full-URL overrides for all three endpoints are kept
// as they are (momento-protocol.md §9).
const client = new sdk.CacheClient({
  configuration: sdk.Configurations.Laptop.v1().withClientTimeoutMillis(60_000),
  credentialProvider: sdk.CredentialProvider.fromString({
    apiKey,
    endpointOverrides: { cacheEndpoint: endpoint, controlEndpoint: endpoint, tokenEndpoint: endpoint },
  }),
  defaultTtlSeconds: 60,
});

// Shared tests sdk-web cannot pass because of a defect of the official SDK (known ones: momento-js-sdk.md §2.4;
// others confirmed in the sdk-web 1.118.0 source named in the reason), by exact suite test name → reason. Keep this
// list short and specific; each entry is reported as skipped with its reason, never dropped silently.
const EXCLUDED = new Map([
  ['dictionaryGetField Hit and Miss name their field (fieldString / fieldUint8Array)',
    'fieldString() is the base64 of the field (dist/src/internal/cache-data-client.js sendDictionaryGetField '
    + 'passes the base64-encoded field to convertToUint8Array)'],
]);

before(async () => {
  const r = await client.createCache(cacheName);
  assert.ok(r.type === 'Success' || r.type === 'AlreadyExists', r.toString());
});

const named = (name, fn) => {
  const reason = EXCLUDED.get(name);
  if (reason) test(`[sdk-web] ${name}`, { skip: `sdk-web defect: ${reason}` }, fn);
  else test(`[sdk-web] ${name}`, fn);
};
const ctx = { sdk, client: () => client, cacheName };

const suites = [
  ['../suites/cache-basics.mjs', 'cacheBasicsSuite'],
  ['../suites/scalars.mjs', 'scalarsSuite'],
  ['../suites/dictionary-set.mjs', 'dictionarySetSuite'],
  ['../suites/list-sorted-set.mjs', 'listSortedSetSuite'],
];
const registered = new Set();
for (const [path, exportName] of suites) {
  const url = new URL(path, import.meta.url);
  assert.ok(existsSync(url), `${path} is missing`);
  const suite = (await import(url))[exportName];
  assert.equal(typeof suite, 'function', `${path} exports ${exportName}`);
  suite((name, fn) => { registered.add(name); named(name, fn); }, ctx);
}

// Every exclusion must name a registered shared test, so the list cannot go stale unnoticed.
test('[sdk-web] the exclusion list names only existing shared tests', () => {
  for (const name of EXCLUDED.keys()) assert.ok(registered.has(name), `excluded test not found: ${name}`);
});

// Not in the shared suites (the official ping() resolves to undefined and rejects on failure, momento-wasm's answers
// CachePing.Success | Error): the web SDK pings without an authorization header, which the server must accept.
test('[sdk-web] ping resolves (sent without credentials)', async () => {
  assert.equal(await client.ping(), undefined);
});
