// Fault (a): momento-server is killed with SIGKILL in the middle of a get/set load and restarted on the same port
// with the same signing secret (so the API key stays valid). Proves: every call resolves to a response value (no
// throw, no rejection), no call outlives its deadline by more than a stated margin, errors carry transport-level
// codes, and the very same CacheClient instances recover once the server is back (the cache is recreated, since the
// server is in-memory). Spawns its own servers from MOMENTO_SERVER_BIN.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startServer, tempDir, cacheClient, viaPort, sleep, waitFor } from './helpers.mjs';

const DEADLINE_MS = 1_000;
// The deadline covers every attempt and backoff; the margin absorbs timer granularity and event-loop delay on a
// loaded 2-core machine (16 loops + wasm decode share one JS thread).
const MARGIN_MS = 500;
const LOOPS = 16;
// Codes a call may legitimately end with while the server is down or restarting. NOT_FOUND appears between the
// restart and the cache being recreated (the new in-memory server has no caches).
const OUTAGE_CODES = new Set(['SERVER_UNAVAILABLE', 'TIMEOUT_ERROR', 'CANCELLED_ERROR', 'INTERNAL_SERVER_ERROR',
  'UNKNOWN_SERVICE_ERROR', 'NOT_FOUND_ERROR']);

const dir = tempDir('fault-restart');
const secretFile = join(dir, 'secret');
const keyFile = join(dir, 'key');
let server;
after(async () => { await server?.kill(); });

test('SIGKILL + restart mid-load: every call resolves in time with a sensible code; the clients recover', async () => {
  server = await startServer({ secretFile, keyFile });
  const { port, apiKey } = server;
  const cacheName = 'restart';
  const clients = Array.from({ length: LOOPS }, () =>
    cacheClient(viaPort(apiKey, port), (c) => c.withClientTimeoutMillis(DEADLINE_MS)));
  assert.equal((await clients[0].createCache(cacheName)).type, 'Success');

  const calls = []; // { loop, op, phase, ms, type, code }
  let phase = 'before';
  let stop = false;
  const thrown = [];
  const loop = async (i) => {
    const c = clients[i];
    let n = 0;
    while (!stop) {
      const key = `k${i}-${n % 8}`;
      const value = `v${i}-${n}`;
      n += 1;
      for (const [op, call] of [['set', () => c.set(cacheName, key, value)], ['get', () => c.get(cacheName, key)]]) {
        const p = phase;
        const t0 = performance.now();
        let r;
        try {
          r = await call();
        } catch (e) {
          thrown.push(`${op}: ${e?.stack ?? e}`);
          continue;
        }
        const ms = performance.now() - t0;
        calls.push({ loop: i, op, phase: p === phase ? p : `${p}->${phase}`, ms, type: r?.type, code: r?.type === 'Error' ? r.errorCode() : undefined,
          msg: r?.type === 'Error' ? r.message() : undefined, hitOk: op === 'get' && r?.type === 'Hit' ? r.valueString() === value : undefined });
      }
      if (phase === 'down') await sleep(5); // the down phase fails fast; do not spin
    }
  };
  const loops = Array.from({ length: LOOPS }, (_, i) => loop(i));

  await sleep(1_000);
  phase = 'down';
  await server.kill('SIGKILL');
  await sleep(1_500);
  phase = 'restarting';
  server = await startServer({ port, secretFile, keyFile });
  assert.equal(server.port, port, 'restarted on the same port');
  // The server is in-memory: the cache is gone. Recreate it with one of the existing clients.
  await waitFor(async () => (await clients[0].createCache(cacheName)).type === 'Success', 'createCache after restart');
  const recreatedAt = calls.length;
  phase = 'after';
  // Every loop must complete a set+get round trip with a Hit of its own value on the same client instance.
  await waitFor(() => clients.every((_, i) => calls.some((c, j) => j >= recreatedAt && c.loop === i && c.op === 'get' && c.hitOk)),
    'every client to recover', 20_000);
  stop = true;
  await Promise.all(loops);

  assert.deepEqual(thrown, [], 'no call threw or rejected');
  // A call's phase is where it started and ended ('before->down' straddled the kill, etc.).
  const byPhase = (p) => calls.filter((c) => c.phase === p);
  const summary = Object.fromEntries([...new Set(calls.map((c) => c.phase))].map((p) => {
    const cs = byPhase(p);
    const codes = {};
    for (const c of cs) if (c.type === 'Error') codes[c.code] = (codes[c.code] ?? 0) + 1;
    return [p, { calls: cs.length, errors: codes, maxMs: Math.round(Math.max(0, ...cs.map((c) => c.ms))) }];
  }));
  console.log('restart fault summary', JSON.stringify(summary));

  for (const c of calls) {
    assert.ok(typeof c.type === 'string', `a response value (${c.op})`);
    assert.ok(c.ms <= DEADLINE_MS + MARGIN_MS, `${c.op} in phase ${c.phase} took ${c.ms.toFixed(0)} ms > deadline + margin`);
    if (c.type === 'Error') assert.ok(OUTAGE_CODES.has(c.code), `unexpected code ${c.code}: ${c.msg}`);
  }
  // Before the kill and after recovery the server is healthy: no errors, every get is a Hit of what was just set.
  for (const c of byPhase('before')) {
    assert.notEqual(c.type, 'Error', `no error before the kill: ${c.code} ${c.msg}`);
    if (c.op === 'get') assert.equal(c.hitOk, true, 'a Hit of the value just written');
  }
  const down = byPhase('down');
  assert.ok(down.length > 0, 'calls were made while the server was down');
  assert.ok(down.every((c) => c.type === 'Error'), 'while the server is down every call is an error value');
  assert.ok(down.some((c) => c.code === 'SERVER_UNAVAILABLE'), 'a refused connection is SERVER_UNAVAILABLE');
  // After the cache was recreated only a call that straddled it may fail (NOT_FOUND from the new server); each
  // loop's last get is a Hit of the value it set.
  for (let i = 0; i < LOOPS; i += 1) {
    const mine = calls.filter((c) => c.loop === i && c.phase === 'after');
    const lastGet = mine.filter((c) => c.op === 'get').at(-1);
    assert.equal(lastGet?.hitOk, true, `loop ${i} recovered`);
  }
});
