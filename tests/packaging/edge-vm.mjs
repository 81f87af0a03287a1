// Vercel Edge Functions as `vercel dev` runs them (shared by tests/packaging/edge.test.mjs and tests/examples): the
// bundler's conditions, its `?module` wasm plugin, and Vercel's edge-runtime VM with wasm code generation disallowed.
// See edge.test.mjs for what this proves and what it cannot.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { EdgeRuntime } from 'edge-runtime';
import { apiKey } from './helpers.mjs';

// vercel dev: platform 'browser' (adds `browser`), conditions ['edge-light', 'development'].
export const VERCEL = { platform: 'browser', conditions: ['edge-light', 'development'] };
// Next.js edge compiler: edgeConditionNames = ['edge-light', 'worker', '...'] (webpack's defaults: browser, import, ...).
export const NEXT = { platform: 'browser', conditions: ['edge-light', 'worker', 'browser'] };

/** The `vercel-wasm` esbuild plugin of @vercel/node, reimplemented: `.wasm?module` → a global holding the module. */
function vercelWasmPlugin(assets) {
  return {
    name: 'vercel-wasm',
    setup(b) {
      b.onResolve({ filter: /\.wasm\?module/i }, async (args) => {
        const file = args.path.replace(/\?module$/, '');
        const resolved = await b.resolve(file, { importer: args.importer, resolveDir: args.resolveDir, kind: args.kind });
        if (resolved.errors.length || !resolved.path) return { errors: [{ text: `WebAssembly file not found: ${file}` }] };
        const name = `wasm_${createHash('sha1').update(await readFile(resolved.path)).digest('hex')}`;
        assets.set(name, resolved.path);
        return { path: name, namespace: 'vercel-wasm' };
      });
      b.onLoad({ filter: /.+/, namespace: 'vercel-wasm' }, (args) => ({
        loader: 'js', contents: `export default globalThis[${JSON.stringify(args.path)}]`,
      }));
    },
  };
}

export async function bundle(entry, { platform, conditions }) {
  const assets = new Map();
  const result = await build({
    entryPoints: [entry], bundle: true, write: false, format: 'cjs', platform, conditions, target: 'es2022',
    legalComments: 'none', metafile: true, logLevel: 'silent', plugins: [vercelWasmPlugin(assets)],
  });
  return { code: result.outputFiles[0].text, inputs: Object.keys(result.metafile.inputs), assets };
}

/**
 * Loads a CommonJS bundle whose default export is `(request) => Response` into an EdgeRuntime, as `vercel dev` does,
 * with wasm code generation disallowed and MOMENTO_API_KEY in `process.env`; `dispatchFetch(url, init)` calls it.
 */
export async function edgeRuntime(code, assets) {
  const wasm = {};
  for (const [name, path] of assets) wasm[name] = await WebAssembly.compile(await readFile(path)); // host realm
  const runtime = new EdgeRuntime({
    codeGeneration: { strings: false, wasm: false },
    extend: (context) => Object.assign(context, { module: {}, process: { env: { MOMENTO_API_KEY: apiKey } }, ...wasm }),
  });
  // The guard is real: compiling wasm from bytes (here the empty module) throws in this VM.
  assert.throws(() => runtime.evaluate('new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]))'),
    /disallowed/, 'wasm code generation is disallowed in the VM');
  runtime.evaluate(`(() => { ${code}\n})();
const handler = module.exports.default;
addEventListener('fetch', (event) => event.respondWith(handler(event.request)));`);
  return runtime;
}

