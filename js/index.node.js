// Node entry (ESM and, bundled by scripts/package, CommonJS): the wasm module's bytes come inside the JS
// (momento_wasm_bytes.js, written by scripts/build: brotli, base64) and are instantiated synchronously — no file read
// and no import.meta.url at run time, so whatever a bundler makes of this package runs from its output file alone.
// Clients speak gRPC over node:http2 (js/http2.js), unless a configuration passes its own fetch (`withFetch`).
import { setFlagsFromString } from 'node:v8';
import { brotliDecompressSync } from 'node:zlib';
import { initSync } from './momento_wasm.js';
import wasmBase64 from './momento_wasm_bytes.js';
import { useNativeTransport } from './pipeline.js';
import { base64 } from './fetch.js';
import { Http2Transport, nodeBase64 } from './http2.js';

// Node 20's V8 (11.x) can crash the process ("Fatal error: unreachable code" in Deoptimizer::
// DoComputeBuiltinContinuation) when optimized code that inlined a JS→wasm call (js/drive.js → PendingCall.poll) is
// deoptimized lazily while that call runs: seen within ~200k calls in a tight loop. Not inlining those calls avoids
// it (and costs nothing measurable here). Later V8s are left alone.
if (process.versions.v8.startsWith('11.')) setFlagsFromString('--no-turbo-inline-js-wasm-calls');
initSync({ module: brotliDecompressSync(Buffer.from(wasmBase64, 'base64')) });
useNativeTransport((configuration) => new Http2Transport(configuration));
// gRPC-web text mode (`withFetch`): Buffer's base64 where V8 has no Uint8Array.fromBase64 yet.
if (!Uint8Array.fromBase64) Object.assign(base64, nodeBase64);
export * from './index.js';
export { default } from './index.js';
