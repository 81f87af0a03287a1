// The packed momento-wasm's types resolve for every way in: tsc (the workspace's pinned TypeScript) over a temp
// project with `import` (ESM, node condition), `require` (CJS declarations under cjs/), `momento-wasm/slim`,
// and again with moduleResolution "bundler" and the workerd and edge-light conditions (customConditions).
import { test } from 'node:test';
import { join } from 'node:path';
import { makeProject, run, ROOT } from './helpers.mjs';

const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const compilerOptions = {
  strict: true, noEmit: true, target: 'es2022', lib: ['esnext', 'dom'], types: [], skipLibCheck: false,
};
const esm = `import { CacheClient, CacheGet, Configurations, CredentialProvider } from 'momento-wasm';
import { init, initSync, CacheClient as SlimClient } from 'momento-wasm/slim';
const client: CacheClient = new CacheClient({
  configuration: Configurations.Laptop.latest(),
  credentialProvider: CredentialProvider.fromString({ apiKey: 'k' }),
  defaultTtlSeconds: 60,
});
export async function f(): Promise<string | undefined> {
  await init();
  initSync({ module: new Uint8Array() });
  const slim: SlimClient = client;
  const r = await slim.get('c', 'k');
  return r instanceof CacheGet.Hit ? r.valueString() : undefined;
}
`;

// node16, not nodenext: TypeScript ≥ 5.8 lets nodenext `require` ESM declarations, which would hide a `require`
// condition whose types are ESM (node16 reports TS1471 for that; Node 20 cannot require ESM without a flag).
test('types: ESM import, CJS require and ./slim under node16 resolution', async () => {
  const dir = await makeProject('types-node16', {
    'tsconfig.json': JSON.stringify({ compilerOptions: { ...compilerOptions, module: 'node16', moduleResolution: 'node16' }, files: ['esm.mts', 'cjs.cts'] }),
    'esm.mts': esm,
    'cjs.cts': `import sdk = require('momento-wasm');
const client: sdk.CacheClient = new sdk.CacheClient({
  credentialProvider: sdk.CredentialProvider.fromString({ apiKey: 'k' }),
  defaultTtlSeconds: 60,
});
export = async (): Promise<boolean> => (await client.get('c', 'k')).type === 'Hit';
`,
  });
  await run(process.execPath, [tsc, '-p', dir]);
});

test('types: moduleResolution bundler, default, workerd and edge-light conditions', async () => {
  const dir = await makeProject('types-bundler', {
    'tsconfig.json': JSON.stringify({ compilerOptions: { ...compilerOptions, module: 'esnext', moduleResolution: 'bundler' }, files: ['esm.ts'] }),
    'tsconfig.workerd.json': JSON.stringify({ extends: './tsconfig.json', compilerOptions: { customConditions: ['workerd'] } }),
    'tsconfig.edge.json': JSON.stringify({ extends: './tsconfig.json', compilerOptions: { customConditions: ['edge-light'] } }),
    'esm.ts': esm,
  });
  await run(process.execPath, [tsc, '-p', dir]);
  await run(process.execPath, [tsc, '-p', join(dir, 'tsconfig.workerd.json')]);
  await run(process.execPath, [tsc, '-p', join(dir, 'tsconfig.edge.json')]);
});
