// Wire parity with the official SDKs' request headers (issue #13): recording proxies in front of momento-server see
// every request, gRPC-web over fetch (the web SDK's headers) and the Node entry's gRPC (the Node SDK's). `agent` and `runtime-version` go on the first request of each internal channel (control, data,
// ping, publish, subscribe, token, webhook), not once per public client; Ping and GenerateDisposableToken carry no
// `authorization` (their credential is in the body, or there is none); Subscribe has no `cache` header.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import * as sdk from '../../pkg/web/index.node.js';
import { h2Proxy, listen } from '../fault/helpers.mjs';

const apiKey = process.env.MOMENTO_API_KEY;
assert.ok(apiKey, 'MOMENTO_API_KEY must be set (run scripts/test)');
const { endpoint } = JSON.parse(atob(apiKey));
const [host, port] = endpoint.split(':');
const cacheName = `headers-${process.pid}`;

/** Every request the proxies forwarded: `{path, headers}`. */
const seen = [];
let proxy;
let h2;
/** Credentials via the HTTP/1.1 proxy (gRPC-web over fetch) and via the h2c proxy (the Node entry's gRPC). */
const via = {};
const overrides = (url) => sdk.CredentialProvider.fromString({
  apiKey, endpointOverrides: { cacheEndpoint: url, controlEndpoint: url, tokenEndpoint: url },
});
before(async () => {
  proxy = http.createServer((req, res) => {
    seen.push({ path: req.url, headers: req.headers });
    const up = http.request({ host, port, method: req.method, path: req.url, headers: req.headers }, (upRes) => {
      res.writeHead(upRes.statusCode, upRes.headers);
      upRes.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
    res.on('close', () => up.destroy());
  });
  await new Promise((r) => proxy.listen(0, '127.0.0.1', r));
  via.web = overrides(`http://127.0.0.1:${proxy.address().port}`);
  h2 = h2Proxy(Number(port));
  h2.state.seen = seen;
  via.grpc = overrides(`http://127.0.0.1:${await listen(h2.srv)}`);
});
after(() => { proxy.close(); h2.close(); });

/** The headers of the requests to `method` (the last path segment), in order. */
const calls = (method) => seen.filter((s) => s.path.endsWith(`/${method}`)).map((s) => s.headers);
const hasAgent = (h) => 'agent' in h && 'runtime-version' in h;

for (const wire of ['grpc', 'web']) {
  test(`[${wire}] agent once per internal channel; no authorization on Ping and GenerateDisposableToken; no cache on Subscribe`, async () => {
    seen.length = 0;
    const configuration = wire === 'web' ? sdk.Configurations.Browser.latest().withFetch(fetch) : sdk.Configurations.Browser.latest();
    const cache = new sdk.CacheClient({ configuration, credentialProvider: via[wire], defaultTtlSeconds: 60 });
    assert.ok(['Success', 'AlreadyExists'].includes((await cache.createCache(cacheName)).type));
    assert.equal((await cache.set(cacheName, 'k', 'v')).type, 'Success');
    assert.equal((await cache.get(cacheName, 'k')).type, 'Hit');
    assert.equal((await cache.ping()).type, 'Success');
    assert.equal((await cache.ping()).type, 'Success');
    const topics = new sdk.TopicClient({ configuration, credentialProvider: via[wire] });
    const sub = await topics.subscribe(cacheName, 't');
    assert.ok(sub instanceof sdk.TopicSubscribe.Subscription, String(sub));
    assert.equal((await topics.publish(cacheName, 't', 'm')).type, 'Success');
    assert.equal((await topics.publish(cacheName, 't', 'm')).type, 'Success');
    sub.unsubscribe();
    const auth = new sdk.AuthClient({ configuration, credentialProvider: via[wire] });
    const token = await auth.generateDisposableToken(sdk.DisposableTokenScopes.cacheReadWrite(cacheName), sdk.ExpiresIn.minutes(1));
    assert.equal(token.type, 'Success', String(token));

    const [create] = calls('CreateCache');
    assert.ok(hasAgent(create), 'control: agent on its first request');
    assert.match(create.agent, /^js-wasm:cache:/);
    const [set] = calls('Set');
    const [get] = calls('Get');
    assert.ok(hasAgent(set), 'data: agent on its first request too (was: only once per public client)');
    assert.ok(!hasAgent(get), 'data: not again');
    assert.equal(set.cache, cacheName);
    assert.ok(set.authorization, 'data calls are authorized');
    const pings = calls('Ping');
    assert.equal(pings.length, 2);
    assert.ok(hasAgent(pings[0]) && !hasAgent(pings[1]));
    assert.match(pings[0].agent, /^js-wasm:ping:/);
    assert.ok(pings.every((h) => !('authorization' in h)), 'Ping carries no credential');
    const [subscribe] = calls('Subscribe');
    assert.ok(hasAgent(subscribe) && !('cache' in subscribe), 'Subscribe: agent, no cache header');
    assert.match(subscribe.agent, /^js-wasm:topic:/);
    const publishes = calls('Publish');
    assert.ok(hasAgent(publishes[0]) && !hasAgent(publishes[1]), 'publish: its own first request');
    const [generate] = calls('GenerateDisposableToken');
    assert.ok(hasAgent(generate) && !('authorization' in generate), 'the token call: credential in the body only');
    assert.match(generate.agent, /^js-wasm:auth:/);
    for (const c of [cache, topics, auth]) c.close();
    if (wire === 'grpc') {
      assert.equal(get['content-type'], 'application/grpc');
      assert.equal(get.te, 'trailers');
      assert.ok(!('x-grpc-web' in get));
    } else {
      assert.equal(get['content-type'], 'application/grpc-web-text');
      assert.equal(get['x-grpc-web'], '1');
    }
  });
}
