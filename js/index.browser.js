// Browser / bundler entry: streams and compiles the .wasm next to this file, instantiates it, then exposes the API.
// Our own few lines rather than wasm-bindgen's async init(), so that its fallbacks and warnings stay out of bundles.
import { initSync } from './momento_wasm.js';

const res = await fetch(new URL('./momento_wasm_bg.wasm', import.meta.url));
if (!res.ok) throw new Error(`momento-wasm: could not fetch its .wasm (HTTP ${res.status} from ${res.url})`);
// compileStreaming insists on `application/wasm`; a server that sends another type still works, without streaming.
initSync({
  module: res.headers.get('content-type') === 'application/wasm' && WebAssembly.compileStreaming
    ? await WebAssembly.compileStreaming(res)
    : await WebAssembly.compile(await res.arrayBuffer()),
});
export * from './index.js';
export { default } from './index.js';
