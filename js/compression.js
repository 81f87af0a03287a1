// Value compression with the stored format of the official Node SDK's compression extensions
// (`@gomomento/sdk-nodejs-compression`: gzip; `@gomomento/sdk-nodejs-compression-zstd`: zstd).
//
// Stored format: the value is the bare compressed stream, no Momento-specific header. gzip (RFC 1952) is
// recognised on read by its first two bytes 1f 8b; a zstd frame (RFC 8878) by its first four bytes 28 b5 2f fd
// (magic 0xFD2FB528 little-endian). Anything else is returned unchanged. A value with a recognised magic that
// does not decompress is an error (the promise rejects), as in the official extensions.
//
// gzip uses the platform's CompressionStream / DecompressionStream (Node ≥ 18, browsers, workerd, Deno): no
// extra bytes. Those streams have no level parameter, so `Balanced` (zlib's default level, 6; byte-identical
// to the official gzip extension's output in Node) is what they produce; `Fastest` (1) and `SmallestSize` (9)
// use node:zlib when the runtime offers it through `process.getBuiltinModule` (Node ≥ 20.16 / 22.3) and fall
// back to the default level elsewhere. Every output is a gzip stream that either SDK reads.
//
// zstd is read-only here: a ~4 KB (gzip) pure-JS decoder (zstd.js + vendor/fzstd.js, MIT) is loaded with a
// dynamic import the first time a zstd frame has to be decoded, so apps that never read zstd values never load it.

/** Compression levels, string values identical to the official SDK's `CompressionLevel` enum. */
export const CompressionLevel = Object.freeze({
  /** A balance of speed and ratio: zlib level 6 (the official gzip extension's `Z_DEFAULT_COMPRESSION`). */
  Balanced: 'Balanced',
  /** Fastest: zlib level 1 where node:zlib is available, else the platform default (6). */
  Fastest: 'Fastest',
  /** Smallest output: zlib level 9 where node:zlib is available, else the platform default (6). */
  SmallestSize: 'SmallestSize',
});

/** Automatic decompression settings, string values identical to the official SDK's `AutomaticDecompression`. */
export const AutomaticDecompression = Object.freeze({ Enabled: 'Enabled', Disabled: 'Disabled' });

/** The `_messageWrapper` of the official SDK's `CompressionError` (no error code: `errorCode()` is undefined). */
export const COMPRESSION_ERROR_WRAPPER = 'Compression Error';

/**
 * The official SDK's text for a call that asks for compression or decompression when no compressor is
 * configured (e.g. `compressorNotSetMessage('CacheClient.set', 'compress')`). The official SDK reports it as a
 * `CompressionError` (wrapper {@link COMPRESSION_ERROR_WRAPPER}, no error code) for set / setBatch /
 * setWithHash / get / getBatch / getWithHash, and as an `InvalidArgumentError` for setIfAbsent.
 * @param {string} action e.g. `'CacheClient.set'`, `'CacheClient.Get'`
 * @param {'compress' | 'decompress'} option
 * @returns {string}
 */
export function compressorNotSetMessage(action, option) {
  return `Compressor is not set, but \`${action}\` was called with the \`${option}\` option; please install @gomomento/sdk-nodejs-compression and call \`Configuration.withCompressionStrategy\` to enable compression.`;
}

/**
 * Whether `bytes` starts with the gzip magic 1f 8b (the official gzip extension's test: 2 bytes or more).
 * @param {Uint8Array} bytes
 * @returns {boolean}
 */
