// Turns target/bench/results.json into the terminal table and the Markdown report (bench/RESULTS.md).
// Also runnable alone to re-render: node bench/lib/report.mjs [results.json]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const n0 = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : 'n/a');
const n1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
const n2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? a / b : NaN);
const rx = (r) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : 'n/a');

export function report(R, findings = '') {
  const rows = []; // [section, measure, ours, other, ratio]
  const goals = []; // [goal, measured, met, by]
  const add = (section, measure, ours, other, r) => rows.push([section, measure, ours, other, r]);
  const goal = (text, measured, met, by) => goals.push([text, measured, met === undefined ? 'n/a' : met ? 'MET' : 'MISSED', by]);

  // (a)
  const s = R.size;
  add('(a)', 'get/set app, gzip all-in B', `${n0(s.ours.allInGzip)} (JS ${n0(s.ours.jsGzip)} + wasm ${n0(s.ours.wasmGzip)})`,
    `sdk-web ${n0(s.sdkWeb.allInGzip)}`, rx(ratio(s.ours.allInGzip, s.sdkWeb.allInGzip)));
  goal('get/set app ≤ 40 KB (40,960 B) gzip all-in', `${n0(s.ours.allInGzip)} B`, s.ours.allInGzip <= 40960,
    s.ours.allInGzip <= 40960 ? `${n0(40960 - s.ours.allInGzip)} B to spare` : `${n0(s.ours.allInGzip - 40960)} B over (${rx(s.ours.allInGzip / 40960)} the goal)`);

  // (b)
  const cs = R.coldStart;
  for (const c of ['ours', 'ours-lite', 'raw']) {
    add('(b)', `Node cold start ms, ${c} (import+construct+1st get)`, n1(cs[c].msFromScriptStart), `sdk-web ${n1(cs['sdk-web'].msFromScriptStart)}`,
      rx(ratio(cs[c].msFromScriptStart, cs['sdk-web'].msFromScriptStart)));
  }
  {
    const r = ratio(cs.ours.msFromScriptStart, cs['sdk-web'].msFromScriptStart);
    goal('Node cold start ≤ 1/10 of sdk-web (pkg/web, from script start)', `${n1(cs.ours.msFromScriptStart)} ms vs ${n1(cs['sdk-web'].msFromScriptStart)} ms = ${rx(r)}`,
      r <= 0.1, r <= 0.1 ? '' : `${rx(r / 0.1)} the goal; the raw-fetch floor alone is ${rx(ratio(cs.raw.msFromScriptStart, cs['sdk-web'].msFromScriptStart))}`);
  }

  // (c)
  const cpu = R.cpu;
  for (const op of ['get', 'set']) {
    for (const mode of ['text', 'binary']) {
      const o = cpu[`ours-${mode}`][op].cpuUsPerOp, f = cpu[`raw-${mode}`][op].cpuUsPerOp;
      add('(c)', `CPU µs/${op}, ours-${mode} vs plain-JS floor`, n1(o), `raw-${mode} ${n1(f)}`, rx(ratio(o, f)));
    }
    const o = cpu['ours-text'][op].cpuUsPerOp, w = cpu['sdk-web'][op].cpuUsPerOp;
    add('(c)', `CPU µs/${op}, ours-text vs sdk-web`, n1(o), `sdk-web ${n1(w)}`, rx(ratio(o, w)));
  }
  for (const mode of ['text', 'binary']) {
    const r = ratio(cpu[`ours-${mode}`].get.cpuUsPerOp, cpu[`raw-${mode}`].get.cpuUsPerOp);
    goal(`client CPU per get ≤ 1.2× the plain-JS floor (${mode} mode)`, `${n1(cpu[`ours-${mode}`].get.cpuUsPerOp)} vs ${n1(cpu[`raw-${mode}`].get.cpuUsPerOp)} µs = ${rx(r)}`,
      r <= 1.2, r <= 1.2 ? '' : `${rx(r / 1.2)} the goal`);
  }

  // (d)
  for (const [env, L] of [['Node', R.loadNode], ['Chromium', R.loadChromium]]) {
    if (!L) continue;
    for (const op of ['get', 'set']) {
      for (const inflight of ['1', '64']) {
        const ops = (c) => L[c]?.[op]?.[inflight]?.opsPerSec;
        for (const mode of ['text', 'binary']) {
          add('(d)', `${env} ${op} ops/s @${inflight}, ours-${mode} vs raw fetch loop`, n0(ops(`ours-${mode}`)), `raw-${mode} ${n0(ops(`raw-${mode}`))}`, rx(ratio(ops(`ours-${mode}`), ops(`raw-${mode}`))));
        }
        add('(d)', `${env} ${op} ops/s @${inflight}, ours-text vs sdk-web`, n0(ops('ours-text')), `sdk-web ${n0(ops('sdk-web'))}`, rx(ratio(ops('ours-text'), ops('sdk-web'))));
      }
    }
    for (const op of ['get', 'set']) {
      const ops = (c) => L[c]?.[op]?.['64']?.opsPerSec;
      for (const mode of ['text', 'binary']) {
        const r = ratio(ops(`ours-${mode}`), ops(`raw-${mode}`));
        goal(`${env} ${op} @64 in flight ≥ 0.8× raw fetch loop (${mode})`, `${n0(ops(`ours-${mode}`))} vs ${n0(ops(`raw-${mode}`))} ops/s = ${rx(r)}`, r >= 0.8, r >= 0.8 ? '' : `${rx(r / 0.8)} the goal`);
      }
      const r = ratio(ops('ours-text'), ops('sdk-web'));
      goal(`${env} ${op} @64 in flight ≥ 2× sdk-web`, `${n0(ops('ours-text'))} vs ${n0(ops('sdk-web'))} ops/s = ${rx(r)}`, r >= 2, r >= 2 ? '' : `${rx(r / 2)} the goal`);
    }
  }

  // (e)
  const pl = R.payload;
  const ms = (c, size) => pl[c]?.[size]?.medianMs;
  for (const size of Object.keys(pl['ours-text'])) {
    for (const mode of ['text', 'binary']) {
      add('(e)', `set+get ${n0(+size)} B ms, ours-${mode} vs raw`, n1(ms(`ours-${mode}`, size)), `raw-${mode} ${n1(ms(`raw-${mode}`, size))}`, rx(ratio(ms(`ours-${mode}`, size), ms(`raw-${mode}`, size))));
    }
    const w = pl['sdk-web']?.[size];
    add('(e)', `set+get ${n0(+size)} B ms, ours-text vs sdk-web`, n1(ms('ours-text', size)), w?.error ? `sdk-web FAILED: ${w.error.slice(0, 40)}` : `sdk-web ${n1(w?.medianMs)}`,
      w?.error ? '—' : rx(ratio(ms('ours-text', size), w?.medianMs)));
  }
  for (const mode of ['text', 'binary']) {
    const r = ratio(ms(`ours-${mode}`, '5000000'), ms(`raw-${mode}`, '5000000'));
    goal(`5 MB set+get ≤ 1.5× raw fetch (${mode})`, `${n1(ms(`ours-${mode}`, '5000000'))} vs ${n1(ms(`raw-${mode}`, '5000000'))} ms = ${rx(r)}`, r <= 1.5, r <= 1.5 ? '' : `${rx(r / 1.5)} the goal`);
  }

  // (f)
  for (const [shape, v] of Object.entries(R.server)) {
    add('(f)', `server Get req/s, ${shape}`, `momento ${n0(v.momento.rps)}`, `hyper ${n0(v.hyper.rps)}`, rx(ratio(v.momento.rps, v.hyper.rps)));
    if (v.momento.serverCpuUsPerReq) add('(f)', `server CPU µs/req, ${shape}`, `momento ${n1(v.momento.serverCpuUsPerReq)}`, `hyper ${n1(v.hyper.serverCpuUsPerReq)}`, rx(ratio(v.momento.serverCpuUsPerReq, v.hyper.serverCpuUsPerReq)));
    const r = ratio(v.momento.rps, v.hyper.rps);
    goal(`momento-server ≥ 0.6× bare hyper (${shape})`, `${n0(v.momento.rps)} vs ${n0(v.hyper.rps)} req/s = ${rx(r)}`, r >= 0.6, r >= 0.6 ? '' : `${rx(r / 0.6)} the goal`);
  }

  // Terminal table.
  const w = [4, 58, 34, 34, 7];
  const line = (cells) => cells.map((c, i) => String(c).slice(0, w[i]).padEnd(w[i])).join(' ');
  let table = `\n${line(['', 'measure', 'ours', 'other', 'ratio'])}\n${'-'.repeat(w.reduce((a, b) => a + b + 1, 0))}\n`;
  for (const r of rows) table += `${line(r)}\n`;
  table += `\nGoals (measured/goal)${R.quick ? ' — --quick: smoke-sized, figures not comparable with a full run' : ''}:\n`;
  for (const [g, m, met, by] of goals) table += `  [${met.padEnd(6)}] ${g}: ${m}${by ? ` — ${by}` : ''}\n`;

  return { table, markdown: markdown(R, rows, goals, findings) };
}

