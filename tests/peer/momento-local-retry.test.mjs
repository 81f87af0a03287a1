// The official Node SDK's retry tests (client-sdk-javascript packages/client-sdk-nodejs/test/
// integration/retry: fixed-count, fixed-timeout and exponential-backoff strategies, topic client
// retries, topic subscribe), as our own tests with the same scenarios, against momento-server
// started as momento-local is in their CI: `--auth none --enable-test-admin`. The official
// @gomomento/sdk 1.118.1 sends the fault-injection metadata through its own
// ExperimentalMomentoLocalTestConfigMiddleware (not exported from the package index; imported
// from its dist path), and a middleware of ours records each attempt, as the official
// TestRetryMetricsCollector does.
//
// Heartbeats every 500 ms (--topic-heartbeat-ms): the official "mid-stream error" case needs
// three messages within 3 s, which momento-local's heartbeats give. Groups run concurrently (each
// test has its own cache, request id and client), except the port block, on its own server.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

import {
  CacheClient,
  Configurations,
  DefaultEligibilityStrategy,
  DefaultMomentoLoggerFactory,
  ExponentialBackoffRetryStrategy,
  FixedTimeoutRetryStrategy,
  MomentoErrorCode,
  MomentoLocalProvider,
  TopicClient,
  TopicConfigurations,
  TopicPublish,
  TopicSubscribe,
} from '@gomomento/sdk';

import { startServer, stopServer } from './server.mjs';

const require = createRequire(import.meta.url);
const { ExperimentalMomentoLocalTestConfigMiddleware } = require(
  '@gomomento/sdk/dist/src/config/middleware/experimental-momento-local-test-config-middleware.js',
);
const { MomentoRPCMethod } = require('@gomomento/sdk/dist/src/config/retry/momento-rpc-method.js');

const loggerFactory = new DefaultMomentoLoggerFactory();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Records when each attempt of each request type left the client, per cache (late-loaded, so
 *  that every retry passes through it). */
class AttemptRecorder {
  constructor() {
    this.shouldLoadLate = true;
    this.times = new Map();
  }

  onNewRequest() {
    const recorder = this;
    let cache;
    return {
      onRequestMetadata(metadata) {
        cache = metadata._grpcMetadata.get('cache')[0]?.toString();
        return Promise.resolve(metadata);
      },
      onRequestBody(request) {
        if (cache) {
          const key = `${cache}/${request.constructorName()}`;
          recorder.times.set(key, [...(recorder.times.get(key) ?? []), Date.now()]);
        }
        return Promise.resolve(request);
      },
      onResponseMetadata: (m) => Promise.resolve(m),
      onResponseBody: (b) => Promise.resolve(b),
      onResponseStatus: (s) => Promise.resolve(s),
    };
  }

  retries(cache, method) {
    return Math.max(0, (this.times.get(`${cache}/${method}`) ?? []).length - 1);
  }

  averageGap(cache, method) {
    const times = this.times.get(`${cache}/${method}`) ?? [];
    return times.length < 2 ? 0 : (times.at(-1) - times[0]) / (times.length - 1);
  }
}

let server;
let provider;

before(async () => {
  server = await startServer(['--auth', 'none', '--test-admin-port', '0', '--topic-heartbeat-ms', '500', '--max-memory-mb', '0']);
  provider = new MomentoLocalProvider({ hostname: '127.0.0.1', port: server.port });
});

after(() => stopServer(server));

/** The official WithCacheAndCacheClient: a Laptop.v1 client with the faults of `metadata`
 *  (request id added), a fresh cache. */
async function withCacheClient(configure, metadata, body, credentialProvider = provider) {
  const cacheName = `retry-${randomUUID()}`;
  const recorder = new AttemptRecorder();
  const faults = new ExperimentalMomentoLocalTestConfigMiddleware({ requestId: randomUUID(), ...metadata });
  const client = await CacheClient.create({
    configuration: configure(Configurations.Laptop.v1().withMiddlewares([faults, recorder])),
    credentialProvider,
    defaultTtlSeconds: 60,
  });
  await client.createCache(cacheName);
  try {
    await body(client, cacheName, recorder);
  } finally {
    await client.deleteCache(cacheName);
    client.close();
  }
}

