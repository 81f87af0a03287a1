// js/compression.js (gzip via CompressionStream/DecompressionStream, lazy zstd decoding) in Node, and the same
// stored format as Momento's official Node SDK (`@gomomento/sdk`) with its compression extensions, through a
// running momento-server:
//   - the official SDK with the published `@gomomento/sdk-nodejs-compression` (0.75.0, the only version the
//     registry has: a zstd compressor over @mongodb-js/zstd) writes compressed values; we read them back;
//   - the official SDK with a gzip compressor built to the official gzip extension's spec (node:zlib at its
//     levels, magic 1f 8b; that extension is not published in a version we can install) writes values we read,
//     and reads the values we write with its automatic decompression.
// The server: MOMENTO_API_KEY (a v1 key whose endpoint is the server; scripts/test provides it), else this file
// starts $MOMENTO_SERVER_BIN or target/debug/momento-server; without either the cross-SDK tests are skipped.
// Run: node --test tests/node/compression.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

import * as compression from '../../js/compression.js';

const {
  AutomaticDecompression, COMPRESSION_ERROR_WRAPPER, CompressionLevel, compress, compressorNotSetMessage,
  decompressIfCompressed, decompressZstd, gunzip, gzipCompressor, isGzipCompressed, isZstdCompressed,
} = compression;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(join(ROOT, 'package.json'));
const sdk = require('@gomomento/sdk');
const { CompressorFactory: OfficialZstdFactory } = require('@gomomento/sdk-nodejs-compression');
const mongoZstd = require('@mongodb-js/zstd');

const LEVELS = [CompressionLevel.Balanced, CompressionLevel.Fastest, CompressionLevel.SmallestSize];
// The official gzip extension's level mapping (zlib constants).
const ZLIB_LEVEL = {
  Balanced: zlib.constants.Z_DEFAULT_COMPRESSION,
  Fastest: zlib.constants.Z_BEST_SPEED,
  SmallestSize: zlib.constants.Z_BEST_COMPRESSION,
};
const hasBuiltinZlib = typeof process.getBuiltinModule === 'function';

function sample(name) {
  switch (name) {
    case 'empty': return new Uint8Array(0);
    case 'small': return new TextEncoder().encode('my-value');
    case '1 MB random': return new Uint8Array(randomBytes(1 << 20));
    case '5 MB compressible': {
      const out = new Uint8Array(5 * 1024 * 1024);
      const text = new TextEncoder().encode('{"user":"momento","items":[1,2,3],"ok":true}\n');
      for (let i = 0; i < out.length; i += 1) out[i] = text[i % text.length];
      return out;
    }
    default: throw new Error(name);
  }
}
const SAMPLES = ['empty', 'small', '1 MB random', '5 MB compressible'];

function assertBytes(actual, expected, what) {
  assert.ok(actual instanceof Uint8Array, `${what}: a Uint8Array`);
  assert.equal(actual.length, expected.length, `${what}: length`);
  assert.ok(Buffer.from(actual.buffer, actual.byteOffset, actual.length)
    .equals(Buffer.from(expected.buffer, expected.byteOffset, expected.length)), `${what}: bytes differ`);
}

const zlibGzip = (bytes, level) => new Promise((ok, fail) =>
  zlib.gzip(bytes, { level }, (e, out) => (e ? fail(e) : ok(new Uint8Array(out)))));
const zlibGunzip = (bytes) => new Promise((ok, fail) =>
  zlib.gunzip(bytes, (e, out) => (e ? fail(e) : ok(new Uint8Array(out)))));
/** The text the official SDK puts in its error (`${e}`) for an error `e`. */
const errorText = async (promise) => {
  try {
    await promise;
  } catch (e) {
    return `${e}`;
  }
  return null;
};

// ---------------------------------------------------------------------------------------------
// The module alone
// ---------------------------------------------------------------------------------------------

test('the platform streams are there (Node ≥ 18)', () => {
  assert.equal(compression.compressionSupported(), true);
});

