// Load test: LOAD_CLIENTS (64) CacheClient instances × LOAD_SECONDS (60) of mixed operations against a dedicated
// momento-server on loopback, started here with a memory cap (LOAD_CAP_MB, 64) so that LRU eviction happens.
//
// What it proves:
// - Correctness under load: each client owns its key space and a model of what it wrote; every Hit equals the last
//   value written byte-exact (scalars, getBatch, dictionaries, sets, lists, sorted sets, counters); a Miss — or a
//   collection that lost earlier elements — is accepted only when eviction can explain it: LRU evicts an item only
//   when the items the server touched after it add up to its store budget (the part of the cap left for items), so
//   the test bounds those bytes (every call sent, minus the calls completed before the item's last access was sent)
//   and requires at least STORE − item − slack (a TTL of 600 s rules out expiry). 0 unexpected errors.
// - Values of every size round-trip byte-exact: random binary 0 B … 5 MiB (mostly small, some large) plus explicit
//   0 B, 1 B, powers of two ±1 and the largest item (5 MiB − key length); one byte more is LIMIT_EXCEEDED.
// - Memory: --max-memory-mb is a budget for the whole process (server/src/limits.rs), so the server's peak RSS
//   (VmHWM from /proc/<pid>/status, kept by the kernel; VmRSS is also sampled every 500 ms) stays under the cap;
//   its final metrics (the `event=metrics` line logged on SIGTERM) are consistent: evictions > 0 when more than the
//   cap was written, used_bytes ≤ store_budget_bytes, items/bytes consistent with evictions.
// - Throughput and error counts are printed (informational; nothing is timed).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { randomBytes, randomInt } from 'node:crypto';
import { startServer, tempDir, cacheClient, viaPort, rssBytes, peakRssBytes, waitFor } from '../fault/helpers.mjs';

const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 64);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const CAP_MB = Number(process.env.LOAD_CAP_MB ?? 64);
const CAP = CAP_MB * 1024 * 1024;
const MAX_ITEM = 5 * 1024 * 1024; // key + value
const OVERHEAD = 256; // the server's ITEM_OVERHEAD_BYTES (server/src/store/mod.rs)
const ELEMENT_OVERHEAD = 64; // generous per-element estimate for collections
// The part of the cap the server leaves for stored items (its `event=limits` line, read at start): the rest is for
// the process itself and the calls in flight, so LRU eviction starts at STORE, not at CAP.
let STORE = CAP;
// The server's in-flight budget (its `event=limits` line): a response costing more (about 7/3 of its bytes over
// gRPC-web text) is refused with LIMIT_EXCEEDED, e.g. a getBatch of several large values.
let IN_FLIGHT = CAP;
// Bytes an eviction-explained Miss needs to have been touched since the item's last access: STORE minus the item
// minus a slack for the approximate per-item accounting (calls in flight are bounded exactly by the two clocks below).
const SLACK = 1024 * 1024;
const TTL_SECONDS = 600;
const KEYS_PER_CLIENT = 12;
const cacheName = 'load';

const dir = tempDir('load');
let server;
after(async () => { await server?.kill(); });

/**
 * Eviction clocks, in bytes of the items each call accesses (reads and writes; an upper bound given when the call is
 * sent): `started` counts calls sent, `completed` calls answered. The server stamps an access somewhere between
 * sending and answering, so the items it touched after an access X (made by a call sent when `completed` was `at`)
 * add up to at most `started − at`: any call touching items after X completes after X was sent.
 */
let started = 0;
let completed = 0;
/** Runs `call`, which accesses items of at most `bytes`; resolves to [its result, the `at` of its accesses]. */
async function timed(bytes, call) {
  const at = completed;
  started += bytes;
  try {
    return [await call(), at];
  } finally {
    completed += bytes;
  }
}

/** A random size: mostly small, some medium, a few large (up to the item limit). */
function randomSize(key) {
  const r = Math.random();
  if (r < 0.6) return randomInt(0, 1024);
  if (r < 0.88) return randomInt(1024, 64 * 1024);
  if (r < 0.985) return randomInt(64 * 1024, 1024 * 1024);
  return randomInt(1024 * 1024, MAX_ITEM - key.length + 1);
}
const boundarySizes = (key) => [0, 1, 2, 127, 128, 255, 256, 1023, 1024, 1025, 65535, 65536, 65537,
  1024 * 1024 - 1, 1024 * 1024, 1024 * 1024 + 1, MAX_ITEM - key.length - 1, MAX_ITEM - key.length];

