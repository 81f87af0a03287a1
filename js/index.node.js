// Node entry (ESM and, bundled by scripts/package, CommonJS): the wasm module's bytes come inside the JS
// (momento_wasm_bytes.js, written by scripts/build: brotli, base64) and are instantiated synchronously — no file read
// and no import.meta.url at run time, so whatever a bundler makes of this package runs from its output file alone.
// Clients speak gRPC over node:http2 (js/http2.js), unless a configuration passes its own fetch (`withFetch`).
import { avoidV8WasmInlineCrash } from './node-v8-workaround.js';
import { brotliDecompressSync } from 'node:zlib';
import { initSync } from './momento_wasm.js';
import wasmBase64 from './momento_wasm_bytes.js';
import { useNativeTransport } from './pipeline.js';
import { base64 } from './fetch.js';
import { Http2Transport, nodeBase64 } from './http2.js';

avoidV8WasmInlineCrash();
initSync({ module: brotliDecompressSync(Buffer.from(wasmBase64, 'base64')) });
useNativeTransport((configuration) => new Http2Transport(configuration));
// gRPC-web text mode (`withFetch`): Buffer's base64 where V8 has no Uint8Array.fromBase64 yet.
if (!Uint8Array.fromBase64) Object.assign(base64, nodeBase64);
export * from './index.js';
export { default } from './index.js';
