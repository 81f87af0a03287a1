// The subset of node:assert/strict the shared suites use, for browsers and service workers.
const fail = (msg, actual, expected) => {
  const e = new Error(`${msg ?? 'assertion failed'}${expected !== undefined ? ` (expected ${fmt(expected)}, got ${fmt(actual)})` : ''}`);
  e.name = 'AssertionError';
  throw e;
};
const fmt = (v) => { try { return JSON.stringify(v, (_, x) => (x instanceof Uint8Array ? [...x] : x)); } catch { return String(v); } };
const deep = (a, b) => {
  if (Object.is(a, b)) return true;
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return a instanceof Uint8Array && b instanceof Uint8Array && a.length === b.length && a.every((x, i) => x === b[i]);
  }
  if (a instanceof Map && b instanceof Map) return a.size === b.size && [...a].every(([k, v]) => b.has(k) && deep(v, b.get(k)));
  if (a instanceof Set && b instanceof Set) return a.size === b.size && [...a].every((v) => b.has(v));
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a); const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => deep(a[k], b[k]));
};
function assert(v, msg) { if (!v) fail(msg); }
assert.ok = assert;
assert.equal = (a, b, msg) => { if (!Object.is(a, b)) fail(msg, a, b); };
assert.notEqual = (a, b, msg) => { if (Object.is(a, b)) fail(msg ?? 'values are equal', a); };
assert.deepEqual = (a, b, msg) => { if (!deep(a, b)) fail(msg, a, b); };
assert.notDeepEqual = (a, b, msg) => { if (deep(a, b)) fail(msg ?? 'values are deeply equal', a); };
assert.match = (s, re, msg) => { if (!re.test(s)) fail(msg ?? `${fmt(s)} does not match ${re}`); };
const check = (e, expected) => {
  if (expected === undefined) return;
  if (expected instanceof RegExp) { if (!expected.test(String(e?.message ?? e))) fail(`error ${e} does not match ${expected}`); return; }
  if (typeof expected === 'function' && expected.prototype instanceof Error) { if (!(e instanceof expected)) fail(`wrong error ${e}`); return; }
  if (typeof expected === 'function' && expected(e) !== true) fail(`error ${e} did not validate`);
};
assert.throws = (fn, expected) => { try { fn(); } catch (e) { check(e, expected); return; } fail('did not throw'); };
assert.rejects = async (p, expected) => { try { await (typeof p === 'function' ? p() : p); } catch (e) { check(e, expected); return; } fail('did not reject'); };
export default assert;
