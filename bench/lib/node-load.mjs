// (c) + (d) in Node, one client per process: get/set throughput, latency and client CPU per operation at each
// in-flight level, against the running momento-server. Usage: node bench/lib/node-load.mjs '<json {client, apiKey,
// cache, seconds, warmupSeconds, inflights, valueBytes}>' → prints one JSON line {client, results: {get: {1: stats,
// 64: stats}, set: …}}.
import { nodeClient } from './clients.mjs';
import { getSetLoad } from './load.mjs';

const o = JSON.parse(process.argv[2]);
const c = await nodeClient(o.client, o);
console.log(JSON.stringify({ client: o.client, results: await getSetLoad(c, o) }));
process.exit(0);