/** The official WithCacheAndTopicClient. */
async function withTopicClient(configure, metadata, body, credentialProvider = provider) {
  const cacheName = `retry-${randomUUID()}`;
  const cacheClient = await CacheClient.create({
    configuration: Configurations.Laptop.v1(),
    credentialProvider,
    defaultTtlSeconds: 60,
  });
  const faults = new ExperimentalMomentoLocalTestConfigMiddleware({ requestId: randomUUID(), ...metadata });
  const topicClient = new TopicClient({
    configuration: configure(TopicConfigurations.Default.latest().withMiddlewares([faults])),
    credentialProvider,
  });
  await cacheClient.createCache(cacheName);
  try {
    await body(topicClient, cacheName);
  } finally {
    topicClient.close?.();
    await cacheClient.deleteCache(cacheName);
    cacheClient.close();
  }
}

const UNAVAILABLE = MomentoErrorCode.SERVER_UNAVAILABLE;
const GET = MomentoRPCMethod.Get;
const INCREMENT = MomentoRPCMethod.Increment;
const same = (config) => config;

function expectErrorCode(response, code) {
  assert.equal(response.type, 'Error', `expected an error, got ${response.toString()}`);
  assert.equal(response.errorCode(), code, response.toString());
}

describe('fixed count retry strategy (the default)', { concurrency: true }, () => {
  test('full outage: max 3 retries for a retry-eligible API', async () => {
    await withCacheClient(same, { returnError: UNAVAILABLE, errorRpcs: [GET] }, async (client, cache, rec) => {
      expectErrorCode(await client.get(cache, 'key'), 'SERVER_UNAVAILABLE');
      assert.equal(rec.retries(cache, GET), 3);
    });
  });

  test('full outage: no retry for a non-eligible API', async () => {
    await withCacheClient(same, { returnError: UNAVAILABLE, errorRpcs: [INCREMENT] }, async (client, cache, rec) => {
      assert.equal((await client.increment(cache, 'key', 1)).type, 'Error');
      assert.equal(rec.retries(cache, INCREMENT), 0);
    });
  });

  test('temporary outage: fewer than the maximum retries', async () => {
    await withCacheClient(same, { returnError: UNAVAILABLE, errorRpcs: [GET], errorCount: 2 }, async (client, cache, rec) => {
      assert.equal((await client.get(cache, 'key')).type, 'Miss');
      const retries = rec.retries(cache, GET);
      assert.ok(retries > 1 && retries <= 3, `${retries} retries`);
    });
  });
});

function fixedTimeout(props) {
  return new FixedTimeoutRetryStrategy({
    loggerFactory,
    eligibilityStrategy: new DefaultEligibilityStrategy(loggerFactory),
    ...props,
  });
}

