// What several Node test files need before their suites: a cache on the server MOMENTO_API_KEY names.
import assert from 'node:assert/strict';
import * as sdk from '../../pkg/web/index.node.js';

/** Creates `cacheName` (or finds it there) with a full-package client; the lite package has no control plane. */
export async function ensureCache(cacheName, apiKey = process.env.MOMENTO_API_KEY) {
  const admin = new sdk.CacheClient({
    configuration: sdk.Configurations.Laptop.latest(),
    credentialProvider: sdk.CredentialProvider.fromString({ apiKey }),
    defaultTtlSeconds: 60,
  });
  const r = await admin.createCache(cacheName);
  assert.ok(['Success', 'AlreadyExists'].includes(r.type), r.toString());
  admin.close();
}
