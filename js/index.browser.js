// Browser / bundler entry: fetches and compiles the .wasm next to this file, then exposes the API.
import init from './momento_wasm.js';

await init({ module_or_path: new URL('./momento_wasm_bg.wasm', import.meta.url) });
export * from './index.js';
