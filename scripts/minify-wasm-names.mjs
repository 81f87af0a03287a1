// Shortens the wasm's import/export names (wasm-bindgen's are long and hashed: `__wbg_new_from_slice_b8daf545a41c6aa0`,
// module `./momento_wasm_bg.js`) with wasm-opt's --minify-imports-and-exports-and-modules, and rewrites the web-target
// glue (momento_wasm.js) to match: the import object's keys and every `wasm.<export>` access. Saves ~1 KB gzip of
// wasm and some glue on the get/set app. Only for the `web` target's glue (pkg/web, pkg/lite), whose imports object
// is built in the glue itself; bundler/nodejs targets import the glue by module name and are left alone.
// Fails when a name it should rewrite is not found exactly once where expected, so a wasm-bindgen upgrade that
// changes the glue's shape breaks the build instead of shipping a module that cannot instantiate.
// Usage: node scripts/minify-wasm-names.mjs <dir with momento_wasm.js + momento_wasm_bg.wasm> <wasm-opt flags...>
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const [dir, ...features] = process.argv.slice(2);
const wasmPath = join(dir, 'momento_wasm_bg.wasm');
const gluePath = join(dir, 'momento_wasm.js');
const before = new WebAssembly.Module(readFileSync(wasmPath));
execFileSync('wasm-opt', ['--minify-imports-and-exports-and-modules', ...features, wasmPath, '-o', wasmPath],
  { stdio: ['ignore', 'ignore', 'inherit'] });
const after = new WebAssembly.Module(readFileSync(wasmPath));

const fail = (msg) => { console.error(`minify-wasm-names: ${msg}`); process.exit(1); };
const [oldImports, newImports] = [WebAssembly.Module.imports(before), WebAssembly.Module.imports(after)];
const [oldExports, newExports] = [WebAssembly.Module.exports(before), WebAssembly.Module.exports(after)];
if (oldImports.length !== newImports.length || oldExports.length !== newExports.length) fail('import/export counts changed');

let glue = readFileSync(gluePath, 'utf8');
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Replaces `pattern` (exactly `expected` matches, or at least one when `expected` is undefined). */
function rewrite(pattern, replacement, what, expected) {
  const n = (glue.match(pattern) ?? []).length;
  if (expected === undefined ? n === 0 : n !== expected) fail(`${what}: ${n} matches in momento_wasm.js`);
  glue = glue.replace(pattern, replacement);
}
const modules = new Map(oldImports.map((o, i) => [o.module, newImports[i].module]));
for (const [from, to] of modules) rewrite(new RegExp(`"${esc(from)}":`, 'g'), `${JSON.stringify(to)}:`, `module ${from}`, 1);
oldImports.forEach((o, i) => {
  // `        __wbg_new_…: function(` in the imports object.
  rewrite(new RegExp(`^(\\s+)${esc(o.name)}(: function\\b)`, 'gm'), `$1${JSON.stringify(newImports[i].name)}$2`,
    `import ${o.name}`, 1);
});
oldExports.forEach((o, i) => {
  const access = new RegExp(`\\bwasm\\.${esc(o.name)}\\b`, 'g');
  // An export the glue never uses (e.g. `__abort_handler`) must not appear in it in any other form either.
  if (!access.test(glue)) {
    if (glue.includes(o.name)) fail(`export ${o.name} is used by momento_wasm.js other than as wasm.${o.name}`);
    return;
  }
  rewrite(access, `wasm[${JSON.stringify(newExports[i].name)}]`, `export ${o.name}`);
});
writeFileSync(gluePath, glue);
// Typings of the raw exports: their names are gone (the package never exposes them).
rmSync(join(dir, 'momento_wasm_bg.wasm.d.ts'), { force: true });