const equalBytes = (a, b) => a.length === b.length && Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.length),
  Buffer.from(b.buffer, b.byteOffset, b.length)) === 0;

const stats = { ops: 0, bytesWritten: 0, bytesRead: 0, byOp: {}, unexpected: [], explainedMisses: 0,
  explainedCollectionResets: 0, expectedLimitErrors: 0, oversizedResponses: 0 };
const count = (op) => { stats.ops += 1; stats.byOp[op] = (stats.byOp[op] ?? 0) + 1; };
function unexpected(client, op, detail) {
  if (stats.unexpected.length < 50) stats.unexpected.push(`client ${client} ${op}: ${detail}`);
  stats.unexpectedCount = (stats.unexpectedCount ?? 0) + 1;
}

/** One client's model of its key space. */
class Model {
  constructor(id) {
    this.id = id;
    this.scalars = new Map(); // key → { value: Uint8Array | null (deleted/never), at: clock of the last access, size }
    this.counter = null; // { n, at }
    const bytes = (v) => (typeof v === 'string' ? v.length : v.length);
    const collectionModel = (name, state, sizeOf, adopt, equals) => ({
      ...state(), at: undefined, clear() { Object.assign(this, state(), { at: undefined }); },
      size() { return name.length + OVERHEAD + sizeOf(this); }, adopt(got) { Object.assign(this, adopt(got)); },
      equals(got) { return equals(this, got); }, count() { const xs = this.fields ?? this.elems ?? this.values; return xs.size ?? xs.length; },
    });
    this.dict = collectionModel(`c${id}-dict`, () => ({ fields: new Map() }),
      (d) => [...d.fields].reduce((s, [f, v]) => s + f.length + v.length + ELEMENT_OVERHEAD, 0),
      (got) => ({ fields: new Map(got) }),
      (d, got) => got.size === d.fields.size && [...d.fields].every(([f, v]) => got.has(f) && equalBytes(got.get(f), v)));
    this.list = collectionModel(`c${id}-list`, () => ({ values: [] }),
      (l) => l.values.reduce((s, v) => s + v.length + ELEMENT_OVERHEAD, 0),
      (got) => ({ values: [...got] }),
      (l, got) => got.length === l.values.length && got.every((v, i) => equalBytes(v, l.values[i])));
    this.set = collectionModel(`c${id}-set`, () => ({ elems: new Set() }),
      (st) => [...st.elems].reduce((s, e) => s + bytes(e) + ELEMENT_OVERHEAD, 0),
      (got) => ({ elems: new Set(got) }),
      (st, got) => got.length === st.elems.size && got.every((e) => st.elems.has(e)));
    this.zset = collectionModel(`c${id}-zset`, () => ({ elems: new Map() }),
      (z) => [...z.elems].reduce((s, [v]) => s + v.length + 8 + ELEMENT_OVERHEAD, 0),
      (got) => ({ elems: new Map(got.map((e) => [e.value, e.score])) }),
      (z, got) => {
        const want = [...z.elems].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
        return got.length === want.length && got.every((e, i) => e.value === want[i][0] && e.score === want[i][1]);
      });
  }
  /** Whether eviction can explain an item of `size` bytes last accessed at `at` having vanished. */
  static evictable(at, size) { return started - at + size >= STORE - SLACK; }
}

