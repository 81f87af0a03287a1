// zstd decoding for js/compression.js, which imports this module lazily (only when a zstd value is read).
// The decoder is the vendored fzstd (vendor/fzstd.js, MIT). fzstd trusts a frame's declared content size: a
// 16-byte frame declaring 1 GB and holding an empty block would "decode" to 1 GB of zeros. So the frames are
// walked first (RFC 8878 §3.1: frame header, block headers, checksum) and a value is rejected when its
// structure is broken or a frame declares more content than its blocks can produce.
import { decompress } from './vendor/fzstd.js';

const BLOCK_SIZE_MAX = 128 * 1024;
// fzstd's buffers are typed arrays of at most 2^31 - 1 bytes.
const CONTENT_MAX = 2 ** 31 - 1;

function invalid(message = 'invalid zstd data') {
  throw new Error(message);
}

/**
 * Walks the zstd and skippable frames of `b`; returns the largest output they can decode to.
 * @param {Uint8Array} b
 * @returns {number}
 */
export function zstdContentBound(b) {
  const n = b.length;
  const eof = () => invalid('unexpected EOF');
  let pos = 0;
  let total = 0;
  while (pos < n) {
    if (pos + 4 > n) eof();
    const magic = (b[pos] | (b[pos + 1] << 8) | (b[pos + 2] << 16) | (b[pos + 3] << 24)) >>> 0;
    if (magic >>> 4 === 0x184d2a5) {
      // Skippable frame: 4-byte magic, 4-byte little-endian size, that many bytes.
      if (pos + 8 > n) eof();
      pos += 8 + ((b[pos + 4] | (b[pos + 5] << 8) | (b[pos + 6] << 16) | (b[pos + 7] << 24)) >>> 0);
      if (pos > n) eof();
      continue;
    }
    if (magic !== 0xfd2fb528) invalid();
    if (pos + 5 > n) eof();
    const fhd = b[pos + 4];
    if (fhd & 0x08) invalid(); // reserved bit
    const singleSegment = (fhd >> 5) & 1;
    let p = pos + 5;
    let windowSize = 0;
    if (!singleSegment) {
      if (p + 1 > n) eof();
      const exponent = b[p] >> 3;
      const base = 2 ** (10 + exponent);
      windowSize = base + (base / 8) * (b[p] & 7);
      p += 1;
    }
    p += [0, 1, 2, 4][fhd & 3]; // dictionary id
    const fcsFlag = fhd >> 6;
    const fcsBytes = fcsFlag === 0 ? singleSegment : 1 << fcsFlag;
    let contentSize = -1;
    if (fcsBytes) {
      if (p + fcsBytes > n) eof();
      contentSize = 0;
      for (let i = fcsBytes - 1; i >= 0; i -= 1) contentSize = contentSize * 256 + b[p + i];
      if (fcsBytes === 2) contentSize += 256;
      p += fcsBytes;
    }
    if (singleSegment) windowSize = contentSize;
    const blockMax = Math.min(windowSize, BLOCK_SIZE_MAX);
    let bound = 0;
    for (;;) {
      if (p + 3 > n) eof();
      const header = b[p] | (b[p + 1] << 8) | (b[p + 2] << 16);
      p += 3;
      const type = (header >> 1) & 3;
      const size = header >>> 3;
      if (type === 3) invalid('invalid block type');
      if (size > blockMax) invalid();
      if (type === 1) {
        bound += size; // RLE: one byte, repeated `size` times
        p += 1;
      } else {
        bound += type === 0 ? size : blockMax; // raw: `size` bytes; compressed: at most a full block
        p += size;
      }
      if (p > n) eof();
      if (header & 1) break;
    }
    if ((fhd >> 2) & 1) p += 4; // content checksum
    if (p > n) eof();
    if (contentSize > bound) invalid();
    total += contentSize >= 0 ? contentSize : bound;
    pos = p;
  }
  if (total > CONTENT_MAX) invalid('zstd content too large');
  return total;
}

/**
 * Decodes a value made of zstd frames (and skippable frames), as @mongodb-js/zstd's `decompress` does.
 * @param {Uint8Array} bytes
 * @returns {Uint8Array}
 */
export function decompressZstd(bytes) {
  zstdContentBound(bytes);
  return decompress(bytes);
}
