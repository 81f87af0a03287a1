// Shortens the wasm's import/export names (wasm-bindgen's are long and hashed: `__wbg_new_from_slice_b8daf545a41c6aa0`,
// module `./momento_wasm_bg.js`) with wasm-opt's --minify-imports-and-exports-and-modules, and rewrites the web-target
// glue (momento_wasm.js) to match: the import object's keys and every `wasm.<export>` access. Saves ~1 KB gzip of
// wasm and some glue on the get/set app. Only for the `web` target's glue (pkg/web, pkg/lite), whose imports object
// is built in the glue itself; bundler/nodejs targets import the glue by module name and are left alone.
// Pairs each import/export with its new name through the map wasm-opt prints (by name, never by position), and
// fails when that map does not describe the module exactly (an import or export missing from it, a new name given
// twice or of another kind) or a name it should rewrite is not found exactly once where expected, so a wasm-opt or
// wasm-bindgen upgrade that changes either breaks the build instead of shipping a module that cannot instantiate.
// Usage: node scripts/minify-wasm-names.mjs <dir with momento_wasm.js + momento_wasm_bg.wasm> <wasm-opt flags...>
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const [dir, ...features] = process.argv.slice(2);
const wasmPath = join(dir, 'momento_wasm_bg.wasm');
const gluePath = join(dir, 'momento_wasm.js');
const before = new WebAssembly.Module(readFileSync(wasmPath));
// wasm-opt prints the renaming it made as JSON on stdout: {imports: [[module, name, newName]], exports: [[name,
// newName]]}. Imports and exports are paired with their new names by that map, by name, never by position.
const map = JSON.parse(execFileSync('wasm-opt',
  ['--minify-imports-and-exports-and-modules', ...features, wasmPath, '-o', wasmPath],
  { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 << 20 }));
const after = new WebAssembly.Module(readFileSync(wasmPath));

const fail = (msg) => { console.error(`minify-wasm-names: ${msg}`); process.exit(1); };
const [oldImports, newImports] = [WebAssembly.Module.imports(before), WebAssembly.Module.imports(after)];
const [oldExports, newExports] = [WebAssembly.Module.exports(before), WebAssembly.Module.exports(after)];
const renamed = pairs(oldImports, newImports, map.imports, (o) => `${o.module}\0${o.name}`, 'import');
const renamedExports = pairs(oldExports, newExports, map.exports, (o) => o.name, 'export');

/**
 * `old` items (module imports or exports) each with the `now` item wasm-opt renamed it to, found through `entries`
 * (wasm-opt's map: the old key's parts, then the new name). Fails unless every old item maps to exactly one new item
 * of the same kind and every new item is some old item's: a map that does not describe the module is a loud error,
 * not a glue that cannot instantiate.
 */
function pairs(old, now, entries, key, what) {
  if (!Array.isArray(entries)) fail(`wasm-opt printed no ${what} map`);
  const newName = new Map(entries.map((e) => [e.slice(0, -1).join('\0'), e.at(-1)]));
  const byNewName = new Map();
  for (const n of now) {
    if (byNewName.has(n.name)) fail(`${what} name ${n.name} occurs twice after minifying`);
    byNewName.set(n.name, n);
  }
  const used = new Set();
  const result = old.map((o) => {
    const name = newName.get(key(o));
    const n = byNewName.get(name);
    if (name === undefined || !n) fail(`${what} ${[o.module, o.name].filter(Boolean).join(' ')}: not in wasm-opt's map or not in the module`);
    if (n.kind !== o.kind) fail(`${what} ${o.name} (${o.kind}) was mapped to ${name} (${n.kind})`);
    if (used.has(name)) fail(`${what} ${name} is the new name of two ${what}s`);
    used.add(name);
    return [o, n];
  });
  if (used.size !== now.length) fail(`${now.length - used.size} ${what}(s) after minifying match no ${what} before`);
  return result;
}

let glue = readFileSync(gluePath, 'utf8');
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Replaces `pattern` (exactly `expected` matches, or at least one when `expected` is undefined). */
function rewrite(pattern, replacement, what, expected) {
  const n = (glue.match(pattern) ?? []).length;
  if (expected === undefined ? n === 0 : n !== expected) fail(`${what}: ${n} matches in momento_wasm.js`);
  glue = glue.replace(pattern, replacement);
}
const modules = new Map();
for (const [o, n] of renamed) {
  if ((modules.get(o.module) ?? n.module) !== n.module) fail(`module ${o.module} was renamed inconsistently`);
  modules.set(o.module, n.module);
}
for (const [from, to] of modules) rewrite(new RegExp(`"${esc(from)}":`, 'g'), `${JSON.stringify(to)}:`, `module ${from}`, 1);
for (const [o, n] of renamed) {
  // `        __wbg_new_…: function(` in the imports object.
  rewrite(new RegExp(`^(\\s+)${esc(o.name)}(: function\\b)`, 'gm'), `$1${JSON.stringify(n.name)}$2`,
    `import ${o.name}`, 1);
}
for (const [o, n] of renamedExports) {
  const access = new RegExp(`\\bwasm\\.${esc(o.name)}\\b`, 'g');
  // An export the glue never uses (e.g. `__abort_handler`) must not appear in it in any other form either.
  if (!access.test(glue)) {
    if (glue.includes(o.name)) fail(`export ${o.name} is used by momento_wasm.js other than as wasm.${o.name}`);
    continue;
  }
  rewrite(access, `wasm[${JSON.stringify(n.name)}]`, `export ${o.name}`);
}
writeFileSync(gluePath, glue);
// Typings of the raw exports: their names are gone (the package never exposes them).
rmSync(join(dir, 'momento_wasm_bg.wasm.d.ts'), { force: true });
