// Summarises a V8 .cpuprofile (node --cpu-prof) by where the time goes: the momento-wasm JS facade, the
// wasm-bindgen glue, the wasm core, node:http2, Node's fetch (undici + web streams), AbortController/DOMException/
// events, timers, GC, the bench harness itself. Prints self-time shares per category and the top self-time functions.
// Usage: node bench/lib/profile-summary.mjs <file.cpuprofile | dir> [topN]
// (bash bench/profile runs the load loop of (c)+(d) under --cpu-prof and calls this.)
import { readFileSync, readdirSync, statSync } from 'node:fs';

const arg = process.argv[2];
const top = Number(process.argv[3] ?? 25);
const file = statSync(arg).isDirectory()
  ? `${arg}/${readdirSync(arg).filter((f) => f.endsWith('.cpuprofile')).sort().pop()}`
  : arg;
const p = JSON.parse(readFileSync(file, 'utf8'));

const CATEGORIES = [
  ['wasm core (Rust: src/core, src/bindings, prost, base64)', (u, f) => u.startsWith('wasm://') || /^wasm-function|^\$/.test(f)],
  ['wasm<->JS trampolines', (u, f) => /^(js-to-wasm|wasm-to-js)/.test(f)],
  ['wasm-bindgen glue (momento_wasm.js)', (u) => u.endsWith('/momento_wasm.js')],
  ['JS facade (client.js, responses/, errors.js, …)', (u) => /\/pkg\/(web|lite)\//.test(u)],
  ['AbortController / DOMException / EventTarget', (u) => /abort_controller|domexception|event_target/.test(u)],
  ['timers (setTimeout/clearTimeout)', (u) => /internal\/timers|^node:timers/.test(u)],
  ['node:http2 (+ its streams and sockets)', (u) => /internal\/http2|internal\/streams|stream_base_commons|node:net|internal\/net/.test(u)],
  ['fetch: undici, Headers, Response, web streams', (u) => /undici|webstreams|encoding|js_transferable/.test(u)],
  ['@gomomento/sdk(-web) + grpc-js / grpc-web + google-protobuf', (u) => /node_modules\/(@gomomento|@grpc|grpc-web|google-protobuf|jwt-decode|ua-parser)/.test(u)],
  ['bench harness (fakes, loop)', (u) => /\/bench\/lib\//.test(u)],
  ['garbage collector', (u, f) => f === '(garbage collector)'],
  ['idle', (u, f) => f === '(idle)'],
  ['other', () => true],
];

const byId = new Map(p.nodes.map((n) => [n.id, n]));
const selfUs = new Map();
let total = 0;
for (let i = 0; i < p.samples.length; i++) {
  const dt = p.timeDeltas[i] ?? 0;
  selfUs.set(p.samples[i], (selfUs.get(p.samples[i]) ?? 0) + dt);
  total += dt;
}
const cat = new Map(CATEGORIES.map(([name]) => [name, 0]));
const fns = new Map();
let idle = 0;
for (const [id, us] of selfUs) {
  const { url, functionName, lineNumber } = byId.get(id).callFrame;
  const f = functionName || '(anonymous)';
  const [name] = CATEGORIES.find(([, test]) => test(url, f));
  if (name === 'idle' || f === '(program)') { idle += us; }
  cat.set(name, cat.get(name) + us);
  const key = `${f}  ${url.replace(/^.*\/(pkg|node_modules|bench)\//, '$1/').replace(/^file:\/\//, '')}:${lineNumber + 1}`;
  fns.set(key, (fns.get(key) ?? 0) + us);
}
const busy = total - (cat.get('idle') ?? 0);
const pctOf = (us) => `${((100 * us) / busy).toFixed(1).padStart(5)}%`;
console.log(`${file}\nbusy ${(busy / 1000).toFixed(0)} ms (shares below are of busy time)\n`);
for (const [name, us] of [...cat].filter(([n]) => n !== 'idle').sort((a, b) => b[1] - a[1])) {
  if (us > 0) console.log(`${pctOf(us)}  ${name}`);
}
console.log(`\ntop ${top} functions by self time:`);
for (const [k, us] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pctOf(us)}  ${k}`);