describe('fixed timeout retry strategy', { concurrency: true }, () => {
  test('default retry delay and timeout when not specified', async () => {
    const responseDelay = 1000 - 100;
    await withCacheClient(
      (c) => c.withRetryStrategy(fixedTimeout({})).withClientTimeoutMillis(5000),
      { returnError: UNAVAILABLE, errorRpcs: [GET], delayRpcs: [GET], delayMs: responseDelay },
      async (client, cache, rec) => {
        expectErrorCode(await client.get(cache, 'key'), MomentoErrorCode.TIMEOUT_ERROR);
        const between = responseDelay + 100;
        const expected = Math.floor(5000 / between);
        const retries = rec.retries(cache, GET);
        assert.ok(retries >= expected - 1 && retries <= expected, `${retries} retries`);
        const gap = rec.averageGap(cache, GET);
        assert.ok(gap >= between * 0.9 && gap <= between * 1.1, `average gap ${gap}`);
      },
    );
  });

  test('full outage: maximum retries within the client timeout', async () => {
    await withCacheClient(
      (c) => c.withRetryStrategy(fixedTimeout({ retryDelayIntervalMillis: 1000 })).withClientTimeoutMillis(5000),
      { returnError: UNAVAILABLE, errorRpcs: [GET] },
      async (client, cache, rec) => {
        expectErrorCode(await client.get(cache, 'key'), MomentoErrorCode.TIMEOUT_ERROR);
        const retries = rec.retries(cache, GET);
        assert.ok(retries >= 4 && retries <= 5, `${retries} retries`);
      },
    );
  });

  test('full outage: no retry for a non-eligible API', async () => {
    await withCacheClient(
      (c) => c.withRetryStrategy(fixedTimeout({ retryDelayIntervalMillis: 1000 })).withClientTimeoutMillis(5000),
      { returnError: UNAVAILABLE, errorRpcs: [INCREMENT] },
      async (client, cache, rec) => {
        assert.equal((await client.increment(cache, 'key', 1)).type, 'Error');
        assert.equal(rec.retries(cache, INCREMENT), 0);
      },
    );
  });

  test('the client timeout wins over a longer retry timeout', async () => {
    await withCacheClient(
      (c) =>
        c.withRetryStrategy(fixedTimeout({ responseDataReceivedTimeoutMillis: 3000 })).withClientTimeoutMillis(2000),
      { returnError: UNAVAILABLE, errorRpcs: [GET], delayRpcs: [GET], delayMs: 1000 },
      async (client, cache, rec) => {
        expectErrorCode(await client.get(cache, 'key'), MomentoErrorCode.TIMEOUT_ERROR);
        assert.equal(rec.retries(cache, GET), 1);
        const gap = rec.averageGap(cache, GET);
        assert.ok(gap > 0 && gap <= 2000, `average gap ${gap}`);
      },
    );
  });

  test('no retry deadline on the initial request', async () => {
    await withCacheClient(
      (c) =>
        c.withRetryStrategy(fixedTimeout({ responseDataReceivedTimeoutMillis: 100 })).withClientTimeoutMillis(2000),
      { delayRpcs: [GET], delayMs: 500 },
      async (client, cache, rec) => {
        assert.equal((await client.get(cache, 'key')).type, 'Miss');
        assert.equal(rec.retries(cache, GET), 0);
      },
    );
  });

  test('temporary outage: fewer than the maximum retries', async () => {
    await withCacheClient(
      (c) => c.withRetryStrategy(fixedTimeout({ retryDelayIntervalMillis: 1000 })).withClientTimeoutMillis(5000),
      { returnError: UNAVAILABLE, errorRpcs: [GET], errorCount: 2 },
      async (client, cache, rec) => {
        assert.equal((await client.get(cache, 'key')).type, 'Miss');
        const retries = rec.retries(cache, GET);
        assert.ok(retries > 1 && retries <= 5, `${retries} retries`);
        const gap = rec.averageGap(cache, GET);
        assert.ok(gap > 0 && gap <= 5000, `average gap ${gap}`);
      },
    );
  });

  test('a delayed answer without error: no retry, the client timeout applies', async () => {
    await withCacheClient(
      (c) =>
        c.withRetryStrategy(fixedTimeout({ responseDataReceivedTimeoutMillis: 1000 })).withClientTimeoutMillis(5000),
      { delayRpcs: [GET], delayMs: 4000 },
      async (client, cache, rec) => {
        const started = Date.now();
        const response = await client.get(cache, 'key');
        const took = Date.now() - started;
        assert.ok(took >= 4000 && took <= 5000, `took ${took} ms`);
        assert.equal(response.type, 'Miss');
        assert.equal(rec.retries(cache, GET), 0);
      },
    );
  });

  for (const [what, delay, expectedGap, tolerance] of [
    ['short', 200, 100 + 200, 0.1],
    // Attempts delayed beyond the 1000 ms retry timeout end at that timeout.
    ['long', 1500, 1000 + 100, 0.15],
  ]) {
    test(`full outage with ${what} response delays: retries until the client timeout`, async () => {
      await withCacheClient(
        (c) =>
          c
            .withRetryStrategy(
              fixedTimeout({ responseDataReceivedTimeoutMillis: 1000, retryDelayIntervalMillis: 100 }),
            )
            .withClientTimeoutMillis(5000),
        { delayRpcs: [GET], delayMs: delay, errorRpcs: [GET], returnError: UNAVAILABLE },
        async (client, cache, rec) => {
          expectErrorCode(await client.get(cache, 'key'), MomentoErrorCode.TIMEOUT_ERROR);
          const retries = rec.retries(cache, GET);
          assert.ok(retries >= 2 && retries <= Math.ceil(5000 / (100 + delay)), `${retries} retries`);
          const gap = rec.averageGap(cache, GET);
          assert.ok(
            gap >= expectedGap * (1 - tolerance) && gap <= expectedGap * (1 + tolerance),
            `average gap ${gap}`,
          );
        },
      );
    });
  }
});

