// Vercel Edge entry (Vercel Edge Functions / Routing Middleware, Next.js `runtime = 'edge'`): picked by the
// `edge-light` export condition, which Next.js and Vercel's edge bundling resolve before `worker`/`browser`.
// Edge Runtime cannot compile wasm from bytes; its bundlers hand over a compiled WebAssembly.Module only for a
// `.wasm` import carrying the `?module` suffix ("Pre-compiled WebAssembly can be imported with the ?module suffix
// ... you cannot use a buffer or byte array to dynamically compile the module at runtime":
// https://vercel.com/docs/functions/runtimes/wasm). Next.js's webpack rewrites such an import to a global binding
// (next-middleware-wasm-loader), Turbopack supports it too (vercel/turbo#11626), and `vercel dev` does the same
// with an esbuild plugin (vercel/vercel packages/node/src/edge-functions/edge-wasm-plugin.mts). Instantiated
// synchronously; no import.meta.url.
import wasmModule from './momento_wasm_bg.wasm?module';
import { initSync } from './momento_wasm.js';

// Locally (`next dev`/`next start`, `vercel dev`) the edge sandbox is a node:vm context into which the module,
// compiled in Node's realm, is injected: a WebAssembly.Module of another realm, which wasm-bindgen's initSync
// (`instanceof WebAssembly.Module`) would take for bytes and try to compile. V8 instantiates a module of any realm;
// only its prototype is foreign, so give it this realm's.
const foreign = !(wasmModule instanceof WebAssembly.Module)
  && Object.prototype.toString.call(wasmModule) === '[object WebAssembly.Module]';
initSync({ module: foreign ? Object.setPrototypeOf(wasmModule, WebAssembly.Module.prototype) : wasmModule });
export * from './index.js';
export { default } from './index.js';
