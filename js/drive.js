// Runs a wasm call (a PendingCall, src/bindings/cache_client.rs) to its result: the core hands back the promise its
// future waits on (a fetch, a body chunk, a backoff timer) until it has the result. See src/transport/driver.rs.

/** Resolves to the call's result (a tagged object, or `null` at the end of a subscription). A result the facade
 * produced itself (a JS-side validation error) passes through. */
export async function drive(call) {
  if (typeof call?.poll !== 'function') return call;
  try {
    let r = call.poll(undefined);
    while (r instanceof Promise) r = call.poll(await r);
    return r;
  } finally {
    call.free();
  }
}
