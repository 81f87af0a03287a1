// Closed-loop load of one async operation with `inflight` concurrent workers (Node and browsers alike).
// Latencies are measured per operation with performance.now(). An operation counts when it completes inside the
// measurement window (after the warm-up, before the end); workers start no operation after the end and the ones
// still in flight then are awaited but not counted. In Node, the process's CPU time (user + system) over the
// window is divided by the operations completed in it: client CPU per operation at that load.

/** Nearest-rank percentile of a sorted array. */
export const pct = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : NaN);
export const median = (xs) => pct([...xs].sort((a, b) => a - b), 0.5);

const cpuNow = () => {
  const u = globalThis.process?.cpuUsage?.();
  return u ? u.user + u.system : NaN;
};

/**
 * @param {(i: number) => Promise<unknown>} op  one operation (i: a running counter, e.g. for keys)
 * @returns {Promise<{ops: number, seconds: number, opsPerSec: number, p50Ms: number, p99Ms: number, cpuUsPerOp: number,
 *   errors: number, firstError?: string}>}
 */
export async function runLoad(op, { inflight, seconds, warmupSeconds }) {
  const now = () => performance.now();
  const start = now();
  const from = start + warmupSeconds * 1000;
  const end = from + seconds * 1000;
  const lat = [];
  let errors = 0;
  let firstError;
  let counter = 0;
  // CPU over the window: sampled when the window opens and when it closes (timers, so the samples land between
  // operations, as the window's ends do).
  let cpuFrom = NaN;
  let cpuTo = NaN;
  const opened = setTimeout(() => { cpuFrom = cpuNow(); }, warmupSeconds * 1000);
  const closed = setTimeout(() => { cpuTo = cpuNow(); }, (warmupSeconds + seconds) * 1000);
  const worker = async () => {
    for (;;) {
      const t0 = now();
      if (t0 >= end) return;
      try {
        await op(counter++);
        const t1 = now();
        if (t1 >= from && t1 <= end) lat.push(t1 - t0);
      } catch (e) {
        errors++;
        firstError ??= String(e?.stack ?? e);
        if (errors > 100) throw new Error(`too many errors; first: ${firstError}`);
      }
    }
  };
  await Promise.all(Array.from({ length: inflight }, worker));
  clearTimeout(opened);
  clearTimeout(closed);
  if (!Number.isFinite(cpuTo)) cpuTo = cpuNow();
  lat.sort((a, b) => a - b);
  return {
    ops: lat.length, seconds, opsPerSec: lat.length / seconds, p50Ms: pct(lat, 0.5), p99Ms: pct(lat, 0.99),
    cpuUsPerOp: (cpuTo - cpuFrom) / lat.length, errors, firstError,
  };
}

/**
 * The (c)/(d) load of one client `c` (`{get, set}`), Node and browsers alike: seeds `bench-get`, then at each in-flight
 * level of `o.inflights` a get loop of that key and a set loop over 1024 keys. Resolves to `{get: {inflight: stats},
 * set: …}`.
 */
export async function getSetLoad(c, o) {
  const value = 'v'.repeat(o.valueBytes);
  await c.set('bench-get', value);
  const results = { get: {}, set: {} };
  const timing = (inflight) => ({ inflight, seconds: o.seconds, warmupSeconds: o.warmupSeconds });
  for (const inflight of o.inflights) {
    results.get[inflight] = await runLoad(() => c.get('bench-get'), timing(inflight));
    results.set[inflight] = await runLoad((i) => c.set(`bench-set-${i % 1024}`, value), timing(inflight));
  }
  return results;
}
