// Closed-loop load of one async operation with `inflight` concurrent workers (Node and browsers alike).
// Latencies are measured per operation with performance.now(). An operation counts when it completes inside the
// measurement window (after the warm-up, before the end); workers start no operation after the end and the ones
// still in flight then are awaited but not counted.

/** Nearest-rank percentile of a sorted array. */
export const pct = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : NaN);
export const median = (xs) => pct([...xs].sort((a, b) => a - b), 0.5);

/**
 * @param {(i: number) => Promise<unknown>} op  one operation (i: a running counter, e.g. for keys)
 * @returns {Promise<{ops: number, seconds: number, opsPerSec: number, p50Ms: number, p99Ms: number, errors: number, firstError?: string}>}
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
  lat.sort((a, b) => a - b);
  return { ops: lat.length, seconds, opsPerSec: lat.length / seconds, p50Ms: pct(lat, 0.5), p99Ms: pct(lat, 0.99), errors, firstError };
}
