// Types of the slim entry (`momento-wasm/slim`): the full API plus explicit initialisation.
import type { InitInput, SyncInitInput } from './momento_wasm.js';

/** Loads and instantiates the wasm core (default: fetches the .wasm next to the module). Idempotent. */
export declare function init(input?: { module_or_path: InitInput | Promise<InitInput> }): Promise<void>;
/** Instantiates the wasm core synchronously from bytes or a compiled `WebAssembly.Module`. Idempotent. */
export declare function initSync(input: { module: SyncInitInput }): void;
export default init;
export * from './index.js';