for (const name of SAMPLES) {
  test(`gzip round trip: ${name}, every level`, async () => {
    const value = sample(name);
    for (const level of LEVELS) {
      const packed = await compress(value, level);
      assert.ok(isGzipCompressed(packed), `${level}: starts with 1f 8b`);
      assertBytes(await decompressIfCompressed(packed), value, `${level} via decompressIfCompressed`);
      assertBytes(await zlibGunzip(packed), value, `${level} via zlib.gunzip (the official gzip extension's reader)`);
      if (name === '5 MB compressible') assert.ok(packed.length < value.length / 100, `${level}: ${packed.length} B`);
    }
  });
}

test('gzip output is byte-identical to the official gzip extension (zlib.gzip at its level)', async () => {
  for (const name of ['empty', 'small', '5 MB compressible']) {
    const value = sample(name);
    for (const level of hasBuiltinZlib ? LEVELS : [CompressionLevel.Balanced]) {
      assertBytes(await compress(value, level), await zlibGzip(value, ZLIB_LEVEL[level]), `${name} ${level}`);
    }
  }
});

test('strings are compressed as UTF-8; unknown levels mean Balanced', async () => {
  const text = 'héllo ✓ momento';
  assertBytes(await compress(text), await compress(new TextEncoder().encode(text)), 'string = its UTF-8 bytes');
  assertBytes(await compress('abc', 'Nope'), await compress('abc', CompressionLevel.Balanced), 'unknown level');
  await assert.rejects(compress(42), TypeError);
});

test('reads what zlib writes: every level, and several gzip members', async () => {
  const value = sample('1 MB random');
  for (const level of [1, 6, 9]) assertBytes(await gunzip(await zlibGzip(value, level)), value, `level ${level}`);
  const two = Buffer.concat([zlib.gzipSync('hello '), zlib.gzipSync('world')]);
  assert.equal(new TextDecoder().decode(await decompressIfCompressed(two)), 'hello world');
});

test('values without a recognised magic come back unchanged (the same object)', async () => {
  const values = [
    new Uint8Array(0),
    Uint8Array.of(0x1f), // one byte of the magic: too short
    Uint8Array.of(0x8b, 0x1f, 0x08, 0x00), // the magic's bytes swapped
    Uint8Array.of(0x1f, 0x8c, 0x08, 0x00), // close, not the magic
    new TextEncoder().encode('plain text value'),
    new TextEncoder().encode('{"json":true}'),
    Uint8Array.of(0x28, 0xb5, 0x2f), // three bytes of the zstd magic
    Uint8Array.of(0x28, 0xb5, 0x2f, 0xfc, 0, 0), // not quite the zstd magic
  ];
  for (let i = 0; i < 50; i += 1) {
    const v = new Uint8Array(randomBytes(1 + (i % 64)));
    if (v[0] === 0x1f || v[0] === 0x28) v[0] = 0;
    values.push(v);
  }
  for (const v of values) {
    assert.equal(isGzipCompressed(v), false);
    assert.equal(await decompressIfCompressed(v), v);
    assert.equal(await decompressIfCompressed(v, { zstd: true }), v);
  }
});

test('a zstd frame comes back unchanged unless zstd reading is asked for (like the official gzip extension)', async () => {
  const frame = new Uint8Array(await mongoZstd.compress(Buffer.from('zstd value'), 3));
  assert.ok(isZstdCompressed(frame));
  assert.equal(await decompressIfCompressed(frame), frame);
  assert.equal(new TextDecoder().decode(await decompressIfCompressed(frame, { zstd: true })), 'zstd value');
});

test('values that start with the gzip magic but are not gzip are errors, with zlib\'s texts', async () => {
  const good = zlib.gzipSync('hello momento');
  const cases = {
    'the official tests\' invalid value 1f 8b 00 00 00 00': Uint8Array.of(31, 139, 0, 0, 0, 0),
    'the magic alone': Uint8Array.of(0x1f, 0x8b),
    'magic + text': Uint8Array.of(0x1f, 0x8b, ...new TextEncoder().encode('not gzip at all')),
    'truncated stream': good.subarray(0, good.length - 5),
    'corrupt CRC': Buffer.concat([good.subarray(0, good.length - 8), Buffer.alloc(4), good.subarray(good.length - 4)]),
    'junk after the stream': Buffer.concat([good, Buffer.from('junk')]),
  };
  for (const [what, bytes] of Object.entries(cases)) {
    const ours = await errorText(decompressIfCompressed(bytes));
    assert.ok(ours, `${what}: rejected`);
    // The official SDK reports `${e}` of zlib.gunzip's error; Node's DecompressionStream fails the same way.
    assert.equal(ours, await errorText(zlibGunzip(bytes)), what);
  }
});