export function isGzipCompressed(bytes) {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Whether `bytes` starts with the zstd frame magic 28 b5 2f fd (the official zstd extension's test).
 * @param {Uint8Array} bytes
 * @returns {boolean}
 */
export function isZstdCompressed(bytes) {
  return bytes.length >= 4 && bytes[0] === 0x28 && bytes[1] === 0xb5 && bytes[2] === 0x2f && bytes[3] === 0xfd;
}

/** Whether the platform has CompressionStream and DecompressionStream (gzip). */
export function compressionSupported() {
  return typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';
}

const ZLIB_LEVEL = { Fastest: 1, SmallestSize: 9 };

/** node:zlib if the runtime hands it out without an import statement (bundlers leave this call alone). */
function nodeZlib() {
  try {
    return globalThis.process?.getBuiltinModule?.('node:zlib') ?? null;
  } catch {
    return null;
  }
}

/** Runs `bytes` through a CompressionStream / DecompressionStream and collects the output. */
async function transform(stream, bytes) {
  const writer = stream.writable.getWriter();
  // Written concurrently with the reads below (a large value would otherwise stall on backpressure); on corrupt
  // input both sides fail with the same error, reported once through the reader.
  const written = writer.write(bytes).then(() => writer.close());
  written.catch(() => {});
  const reader = stream.readable.getReader();
  const chunks = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
  }
  await written;
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function toBytes(value) {
  if (typeof value === 'string') return new TextEncoder().encode(value);
  if (value instanceof Uint8Array) return value;
  throw new TypeError('value must be a string or a Uint8Array');
}

/**
 * Compresses `value` with gzip, the format of the official gzip extension (`CompressorFactory.default()` of
 * `@gomomento/sdk-nodejs-compression`). Strings are UTF-8 encoded first, as the official SDK does.
 * @param {Uint8Array | string} value
 * @param {string} [level] a {@link CompressionLevel} value; anything else (or none) is `Balanced`
 * @returns {Promise<Uint8Array>} a gzip stream starting with 1f 8b
 */
export async function compress(value, level = CompressionLevel.Balanced) {
  const bytes = toBytes(value);
  const zlibLevel = ZLIB_LEVEL[level];
  const zlib = zlibLevel === undefined ? null : nodeZlib();
  if (zlib) {
    return new Promise((resolve, reject) => {
      zlib.gzip(bytes, { level: zlibLevel }, (error, out) => {
        if (error) reject(error);
        else resolve(new Uint8Array(out.buffer, out.byteOffset, out.length));
      });
    });
  }
  return transform(new CompressionStream('gzip'), bytes);
}

/**
 * Decompresses a gzip stream. Node's DecompressionStream is zlib's gunzip (several members and trailing zero
 * bytes accepted); Chromium's rejects anything after the first member. The official SDK writes one member.
 * @param {Uint8Array} bytes
 * @returns {Promise<Uint8Array>} rejects with the platform's error on corrupt or truncated data (in Node the
 *   same `Error` as zlib.gunzip, e.g. `unknown compression method`, `unexpected end of file`; in Chromium a
 *   `TypeError`)
 */
export function gunzip(bytes) {
  return transform(new DecompressionStream('gzip'), bytes);
}

let zstdModule;
/**
 * Decodes zstd frames with the vendored pure-JS decoder (./zstd.js + ./vendor/fzstd.js, loaded on first use).
 * The frames are checked first, so a frame that declares more content than its blocks hold is rejected.
 * @param {Uint8Array} bytes
 * @returns {Promise<Uint8Array>} rejects on invalid data (`Error`, e.g. `invalid zstd data`, `unexpected EOF`)
 */
export async function decompressZstd(bytes) {
  zstdModule ??= import('./zstd.js').catch((error) => {
    zstdModule = undefined;
    throw error;
  });
  return (await zstdModule).decompressZstd(bytes);
}

/**
 * The official extensions' `decompressIfCompressed`: gzip values (1f 8b) are gunzipped, zstd frames
 * (28 b5 2f fd) are decoded when `options.zstd` is true, everything else comes back unchanged (the same
 * object). The official gzip extension does not decode zstd values (it returns them as they are), and the
 * official zstd extension does not decode gzip values; `zstd: true` reads both.
 * @param {Uint8Array} bytes
 * @param {{zstd?: boolean}} [options] `zstd`: also decode zstd frames (default false, like the gzip extension)
 * @returns {Promise<Uint8Array>} rejects if a value with a recognised magic does not decompress
 */
export async function decompressIfCompressed(bytes, options) {
  if (isGzipCompressed(bytes)) return gunzip(bytes);
  if (options?.zstd && isZstdCompressed(bytes)) return decompressZstd(bytes);
  return bytes;
}

/**
 * A compressor with the official SDK's `ICompression` shape (`compress(level, value)`,
 * `decompressIfCompressed(value)`), so the facade can treat it like a user-supplied official compressor.
 * Writes gzip; reads gzip, and zstd too when `readZstd` is set.
 * @param {{readZstd?: boolean}} [options]
 * @returns {{compress(level: string, value: Uint8Array): Promise<Uint8Array>,
 *   decompressIfCompressed(value: Uint8Array): Promise<Uint8Array>}}
 */
export function gzipCompressor(options) {
  const decompressOptions = { zstd: options?.readZstd === true };
  return Object.freeze({
    compress: (level, value) => compress(value, level),
    decompressIfCompressed: (value) => decompressIfCompressed(value, decompressOptions),
  });
}

/**
 * The built-in compressors (official `CompressorFactory` of `@gomomento/sdk-nodejs-compression`, without the extra
 * package): `CompressorFactory.default()` writes gzip and reads gzip and zstd, for `withCompressionStrategy`.
 */
export class CompressorFactory {
  /** gzip through the platform's CompressionStream; reads zstd too (decoder loaded on first use). */
  static default() { return gzipCompressor({ readZstd: true }); }
}