function markdown(R, rows, goals, findings) {
  const m = R.machine, v = R.versions;
  const md = [];
  md.push('# bench/ results', '');
  md.push(`Generated by \`bash bench/run${R.quick ? ' --quick' : ''}\` on ${R.date} in ${n0(R.runtimeSeconds)} s. ` +
    'Every figure below was measured in that one run; ratios compare figures of the same run. ' +
    `Load average ${m.loadAvgStart} at the start, ${m.loadAvgEnd} at the end` +
    (parseFloat(m.loadAvgStart) > m.cores * 0.5 || parseFloat(m.loadAvgEnd) > m.cores ? ' — **the machine was shared** (other jobs were running), so absolute figures are noisy; ratios are more stable than absolutes.' : '.'), '');
  if (R.quick) md.push('**--quick: a smoke-sized run** (tiny N, no real warm-up): it proves every section still works; its figures are not comparable with a full run\'s.', '');
  md.push('## Machine and versions', '');
  md.push('| | |', '| --- | --- |');
  md.push(`| CPU | ${m.cpu}, ${m.cores} cores |`, `| RAM | ${m.ramGiB} GiB |`, `| OS | ${m.os} |`);
  for (const [k, val] of Object.entries(v)) md.push(`| ${k} | ${val} |`);
  md.push('');
  md.push('Run parameters: ' + Object.entries(R.params).map(([k, val]) => `${k}=${val}`).join(', ') + '.', '');
  md.push('## Goals', '');
  md.push('| goal | measured | status | by |', '| --- | --- | --- | --- |');
  for (const [g, meas, met, by] of goals) md.push(`| ${g} | ${meas} | **${met}** | ${by} |`);
  md.push('');
  md.push('## Ratio table', '');
  md.push('| | measure | ours | other | ratio (ours/other) |', '| --- | --- | --- | --- | --- |');
  for (const r of rows) md.push(`| ${r.join(' | ')} |`);
  md.push('');

  md.push('## Every figure', '');
  md.push('### (a) bundle size', '',
    'bench/apps/get-set/app.js bundled with scripts/size\'s esbuild flags (`--bundle --minify --format=esm --platform=browser --target=es2022`), ' +
    '`momento-wasm` aliased to pkg/lite/index.browser.js (ours, + the .wasm it loads) or to @gomomento/sdk-web; gzip -9 (CLI).', '');
  md.push('| | raw B | gzip -9 B |', '| --- | --- | --- |');
  md.push(`| ours all-in (JS ${n0(R.size.ours.jsGzip)} + wasm ${n0(R.size.ours.wasmGzip)} gzip) | ${n0(R.size.ours.rawBytes)} | ${n0(R.size.ours.allInGzip)} |`);
  md.push(`| sdk-web (last known: 205,328) | ${n0(R.size.sdkWeb.rawBytes)} | ${n0(R.size.sdkWeb.allInGzip)} |`, '');

  md.push('### (b) Node cold start', '',
    `Median of ${R.params.coldRuns} fresh \`node\` processes per client (clients interleaved). "script" = from the child script's first statement ` +
    'to the first get resolved (import + construct + first get; what the goal uses); "since process start" adds node\'s own bootstrap ' +
    '(performance.now()); "process wall" is spawn → exit as the parent sees it. sdk-web includes importing xhr2. ' +
    '`raw` = bench/lib/grpcweb.mjs + global fetch (its first get is mostly undici\'s lazy initialisation in Node); `empty` = node with nothing to do.', '');
  md.push('| client | script ms | import ms | construct ms | first get ms | since process start ms | process wall ms |', '| --- | --- | --- | --- | --- | --- | --- |');
  for (const [c, x] of Object.entries(R.coldStart)) md.push(`| ${c} | ${n1(x.msFromScriptStart)} | ${n1(x.importMs)} | ${n1(x.constructMs)} | ${n1(x.firstGetMs)} | ${n1(x.msSinceProcessStart)} | ${n1(x.processWallMs)} |`);
  md.push('');

  md.push('### (c) client CPU per operation, fake transport', '',
    `process.cpuUsage() (user+system) over ${R.params.cpuN} sequential ops after ${R.params.cpuWarmup} warm-up, one process per cell. ` +
    'The fake transport replays answers captured from momento-server in the same run (100 B value): a fake `globalThis.fetch` returning a new `Response` ' +
    '(ours, raw) or a fake `XMLHttpRequest` (sdk-web). The `Response` construction and body read are part of the fetch-based figures; the fake XHR ' +
    'is cheaper than a real xhr2 request, so sdk-web\'s figure is a lower bound.', '');
  md.push('| client | get CPU µs | get wall µs | set CPU µs | set wall µs |', '| --- | --- | --- | --- | --- |');
  for (const [c, x] of Object.entries(R.cpu)) md.push(`| ${c} | ${n1(x.get.cpuUsPerOp)} | ${n1(x.get.wallUsPerOp)} | ${n1(x.set.cpuUsPerOp)} | ${n1(x.set.wallUsPerOp)} |`);
  md.push('');

  md.push('### (d) throughput and latency', '',
    `Closed loop of 1 or 64 concurrent workers, ${R.params.rounds ?? 1} round(s) of ${R.params.loadSeconds} s (Node) / ${R.params.chromeSeconds} s (Chromium) after warm-up per client ` +
    '(client order reversed every other round; ops/s and p50 = mean of the rounds, p99 = worst round), 100 B values, ' +
    'get of one key, set over 1024 keys. Node: global fetch (undici) for ours/raw, xhr2 for sdk-web. Chromium: a page from tests/browser/serve.mjs, ' +
    'cross-origin to momento-server (CORS), native fetch/XHR; Chromium opens at most 6 HTTP/1.1 connections per origin, so 64 in flight queue on 6 connections for every client.', '');
  for (const [env, L] of [['Node', R.loadNode], ['Chromium', R.loadChromium]]) {
    if (!L) continue;
    md.push(`**${env}**`, '', '| client | op | in flight | ops/s | p50 ms | p99 ms | errors |', '| --- | --- | --- | --- | --- | --- | --- |');
    for (const [c, x] of Object.entries(L)) {
      if (x.error) { md.push(`| ${c} | — | — | FAILED: ${x.error.split('\n')[0]} | | | |`); continue; }
      for (const op of ['get', 'set']) for (const [inf, r] of Object.entries(x[op])) md.push(`| ${c} | ${op} | ${inf} | ${n0(r.opsPerSec)}${r.opsPerSecRounds?.length > 1 ? ` (${r.opsPerSecRounds.join(', ')})` : ''} | ${n2(r.p50Ms)} | ${n2(r.p99Ms)} | ${r.errors} |`);
    }
    md.push('');
  }

  md.push('### (e) value sizes: set + get', '', `Median of ${R.params.payloadReps} runs of set(key, value) then get(key) (Uint8Array values, read-back length checked), Node, one process per client.`, '');
  const sizes = Object.keys(R.payload['ours-text']);
  md.push(`| client | ${sizes.map((s) => `${n0(+s)} B ms`).join(' | ')} |`, `| --- | ${sizes.map(() => '---').join(' | ')} |`);
  for (const [c, x] of Object.entries(R.payload)) md.push(`| ${c} | ${sizes.map((s) => (x[s]?.error ? `FAILED: ${x[s].error}` : n1(x[s]?.medianMs))).join(' | ')} |`);
  md.push('');

  md.push('### (f) momento-server vs a bare hyper server', '',
    'bench/server-bench (Rust, hyper 1 + tokio): `floor` answers every request 200 with the same gRPC-web bytes momento-server returns for the Get ' +
    '(HTTP/1.1 + h2c, tokio multi-thread); `load` sends gRPC-web binary `cache_client.Scs/Get` (a hit, 100 B value) over keep-alive connections on ' +
    'a single thread for the whole run and counts an answer only with HTTP 200 and `grpc-status:0`. Both servers on the same machine as the generator.', '');
  md.push('| shape | server | req/s | server CPU µs/req | p50 µs | p99 µs | max µs | errors |', '| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const [shape, v] of Object.entries(R.server)) {
    for (const [name, r] of Object.entries(v)) md.push(`| ${shape} | ${name} | ${n0(r.rps)} | ${n1(r.serverCpuUsPerReq)} | ${n0(r.p50_us)} | ${n0(r.p99_us)} | ${n0(r.max_us)} | ${r.errors}${r.first_error ? ` (${r.first_error})` : ''} |`);
  }
  md.push('');
  if (findings.trim()) md.push(findings.trim(), '');
  return md.join('\n');
}

// Re-renders from saved results: `node bench/lib/report.mjs [results.json] [--write]` prints the table; --write also
// rewrites the report (bench/RESULTS.md, or target/bench/RESULTS.quick.md for a --quick run) with bench/FINDINGS.md.
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--')) ?? new URL('../../target/bench/results.json', import.meta.url);
  const R = JSON.parse(readFileSync(file, 'utf8'));
  const findingsUrl = new URL('../FINDINGS.md', import.meta.url);
  const { table, markdown } = report(R, existsSync(findingsUrl) ? readFileSync(findingsUrl, 'utf8') : '');
  console.log(table);
  if (args.includes('--write')) {
    const target = new URL(R.quick ? '../../target/bench/RESULTS.quick.md' : '../RESULTS.md', import.meta.url);
    writeFileSync(target, markdown);
    console.error(`wrote ${target.pathname}`);
  }
}
