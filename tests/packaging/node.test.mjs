// The packed momento-wasm in Node: `import` (ESM, node condition) and `require` (the esbuild CommonJS build),
// each in its own temp project, doing set/get against momento-server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeProject, run, setGetSource, apiKey } from './helpers.mjs';

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
if (require('momento-wasm/package.json').name !== 'momento-wasm') throw new Error('package.json export');
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
