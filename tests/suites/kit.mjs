// Helpers every shared suite uses (the suites run in Node, Chromium pages and service workers alike).
import assert from 'node:assert/strict';

/** A name no other run or test uses: `prefix-<random>`. */
export const unique = (prefix) => `${prefix}-${Math.random().toString(36).slice(2)}`;

/** UTF-8 bytes of `s`. */
export const enc = (s) => new TextEncoder().encode(s);

/** Asserts that `r` is the Miss of response namespace `ns` (`instanceof`, and `type` per its enum) with no value. */
export function assertMissWithoutValue(r, ns, responseEnum) {
  assert.ok(r instanceof ns.Miss, r.toString());
  assert.equal(r.type, responseEnum.Miss);
  assert.equal(r.value(), undefined);
}
