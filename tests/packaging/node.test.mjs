// The packed momento-wasm in Node: `import` (ESM, node condition) and `require` (the esbuild CommonJS build),
// each in its own temp project, doing set/get against momento-server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeProject, run, setGetSource, apiKey, ROOT } from './helpers.mjs';

/** Cargo.toml's [workspace.package] license, which scripts/package copies into package.json. */
const cargoLicense = (await readFile(join(ROOT, 'Cargo.toml'), 'utf8')).match(/^\[workspace\.package\][^]*?^license = "([^"]+)"/m)[1];

const env = { ...process.env, MOMENTO_API_KEY: apiKey };

test('Node ESM: import { CacheClient } from "momento-wasm" does set/get', async () => {
  const dir = await makeProject('node-esm', {
    'main.mjs': `import * as sdk from 'momento-wasm';
import { CacheClient } from 'momento-wasm';
if (sdk.CacheClient !== CacheClient) throw new Error('named import differs');
if (!import.meta.resolve('momento-wasm').endsWith('/momento-wasm/index.node.js')) throw new Error('node condition: ' + import.meta.resolve('momento-wasm'));
const apiKey = process.env.MOMENTO_API_KEY;
console.log(await (async () => {${setGetSource('esm')}})());
`,
  });
  const { stdout } = await run(process.execPath, ['main.mjs'], { cwd: dir, env });
  assert.equal(stdout.trim(), 'Hit:packaged-esm');
});

test('Node CJS: require("momento-wasm") does set/get (no flags)', async () => {
  const dir = await makeProject('node-cjs', {
    'main.cjs': `const sdk = require('momento-wasm');
const apiKey = process.env.MOMENTO_API_KEY;
if (!require.resolve('momento-wasm').endsWith('/momento-wasm/cjs/index.js')) throw new Error('require condition: ' + require.resolve('momento-wasm'));
if (typeof sdk.CacheClient !== 'function') throw new Error('no CacheClient in ' + Object.keys(sdk));
const meta = require('momento-wasm/package.json');
if (meta.name !== 'momento-wasm') throw new Error('package.json export');
if (meta.license !== ${JSON.stringify(cargoLicense)}) throw new Error('license ' + meta.license + ' differs from Cargo.toml');
(async () => {${setGetSource('cjs')}})().then((r) => console.log(r), (e) => { console.error(e); process.exit(1); });
`,
  }, { type: 'commonjs' });
  const { stdout } = await run(process.execPath, ['main.cjs'], { cwd: dir, env });
  assert.equal(stdout.trim(), 'Hit:packaged-cjs');
});

test('Node ESM: momento-wasm/slim needs an explicit init, then works', async () => {
  const dir = await makeProject('node-slim', {
    'main.mjs': `import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as sdk from 'momento-wasm/slim';
const apiKey = process.env.MOMENTO_API_KEY;
const wasmPath = createRequire(import.meta.url).resolve('momento-wasm/momento_wasm_bg.wasm');
await sdk.init({ module_or_path: await readFile(wasmPath) });
console.log(await (async () => {${setGetSource('slim')}})());
`,
  });
  const { stdout } = await run(process.execPath, ['main.mjs'], { cwd: dir, env });
  assert.equal(stdout.trim(), 'Hit:packaged-slim');
});

test('Node ESM: momento-wasm/lite does set/get and has only ping/get/set/delete', async () => {
  const dir = await makeProject('node-lite', {
    'main.mjs': `import { CacheClient, Configurations, CredentialProvider } from 'momento-wasm/lite';
if (!import.meta.resolve('momento-wasm/lite').endsWith('/momento-wasm/lite/index.node.js')) throw new Error('node condition: ' + import.meta.resolve('momento-wasm/lite'));
const client = new CacheClient({
  configuration: Configurations.Laptop.latest(),
  credentialProvider: CredentialProvider.fromString({ apiKey: process.env.MOMENTO_API_KEY }),
  defaultTtlSeconds: 60,
});
if (client.createCache !== undefined || client.dictionarySetField !== undefined) throw new Error('lite has more than it should');
// The lite package has no control plane: create the cache with the full one.
const full = await import('momento-wasm');
const admin = new full.CacheClient({ configuration: full.Configurations.Laptop.latest(),
  credentialProvider: full.CredentialProvider.fromString({ apiKey: process.env.MOMENTO_API_KEY }), defaultTtlSeconds: 60 });
const created = await admin.createCache('packaging');
if (created.type === 'Error' && created.errorCode() !== 'ALREADY_EXISTS_ERROR') throw new Error(created.toString());
const set = await client.set('packaging', 'key-lite', 'packaged-lite');
if (set.type !== 'Success') throw new Error('set: ' + set.toString());
const got = await client.get('packaging', 'key-lite');
console.log(got.type === 'Hit' ? 'Hit:' + got.valueString() : 'get:' + got.toString());
`,
  });
  const { stdout } = await run(process.execPath, ['main.mjs'], { cwd: dir, env });
  assert.equal(stdout.trim(), 'Hit:packaged-lite');
});