async function runClient(id, c, until) {
  const m = new Model(id);
  const key = (k) => `c${id}-k${k}`;
  const ck = `c${id}-counter`;
  const dk = `c${id}-dict`;
  const sk = `c${id}-set`;
  const lk = `c${id}-list`;
  const zk = `c${id}-zset`;

  /** Bytes a read of `k` touches if the model is right. */
  const sizeOf = (k) => m.scalars.get(k)?.size ?? 0;
  const checkGet = (k, r, op, at) => {
    const exp = m.scalars.get(k);
    if (r.type === 'Hit') {
      const got = r.valueUint8Array();
      stats.bytesRead += got.length;
      if (!exp?.value) unexpected(id, op, `Hit for ${k} which was never written or was deleted`);
      else if (!equalBytes(got, exp.value)) unexpected(id, op, `${k}: got ${got.length} B, expected ${exp.value.length} B (bytes differ)`);
      else exp.at = at;
    } else if (r.type === 'Miss') {
      if (exp?.value) {
        if (Model.evictable(exp.at, exp.size)) { stats.explainedMisses += 1; m.scalars.delete(k); }
        else unexpected(id, op, `Miss for ${k} (${exp.value.length} B) with at most ${started - exp.at} B touched since, store budget ${STORE}`);
      }
    } else unexpected(id, op, `${r.type} ${r.errorCode?.()} ${r.message?.()}`);
  };
  const itemSize = (k, value) => k.length + value.length + OVERHEAD;
  const wrote = (k, value, at) => {
    const size = itemSize(k, value);
    m.scalars.set(k, { value, size, at });
    stats.bytesWritten += size;
  };
  const expectType = (r, type, op) => {
    if (r.type !== type) { unexpected(id, op, `${r.type} ${r.errorCode?.() ?? ''} ${r.message?.() ?? r.toString()}`); return false; }
    return true;
  };
  /**
   * A collection write followed by a fetch. The fetched collection must equal the model; if it does not, it may
   * only be the model's subset that still holds what was just written (the collection was evicted before this
   * write and rebuilt by it), and only if eviction can explain it; a Miss likewise needs an eviction since the write.
   */
  const collectionOp = async (name, model, added, write, fetch, project, apply, subsetHoldingNew) => {
    const [r, writeAt] = await timed(model.size() + added + ELEMENT_OVERHEAD, write);
    count(`${name} write`);
    if (r.type !== 'Success') { unexpected(id, `${name} write`, `${r.type} ${r.errorCode?.()} ${r.message?.()}`); return model; }
    const prevAt = model.at;
    apply(model, r);
    model.at = writeAt;
    const [f, fetchAt] = await timed(model.size(), fetch);
    count(`${name} fetch`);
    if (f.type === 'Error') { unexpected(id, `${name} fetch`, `${f.errorCode()} ${f.message()}`); return model; }
    if (f.type === 'Miss') {
      if (Model.evictable(model.at, model.size())) { stats.explainedCollectionResets += 1; model.clear(); }
      else unexpected(id, `${name} fetch`, `Miss right after a write, at most ${started - model.at} B touched since`);
      return model;
    }
    const got = project(f);
    if (model.equals(got)) { model.at = fetchAt; return model; }
    if (prevAt !== undefined && subsetHoldingNew(got) && Model.evictable(prevAt, model.size())) {
      model.adopt(got);
      stats.explainedCollectionResets += 1;
    } else unexpected(id, `${name} fetch`, `${name} differs from the model: got ${got.length ?? got.size} elements, model ${model.count()}`);
    return model;
  };

  // 1. Every boundary size, written and read back byte-exact, then one byte over the limit.
  for (const size of boundarySizes(key(0))) {
    if (Date.now() >= until) break;
    if (size >= 1024 * 1024 && id % 16 !== 0) continue; // the MiB-scale boundaries: 4 of the 64 clients
    const value = randomBytes(size);
    const [r, at] = await timed(itemSize(key(0), value), () => c.set(cacheName, key(0), value));
    count('set');
    if (!expectType(r, 'Success', `set boundary ${size} B`)) continue;
    wrote(key(0), value, at);
    const [got, getAt] = await timed(sizeOf(key(0)), () => c.get(cacheName, key(0)));
    checkGet(key(0), got, `get boundary ${size} B`, getAt);
    count('get');
  }
  if (id === 0) {
    const over = await c.set(cacheName, key(0), new Uint8Array(MAX_ITEM - key(0).length + 1));
    count('set');
    if (over.type === 'Error' && over.errorCode() === 'LIMIT_EXCEEDED_ERROR') stats.expectedLimitErrors += 1;
    else unexpected(id, 'set over the limit', over.toString());
  }

  // 2. Random mixed operations until the time is up.
  while (Date.now() < until) {
    const k = key(randomInt(KEYS_PER_CLIENT));
    const op = randomInt(100);
    if (op < 25) {
      const value = randomBytes(randomSize(k));
      const [r, at] = await timed(itemSize(k, value), () => c.set(cacheName, k, value, { ttl: TTL_SECONDS }));
      count('set');
      if (expectType(r, 'Success', 'set')) wrote(k, value, at);
    } else if (op < 50) {
      const [r, at] = await timed(sizeOf(k), () => c.get(cacheName, k));
      checkGet(k, r, 'get', at);
      count('get');
    } else if (op < 54) {
      const [r, at] = await timed(0, () => c.delete(cacheName, k));
      count('delete');
      if (expectType(r, 'Success', 'delete')) m.scalars.set(k, { value: null, size: 0, at });
    } else if (op < 58) {
      const value = randomBytes(randomSize(k) >> 4);
      const [r, at] = await timed(Math.max(itemSize(k, value), sizeOf(k)), () => c.setIfNotExists(cacheName, k, value));
      count('setIfNotExists');
      const exp = m.scalars.get(k);
      if (r.type === 'Stored') {
        if (exp?.value && !Model.evictable(exp.at, exp.size)) unexpected(id, 'setIfNotExists', `Stored over a live ${k}`);
        wrote(k, value, at);
      } else if (r.type === 'NotStored') {
        if (!exp?.value) unexpected(id, 'setIfNotExists', `NotStored but ${k} is absent`);
      } else unexpected(id, 'setIfNotExists', r.toString());
    } else if (op < 63) {
      const size = ck.length + 8 + OVERHEAD;
      const [r, at] = await timed(size, () => c.increment(cacheName, ck, 1, { ttl: TTL_SECONDS }));
      count('increment');
      if (expectType(r, 'Success', 'increment')) {
        const want = (m.counter?.n ?? 0) + 1;
        if (r.value() !== want && !(r.value() === 1 && m.counter && Model.evictable(m.counter.at, size))) {
          unexpected(id, 'increment', `got ${r.value()}, expected ${want}`);
        }
        m.counter = { n: r.value(), at };
      }
    } else if (op < 70) {
      const keys = [key(randomInt(KEYS_PER_CLIENT)), key(randomInt(KEYS_PER_CLIENT)), key(randomInt(KEYS_PER_CLIENT))];
      const [r, at] = await timed(keys.reduce((sum, kk) => sum + sizeOf(kk), 0), () => c.getBatch(cacheName, keys));
      count('getBatch');
      const modelled = keys.reduce((sum, kk) => sum + sizeOf(kk), 0);
      if (r.type === 'Error' && r.errorCode() === 'LIMIT_EXCEEDED_ERROR' && (modelled * 7) / 3 > IN_FLIGHT / 2) {
        stats.oversizedResponses += 1; // the server refuses responses that cannot fit in its in-flight budget
      } else if (expectType(r, 'Success', 'getBatch')) r.results().forEach((res, i) => checkGet(keys[i], res, 'getBatch', at));
    } else if (op < 75) {
      const items = [0, 1].map(() => { const kk = key(randomInt(KEYS_PER_CLIENT)); return [kk, randomBytes(randomInt(0, 4096))]; });
      const batch = new Map(items);
      const [r, at] = await timed([...batch].reduce((sum, [kk, v]) => sum + itemSize(kk, v), 0),
        () => c.setBatch(cacheName, batch, { ttl: TTL_SECONDS }));
      count('setBatch');
      // A Map with a repeated key keeps its last value, as does the server.
      if (expectType(r, 'Success', 'setBatch')) for (const [kk, v] of batch) wrote(kk, v, at);
    } else if (op < 81) {
      const field = `f${randomInt(8)}`;
      const value = randomBytes(randomInt(0, 2048));
      await collectionOp('dictionary', m.dict, field.length + value.length, () => c.dictionarySetField(cacheName, dk, field, value),
        () => c.dictionaryFetch(cacheName, dk), (h) => h.valueMapStringUint8Array(), (d) => d.fields.set(field, value),
        (got) => got.has(field) && equalBytes(got.get(field), value)
          && [...got].every(([f, v]) => m.dict.fields.has(f) && equalBytes(m.dict.fields.get(f), v)));
    } else if (op < 87) {
      const value = randomBytes(randomInt(0, 1024));
      await collectionOp('list', m.list, value.length, () => c.listPushBack(cacheName, lk, value, { truncateFrontToSize: 8 }),
        () => c.listFetch(cacheName, lk), (h) => h.valueListUint8Array(), (l) => { l.values = [...l.values, value].slice(-8); },
        (got) => got.length > 0 && equalBytes(got.at(-1), value)
          && got.every((v, i) => equalBytes(v, m.list.values[m.list.values.length - got.length + i])));
    } else if (op < 93) {
      const elem = `e${randomInt(16)}`;
      await collectionOp('set', m.set, elem.length, () => c.setAddElement(cacheName, sk, elem), () => c.setFetch(cacheName, sk),
        (h) => h.valueArrayString(), (st) => st.elems.add(elem), (got) => got.includes(elem) && got.every((e) => m.set.elems.has(e)));
    } else {
      const value = `z${randomInt(16)}`;
      const score = randomInt(-1000, 1000) / 8;
      await collectionOp('sorted set', m.zset, value.length + 8, () => c.sortedSetPutElement(cacheName, zk, value, score),
        () => c.sortedSetFetchByRank(cacheName, zk), (h) => h.valueArrayStringElements(), (z) => z.elems.set(value, score),
        (got) => got.some((e) => e.value === value && e.score === score) && got.every((e) => m.zset.elems.get(e.value) === e.score));
    }
  }
  return m;
}

