// Cloudflare Workers / workerd entry: the runtime hands us a compiled WebAssembly.Module (these runtimes forbid
// compiling wasm from bytes), instantiated synchronously. No import.meta.url. Vercel Edge: index.edge.js.
import wasmModule from './momento_wasm_bg.wasm';
import { initSync } from './momento_wasm.js';

initSync({ module: wasmModule });
export * from './index.js';
export { default } from './index.js';
