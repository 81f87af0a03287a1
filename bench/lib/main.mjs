// The bench/run orchestrator (bench/run builds the binaries and the npm package, then runs this). Starts
// momento-server and the bare hyper floor, runs every section (a)–(f) in child processes, prints the ratio table and
// the goal lines, and writes the report: bench/RESULTS.md for a full run, target/bench/RESULTS.quick.md for --quick
// (a CI smoke must not dirty the tree). Raw JSON of every section goes to target/bench/results.json.
// Usage: node bench/lib/main.mjs [--quick]   (env: MOMENTO_SERVER_BIN, SERVER_BENCH_BIN)
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { createHash, X509Certificate } from 'node:crypto';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { median } from './load.mjs';
import { writePhaseEntries } from './coldstart-phases.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = `${ROOT}target/bench`;
const QUICK = process.argv.includes('--quick');
const SERVER_BIN = process.env.MOMENTO_SERVER_BIN ?? `${ROOT}target/release/momento-server`;
const BENCH_BIN = process.env.SERVER_BENCH_BIN ?? `${ROOT}target/server-bench/release/server-bench`;
const CACHE = 'bench';
const VALUE_BYTES = 100;
// Node: momento-wasm's Node entry (gRPC over node:http2), the raw node:http2 gRPC floor, the official Node SDK; then
// gRPC-web over fetch (momento-wasm withFetch, its raw floor) and the official web SDK.
const NODE_CLIENTS = ['ours', 'raw-h2', 'sdk', 'ours-web-text', 'raw-text', 'sdk-web'];
const PAYLOAD_CLIENTS = ['ours', 'raw-h2', 'sdk', 'ours-web-text', 'raw-text', 'ours-web-binary', 'raw-binary', 'sdk-web'];
// Chromium: gRPC-web over the page's fetch.
const CHROMIUM_CLIENTS = ['ours-text', 'ours-binary', 'sdk-web', 'raw-text', 'raw-binary'];

// Sizes of the run. --quick: enough to prove every section still works, in well under 90 s.
const P = QUICK
  ? { coldRuns: 2, rounds: 1, loadSeconds: 0.4, loadWarmup: 0.1, chromeSeconds: 0.4,
    chromeWarmup: 0.1, payloadReps: 1, srvSeconds: 1, srvWarmup: 0.2 }
  : { coldRuns: 15, rounds: 2, loadSeconds: 2.5, loadWarmup: 0.5, chromeSeconds: 2,
    chromeWarmup: 0.5, payloadReps: 7, srvSeconds: 5, srvWarmup: 1 };
const INFLIGHTS = [1, 64];
const SIZES = [1024, 102400, 1048576, 5000000];

mkdirSync(OUT, { recursive: true });
const log = (s) => process.stderr.write(`${s}\n`);
const started = Date.now();
const sh = (cmd, args, opts = {}) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26, ...opts }).trim();
const tryShell = (cmd, args) => { try { return sh(cmd, args, { stdio: ['ignore', 'pipe', 'ignore'] }); } catch { return 'n/a'; } };