describe('exponential backoff retry strategy', { concurrency: true }, () => {
  const backoff = () => new ExponentialBackoffRetryStrategy({ loggerFactory, initialDelayMillis: 100, maxBackoffMillis: 2000 });

  test('full outage: several retries until the client times out', async () => {
    await withCacheClient(
      (c) => c.withRetryStrategy(backoff()).withClientTimeoutMillis(5000),
      { returnError: UNAVAILABLE, errorRpcs: [GET] },
      async (client, cache, rec) => {
        expectErrorCode(await client.get(cache, 'key'), MomentoErrorCode.TIMEOUT_ERROR);
        const retries = rec.retries(cache, GET);
        assert.ok(retries >= 2 && retries <= 5, `${retries} retries`);
      },
    );
  });

  test('full outage: no retry for a non-eligible API', async () => {
    await withCacheClient(
      (c) => c.withRetryStrategy(new ExponentialBackoffRetryStrategy({ loggerFactory })),
      { returnError: UNAVAILABLE, errorRpcs: [INCREMENT] },
      async (client, cache, rec) => {
        assert.equal((await client.increment(cache, 'key', 1)).type, 'Error');
        assert.equal(rec.retries(cache, INCREMENT), 0);
      },
    );
  });

  test('temporary outage: succeeds after fewer retries', async () => {
    await withCacheClient(
      (c) => c.withRetryStrategy(backoff()).withClientTimeoutMillis(4000),
      { returnError: UNAVAILABLE, errorRpcs: [GET], errorCount: 2 },
      async (client, cache, rec) => {
        assert.equal((await client.get(cache, 'key')).type, 'Miss');
        const retries = rec.retries(cache, GET);
        assert.ok(retries >= 1 && retries <= 4, `${retries} retries`);
      },
    );
  });
});

/** Resolves when `signal()` has been called `n` times. */
function counter() {
  let count = 0;
  let waiters = [];
  return {
    get count() {
      return count;
    },
    signal() {
      count += 1;
      waiters = waiters.filter(([n, resolve]) => (count >= n ? (resolve(), false) : true));
    },
    reached(n) {
      return count >= n ? Promise.resolve() : new Promise((resolve) => waiters.push([n, resolve]));
    },
  };
}

