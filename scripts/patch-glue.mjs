// Lets the web-target glue (momento_wasm.js) replace a wasm instance that trapped. A trap (or any exception thrown
// through wasm frames) can leave the instance's allocator and cells half-updated, so the facade (js/drive.js) swaps
// in a fresh instance of the same compiled module instead of calling into the broken one again. This adds:
//   - `reinstantiate()`: a new instance of the module the glue was initialised with; every object of the old one is
//     abandoned (the facade rebuilds its client cores and never touches the old objects again);
//   - `instanceGeneration()`: how many times that happened, so the facade can tell old objects from new ones;
//   - generation-stamped finalizers: an object of an old instance that is garbage-collected must not free its
//     pointer in the new instance's memory, so each finalizer checks the generation it was registered in;
//   - no finalizer for PendingCall, the one object made per call: js/drive.js always frees it.
// Fails when a pattern it rewrites is not found the expected number of times, so a wasm-bindgen upgrade that
// changes the glue's shape breaks the build instead of shipping a glue that frees foreign pointers.
// Usage: node scripts/patch-glue.mjs <dir with momento_wasm.js>
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const gluePath = join(process.argv[2], 'momento_wasm.js');
let glue = readFileSync(gluePath, 'utf8');
const fail = (msg) => { console.error(`patch-glue: ${msg}`); process.exit(1); };
/** Replaces `pattern`, which must match exactly `expected` times; returns the count. */
function rewrite(pattern, replacement, what, expected) {
  const n = (glue.match(pattern) ?? []).length;
  if (expected === undefined ? n === 0 : n !== expected) fail(`${what}: ${n} matches in momento_wasm.js`);
  glue = glue.replace(pattern, replacement);
  return n;
}

// `new FinalizationRegistry(ptr => wasm.__wbg_x_free(ptr, 1))` (or `wasm["K"](ptr, 1)` after name minification).
const registries = rewrite(/new FinalizationRegistry\(ptr => (wasm(?:\.\w+|\["[^"]+"\]))\(ptr(?: >>> 0)?, 1\)\)/g,
  'new FinalizationRegistry(([ptr, g]) => g === generation && $1(ptr, 1))', 'finalization registries');
// `XFinalization.register(obj, obj.__wbg_ptr, obj)`: one per class, like the registries.
rewrite(/(\w+Finalization)\.register\((\w+), \2\.__wbg_ptr, \2\)/g, '$1.register($2, [$2.__wbg_ptr, generation], $2)',
  'finalization registrations', registries);
// Fallbacks for runtimes older than this package supports (Node >= 18, ES2022 browsers and workers all have
// TextEncoder.encodeInto and FinalizationRegistry) and initSync's deprecation warning: dead weight in every bundle.
rewrite(/\n *if \(!\('encodeInto' in cachedTextEncoder\)\) \{\n[^]*?\n    \};\n\}\n/, '\n', 'the encodeInto fallback', 1);
rewrite(/\(typeof FinalizationRegistry === 'undefined'\)\n *\? \{ register: \(\) => \{\}, unregister: \(\) => \{\} \}\n *: /g, '',
  'FinalizationRegistry fallbacks', registries);
rewrite(/ *if \(module !== undefined\) \{\n *if \(Object\.getPrototypeOf\(module\) === Object\.prototype\) \{\n *\(\{module\} = module\)\n *\} else \{\n *console\.warn\([^\n]*\)\n *\}\n *\}\n/,
  '    if (Object.getPrototypeOf(module ?? 0) === Object.prototype) ({module} = module);\n',
  "initSync's deprecated-parameters branch", 1);
// PendingCall (one per call) is freed by js/drive.js, always, when the call ends: it is not registered for
// finalization (the registration and its unregistration cost every call ~1 µs of CPU and a weak cell for the GC).
rewrite(/(export class PendingCall \{\n    static __wrap\(ptr\) \{\n        const obj = Object\.create\(PendingCall\.prototype\);\n        obj\.__wbg_ptr = ptr;\n)        PendingCallFinalization\.register\([^\n]*\n/g,
  '$1', "PendingCall's finalization registration", 1);
rewrite(/(export class PendingCall \{[^]*?__destroy_into_raw\(\) \{\n        const ptr = this\.__wbg_ptr;\n        this\.__wbg_ptr = 0;\n)        PendingCallFinalization\.unregister\(this\);\n/g,
  '$1', "PendingCall's finalization unregistration", 1);
rewrite(/\nconst PendingCallFinalization = [^\n]*\n/g, '\n', "PendingCall's finalization registry", 1);
rewrite(/^let wasmModule, wasmInstance, wasm;$/m, `let wasmModule, wasmInstance, wasm;
/** How many times the instance was replaced (momento-wasm: scripts/patch-glue.mjs). */
let generation = 0;
/** The number of instances replaced so far: objects made before the last replacement belong to a dead instance. */
export const instanceGeneration = () => generation;
/** Replaces the instance with a fresh one of the same module, abandoning every object of the old one. */
export function reinstantiate() {
    const module = wasmModule;
    generation++;
    wasm = undefined;
    initSync({ module });
}`, 'the instance variables', 1);
writeFileSync(gluePath, glue);
