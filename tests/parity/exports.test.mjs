// Drop-in completeness (issue #13): every public name of @gomomento/sdk-web (and of the @gomomento/sdk-core names
// it re-exports) is exported by momento-wasm, as the same kind of thing (class, function, object), with the same
// string values for every enum, and every response namespace has the official variant classes. Fails when a name
// goes missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as ours from '../../pkg/web/index.node.js';

const require = createRequire(import.meta.url);
const official = require('@gomomento/sdk-web');
const names = Object.keys(official).filter((k) => k !== '__esModule' && k !== 'default');

test('every official export exists in momento-wasm, with the same kind', () => {
  const missing = names.filter((k) => !(k in ours));
  assert.deepEqual(missing, [], `missing exports: ${missing.join(' ')}`);
  const kind = (v) => (typeof v === 'function' ? 'function' : v === null ? 'null' : typeof v);
  const differ = names.filter((k) => kind(official[k]) !== kind(ours[k]));
  assert.deepEqual(differ.map((k) => `${k}: ${kind(official[k])} vs ${kind(ours[k])}`), []);
  assert.equal(typeof ours.default, 'object', 'a default export, as `import momento from` gives with the official SDK');
  assert.equal(ours.default.CacheClient, ours.CacheClient);
});

test('string enums have the official keys and values; response namespaces have the official variants', () => {
  const wrong = [];
  const check = (ok, what) => { if (!ok) wrong.push(what); };
  for (const k of names) {
    const o = official[k];
    if (o && typeof o === 'object' && Object.values(o).every((v) => typeof v === 'string' || typeof v === 'number')) {
      // A TypeScript enum: every official key with the same value (numeric enums also map values back to names).
      for (const [key, value] of Object.entries(o)) check(ours[k]?.[key] === value, `${k}.${key}: ${ours[k]?.[key]} vs ${value}`);
    } else if (o && typeof o === 'object') {
      // A response namespace (CacheGet: {Hit, Miss, Error, …}): the same variant classes.
      for (const [key, value] of Object.entries(o)) {
        if (typeof value === 'function') check(typeof ours[k]?.[key] === 'function', `${k}.${key} missing`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});

test('the official classes behave alike where code relies on it: errors, credentials, configurations', () => {
  for (const k of names.filter((n) => /Error$/.test(n) && typeof official[n] === 'function' && n !== 'SdkError')) {
    const e = new ours[k]('m');
    assert.ok(e instanceof ours.SdkError && e instanceof Error, k);
    assert.equal(e.errorCode(), new official[k]('m').errorCode(), `${k}.errorCode()`);
  }
  const key = btoa(JSON.stringify({ endpoint: 'cell-1.example.com', api_key: 'tok' }));
  const [a, b] = [ours, official].map((m) => m.CredentialProvider.fromString({ apiKey: key }));
  for (const m of ['getAuthToken', 'getCacheEndpoint', 'getControlEndpoint', 'getTokenEndpoint', 'isEndpointSecure',
    'isCacheEndpointSecure', 'areEndpointsOverridden']) {
    assert.deepEqual(a[m](), b[m](), `CredentialProvider.${m}()`);
  }
  const [ca, cb] = [ours, official].map((m) => m.Configurations.Laptop.latest().withClientTimeoutMillis(1234));
  assert.equal(ca.getTransportStrategy().getGrpcConfig().getDeadlineMillis(), cb.getTransportStrategy().getGrpcConfig().getDeadlineMillis());
  for (const m of ['getThrowOnErrors', 'getReadConcern']) assert.deepEqual(ca[m](), cb[m](), `Configuration.${m}()`);
  assert.deepEqual(ca.getMiddlewares(), cb.getMiddlewares());
  assert.equal(typeof ca.getLoggerFactory().getLogger('x').info, 'function');
});
