// (b) where a cold start's milliseconds go: writes copies of the npm package's one-file Node entries (pkg/npm) with
// `performance.now()` marks pushed onto `globalThis.__coldMarks` at the bundle's first statement (the file compiled;
// the child loads the built-ins it imports beforehand), before the wasm is set up (every
// module body evaluated), after the base64 decode, the brotli inflate, `new WebAssembly.Module` and `initSync`
// (instantiate), and at the end. bench/lib/coldstart-child.mjs `<client>-phases` imports them; the goal figures come
// from the uninstrumented entries.
// Usage (from main.mjs): writePhaseEntries(ROOT, outDir) → { ours: path, 'ours-lite': path } or throws when an entry
// no longer has the shape this expects (its init line).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';

/** The marks, in order: [name, description]. The child reports each as the time since the previous one. */
export const PHASES = [
  ['builtins', 'node:v8 + node:zlib + node:http2 (the child imports them first)'],
  ['link', 'import() → the bundle\'s first statement: the file read and compiled'],
  ['bodies', 'module bodies (facade classes, glue) evaluated'],
  ['base64', 'base64 decode of the embedded wasm'],
  ['brotli', 'brotli inflate'],
  ['compile', 'new WebAssembly.Module'],
  ['instantiate', 'initSync (instantiate)'],
  ['entryRest', 'the rest of the entry'],
];

const mark = (name) => `globalThis.__coldMarks.push([${JSON.stringify(name)}, performance.now()]);`;
const INIT = /^initSync\(\{ module: brotliDecompressSync\(Buffer\.from\((\w+), "base64"\)\) \}\);$/m;

/** The instrumented source of one bundle (see the file comment). */
export function instrument(src) {
  if (!INIT.test(src)) throw new Error('the Node entry has no `initSync({ module: brotliDecompressSync(Buffer.from(…, "base64")) });` line');
  // First statement of the file (ES `import`s are hoisted: the built-ins are loaded before it runs, wherever they are).
  let out = `globalThis.__coldMarks ??= []; ${mark('link')}\n${src}`;
  out = out.replace(INIT, (_, bytes) => `${mark('bodies')} const __packed = Buffer.from(${bytes}, "base64"); ${mark('base64')} `
    + `const __wasm = brotliDecompressSync(__packed); ${mark('brotli')} const __module = new WebAssembly.Module(__wasm); ${mark('compile')} `
    + `initSync({ module: __module }); ${mark('instantiate')}`);
  return `${out}\n${mark('entryRest')}\n`;
}

/** Writes the instrumented ours / ours-lite entries into `outDir`; returns their paths. */
export function writePhaseEntries(root, outDir) {
  mkdirSync(outDir, { recursive: true });
  const paths = {};
  for (const [client, entry] of [['ours', 'pkg/npm/index.node.js'], ['ours-lite', 'pkg/npm/lite/index.node.js']]) {
    paths[client] = `${outDir}/${client}.phases.mjs`;
    writeFileSync(paths[client], instrument(readFileSync(`${root}${entry}`, 'utf8')));
  }
  return paths;
}
