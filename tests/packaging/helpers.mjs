// Shared by the packaging tests: temp projects under target/packaging/ with the packed momento-wasm tarball
// installed by npm, and a child-process runner. run.sh packs the tarball and sets MOMENTO_WASM_TARBALL.
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import assert from 'node:assert/strict';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const apiKey = process.env.MOMENTO_API_KEY;
export const tarball = process.env.MOMENTO_WASM_TARBALL && resolve(process.env.MOMENTO_WASM_TARBALL);
assert.ok(apiKey, 'MOMENTO_API_KEY must be set (run tests/packaging/run.sh)');
assert.ok(tarball, 'MOMENTO_WASM_TARBALL must be set (run tests/packaging/run.sh)');

const exec = promisify(execFile);

/** Runs a command; resolves to {stdout, stderr}; rejects with both streams in the message. */
export async function run(cmd, args, opts = {}) {
  try {
    return await exec(cmd, args, { maxBuffer: 16 << 20, timeout: 120_000, ...opts });
  } catch (e) {
    throw new Error(`${cmd} ${args.join(' ')} failed (${e.code ?? e.signal}):\n${e.stdout}\n${e.stderr}`);
  }
}

/**
 * Creates target/packaging/<name>/ afresh with `files` ({relative path: content}) and a package.json, then
 * `npm install`s the tarball into it (no registry access: the package has no dependencies).
 */
export async function makeProject(name, files, { type = 'module' } = {}) {
  const dir = join(ROOT, 'target', 'packaging', name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: `packaging-${name}`, private: true, type }, null, 2));
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, rel)), { recursive: true });
    await writeFile(join(dir, rel), content);
  }
  await run('npm', ['install', tarball, '--no-audit', '--no-fund', '--no-package-lock', '--offline', '--loglevel=error'], { cwd: dir });
  return dir;
}

/** The set/get program every test runs, as the body of an async function given `sdk` and `apiKey`;
 * returns e.g. "Hit:packaged-esm". */
export function setGetSource(label) {
  return `
  const { CacheClient, Configurations, CredentialProvider } = sdk;
  const client = new CacheClient({
    configuration: Configurations.Laptop.latest(),
    credentialProvider: CredentialProvider.fromString({ apiKey }),
    defaultTtlSeconds: 60,
  });
  // The collection methods are mixed into CacheClient by a side effect of the facade: a bundler that
  // tree-shook it away would leave them missing.
  if (typeof client.dictionarySetField !== 'function') return 'no dictionarySetField';
  const created = await client.createCache('packaging');
  if (created.type === 'Error' && created.errorCode() !== 'ALREADY_EXISTS_ERROR') return 'createCache:' + created.toString();
  const set = await client.set('packaging', 'key-${label}', 'packaged-${label}');
  if (set.type !== 'Success') return 'set:' + set.toString();
  const got = await client.get('packaging', 'key-${label}');
  return got.type === 'Hit' ? 'Hit:' + got.valueString() : 'get:' + got.toString();
`;
}
