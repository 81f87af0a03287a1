// Value compression for the full CacheClient (the lite build has none), in the official Node SDK's stored format
// (js/compression.js): `{compress: true}` on set, setIfAbsent, setWithHash and setBatch compresses the value with the
// configuration's compression strategy (the built-in gzip when there is none, so no extension package is needed);
// get, getBatch and getWithHash decompress hits when the call asks (`{decompress: true}`) or, with a compression
// strategy, automatically (unless its `automaticDecompression` is 'Disabled'), as the official SDK does.
import { CompressorFactory } from '../compression.js';
import { InvalidArgumentError } from '../errors.js';
import { INVALID } from '../error-results.js';
import { CacheGet, CacheSet } from '../responses/scalar.js';
import * as scalar from '../responses/scalar-extra.js';
import { bytesOf } from '../responses/base.js';
import { batchItems } from './scalar-extra.js';

const BUILT_IN = CompressorFactory.default();
/** `options[name]` (`undefined` when reading it throws: the core reads options the same forgiving way). */
const option = (options, name) => {
  try {
    return options?.[name];
  } catch {
    return undefined;
  }
};

export const CompressionMethods = (Base) => class extends Base {
  /** The strategy's compressor, or the built-in one. */
  _compressor() { return this._configuration.compression?.compressorFactory ?? BUILT_IN; }

  /** A promise of `value` compressed at the strategy's level; a value of a wrong type is left for the core to
   * reject. */
  async _compress(value) {
    value = bytesOf(value);
    if (!(value instanceof Uint8Array)) return value;
    return this._compressor().compress(this._configuration.compression?.compressionLevel ?? 'Balanced', value);
  }

  /** The `post` step of a read that decompresses its hits, or `undefined` when this read does not decompress. */
  _decompression(options) {
    const strategy = this._configuration.compression;
    if (!(option(options, 'decompress') ?? (strategy !== undefined && strategy.automaticDecompression !== 'Disabled'))) return undefined;
    const compressor = this._compressor();
    const hit = async (r) => (r.type === 'Hit' ? { ...r, value: await compressor.decompressIfCompressed(r.value) } : r);
    return async (r) => {
      try {
        return r.results ? { ...r, results: await Promise.all(r.results.map(hit)) } : await hit(r);
      } catch (e) {
        // The official SDK's answer to a value that does not decompress.
        return { type: 'Error', error: new InvalidArgumentError(String(e), INVALID + e) };
      }
    };
  }

  /** Reads `key`. Options: `{decompress, abortSignal}`. */
  get(cacheName, key, options) {
    return this._call(CacheGet, cacheName, (c) => c.get(cacheName, key, options), undefined, undefined,
      this._decompression(options));
  }
  /** Reads many keys in one call. Options: `{decompress, abortSignal}`. */
  getBatch(cacheName, keys, options) {
    return this._call(scalar.CacheGetBatch, cacheName, (c) => c.getBatch(cacheName, keys, options), { keys }, undefined,
      this._decompression(options));
  }
  /** Reads `key` with the service's hash of its (stored, so compressed) value. Options: `{decompress, abortSignal}`. */
  getWithHash(cacheName, key, options) {
    return this._call(scalar.CacheGetWithHash, cacheName, (c) => c.getWithHash(cacheName, key, options), undefined,
      undefined, this._decompression(options));
  }

  /** Stores `value` under `key`. Options: `{ttl (whole seconds), compress, abortSignal}`. */
  set(cacheName, key, value, options) {
    if (!option(options, 'compress')) return super.set(cacheName, key, value, options);
    return this._call(CacheSet, cacheName, (c, v) => c.set(cacheName, key, v, options), undefined, this._compress(value));
  }
  /** Stores only if `key` is absent. Options: `{ttl, compress, abortSignal}`. */
  setIfAbsent(cacheName, key, value, options) {
    if (!option(options, 'compress')) return super.setIfAbsent(cacheName, key, value, options);
    return this._call(scalar.CacheSetIfAbsent, cacheName, (c, v) => c.setIfAbsent(cacheName, key, v, options), undefined,
      this._compress(value));
  }
  /** Stores `value` and returns the hash of what was stored. Options: `{ttl, compress, abortSignal}`. */
  setWithHash(cacheName, key, value, options) {
    if (!option(options, 'compress')) return super.setWithHash(cacheName, key, value, options);
    return this._call(scalar.CacheSetWithHash, cacheName, (c, v) => c.setWithHash(cacheName, key, v, options), undefined,
      this._compress(value));
  }
  /** Stores many items in one call. Options: `{ttl, compress, abortSignal}`. */
  setBatch(cacheName, items, options) {
    if (!option(options, 'compress')) return super.setBatch(cacheName, items, options);
    const compressed = (async () => Promise.all(batchItems(items).map(async ([k, v, ttl]) => [k, await this._compress(v), ttl])))();
    return this._call(scalar.CacheSetBatch, cacheName, (c, its) => c.setBatch(cacheName, its, options), undefined, compressed);
  }
};