test('zstd: decodes what the official zstd extension\'s library writes, at its levels 1, 3 and 9', async () => {
  for (const name of SAMPLES) {
    const value = sample(name);
    for (const level of [1, 3, 9]) {
      const frame = new Uint8Array(await mongoZstd.compress(Buffer.from(value), level));
      assert.ok(isZstdCompressed(frame), `${name} @${level}: zstd magic`);
      assertBytes(await decompressIfCompressed(frame, { zstd: true }), value, `${name} @${level}`);
    }
  }
});

test('zstd: frames without a content size, with checksums, several frames, skippable frames', async (t) => {
  const value = new Uint8Array(randomBytes(300_000));
  const skippable = Buffer.concat([Buffer.from([0x50, 0x2a, 0x4d, 0x18, 3, 0, 0, 0]), Buffer.from('abc')]);
  const one = Buffer.from(await mongoZstd.compress(Buffer.from(value), 3));
  assertBytes(await decompressZstd(Buffer.concat([one, skippable, one])), Buffer.concat([value, value]), 'frames');
  try {
    execFileSync('zstd', ['--version'], { stdio: 'ignore' });
  } catch {
    t.skip('no zstd CLI for the streamed (no content size) + checksum case');
    return;
  }
  const streamed = execFileSync('zstd', ['-q', '-c', '--no-content-size', '--check'], {
    input: value, maxBuffer: 64 << 20,
  });
  assertBytes(await decompressZstd(streamed), value, 'no content size, checksum');
});

test('zstd: broken values are errors, and a tiny frame cannot declare a huge content', async () => {
  const frame = Buffer.from(await mongoZstd.compress(Buffer.alloc(100_000, 'abcdefgh'), 3));
  /** A single-segment frame declaring `size` bytes (8-byte content size) and holding one empty raw block. */
  const declaring = (size) => {
    const b = Buffer.alloc(16);
    b.writeUInt32LE(0xfd2fb528, 0);
    b[4] = 0xe0;
    b.writeBigUInt64LE(BigInt(size), 5);
    b[13] = 1; // last block, raw, size 0
    return b;
  };
  const cases = {
    'the magic alone': Uint8Array.of(0x28, 0xb5, 0x2f, 0xfd),
    'magic + text': Buffer.concat([Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), Buffer.from('not zstd data')]),
    'truncated frame': frame.subarray(0, frame.length - 3),
    'reserved block type': Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x20, 0x00, 0x07, 0x00, 0x00]),
    'junk after the frame': Buffer.concat([frame, Buffer.from('junk')]),
    '16 bytes declaring 1 GB': declaring(2 ** 30),
    '16 bytes declaring 2 GB': declaring(2 ** 31),
    '16 bytes declaring 1 TB': declaring(2 ** 40),
  };
  for (const [what, bytes] of Object.entries(cases)) {
    const started = Date.now();
    await assert.rejects(decompressIfCompressed(bytes, { zstd: true }), Error, what);
    assert.ok(Date.now() - started < 1000, `${what}: rejected quickly`);
  }
  assert.deepEqual(await decompressZstd(declaring(0)), new Uint8Array(0));
});

test('zstd: mutated frames never hang and fail with Errors', async () => {
  const bases = [
    Buffer.from(await mongoZstd.compress(Buffer.alloc(50_000, 'abcdefgh'), 3)),
    Buffer.from(await mongoZstd.compress(randomBytes(3000), 3)),
  ];
  for (let i = 0; i < 300; i += 1) {
    const b = Buffer.from(bases[i % 2]);
    for (let k = 0; k < 2; k += 1) b[4 + Math.floor(Math.random() * (b.length - 4))] = Math.floor(Math.random() * 256);
    try {
      assert.ok((await decompressZstd(b)) instanceof Uint8Array);
    } catch (e) {
      assert.ok(e instanceof Error, `${e}`);
    }
  }
});

