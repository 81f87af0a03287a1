// (c) + (d) in Node, one client per process: get/set throughput, latency and client CPU per operation at each
// in-flight level, against the running momento-server. Usage: node bench/lib/node-load.mjs '<json {client, apiKey,
// cache, seconds, warmupSeconds, inflights, valueBytes}>' → prints one JSON line {client, results: {get: {1: stats,
// 64: stats}, set: …}}.
import { nodeClient } from './clients.mjs';
import { runLoad } from './load.mjs';

const o = JSON.parse(process.argv[2]);
const c = await nodeClient(o.client, o);
const value = 'v'.repeat(o.valueBytes);
await c.set('bench-get', value);
const results = { get: {}, set: {} };
for (const inflight of o.inflights) {
  results.get[inflight] = await runLoad(() => c.get('bench-get'), { inflight, seconds: o.seconds, warmupSeconds: o.warmupSeconds });
  results.set[inflight] = await runLoad((i) => c.set(`bench-set-${i % 1024}`, value), { inflight, seconds: o.seconds, warmupSeconds: o.warmupSeconds });
}
console.log(JSON.stringify({ client: o.client, results }));
process.exit(0);
