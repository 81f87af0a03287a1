// Slim entry (`momento-wasm/slim`): the full API with no automatic wasm initialisation — for module service
// workers (which forbid top-level await) and custom loading. Call `await init()` (or `initSync({ module })`)
// once before creating a client. `init()` with no argument fetches the .wasm next to this file.
import initWasm, { initSync as initWasmSync } from './momento_wasm.js';

/**
 * Loads and instantiates the wasm core. Idempotent: later calls resolve at once.
 * @param {{ module_or_path: RequestInfo | URL | Response | BufferSource | WebAssembly.Module | Promise<any> }} [input]
 */
export async function init(input) {
  await initWasm(input ?? { module_or_path: new URL('./momento_wasm_bg.wasm', import.meta.url) });
}

/**
 * Instantiates the wasm core synchronously from bytes or a compiled `WebAssembly.Module`.
 * @param {{ module: BufferSource | WebAssembly.Module }} input
 */
export function initSync(input) {
  initWasmSync(input);
}

export default init;
export * from './index.js';
