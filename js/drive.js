// Runs a wasm call (a PendingCall, src/bindings/cache_client.rs) to its result: the core hands back the promise its
// future waits on (a fetch, a body chunk, a backoff timer) until it has the result. See src/transport/driver.rs.
// Also the instance's safety net: a trap (WebAssembly.RuntimeError) may leave the instance half-updated, so it is
// replaced by a fresh one (scripts/patch-glue.mjs) and every wasm object of the old one is abandoned; clients rebuild
// their cores. Any other exception only fails the call it came out of.
import { instanceGeneration, reinstantiate } from './momento_wasm.js';
import { unknownErrorFrom } from './error-results.js';

export { instanceGeneration };

/** The tagged UNKNOWN error of a call that the replacement of a failed instance cut short. */
const lost = (e) => ({ type: 'Error', error: unknownErrorFrom(`the SDK's WebAssembly instance failed and was restarted (${e})`) });

/**
 * The tagged error for an exception `e` out of a call: one the core throws on purpose (with an `errorCode`) as it
 * is; a trap replaces the instance; anything else is an UNKNOWN error of this call.
 */
export function recover(e) {
  if (e?.errorCode) return { type: 'Error', errorCode: e.errorCode, message: e.message, details: e.details };
  if (!(e instanceof WebAssembly.RuntimeError)) return { type: 'Error', error: unknownErrorFrom(e) };
  reinstantiate();
  return lost(e);
}

/** Frees a wasm object unless its instance was replaced (its memory is gone: only forget the pointer then). */
export function release(obj, generation) {
  if (generation === instanceGeneration()) obj?.free(); else obj?.__destroy_into_raw();
}

/**
 * Resolves to the result of `start()` (a PendingCall, or a result the facade produced itself, which passes
 * through): a tagged object, or `null` at the end of a subscription. Never rejects.
 */
export function drive(start) {
  const generation = instanceGeneration();
  let call;
  try {
    call = start();
  } catch (e) {
    return Promise.resolve(recover(e));
  }
  return typeof call?.poll === 'function' ? pump(call, generation) : Promise.resolve(call);
}

/**
 * Polls `call` until it has its result, awaiting the promise it hands back each time, then frees it. (No
 * try/finally around the awaits: Node 20's V8 can crash deoptimizing an async function shaped that way.)
 */
async function pump(call, generation) {
  let r;
  try {
    r = call.poll(undefined);
    while (r instanceof Promise) {
      const settled = await r;
      if (generation !== instanceGeneration()) {
        r = lost('while this call waited');
        break;
      }
      r = call.poll(settled);
    }
  } catch (e) {
    r = generation === instanceGeneration() ? recover(e) : lost(e);
  }
  release(call, generation);
  return r;
}
