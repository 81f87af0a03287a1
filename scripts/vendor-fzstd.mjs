// Regenerates js/vendor/fzstd.js: the zstd decoder of the pinned `fzstd` devDependency (MIT, pure JS, decode
// only), bundled and minified by the pinned esbuild into one ESM file with its licence on top. js/compression.js
// imports it lazily, so the published package has no runtime dependency and apps that never read a zstd value
// never load it. tests/node/compression.test.mjs checks that the committed file is what this script produces.
// Usage: node scripts/vendor-fzstd.mjs            (writes the file)
//        node scripts/vendor-fzstd.mjs --check    (exits 1 if the committed file differs)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'js/vendor/fzstd.js');

/** The vendored file's text, built from node_modules/fzstd. */
export async function vendoredFzstd() {
  const pkgDir = join(ROOT, 'node_modules/fzstd');
  const { version, license } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const licenseText = readFileSync(join(pkgDir, 'LICENSE'), 'utf8').trim();
  const result = await build({
    stdin: { contents: "export { decompress } from 'fzstd';", resolveDir: ROOT, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2020',
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const header = [
    `// fzstd ${version} (${license}): the zstd decoder \`decompress\` only, bundled and minified by`,
    '// scripts/vendor-fzstd.mjs from the pinned devDependency. Do not edit; regenerate with that script.',
    '/*!',
    ...licenseText.split('\n').map((line) => ` * ${line}`.trimEnd()),
    ' */',
  ].join('\n');
  return `${header}\n${result.outputFiles[0].text}`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = await vendoredFzstd();
  if (process.argv.includes('--check')) {
    let current = '';
    try { current = readFileSync(OUT, 'utf8'); } catch { /* missing */ }
    if (current !== text) {
      console.error('js/vendor/fzstd.js is out of date: run node scripts/vendor-fzstd.mjs');
      process.exit(1);
    }
  } else {
    writeFileSync(OUT, text);
    console.log(`wrote ${OUT} (${text.length} bytes)`);
  }
}