/** Bytes of the scalars the models hold as written and not deleted (what the store charges them, at least). */
const modelScalarBytes = (models) => models.reduce((sum, m) =>
  sum + [...m.scalars.values()].reduce((s, e) => s + (e.value ? e.size : 0), 0), 0);

test(`load: ${CLIENTS} clients × ${SECONDS} s of mixed ops against a server capped at ${CAP_MB} MiB`, { timeout: (SECONDS + 240) * 1000 }, async () => {
  server = await startServer({ secretFile: join(dir, 'secret'), keyFile: join(dir, 'key'),
    args: ['--max-memory-mb', String(CAP_MB)], env: { MOMENTO_SERVER_LOG: 'info' } });
  const baselineRss = rssBytes(server.pid);
  await waitFor(() => server.stderr.some((l) => l.includes('event=limits ')), 'the event=limits line');
  const limitsLine = server.stderr.find((l) => l.includes('event=limits '));
  STORE = Number(/ store_budget_bytes=(\d+)/.exec(limitsLine)?.[1]);
  IN_FLIGHT = Number(/ in_flight_budget_bytes=(\d+)/.exec(limitsLine)?.[1]);
  assert.ok(STORE > 0 && STORE <= CAP, `store budget ${STORE} within the cap: ${limitsLine}`);
  const admin = cacheClient(viaPort(server.apiKey, server.port));
  assert.equal((await admin.createCache(cacheName)).type, 'Success');

  const rss = [];
  const sampler = setInterval(() => { const r = rssBytes(server.pid); if (r !== null) rss.push(r); }, 500);
  const started = Date.now();
  const until = started + SECONDS * 1000;
  const clients = Array.from({ length: CLIENTS }, (_, i) => cacheClient(viaPort(server.apiKey, server.port),
    (cfg) => cfg.withClientTimeoutMillis(60_000).withTransportMode(i % 2 ? 'binary' : 'text')));
  const thrown = [];
  const models = await Promise.all(clients.map((c, i) => runClient(i, c, until)
    .catch((e) => { thrown.push(e?.stack ?? String(e)); return null; })));
  const elapsed = (Date.now() - started) / 1000;
  clearInterval(sampler);
  const endRss = rssBytes(server.pid);
  const peakRss = peakRssBytes(server.pid);

  // Final metrics: the server logs them on SIGTERM.
  await server.kill('SIGTERM');
  const line = server.stderr.find((l) => l.includes('event=metrics '));
  assert.ok(line, 'the server logged its final metrics');
  const metrics = Object.fromEntries([...line.matchAll(/(\w+)=(\d+)/g)].map(([, k, v]) => [k, Number(v)]));
  const inFlightLine = server.stderr.find((l) => l.includes('event=in_flight '));
  const inFlight = Object.fromEntries([...(inFlightLine ?? '').matchAll(/(\w+)=(\d+)/g)]
    .map(([, k, v]) => [k, Number(v)]));
  const maxRss = Math.max(...rss);

  const report = {
    clients: CLIENTS, seconds: elapsed, ops: stats.ops, opsPerSecond: Math.round(stats.ops / elapsed),
    writtenMiB: +(stats.bytesWritten / 1048576).toFixed(1), readMiB: +(stats.bytesRead / 1048576).toFixed(1),
    unexpectedErrors: stats.unexpectedCount ?? 0, thrown: thrown.length, explainedMisses: stats.explainedMisses,
    explainedCollectionResets: stats.explainedCollectionResets, expectedLimitErrors: stats.expectedLimitErrors,
    oversizedResponses: stats.oversizedResponses,
    modelledScalarMiB: +(modelScalarBytes(models.filter(Boolean)) / 1048576).toFixed(1),
    capMiB: CAP_MB, storeBudgetMiB: +(STORE / 1048576).toFixed(1), baselineRssMiB: +(baselineRss / 1048576).toFixed(1),
    maxRssMiB: +(maxRss / 1048576).toFixed(1), endRssMiB: +(endRss / 1048576).toFixed(1),
    peakRssMiB: +(peakRss / 1048576).toFixed(1), rssSamples: rss.length, metrics, inFlight, byOp: stats.byOp,
  };
  console.log('load report', JSON.stringify(report, null, 1));

  assert.deepEqual(thrown, [], 'no call threw');
  assert.deepEqual(stats.unexpected, [], 'no unexpected result');
  assert.equal(stats.expectedLimitErrors, 1, 'one byte over the item limit is LIMIT_EXCEEDED');
  assert.ok(stats.ops > CLIENTS * 10, 'the load ran');

  // Eviction counters.
  assert.equal(metrics.max_memory_bytes, CAP);
  assert.equal(metrics.store_budget_bytes, STORE);
  assert.ok(metrics.used_bytes <= metrics.store_budget_bytes, `used_bytes ${metrics.used_bytes} ≤ store budget`);
  if (stats.bytesWritten > CAP) {
    assert.ok(metrics.evictions > 0, 'more than the cap was written: items were evicted');
    // Every scalar a model still holds was either in the store at the end or evicted (no expiry within the TTL,
    // deletes are modelled); the store charges each at least what the model counts. Overwrites free bytes without
    // evicting, so the bytes written are no bound.
    const live = modelScalarBytes(models.filter(Boolean));
    assert.ok(metrics.used_bytes + metrics.evicted_bytes >= live,
      `evicted bytes account for what did not fit: used ${metrics.used_bytes} + evicted ${metrics.evicted_bytes} ≥ modelled ${live}`);
  }
  assert.ok(metrics.evicted_bytes >= metrics.evictions * OVERHEAD, 'each eviction frees at least the per-item overhead');
  assert.ok(metrics.items <= CLIENTS * (KEYS_PER_CLIENT + 5), `items ${metrics.items} within the key spaces`);
  assert.ok(metrics.used_bytes >= metrics.items * OVERHEAD, 'each item is charged at least its overhead');

  // Memory: the whole process stays under the cap (see the note below).
  const peak = Math.max(maxRss, peakRss ?? 0);
  const tooSmall = server.stderr.some((l) => l.includes('event=memory_cap_too_small'));
  if (tooSmall) console.log(`LOAD_CAP_MB ${CAP_MB} is too small for a process budget (event=memory_cap_too_small)`);
  else assert.ok(peak < CAP, `peak RSS ${(peak / 1048576).toFixed(1)} MiB < cap ${CAP_MB} MiB`);
});

/*
 * RSS. --max-memory-mb is split (server/src/limits.rs, logged in `event=limits`): a baseline allowance for the process
 * itself (26 MiB; the debug binary and libc alone have ~13.6 MiB resident), an in-flight budget that admission control
 * holds the bytes of calls being processed to (server/src/budget.rs: ~11.7 MiB, what reading one 5 MiB value back over
 * gRPC-web text needs; calls that do not fit queue instead of allocating), and the store budget for items (the rest,
 * ~26.3 MiB; LRU eviction). The server also tells glibc to unmap freed blocks above 128 KiB at once, trims the heap
 * every 250 ms and caps each connection read at 16 KiB (hyper's read buffers otherwise grow to ~408 KiB each).
 * Measured (64 clients × 60 s, 64 MiB cap, debug build, 2 cores): peak RSS (VmHWM) 213 MiB before all this,
 * 57–59 MiB after.
 */
