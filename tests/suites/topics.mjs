// Topics as a function of a topic client (official API surface only): publish/subscribe ordering, text and
// binary values, unsubscribe. Runs in Node and in Chromium (page and service worker).
import assert from 'node:assert/strict';

/**
 * @param {(name: string, fn: () => Promise<void>) => void} test
 * @param {{sdk: any, topicClient: () => any, cacheName: string}} ctx
 */
export function topicsSuite(test, ctx) {
  const { sdk } = ctx;
  const waitFor = async (cond, what) => {
    const end = Date.now() + 10_000;
    while (!cond()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  test('topics: subscribers receive published text and bytes in order, until they unsubscribe', async () => {
    const topic = `t-${Math.random().toString(36).slice(2)}`;
    const c = ctx.topicClient();
    const items = [];
    let ended = false;
    const sub = await c.subscribe(ctx.cacheName, topic, {
      onItem: (i) => items.push(i),
      onError: (e) => { throw new Error(e.message()); },
      onSubscriptionEnd: () => { ended = true; },
    });
    assert.ok(sub instanceof sdk.TopicSubscribe.Subscription, String(sub));
    assert.equal((await c.publish(ctx.cacheName, topic, 'hello')).type, 'Success');
    assert.equal((await c.publish(ctx.cacheName, topic, new Uint8Array([1, 2, 3]))).type, 'Success');
    await waitFor(() => items.length === 2, 'two items');
    assert.equal(items[0].valueString(), 'hello');
    assert.deepEqual(items[1].valueUint8Array(), new Uint8Array([1, 2, 3]));
    sub.unsubscribe();
    await waitFor(() => ended, 'onSubscriptionEnd');
    await c.publish(ctx.cacheName, topic, 'after');
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(items.length, 2, 'nothing arrives after unsubscribe');
  });

  test('topics: publishing to a missing cache is NOT_FOUND_ERROR; an empty topic is INVALID_ARGUMENT_ERROR', async () => {
    const c = ctx.topicClient();
    const r = await c.publish(`missing-${Math.random().toString(36).slice(2)}`, 'x', 'v');
    assert.equal(r.type, 'Error');
    assert.equal(r.errorCode(), 'NOT_FOUND_ERROR');
    const e = await c.publish(ctx.cacheName, '', 'v');
    assert.equal(e.errorCode(), 'INVALID_ARGUMENT_ERROR');
    assert.equal(e.message(), 'Invalid argument passed to Momento client: topic name must not be empty');
  });
}
