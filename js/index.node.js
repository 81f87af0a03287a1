// Node entry: reads the .wasm from disk and instantiates it synchronously; uses Node's global fetch.
import './node-v8-workaround.js';
import { readFileSync } from 'node:fs';
import { initSync } from './momento_wasm.js';

initSync({ module: readFileSync(new URL('./momento_wasm_bg.wasm', import.meta.url)) });
export * from './index.js';
export { default } from './index.js';