describe('topic client retries', { concurrency: true }, () => {
  // A stream error after three messages: `unavailable` is retried transparently (one connection lost, no error),
  // `not-found` (the only unrecoverable one) ends the subscription with one error.
  for (const [streamError, what, expectedErrors] of [
    ['unavailable', 'a recoverable stream error reconnects', 0],
    ['not-found', 'an unrecoverable stream error is not retried', 1],
  ]) {
    test(`subscribe: ${what}`, async () => {
      const lost = counter();
      let errors = 0;
      await withTopicClient(
        same,
        { streamError, streamErrorRpcs: [MomentoRPCMethod.TopicSubscribe], streamErrorMessageLimit: 3 },
        async (topics, cache) => {
          const subscription = await topics.subscribe(cache, 'topic', {
            onItem: () => {},
            onError: () => (errors += 1),
            onConnectionLost: () => lost.signal(),
          });
          assert.ok(subscription instanceof TopicSubscribe.Subscription, subscription.toString());
          assert.equal(lost.count, 0);
          await lost.reached(1);
          assert.equal(lost.count, 1);
          assert.equal(errors, expectedErrors);
          subscription.unsubscribe();
        },
      );
    });
  }

  test('subscribe: a first message later than the client timeout is a timeout', async () => {
    await withTopicClient(
      (c) => c.withClientTimeoutMillis(3000),
      { delayRpcs: [MomentoRPCMethod.TopicSubscribe], delayMs: 5000 },
      async (topics, cache) => {
        const response = await topics.subscribe(cache, 'topic', {});
        assert.ok(response instanceof TopicSubscribe.Error, response.toString());
        assert.equal(response.errorCode(), MomentoErrorCode.TIMEOUT_ERROR);
      },
    );
  });

  test('publish: a delay beyond the default deadline is a timeout', async () => {
    await withTopicClient(
      same,
      { delayRpcs: [MomentoRPCMethod.TopicPublish], delayMs: 6000 },
      async (topics, cache) => {
        const response = await topics.publish(cache, 'topic', 'message');
        assert.ok(response instanceof TopicPublish.Error, response.toString());
        assert.equal(response.errorCode(), MomentoErrorCode.TIMEOUT_ERROR);
      },
    );
  });

  test('subscribe: a mid-stream error ends the subscription', async () => {
    let ended = 0;
    let errorCode;
    await withTopicClient(
      (c) => c.withNumStreamConnections(1),
      { streamError: 'not-found', streamErrorRpcs: [MomentoRPCMethod.TopicSubscribe], streamErrorMessageLimit: 3 },
      async (topics, cache) => {
        const subscription = await topics.subscribe(cache, 'topic', {
          onSubscriptionEnd: () => (ended += 1),
          onError: (e) => (errorCode = e.errorCode()),
        });
        assert.ok(subscription instanceof TopicSubscribe.Subscription, subscription.toString());
        await sleep(3000);
        assert.equal(ended, 1);
        assert.equal(errorCode, MomentoErrorCode.CACHE_NOT_FOUND_ERROR);
        subscription.unsubscribe();
      },
    );
  });

  test('subscribe: no silent queueing on full channels (100 per stream connection)', async () => {
    let ended = 0;
    await withTopicClient(
      (c) => c.withNumStreamConnections(1),
      {},
      async (topics, cache) => {
        const options = { onSubscriptionEnd: () => (ended += 1) };
        const subscriptions = [];
        for (let i = 0; i < 100; i += 1) {
          const s = await topics.subscribe(cache, 'topic', options);
          assert.ok(s instanceof TopicSubscribe.Subscription, s.toString());
          subscriptions.push(s);
        }
        const full = await topics.subscribe(cache, 'topic', options);
        assert.ok(full instanceof TopicSubscribe.Error, full.toString());
        assert.equal(full.errorCode(), MomentoErrorCode.CLIENT_RESOURCE_EXHAUSTED);
        subscriptions[0].unsubscribe();
        await sleep(100);
        assert.equal(ended, 1);
        const again = await topics.subscribe(cache, 'topic', options);
        assert.ok(again instanceof TopicSubscribe.Subscription, again.toString());
        subscriptions.push(again);
        const fullAgain = await topics.subscribe(cache, 'topic', options);
        assert.equal(fullAgain.errorCode(), MomentoErrorCode.CLIENT_RESOURCE_EXHAUSTED);
        for (const s of subscriptions) s.unsubscribe();
      },
    );
  });
});

