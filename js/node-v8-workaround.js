// Node 20's V8 (11.x) can abort the whole process ("Fatal error ... unreachable code" in
// Deoptimizer::DoComputeBuiltinContinuation) when it lazily deoptimizes a function that is inside a JS→wasm call
// TurboFan inlined. This SDK's call loop hits that under async context tracking (node --test, AsyncLocalStorage):
// tests/node/hostile-input.test.mjs's 100k-call loop died in about a third of its runs. Turning that one inlining
// off (--no-turbo-inline-js-wasm-calls) made it 0 of the same runs; V8 12+ (Node 22+) is left alone. The flag only
// affects how V8 compiles later code; it changes no behaviour.
// A namespace import: runtimes with a partial node:v8 (Deno, Bun) must still load this module.
import * as v8 from 'node:v8';

/**
 * Sets the flag on V8 11. Called by the Node entries' bodies, after their imports and before their first wasm call:
 * not a bare `import` (bundlers drop a side-effect-only import of a module the package's `sideEffects` leaves out,
 * and esbuild did: the npm builds ran without the flag), and not before node:http2 and node:zlib are loaded — any
 * V8 flag change makes Node reject its built-in modules' code cache, so every built-in loaded afterwards is compiled
 * from source (node:http2 measured ~7 → ~30 ms).
 */
export function avoidV8WasmInlineCrash() {
  if (/^11\./.test(globalThis.process?.versions?.v8 ?? '')) v8.setFlagsFromString?.('--no-turbo-inline-js-wasm-calls');
}
