// The packed momento-wasm in workerd (miniflare): a Worker module bundled the way wrangler does it — esbuild
// with the conditions workerd/worker/browser, the .wasm kept as a separate module (copy loader) that workerd
// hands over as a compiled WebAssembly.Module — doing set/get against momento-server on 127.0.0.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import { makeProject, setGetSource, apiKey } from './helpers.mjs';

test('workerd: a Worker importing momento-wasm (workerd condition) does set/get', async () => {
  const dir = await makeProject('workerd', {
    'worker.js': `import * as sdk from 'momento-wasm';
export default {
  async fetch(request, env) {
    const apiKey = env.MOMENTO_API_KEY;
    try {
      return new Response(await (async () => {${setGetSource('workerd')}})());
    } catch (e) {
      return new Response('threw:' + (e && e.stack || e), { status: 500 });
    }
  },
};
`,
  });
  const outdir = join(dir, 'dist');
  const result = await build({
    entryPoints: [join(dir, 'worker.js')], bundle: true, format: 'esm', platform: 'neutral',
    conditions: ['workerd', 'worker', 'browser'], loader: { '.wasm': 'copy' }, outdir, metafile: true, logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs);
  assert.ok(inputs.some((f) => f.endsWith('momento-wasm/index.workerd.js')), `the workerd entry is used: ${inputs}`);
  const bundled = await readFile(join(outdir, 'worker.js'), 'utf8');
  assert.ok(!bundled.includes('import.meta.url'), 'no import.meta.url in the Worker bundle');

  const mf = new Miniflare({
    modules: true,
    scriptPath: join(outdir, 'worker.js'),
    modulesRoot: outdir,
    modulesRules: [{ type: 'CompiledWasm', include: ['**/*.wasm'] }],
    compatibilityDate: '2025-07-01',
    bindings: { MOMENTO_API_KEY: apiKey },
  });
  try {
    const res = await mf.dispatchFetch('http://localhost/');
    const body = await res.text();
    assert.equal(body, 'Hit:packaged-workerd');
  } finally {
    await mf.dispose();
  }
});