/** Runs a child to completion; resolves to {code, stdout, stderr, ms}. */
function run(cmd, args, { timeoutMs = 600_000, env } = {}) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const p = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: env ?? process.env });
    let stdout = '', stderr = '';
    p.stdout.on('data', (d) => { stdout += d; });
    p.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
    p.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr, ms: performance.now() - t0 }); });
  });
}
/** Runs a child that prints one JSON line; throws with its stderr otherwise. */
async function runJson(cmd, args, opts) {
  const r = await run(cmd, args, opts);
  const line = r.stdout.trim().split('\n').pop();
  try {
    if (r.code !== 0) throw new Error(`exit ${r.code}`);
    return Object.assign(JSON.parse(line), { _wallMs: r.ms });
  } catch (e) {
    throw new Error(`${cmd} ${args.join(' ').slice(0, 200)}: ${e.message}\n${r.stderr.slice(-2000)}\n${r.stdout.slice(-500)}`);
  }
}
const node = (script, arg, opts) => runJson(process.execPath, [`${ROOT}bench/lib/${script}`, JSON.stringify(arg)], opts);

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}
/** Starts a server process and waits for `listening on` on its stdout. */
async function startProcess(name, cmd, args) {
  const p = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '', err = '';
  p.stderr.on('data', (d) => { err += d; });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 10 s\n${err}`)), 10_000);
    p.stdout.on('data', (d) => { out += d; if (/listening on/.test(out)) { clearTimeout(timer); resolve(); } });
    p.on('exit', (code) => { clearTimeout(timer); reject(new Error(`${name} exited (${code}) during start-up\n${err}`)); });
  });
  p.removeAllListeners('exit');
  return p;
}

// ---------------------------------------------------------------------------------------------------------------
// Machine and versions.
const pkgVersion = (name) => { try { return JSON.parse(readFileSync(`${ROOT}node_modules/${name}/package.json`, 'utf8')).version; } catch { return 'n/a'; } };
const osRelease = (() => { try { return /PRETTY_NAME="?([^"\n]*)/.exec(readFileSync('/etc/os-release', 'utf8'))[1]; } catch { return os.type(); } })();
const machine = {
  cpu: (/Model name:\s*(.*)/.exec(tryShell('lscpu', [])) ?? [])[1] ?? os.cpus()[0]?.model,
  cores: os.cpus().length,
  ramGiB: (os.totalmem() / 2 ** 30).toFixed(1),
  os: `${osRelease}, Linux ${os.release()}`,
  loadAvgStart: os.loadavg().map((x) => x.toFixed(2)).join(' '),
};
const gitDirty = tryShell('git', ['-C', ROOT, 'status', '--porcelain', '--untracked-files=no']) !== '';
const versions = {
  node: process.version,
  chromium: tryShell('/usr/bin/chromium', ['--version']),
  rustc: tryShell('rustc', ['--version']),
  git: `${tryShell('git', ['-C', ROOT, 'rev-parse', '--short=12', 'HEAD'])}${gitDirty ? ' (+ uncommitted changes)' : ''}`,
  'momento-wasm (crate)': (/\nversion = "([^"]+)"/.exec(readFileSync(`${ROOT}Cargo.toml`, 'utf8')) ?? [])[1],
  'wasm-bindgen': (/wasm-bindgen = "=([0-9.]+)"/.exec(readFileSync(`${ROOT}Cargo.toml`, 'utf8')) ?? [])[1],
  '@gomomento/sdk': pkgVersion('@gomomento/sdk'),
  '@grpc/grpc-js': pkgVersion('@grpc/grpc-js'),
  '@gomomento/sdk-web': pkgVersion('@gomomento/sdk-web'),
  'grpc-web': pkgVersion('grpc-web'),
  xhr2: pkgVersion('xhr2'),
  esbuild: pkgVersion('esbuild'),
  'playwright-core': pkgVersion('playwright-core'),
  'momento-server': `${tryShell(SERVER_BIN, ['--version'])} (${SERVER_BIN.replace(ROOT, '')})`,
};
const results = { quick: QUICK, date: new Date().toISOString(), machine, versions, params: P };

// ---------------------------------------------------------------------------------------------------------------
// (a) Bundle size of the get/set app: scripts/size bundles it against pkg/lite and @gomomento/sdk-web (one place
// for the esbuild flags and the measuring) and leaves the figures in target/size/sizes.json. Its budget check may
// fail (exit 1); the figures are what the bench wants either way.
log('==> (a) bundle size of bench/apps/get-set (scripts/size --no-build)');
{
  try { execFileSync('bash', [`${ROOT}scripts/size`, '--no-build'], { stdio: ['ignore', 'ignore', 'inherit'] }); } catch { /* over budget */ }
  const z = JSON.parse(readFileSync(`${ROOT}target/size/sizes.json`, 'utf8'));
  results.size = {
    ours: { jsGzip: z.js.gzip, wasmGzip: z.wasm.gzip, allInGzip: z.allIn.gzip, rawBytes: z.allIn.raw },
    sdkWeb: { allInGzip: z.sdkWeb.gzip, rawBytes: z.sdkWeb.raw },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Servers.
const port = await freePort();
const keyFile = `${OUT}/api-key`;
log(`==> starting momento-server on 127.0.0.1:${port} and the hyper floor`);
const server = await startProcess('momento-server', SERVER_BIN, ['--port', String(port), '--key-file', keyFile]);
const floorPort = await freePort();
const floor = await startProcess('hyper floor', BENCH_BIN, ['floor', '--port', String(floorPort), '--value-bytes', String(VALUE_BYTES)]);
const stopAll = () => { server.kill(); floor.kill(); };
process.on('exit', stopAll);
const apiKey = readFileSync(keyFile, 'utf8').trim();
const key = JSON.parse(Buffer.from(apiKey, 'base64').toString());
{
  const m = await import('../../pkg/web/index.node.js');
  const c = new m.CacheClient({ configuration: m.Configurations.Laptop.v1(), credentialProvider: m.CredentialProvider.fromString({ apiKey }), defaultTtlSeconds: 600 });
  const r = await c.createCache(CACHE);
  if (r.type === 'Error') throw new Error(`createCache: ${r.toString()}`);
  const s = await c.set(CACHE, 'bench-get', 'v'.repeat(VALUE_BYTES));
  if (s.type !== 'Success') throw new Error(`set: ${s.toString()}`);
  c.close();
}
const common = { apiKey, cache: CACHE, valueBytes: VALUE_BYTES };

// ---------------------------------------------------------------------------------------------------------------
// (a) The zipped Lambda get/set handler (lite, full, the official Node SDK), and whether it runs from its bundle alone.
log('==> (a) zipped Lambda get/set handler: esbuild bundle, zip, run from the bundle alone');
results.lambda = await node('lambda.mjs', common);

// ---------------------------------------------------------------------------------------------------------------
// (b) Node cold start.
log(`==> (b) Node cold start, ${P.coldRuns} fresh processes per client`);
{
  const clients = ['empty', 'raw-h2', 'ours', 'ours-lite', 'sdk', 'sdk-web'];
  // Where ours' milliseconds go (bench/lib/coldstart-phases.mjs): instrumented copies of the same entries, in
  // processes of their own (interleaved with the rest).
  const phaseEntries = writePhaseEntries(ROOT, `${OUT}/cold-phases`);
  const extra = ['ours-phases', 'ours-lite-phases'];
  const runs = Object.fromEntries([...clients, ...extra].map((c) => [c, []]));
  for (let i = 0; i < P.coldRuns; i++) {
    for (const c of [...clients, ...extra]) {
      const entry = phaseEntries[c.replace(/-phases$/, '')];
      runs[c].push(await runJson(process.execPath, [`${ROOT}bench/lib/coldstart-child.mjs`, c, apiKey, CACHE, ...(entry ? [entry] : [])]));
    }
  }
  results.coldStartPhases = Object.fromEntries(['ours', 'ours-lite'].map((c) => {
    const rs = runs[`${c}-phases`];
    return [c, Object.fromEntries(Object.keys(rs[0].phases).map((k) => [k, median(rs.map((r) => r.phases[k]))]))];
  }));
  results.coldStart = Object.fromEntries(clients.map((c) => [c, {
    msFromScriptStart: median(runs[c].map((r) => r.msFromScriptStart)),
    msSinceProcessStart: median(runs[c].map((r) => r.msSinceProcessStart)),
    processWallMs: median(runs[c].map((r) => r._wallMs)),
    importMs: median(runs[c].map((r) => r.importMs ?? 0)),
    constructMs: median(runs[c].map((r) => r.constructMs ?? 0)),
    firstGetMs: median(runs[c].map((r) => r.firstGetMs ?? 0)),
  }]));
}

// ---------------------------------------------------------------------------------------------------------------
// (c) + (d) Throughput, latency and client CPU per operation, Node and Chromium.
// Each client runs in `rounds` rounds, the client order reversed every other round, so a drift in the machine's load
// (it may be shared) biases no client; ops/s, p50 and CPU per op are the means of the rounds, p99 the worst round.
const roundOrder = (clients, round) => (round % 2 ? [...clients].reverse() : clients);
function mergeRounds(runs) {
  const out = {};
  for (const { client, results: r } of runs) (out[client] ??= []).push(r);
  for (const [client, rs] of Object.entries(out)) {
    const ok = rs.filter((r) => !r.error);
    if (!ok.length) { out[client] = rs[0]; continue; }
    const merged = {};
    for (const op of Object.keys(ok[0])) {
      merged[op] = {};
      for (const inflight of Object.keys(ok[0][op])) {
        const cells = ok.map((r) => r[op][inflight]);
        const mean = (k) => cells.reduce((a, c) => a + c[k], 0) / cells.length;
        merged[op][inflight] = { opsPerSec: mean('opsPerSec'), p50Ms: mean('p50Ms'), p99Ms: Math.max(...cells.map((c) => c.p99Ms)),
          cpuUsPerOp: mean('cpuUsPerOp'),
          ops: cells.reduce((a, c) => a + c.ops, 0), errors: cells.reduce((a, c) => a + c.errors, 0), rounds: cells.length,
          opsPerSecRounds: cells.map((c) => Math.round(c.opsPerSec)) };
      }
    }
    out[client] = merged;
  }
  return out;
}
log(`==> (d) get/set load in Node, in flight ${INFLIGHTS.join('/')}, ${P.rounds} x ${P.loadSeconds} s each`);
{
  const runs = [];
  for (let round = 0; round < P.rounds; round++) {
    for (const client of roundOrder(NODE_CLIENTS, round)) {
      runs.push({ client, results: (await node('node-load.mjs', { ...common, client, seconds: P.loadSeconds,
        warmupSeconds: P.loadWarmup, inflights: INFLIGHTS })).results });
    }
  }
  results.loadNode = mergeRounds(runs);
}
log(`==> (d) get/set load in headless Chromium (launched directly, no DevTools connection), ${P.rounds} x ${P.chromeSeconds} s each`);
{
  const clients = Array.from({ length: P.rounds }, (_, round) => roundOrder(CHROMIUM_CLIENTS, round)).flat();
  const r = await node('chromium-load.mjs', { ...common, clients, seconds: P.chromeSeconds,
    warmupSeconds: P.chromeWarmup, inflights: INFLIGHTS });
  results.loadChromium = mergeRounds(r.runs);
  versions.chromium = `${versions.chromium} (the page reports ${r.chromium})`;
}

log(`==> (d) the same in Chromium over TLS + HTTP/2 (momento-server --tls-dev: what a page sees of Momento's HTTPS endpoints)`);
{
  const dir = `${OUT}/tls`;
  mkdirSync(dir, { recursive: true });
  const tlsPort = await freePort();
  const tlsServer = await startProcess('momento-server --tls-dev', SERVER_BIN,
    ['--port', String(tlsPort), '--tls-dev', '--secret-file', `${dir}/secret`, '--key-file', `${dir}/api-key`]);
  try {
    const url = `https://localhost:${tlsPort}`;
    const tlsKey = readFileSync(`${dir}/api-key`, 'utf8').trim();
    // The cache, created from a Node child that trusts the development CA (Node reads NODE_EXTRA_CA_CERTS at start).
    const create = `const [apiKey, url] = process.argv.slice(1); const m = await import('${ROOT}pkg/web/index.node.js');
const c = new m.CacheClient({ configuration: m.Configurations.Laptop.v1(), defaultTtlSeconds: 600,
  credentialProvider: m.CredentialProvider.fromString({ apiKey, endpointOverrides: { cacheEndpoint: url, controlEndpoint: url, tokenEndpoint: url } }) });
const r = await c.createCache('${CACHE}'); if (r.type === 'Error') throw new Error(r.toString()); console.log('{}'); process.exit(0);`;
    await runJson(process.execPath, ['--input-type=module', '-e', create, tlsKey, url],
      { env: { ...process.env, NODE_EXTRA_CA_CERTS: `${dir}/momento-server-dev-ca.pem` } });
    const certificate = new X509Certificate(readFileSync(`${dir}/momento-server-dev-cert.pem`));
    const spki = createHash('sha256').update(certificate.publicKey.export({ type: 'spki', format: 'der' })).digest('base64');
    const clients = Array.from({ length: P.rounds }, (_, round) => roundOrder(CHROMIUM_CLIENTS, round)).flat();
    const r = await node('chromium-load.mjs', { ...common, apiKey: tlsKey, url, spki, clients, seconds: P.chromeSeconds,
      warmupSeconds: P.chromeWarmup, inflights: INFLIGHTS });
    results.loadChromiumTls = mergeRounds(r.runs);
  } finally {
    tlsServer.kill();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// (e) Payload sizes.
log(`==> (e) set+get of ${SIZES.join('/')} B values, ${P.payloadReps} reps`);
results.payload = {};
for (const client of PAYLOAD_CLIENTS) {
  results.payload[client] = (await node('payload.mjs', { ...common, client, sizes: SIZES, reps: P.payloadReps })).results;
}

// ---------------------------------------------------------------------------------------------------------------
// (f) momento-server vs the bare hyper floor, same load generator.
log(`==> (f) momento-server vs bare hyper, ${P.srvSeconds} s per run`);
results.server = {};
{
  const shapes = [
    ['http/1.1 64 conns', ['--connections', '64']],
    ['h2c 4 conns x 16 streams', ['--h2', '--connections', '4', '--streams', '16']],
  ];
  const base = ['load', '--seconds', String(P.srvSeconds), '--warmup-seconds', String(P.srvWarmup), '--value-bytes', String(VALUE_BYTES)];
  // Server CPU per request (utime+stime of the server process over the run / requests at the measured rate): steadier
  // than req/s when other jobs share the machine.
  const hz = Number(tryShell('getconf', ['CLK_TCK'])) || 100;
  const cpuSeconds = (pid) => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) / hz; };
  const measure = async (proc, args) => {
    const c0 = cpuSeconds(proc.pid);
    const r = await runJson(BENCH_BIN, args);
    r.serverCpuUsPerReq = ((cpuSeconds(proc.pid) - c0) * 1e6) / (r.rps * (P.srvSeconds + P.srvWarmup));
    return r;
  };
  for (const [name, args] of shapes) {
    results.server[name] = {
      momento: await measure(server, [...base, ...args, '--url', `http://127.0.0.1:${port}`, '--auth', key.api_key, '--cache', CACHE]),
      hyper: await measure(floor, [...base, ...args, '--url', `http://127.0.0.1:${floorPort}`]),
    };
  }
}
stopAll();
machine.loadAvgEnd = os.loadavg().map((x) => x.toFixed(2)).join(' ');
results.runtimeSeconds = (Date.now() - started) / 1000;
writeFileSync(`${OUT}/${QUICK ? "results.quick.json" : "results.json"}`, JSON.stringify(results, null, 2));

// ---------------------------------------------------------------------------------------------------------------
// Report.
const { report } = await import('./report.mjs');
const { table, markdown } = report(results, existsSync(`${ROOT}bench/FINDINGS.md`) ? readFileSync(`${ROOT}bench/FINDINGS.md`, 'utf8') : '');
console.log(table);
const target = QUICK ? `${OUT}/RESULTS.quick.md` : `${ROOT}bench/RESULTS.md`;
writeFileSync(target, markdown);
log(`\nwrote ${target.replace(ROOT, '')} and target/bench/${QUICK ? "results.quick.json" : "results.json"} (${results.runtimeSeconds.toFixed(0)} s)`);
process.exit(0);
