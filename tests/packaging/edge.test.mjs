// The packed momento-wasm as a Vercel Edge Function, bundled and run the way `vercel dev` runs one (@vercel/node's
// edge handler, vercel/vercel packages/node/src/edge-functions/edge-handler.mts): esbuild with platform `browser`,
// conditions `edge-light` + `development`, CommonJS output, and its `vercel-wasm` plugin (edge-wasm-plugin.mts),
// which turns `import m from './x.wasm?module'` into `export default globalThis["wasm_<sha1>"]` and binds that global
// to a WebAssembly.Module compiled by the host; the bundle then runs in Vercel's edge-runtime (EdgeRuntime, i.e.
// @edge-runtime/vm's EdgeVM) and does set/get against momento-server on 127.0.0.1, for `momento-wasm` and
// `momento-wasm/lite`.
//
// What it proves:
//   (a) resolution: under Vercel's conditions and under Next.js's edge conditions (`edge-light`, `worker`, then the
//       defaults: next/src/build/webpack-config-rules/resolve.ts) both exports resolve to the edge entries, and
//       their `.wasm?module` import reaches the package's .wasm file;
//   (b) the bundle has no import.meta.url and no WebAssembly.compile/instantiate/...Streaming, and at run time no
//       wasm is compiled from bytes: the VM is created with V8's wasm code generation disallowed
//       (codeGeneration.wasm = false, checked first), so any compile from bytes would throw;
//   (c) the SDK initialises synchronously from the injected module (which, as in `vercel dev` and `next dev`, comes
//       from another realm) and does set/get over the edge runtime's fetch.
// What it cannot: run on Vercel (its production isolates and how they bind wasm), or run Next.js's own webpack /
// Turbopack build (`next` is not a dependency): Next's contract is mirrored instead (edge-light resolution; its
// next-middleware-wasm-loader also turns `?module` imports into a global bound to a compiled module). EdgeVM is a
// node:vm context inside Node, not Vercel's runtime; its `fetch` is edge-runtime's undici-based primitive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { makeProject, setGetSource } from './helpers.mjs';
import { NEXT, VERCEL, bundle, edgeRuntime } from './edge-vm.mjs';

/** Runs a CommonJS bundle whose default export is `(request) => Response` and answers its text for one request. */
async function runInEdgeRuntime(code, assets) {
  const res = await (await edgeRuntime(code, assets)).dispatchFetch('http://localhost/api/handler');
  await res.waitUntil();
  return res.text();
}

function assertEdgeBundle(label, { code, inputs, assets }, entrySuffix, wasmSuffix) {
  assert.ok(inputs.some((f) => f.endsWith(entrySuffix)), `${label}: the edge entry ${entrySuffix} is used: ${inputs}`);
  assert.ok(!inputs.some((f) => /index\.(browser|workerd|node)\.js$/.test(f)), `${label}: no other runtime entry: ${inputs}`);
  assert.deepEqual([...assets.values()].map((p) => p.endsWith(wasmSuffix)), [true], `${label}: one ?module import of ${wasmSuffix}`);
  assert.ok(!code.includes('import.meta'), `${label}: no import.meta in the bundle`);
  for (const compile of ['WebAssembly.compile', 'WebAssembly.instantiate', 'compileStreaming', 'instantiateStreaming']) {
    assert.ok(!code.includes(compile), `${label}: no ${compile} in the bundle`);
  }
}

const handler = (label, body) => `import * as sdk from ${JSON.stringify(label === 'lite' ? 'momento-wasm/lite' : 'momento-wasm')};
export const config = { runtime: 'edge' };
export default async function handler(request) {
  const apiKey = process.env.MOMENTO_API_KEY;
  try {
    return new Response(await (async () => {${body}})());
  } catch (e) {
    return new Response('threw:' + (e && e.stack || e), { status: 500 });
  }
}
`;

test('Vercel Edge: an Edge Function importing momento-wasm (edge-light, ?module) does set/get in edge-runtime', async () => {
  const dir = await makeProject('edge', {
    'api/handler.js': handler('full', setGetSource('edge')),
    'api/lite.js': handler('lite', `
  const { CacheClient, Configurations, CredentialProvider } = sdk;
  const client = new CacheClient({ configuration: Configurations.Laptop.latest(),
    credentialProvider: CredentialProvider.fromString({ apiKey }), defaultTtlSeconds: 60 });
  if (client.createCache !== undefined) return 'lite has createCache';
  const set = await client.set('packaging', 'key-edge-lite', 'packaged-edge-lite'); // the full handler made the cache
  if (set.type !== 'Success') return 'set:' + set.toString();
  const got = await client.get('packaging', 'key-edge-lite');
  return got.type === 'Hit' ? 'Hit:' + got.valueString() : 'get:' + got.toString();
`),
  });
  const full = join(dir, 'api', 'handler.js');
  const lite = join(dir, 'api', 'lite.js');

  // (a) + (b) under Next.js's conditions: resolution and the bundle's contents only.
  assertEdgeBundle('next full', await bundle(full, NEXT), 'momento-wasm/index.edge.js', 'momento-wasm/momento_wasm_bg.wasm');
  assertEdgeBundle('next lite', await bundle(lite, NEXT), 'momento-wasm/lite/index.edge.js', 'momento-wasm/lite/momento_wasm_bg.wasm');

  // (a) + (b) + (c) under vercel dev's.
  const fullBundle = await bundle(full, VERCEL);
  assertEdgeBundle('vercel full', fullBundle, 'momento-wasm/index.edge.js', 'momento-wasm/momento_wasm_bg.wasm');
  assert.equal(await runInEdgeRuntime(fullBundle.code, fullBundle.assets), 'Hit:packaged-edge');

  const liteBundle = await bundle(lite, VERCEL);
  assertEdgeBundle('vercel lite', liteBundle, 'momento-wasm/lite/index.edge.js', 'momento-wasm/lite/momento_wasm_bg.wasm');
  assert.equal(await runInEdgeRuntime(liteBundle.code, liteBundle.assets), 'Hit:packaged-edge-lite');
});
