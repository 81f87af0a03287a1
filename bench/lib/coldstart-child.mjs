// (b) one cold start, in a fresh `node` process: import + construct + first get against the running server.
// Usage: node bench/lib/coldstart-child.mjs <ours|ours-lite|sdk|sdk-web|raw-h2|empty> <apiKey> <cache>
//        node bench/lib/coldstart-child.mjs <ours-phases|ours-lite-phases> <apiKey> <cache> <instrumented entry>
// ours / ours-lite are the npm package's Node entries as installed (pkg/npm: one file each, the wasm inside);
// `<client>-phases` imports the built-ins the entry imports (node:v8, node:zlib, node:http2), then a copy of the entry
// with marks (bench/lib/coldstart-phases.mjs), and also reports `phases`: ms per step of the import, then
// `credentials` (CredentialProvider.fromString: the first wasm calls), `construct` and `firstGet`.
// Prints one JSON line: {client, msFromScriptStart, msSinceProcessStart, importMs, constructMs, firstGetMs}, where
// msFromScriptStart starts at this module's first statement (after node's own bootstrap), and msSinceProcessStart
// is performance.now() (node's time origin, i.e. including its bootstrap).
const t0 = performance.now();
const [client, apiKey, cache] = process.argv.slice(2);
const endpointOf = (k) => JSON.parse(atob(k)).endpoint.replace(/^(?!https?:\/\/)/, 'http://');
let ok = true;
let tImported, tConstructed, phases;
if (client === 'ours' || client === 'ours-lite') {
  const m = await import(client === 'ours' ? '../../pkg/npm/index.node.js' : '../../pkg/npm/lite/index.node.js');
  tImported = performance.now();
  const c = new m.CacheClient({
    configuration: m.Configurations.Laptop.v1(),
    credentialProvider: m.CredentialProvider.fromString({ apiKey }),
    defaultTtlSeconds: 60,
  });
  tConstructed = performance.now();
  ok = (await c.get(cache, 'bench-get')).type === 'Hit';
} else if (client === 'ours-phases' || client === 'ours-lite-phases') {
  // The built-ins the bundle imports first, so that its own `link` step is reading and compiling the file.
  await Promise.all([import('node:v8'), import('node:zlib'), import('node:http2')]);
  globalThis.__coldMarks = [['builtins', performance.now()]];
  const m = await import(process.argv[5]);
  tImported = performance.now();
  const marks = [['start', t0], ...globalThis.__coldMarks];
  phases = Object.fromEntries(marks.slice(1).map(([name, t], i) => [name, t - marks[i][1]]));
  phases.importRest = tImported - marks[marks.length - 1][1];
  const credentialProvider = m.CredentialProvider.fromString({ apiKey });
  const tCredentials = performance.now();
  phases.credentials = tCredentials - tImported;
  const c = new m.CacheClient({ configuration: m.Configurations.Laptop.v1(), credentialProvider, defaultTtlSeconds: 60 });
  tConstructed = performance.now();
  phases.construct = tConstructed - tCredentials;
  ok = (await c.get(cache, 'bench-get')).type === 'Hit';
  phases.firstGet = performance.now() - tConstructed;
} else if (client === 'sdk') {
  const m = await import('@gomomento/sdk');
  tImported = performance.now();
  const hostPort = endpointOf(apiKey).replace(/^https?:\/\//, '');
  const c = new m.CacheClient({
    configuration: m.Configurations.Laptop.v1(),
    credentialProvider: m.CredentialProvider.fromString({
      apiKey,
      endpointOverrides: { cacheEndpoint: hostPort, controlEndpoint: hostPort, tokenEndpoint: hostPort, secureConnection: false },
    }),
    defaultTtlSeconds: 60,
  });
  tConstructed = performance.now();
  ok = (await c.get(cache, 'bench-get')).type === 'Hit';
} else if (client === 'sdk-web') {
  const { default: XMLHttpRequest } = await import('xhr2');
  globalThis.XMLHttpRequest ??= XMLHttpRequest;
  globalThis.navigator ??= { userAgent: 'momento-wasm-bench (Node.js)' };
  const m = await import('@gomomento/sdk-web');
  tImported = performance.now();
  const endpoint = endpointOf(apiKey);
  const c = new m.CacheClient({
    configuration: m.Configurations.Laptop.v1(),
    credentialProvider: m.CredentialProvider.fromString({
      apiKey, endpointOverrides: { cacheEndpoint: endpoint, controlEndpoint: endpoint, tokenEndpoint: endpoint },
    }),
    defaultTtlSeconds: 60,
  });
  tConstructed = performance.now();
  ok = (await c.get(cache, 'bench-get')).type === 'Hit';
} else if (client === 'raw-h2') {
  const { RawH2Client } = await import('./grpc-h2.mjs');
  tImported = performance.now();
  const k = JSON.parse(atob(apiKey));
  const c = new RawH2Client({ url: endpointOf(apiKey), token: k.api_key, cache });
  tConstructed = performance.now();
  ok = (await c.get('bench-get')) !== undefined;
} else if (client !== 'empty') {
  throw new Error(`unknown client ${client}`);
}
const t1 = performance.now();
if (!ok) { console.error(`${client}: the first get was not a Hit`); process.exit(1); }
console.log(JSON.stringify({
  client, msFromScriptStart: t1 - t0, msSinceProcessStart: t1,
  importMs: tImported - t0, constructMs: tConstructed - tImported, firstGetMs: t1 - tConstructed, phases,
}));
process.exit(0);