test('zstd is loaded lazily: compression.js imports neither zstd.js nor the decoder statically', () => {
  const source = readFileSync(join(ROOT, 'js/compression.js'), 'utf8');
  const staticImports = [...source.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
  assert.deepEqual(staticImports, []);
  assert.match(source, /import\('\.\/zstd\.js'\)/);
});

test('js/vendor/fzstd.js is what scripts/vendor-fzstd.mjs builds from the pinned fzstd', async () => {
  const { vendoredFzstd } = await import('../../scripts/vendor-fzstd.mjs');
  assert.equal(readFileSync(join(ROOT, 'js/vendor/fzstd.js'), 'utf8'), await vendoredFzstd(),
    'out of date: run node scripts/vendor-fzstd.mjs');
});

test('gzipCompressor has the official ICompression shape', async () => {
  const value = sample('small');
  const plain = gzipCompressor();
  const packed = await plain.compress(CompressionLevel.Balanced, value);
  assertBytes(packed, await zlibGzip(value, ZLIB_LEVEL.Balanced), 'compress(level, value)');
  assertBytes(await plain.decompressIfCompressed(packed), value, 'decompressIfCompressed');
  const frame = new Uint8Array(await mongoZstd.compress(Buffer.from(value), 3));
  assert.equal(await plain.decompressIfCompressed(frame), frame);
  assertBytes(await gzipCompressor({ readZstd: true }).decompressIfCompressed(frame), value, 'readZstd');
});

test('constants and error texts are the official SDK\'s', () => {
  assert.deepEqual({ ...CompressionLevel }, { ...sdk.CompressionLevel });
  assert.deepEqual({ ...AutomaticDecompression }, { ...sdk.AutomaticDecompression });
  const { CompressionError } = require('@gomomento/sdk/dist/src/errors/compression-error');
  for (const [action, option] of [['CacheClient.set', 'compress'], ['CacheClient.Get', 'decompress'],
    ['CacheClient.setBatch', 'compress'], ['CacheClient.GetWithHash', 'decompress']]) {
    const official = new CompressionError(action, option);
    assert.equal(`${COMPRESSION_ERROR_WRAPPER}: ${compressorNotSetMessage(action, option)}`,
      official.wrappedErrorMessage());
    assert.equal(official.errorCode(), undefined, 'the official CompressionError has no error code');
  }
});

// ---------------------------------------------------------------------------------------------
// Against the official Node SDK through momento-server
// ---------------------------------------------------------------------------------------------

/** The official gzip extension's behaviour, written to its spec (it is not published in an installable version). */
const officialGzipSpec = {
  compress: (level, value) => zlibGzip(value, ZLIB_LEVEL[level]),
  decompressIfCompressed: async (value) =>
    (value.length >= 2 && ((value[0] << 8) | value[1]) === 0x1f8b ? zlibGunzip(value) : value),
};

let server; // {child?, dir?, endpoint, apiKey}
let skipReason;
const CACHE = `compression-${process.pid}`;
const clients = [];

async function startServer() {
  const bin = process.env.MOMENTO_SERVER_BIN ?? join(ROOT, 'target/debug/momento-server');
  if (!existsSync(bin)) return null;
  const dir = mkdtempSync(join(tmpdir(), 'momento-compression-'));
  const keyFile = join(dir, 'api-key');
  const child = spawn(bin, ['--port', '0', '--key-file', keyFile, '--secret-file', join(dir, 'secret')],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const endpoint = await new Promise((ok, fail) => {
    let stdout = '';
    const timer = setTimeout(() => fail(new Error(`momento-server did not start:\n${stderr}`)), 15_000);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = /^momento-server listening on http:\/\/(\S+)$/m.exec(stdout);
      if (match) {
        clearTimeout(timer);
        ok(match[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`momento-server exited (${code}):\n${stderr}`));
    });
  });
  return { child, dir, endpoint, apiKey: readFileSync(keyFile, 'utf8').trim() };
}

async function officialClient(compressionStrategy) {
  let configuration = sdk.Configurations.Laptop.v1();
  if (compressionStrategy) configuration = configuration.withCompressionStrategy(compressionStrategy);
  const client = await sdk.CacheClient.create({
    configuration,
    credentialProvider: sdk.CredentialProvider.fromString({
      apiKey: server.apiKey,
      endpointOverrides: {
        cacheEndpoint: server.endpoint,
        controlEndpoint: server.endpoint,
        tokenEndpoint: server.endpoint,
        secureConnection: false,
      },
    }),
    defaultTtlSeconds: 120,
  });
  clients.push(client);
  return client;
}

/** The published zstd extension; it logs an ERROR for every non-zstd value it is handed, so no logging. */
const quietZstd = () =>
  OfficialZstdFactory.default(new sdk.NoopMomentoLoggerFactory());

let raw; // the official SDK without a compressor: reads and writes stored bytes as they are
let officialGzip; // the official SDK with a gzip compressor to the official spec, automatic decompression on
let officialZstd; // the official SDK with the published @gomomento/sdk-nodejs-compression (zstd)

before(async () => {
  if (process.env.MOMENTO_API_KEY) {
    const { endpoint } = JSON.parse(Buffer.from(process.env.MOMENTO_API_KEY, 'base64').toString('utf8'));
    server = { endpoint: endpoint.replace(/^https?:\/\//, ''), apiKey: process.env.MOMENTO_API_KEY };
  } else {
    server = await startServer();
  }
  if (!server) {
    skipReason = 'no momento-server: set MOMENTO_API_KEY or MOMENTO_SERVER_BIN (or cargo build -p momento-server)';
    return;
  }
  raw = await officialClient();
  officialGzip = await officialClient({
    compressorFactory: officialGzipSpec,
    compressionLevel: sdk.CompressionLevel.Balanced,
    automaticDecompression: sdk.AutomaticDecompression.Enabled,
  });
  officialZstd = await officialClient({
    compressorFactory: quietZstd(),
    automaticDecompression: sdk.AutomaticDecompression.Enabled,
  });
  const created = await raw.createCache(CACHE);
  assert.ok(['Success', 'AlreadyExists'].includes(created.type), created.toString());
});

after(async () => {
  if (server && raw) await raw.deleteCache(CACHE);
  for (const client of clients) client.close();
  if (server?.child) {
    server.child.kill('SIGTERM');
    rmSync(server.dir, { recursive: true, force: true });
  }
});

const unique = (prefix) => `${prefix}-${Math.random().toString(36).slice(2)}`;

/** The stored bytes of `key`, as they are. */
async function storedBytes(key) {
  const got = await raw.get(CACHE, key);
  assert.equal(got.type, 'Hit', got.toString());
  return got.valueUint8Array();
}

function crossTest(name, fn) {
  test(name, async (t) => {
    if (skipReason) {
      t.skip(skipReason);
      return;
    }
    await fn(t);
  });
}

const zstdWriters = {};
crossTest('the official SDK + @gomomento/sdk-nodejs-compression (zstd) writes; we read byte-exact', async () => {
  for (const name of SAMPLES) {
    const value = sample(name);
    for (const level of LEVELS) {
      zstdWriters[level] ??= await officialClient({ compressorFactory: quietZstd(), compressionLevel: level });
      const zstdAtLevel = zstdWriters[level];
      const key = unique('zstd');
      const set = await zstdAtLevel.set(CACHE, key, value, { compress: true });
      assert.equal(set.type, 'Success', set.toString());
      const stored = await storedBytes(key);
      assert.ok(isZstdCompressed(stored), `${name} ${level}: stored as a zstd frame`);
      assertBytes(await decompressIfCompressed(stored, { zstd: true }), value, `${name} ${level}`);
      assert.equal(await decompressIfCompressed(stored), stored, 'without zstd: unchanged, like the gzip extension');
    }
  }
});

/** Writes `value` with {compress: true} through `client`'s set, setIfAbsent, setWithHash and setBatch; the keys. */
async function setCompressedFourWays(client, value) {
  const keys = { set: unique('set'), setIfAbsent: unique('sia'), setWithHash: unique('swh'), setBatch: unique('batch') };
  assert.equal((await client.set(CACHE, keys.set, value, { compress: true })).type, 'Success');
  assert.equal((await client.setIfAbsent(CACHE, keys.setIfAbsent, value, { compress: true })).type, 'Stored');
  assert.equal((await client.setWithHash(CACHE, keys.setWithHash, value, { compress: true })).type, 'Stored');
  assert.equal((await client.setBatch(CACHE, [{ key: keys.setBatch, value }], { compress: true })).type, 'Success');
  return keys;
}

crossTest('the official SDK (gzip, official spec) writes with set/setIfAbsent/setWithHash/setBatch; we read byte-exact', async () => {
  for (const name of SAMPLES) {
    const value = sample(name);
    const keys = await setCompressedFourWays(officialGzip, value);
    const expected = await compress(value); // byte-identical to zlib.gzip at the default level in Node
    for (const [call, key] of Object.entries(keys)) {
      const stored = await storedBytes(key);
      assertBytes(stored, expected, `${name} ${call}: the stored bytes are what our compress() writes`);
      assertBytes(await decompressIfCompressed(stored), value, `${name} ${call}`);
    }
  }
});

crossTest('we write; the official SDK reads with automatic decompression (get, getBatch, getWithHash)', async () => {
  for (const name of SAMPLES) {
    const value = sample(name);
    for (const level of LEVELS) {
      const key = unique('ours');
      const set = await raw.set(CACHE, key, await compress(value, level));
      assert.equal(set.type, 'Success', set.toString());
      const got = await officialGzip.get(CACHE, key);
      assert.equal(got.type, 'Hit', got.toString());
      assertBytes(got.valueUint8Array(), value, `${name} ${level}: get`);
      if (name === '1 MB random' || name === '5 MB compressible') continue; // one big value per call is enough
      const batch = await officialGzip.getBatch(CACHE, [key]);
      assert.equal(batch.type, 'Success', batch.toString());
      assertBytes(batch.results()[0].valueUint8Array(), value, `${name} ${level}: getBatch`);
      const withHash = await officialGzip.getWithHash(CACHE, key);
      assert.equal(withHash.type, 'Hit', withHash.toString());
      assertBytes(withHash.valueUint8Array(), value, `${name} ${level}: getWithHash`);
    }
  }
});

crossTest('uncompressed values pass through both SDKs unchanged', async () => {
  const value = new TextEncoder().encode('plain value');
  const key = unique('plain');
  assert.equal((await raw.set(CACHE, key, value)).type, 'Success');
  assertBytes(await decompressIfCompressed(await storedBytes(key)), value, 'ours');
  assertBytes((await officialGzip.get(CACHE, key)).valueUint8Array(), value, 'official gzip reader');
  assertBytes((await officialZstd.get(CACHE, key)).valueUint8Array(), value, 'official zstd reader');
});

crossTest('invalid gzip: the official SDK\'s get error carries the same text our decompress rejects with', async () => {
  const invalid = Uint8Array.of(31, 139, 0, 0, 0, 0);
  const key = unique('invalid');
  assert.equal((await raw.set(CACHE, key, invalid)).type, 'Success');
  const got = await officialGzip.get(CACHE, key);
  assert.equal(got.type, 'Error', got.toString());
  assert.equal(got.errorCode(), 'INVALID_ARGUMENT_ERROR');
  const ours = await errorText(decompressIfCompressed(await storedBytes(key)));
  assert.equal(got.message(), `Invalid argument passed to Momento client: ${ours}`);
});

crossTest('our gzip values are not decoded by the published zstd extension (it returns them unchanged)', async () => {
  const value = sample('small');
  const key = unique('gz-for-zstd');
  const packed = await compress(value);
  assert.equal((await raw.set(CACHE, key, packed)).type, 'Success');
  const got = await officialZstd.get(CACHE, key);
  assert.equal(got.type, 'Hit', got.toString());
  assertBytes(got.valueUint8Array(), packed, 'the official zstd reader hands back our gzip bytes');
});

// ---------------------------------------------------------------------------------------------
// The CacheClient facade: `{compress: true}` writes and decompressing reads, both ways with the official SDK
// ---------------------------------------------------------------------------------------------

const ours = async (strategy) => {
  const wasm = await import('../../pkg/web/index.node.js');
  let configuration = wasm.Configurations.Laptop.latest();
  if (strategy) configuration = configuration.withCompressionStrategy(strategy);
  return { wasm, client: new wasm.CacheClient({
    configuration, credentialProvider: wasm.CredentialProvider.fromString({ apiKey: server.apiKey }), defaultTtlSeconds: 120,
  }) };
};

crossTest('CacheClient: {compress: true} on set/setIfAbsent/setWithHash/setBatch; the official SDK reads them', async () => {
  const { client } = await ours();
  for (const name of ['small', '1 MB random']) {
    const value = sample(name);
    const keys = await setCompressedFourWays(client, value);
    for (const [call, key] of Object.entries(keys)) {
      assert.ok(isGzipCompressed(await storedBytes(key)), `${call}: stored compressed`);
      assertBytes((await officialGzip.get(CACHE, key)).valueUint8Array(), value, `${name} ${call}: official read`);
      const plain = await client.get(CACHE, key);
      assert.ok(isGzipCompressed(plain.valueUint8Array()), 'no strategy, no decompress option: bytes as stored');
      assertBytes((await client.get(CACHE, key, { decompress: true })).valueUint8Array(), value, `${call}: ours`);
    }
  }
  const text = unique('ctext');
  await client.set(CACHE, text, 'héllo '.repeat(50), { compress: true });
  assert.equal((await officialGzip.get(CACHE, text)).valueString(), 'héllo '.repeat(50), 'strings are UTF-8 first');
  client.close();
});

crossTest('CacheClient with a compression strategy: automatic decompression of get/getBatch/getWithHash (gzip and zstd)', async () => {
  const { wasm, client } = await ours({ compressionLevel: CompressionLevel.SmallestSize });
  const value = sample('small');
  const gz = unique('og');
  const zs = unique('oz');
  const plainKey = unique('op');
  await officialGzip.set(CACHE, gz, value, { compress: true });
  await officialZstd.set(CACHE, zs, value, { compress: true });
  await raw.set(CACHE, plainKey, value);
  for (const key of [gz, zs, plainKey]) {
    assertBytes((await client.get(CACHE, key)).valueUint8Array(), value, `get ${key}`);
    assertBytes((await client.getWithHash(CACHE, key)).valueUint8Array(), value, `getWithHash ${key}`);
  }
  const batch = await client.getBatch(CACHE, [gz, zs, plainKey, unique('missing')]);
  assert.deepEqual(batch.results().map((r) => r.type), ['Hit', 'Hit', 'Hit', 'Miss']);
  for (const r of batch.results().slice(0, 3)) assertBytes(r.valueUint8Array(), value, 'getBatch');
  assert.ok(isGzipCompressed((await client.get(CACHE, gz, { decompress: false })).valueUint8Array()), 'per-call opt-out');
  const off = (await ours({ automaticDecompression: wasm.AutomaticDecompression.Disabled })).client;
  assert.ok(isGzipCompressed((await off.get(CACHE, gz)).valueUint8Array()), 'automaticDecompression Disabled');
  // A value with the gzip magic that is not gzip: the official SDK's InvalidArgumentError, as a value.
  const bogus = unique('bogus');
  await raw.set(CACHE, bogus, new Uint8Array([0x1f, 0x8b, 1, 2, 3]));
  const bad = await client.get(CACHE, bogus);
  assert.equal(bad.errorCode(), 'INVALID_ARGUMENT_ERROR', bad.toString());
  // A user-supplied compressor of the official ICompression shape is used as given.
  const custom = (await ours({ compressorFactory: officialGzipSpec })).client;
  const ck = unique('custom');
  await custom.set(CACHE, ck, value, { compress: true });
  assertBytes((await custom.get(CACHE, ck)).valueUint8Array(), value, 'custom compressor round trip');
  for (const c of [client, off, custom]) c.close();
});