// With 2, 10 and 20 stream connections, as the official suite (up to 2,010 subscriptions at once).
describe('topic subscribe bursts', () => {
  for (const channels of [2, 10, 20]) {
    const capacity = channels * 100;
    const burst = (topics, cache, n, options = {}) =>
      Promise.all(Array.from({ length: n }, () => topics.subscribe(cache, 'topic', options)));

    test(`${channels} stream connections: bursts below, at and above capacity`, async () => {
      let errors = 0;
      let lost = 0;
      const options = { onError: () => (errors += 1), onConnectionLost: () => (lost += 1) };
      await withTopicClient(
        (c) => c.withNumStreamConnections(channels),
        {},
        async (topics, cache) => {
          for (const [n, expectedOk] of [
            [capacity / 2, capacity / 2],
            [capacity, capacity],
            [capacity + 10, capacity],
          ]) {
            const responses = await burst(topics, cache, n, options);
            const ok = responses.filter((r) => r instanceof TopicSubscribe.Subscription);
            assert.equal(ok.length, expectedOk, `burst of ${n}`);
            assert.equal(responses.filter((r) => r instanceof TopicSubscribe.Error).length, n - expectedOk);
            for (const s of ok) s.unsubscribe();
            await sleep(100);
          }
          assert.equal(errors, 0);
          assert.equal(lost, 0);
        },
      );
    });

    test(`${channels} stream connections: subscribe, unsubscribe half, subscribe again`, async () => {
      let ended = 0;
      await withTopicClient(
        (c) => c.withNumStreamConnections(channels),
        {},
        async (topics, cache) => {
          const options = { onSubscriptionEnd: () => (ended += 1) };
          const first = await burst(topics, cache, capacity, options);
          assert.ok(first.every((s) => s instanceof TopicSubscribe.Subscription));
          for (const s of first.slice(0, capacity / 2)) s.unsubscribe();
          await sleep(100);
          assert.equal(ended, capacity / 2);
          const second = await burst(topics, cache, capacity / 2 + 10, options);
          const ok = second.filter((s) => s instanceof TopicSubscribe.Subscription);
          assert.equal(ok.length, capacity / 2);
          for (const s of [...first, ...ok]) s.unsubscribe();
        },
      );
    });
  }
});

describe('test admin: the data port blocked and unblocked', () => {
  let blockable;
  before(async () => {
    blockable = await startServer(['--auth', 'none', '--enable-test-admin', '--test-admin-port', '0', '--topic-heartbeat-ms', '300']);
  });
  after(() => stopServer(blockable));

  test('a subscription pauses while the port is blocked and resumes once unblocked', async () => {
    const admin = (path) => fetch(`http://127.0.0.1:${blockable.adminPort}${path}`).then((r) => r.text());
    const heartbeats = counter();
    const lost = counter();
    const local = new MomentoLocalProvider({ hostname: '127.0.0.1', port: blockable.port });
    await withTopicClient(
      same,
      {},
      async (topics, cache) => {
        const subscription = await topics.subscribe(cache, 'topic', {
          onItem: () => {},
          onHeartbeat: () => heartbeats.signal(),
          onConnectionLost: () => lost.signal(),
        });
        assert.ok(subscription instanceof TopicSubscribe.Subscription, subscription.toString());
        await heartbeats.reached(5);
        const before = heartbeats.count;
        assert.equal((await admin('/block')).trim(), 'blocked');
        await lost.reached(1);
        assert.equal(lost.count, 1);
        assert.equal(heartbeats.count, before, 'no heartbeat while blocked');
        assert.equal((await admin('/unblock')).trim(), 'unblocked');
        await heartbeats.reached(before + 1);
        subscription.unsubscribe();
      },
      local,
    );
  });
});
