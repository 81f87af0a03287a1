// (a) the zipped AWS Lambda get/set handler: the same handler against momento-wasm/lite, momento-wasm (full) and the
// official @gomomento/sdk, bundled with esbuild for Node (--bundle --platform=node --minify), zipped alone (deflate
// -9, what `zip -9` makes of it), then deployed as that one file in a fresh directory and invoked against the
// running momento-server, as Lambda's Node runtime would (require + handler(event)). The package comes from
// pkg/npm (scripts/package), linked into a temp project as an installed dependency would be.
// Usage: node bench/lib/lambda.mjs '<json {apiKey, cache}>' → one JSON line {<client>: {bundleBytes, zipBytes, ok,
// error?}}.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';

const o = JSON.parse(process.argv[2]);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const { endpoint } = JSON.parse(atob(o.apiKey));

const HANDLERS = {
  'ours-lite': `import { CacheClient, Configurations, CredentialProvider } from 'momento-wasm/lite';
const client = new CacheClient({ configuration: Configurations.Lambda.latest(),
  credentialProvider: CredentialProvider.fromEnvVar('MOMENTO_API_KEY'), defaultTtlSeconds: 60 });`,
  ours: `import { CacheClient, Configurations, CredentialProvider } from 'momento-wasm';
const client = new CacheClient({ configuration: Configurations.Lambda.latest(),
  credentialProvider: CredentialProvider.fromEnvVar('MOMENTO_API_KEY'), defaultTtlSeconds: 60 });`,
  // The official SDK derives cache.<endpoint> hosts from a key: point it at the local server explicitly.
  sdk: `import { CacheClient, Configurations, CredentialProvider } from '@gomomento/sdk';
const at = process.env.MOMENTO_ENDPOINT;
const client = new CacheClient({ configuration: Configurations.Lambda.latest(),
  credentialProvider: CredentialProvider.fromString({ apiKey: process.env.MOMENTO_API_KEY, endpointOverrides:
    { cacheEndpoint: at, controlEndpoint: at, tokenEndpoint: at, secureConnection: false } }),
  defaultTtlSeconds: 60 });`,
};
const BODY = `
export const handler = async (event) => {
  const set = await client.set('${o.cache}', event.key, event.value);
  const get = await client.get('${o.cache}', event.key);
  return { statusCode: 200, body: set.type + ':' + (get.type === 'Hit' ? get.valueString() : get.type) };
};
`;

/** A zip archive holding `name` (deflated): local header, data, central directory, end record. */
function zip(name, data) {
  const packed = deflateRawSync(data, { level: 9 });
  const n = Buffer.from(name);
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14); local.writeUInt32LE(packed.length, 18); local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10); central.writeUInt32LE(crc, 16); central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(data.length, 24); central.writeUInt16LE(n.length, 28);
  const end = Buffer.alloc(22);
  const cdOffset = local.length + n.length + packed.length;
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + n.length, 12); end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, n, packed, central, n, end]);
}

const project = mkdtempSync(join(tmpdir(), 'momento-bench-lambda-'));
const results = {};
try {
  mkdirSync(join(project, 'node_modules', '@gomomento'), { recursive: true });
  symlinkSync(join(ROOT, 'pkg', 'npm'), join(project, 'node_modules', 'momento-wasm'));
  for (const dep of ['sdk', 'sdk-core', 'generated-types']) {
    symlinkSync(join(ROOT, 'node_modules', '@gomomento', dep), join(project, 'node_modules', '@gomomento', dep));
  }
  for (const [client, head] of Object.entries(HANDLERS)) {
    try {
      writeFileSync(join(project, `${client}.mjs`), head + BODY);
      const out = join(project, 'dist', client, 'index.js');
      execFileSync(join(ROOT, 'node_modules', '.bin', 'esbuild'), [`${client}.mjs`, '--bundle', '--platform=node',
        '--target=node20', '--minify', `--outfile=${out}`, '--log-level=error', '--preserve-symlinks'],
      { cwd: project, env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') } });
      const bundle = readFileSync(out);
      const r = { bundleBytes: bundle.length, zipBytes: zip('index.js', bundle).length };
      // Deployed alone: a fresh directory with the bundle and nothing else.
      const deploy = mkdtempSync(join(tmpdir(), 'momento-bench-deploy-'));
      try {
        copyFileSync(out, join(deploy, 'index.js'));
        const run = `const r = await require(${JSON.stringify(join(deploy, 'index.js'))}).handler({ key: 'lambda-${client}', value: 'v' });
          console.log(r.body); process.exit(0);`;
        const stdout = execFileSync(process.execPath, ['-e', `(async () => { ${run} })()`], {
          cwd: deploy, encoding: 'utf8', timeout: 60_000,
          env: { PATH: process.env.PATH, MOMENTO_API_KEY: o.apiKey, MOMENTO_ENDPOINT: endpoint },
        });
        r.ok = stdout.trim() === 'Success:v';
        if (!r.ok) r.error = stdout.trim().slice(0, 300);
      } catch (e) {
        r.ok = false;
        r.error = String(e.stderr || e.message).split('\n').find((l) => /Error|error/.test(l))?.slice(0, 300) ?? String(e.message).slice(0, 300);
      } finally {
        rmSync(deploy, { recursive: true, force: true });
      }
      results[client] = r;
    } catch (e) {
      results[client] = { error: String(e.stderr || e.message).slice(0, 300) };
    }
  }
} finally {
  rmSync(project, { recursive: true, force: true });
}
console.log(JSON.stringify(results));
process.exit(0);
