// Node CommonJS entry: the source scripts/package bundles with esbuild into the npm package's cjs/index.js
// (`require('momento-wasm')`). Reads the .wasm from disk and instantiates it synchronously, like
// index.node.js, but locates it with __dirname (cjs/ sits one level below the .wasm) instead of import.meta.url.
import './node-v8-workaround.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initSync } from './momento_wasm.js';

initSync({ module: readFileSync(join(__dirname, '..', 'momento_wasm_bg.wasm')) });
export * from './index.js';
export { default } from './index.js';
