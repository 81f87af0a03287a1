// An AWS Lambda-style handler using the packed momento-wasm, bundled with each bundler's defaults for Node — esbuild
// CommonJS (its default format for --platform=node), esbuild ESM, webpack 5 (target node), from an `import` and from a
// plain `require` handler, and the lite package — then deployed as the bundle file ALONE (a fresh directory with no
// node_modules, no .wasm, no package.json) and invoked the way Lambda's Node runtime does (`require` a .js,
// `import()` a .mjs, call `handler(event)`): set/get against momento-server. Guards the Node entries against
// import.meta.url and files read relative to the module at run time (issue #14: a CJS bundle threw `TypeError:
// Invalid URL`, a require-based one ENOENT for ../momento_wasm_bg.wasm).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { makeProject, run, apiKey, ROOT } from './helpers.mjs';

const esbuild = join(ROOT, 'node_modules', '.bin', 'esbuild');
const webpack = createRequire(join(ROOT, 'package.json'))('webpack');
const env = { ...process.env, MOMENTO_API_KEY: apiKey };

/** A Lambda handler doing set then get of `event.key`; `pkg` is the package entry, `load` how the source imports. */
function handlerSource(pkg, load) {
  const body = `
const client = new sdk.CacheClient({
  configuration: sdk.Configurations.Lambda.latest(),
  credentialProvider: sdk.CredentialProvider.fromEnvVar('MOMENTO_API_KEY'),
  defaultTtlSeconds: 60,
});
async function handler(event) {
  const set = await client.set('packaging', event.key, event.value);
  if (set.type !== 'Success') return { statusCode: 500, body: 'set:' + set.toString() };
  const got = await client.get('packaging', event.key);
  return { statusCode: 200, body: got.type === 'Hit' ? 'Hit:' + got.valueString() : 'get:' + got.toString() };
}
`;
  return load === 'import'
    ? `import * as sdk from '${pkg}';\n${body}export { handler };\n`
    : `const sdk = require('${pkg}');\n${body}exports.handler = handler;\n`;
}

/** Bundles `entry` in `dir` to `dir/dist/<file>`; resolves to the bundle's path. */
async function bundle(tool, dir, entry, file) {
  const out = join(dir, 'dist', file);
  if (tool === 'webpack') {
    const stats = await new Promise((resolve, reject) => webpack({
      mode: 'production', target: 'node', context: dir, entry: `./${entry}`,
      output: { path: join(dir, 'dist'), filename: file, library: { type: 'commonjs2' } },
      performance: { hints: false },
    }, (err, s) => (err ? reject(err) : resolve(s))));
    assert.ok(!stats.hasErrors(), stats.toString({ all: false, errors: true }));
  } else {
    const format = tool === 'esbuild-esm' ? ['--format=esm'] : []; // esbuild's default for --platform=node: cjs
    await run(esbuild, [entry, '--bundle', '--platform=node', `--outfile=${out}`, ...format, '--log-level=warning'], { cwd: dir });
  }
  return out;
}

/**
 * Copies `bundleFile` alone into a fresh directory outside the repository (no package.json above it: a `.js` is
 * CommonJS, as in Lambda's /var/task) and invokes its handler as Lambda's Node runtime would.
 */
async function deployAndInvoke(name, bundleFile, key) {
  const deploy = await mkdtemp(join(tmpdir(), `momento-wasm-deploy-${name}-`));
  const file = bundleFile.endsWith('.mjs') ? 'index.mjs' : 'index.js';
  await copyFile(bundleFile, join(deploy, file));
  const runtime = `
const file = ${JSON.stringify(join(deploy, file))};
const mod = file.endsWith('.mjs') ? await import(file) : (await import('node:module')).createRequire(file)(file);
const res = await mod.handler({ key: ${JSON.stringify(key)}, value: ${JSON.stringify(`bundled-${name}`)} });
console.log(res.body);
process.exit(0);
`;
  try {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', runtime], { cwd: deploy, env });
    return stdout.trim();
  } finally {
    await rm(deploy, { recursive: true, force: true });
  }
}

before(async () => {
  // The handlers do not create their cache (the lite package has no control plane).
  const sdk = await import('../../pkg/web/index.node.js');
  const admin = new sdk.CacheClient({ credentialProvider: sdk.CredentialProvider.fromString({ apiKey }), defaultTtlSeconds: 60 });
  const r = await admin.createCache('packaging');
  assert.ok(['Success', 'AlreadyExists'].includes(r.type), r.toString());
  admin.close();
});

const CASES = [
  ['esbuild-cjs', 'momento-wasm', 'import', 'index.js'],
  ['esbuild-esm', 'momento-wasm', 'import', 'index.mjs'],
  ['esbuild-require', 'momento-wasm', 'require', 'index.js'],
  ['webpack', 'momento-wasm', 'import', 'index.js'],
  ['webpack-require', 'momento-wasm', 'require', 'index.js'],
  ['esbuild-cjs-lite', 'momento-wasm/lite', 'import', 'index.js'],
  ['esbuild-esm-lite', 'momento-wasm/lite', 'import', 'index.mjs'],
];

for (const [name, pkg, load, file] of CASES) {
  const tool = name.replace(/-(require|lite)$/, '').replace(/^webpack.*/, 'webpack');
  test(`Lambda bundle, ${name} (${load} ${pkg}): runs from the bundle file alone`, async () => {
    const entry = load === 'import' ? 'handler.mjs' : 'handler.cjs';
    const dir = await makeProject(`bundle-${name}`, { [entry]: handlerSource(pkg, load) });
    const out = await bundle(tool, dir, entry, file);
    const code = await readFile(out, 'utf8');
    assert.ok(!code.includes('momento_wasm_bg.wasm'), 'the bundle names no .wasm file to read');
    assert.equal(await deployAndInvoke(name, out, `key-bundle-${name}`), `Hit:bundled-${name}`);
  });
}
