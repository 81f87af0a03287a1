// (e) set + get of one value of each size, one client per process, against the running server: the median time of
// `set(key, value)` followed by `get(key)` (the value read back is checked by length). Failures are recorded, not
// hidden. Usage: node bench/lib/payload.mjs '<json {client, apiKey, cache, sizes, reps}>' → one JSON line
// {client, results: {<size>: {medianMs, runsMs} | {error}}}.
import { nodeClient } from './clients.mjs';
import { median } from './load.mjs';

const o = JSON.parse(process.argv[2]);
const c = await nodeClient(o.client, o);
// One warm-up round trip so the first size does not pay the client's first-call costs.
await c.set('bench-payload-warm', 'x');
await c.get('bench-payload-warm');
const results = {};
for (const size of o.sizes) {
  const value = new Uint8Array(size);
  for (let i = 0; i < size; i++) value[i] = (i * 31 + 7) & 0xff;
  const key = `bench-payload-${size}`;
  const runsMs = [];
  try {
    for (let r = 0; r < o.reps; r++) {
      const t0 = performance.now();
      await c.set(key, value);
      const got = await c.get(key);
      const t1 = performance.now();
      if (got.length !== size) throw new Error(`read back ${got.length} bytes, expected ${size}`);
      runsMs.push(t1 - t0);
    }
    results[size] = { medianMs: median(runsMs), runsMs };
  } catch (e) {
    results[size] = { error: String(e?.message ?? e).slice(0, 300), runsMs };
  }
}
console.log(JSON.stringify({ client: o.client, results }));
process.exit(0);
