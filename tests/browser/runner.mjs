// Runs the shared suites in whatever JS realm calls it (a page or a service worker) against momento-server and
// returns [{name, ok, error}]. `sdk` is the initialised momento-wasm module namespace.
import { cacheBasicsSuite } from '/tests/suites/cache-basics.mjs';
import { scalarsSuite } from '/tests/suites/scalars.mjs';
import { topicsSuite } from '/tests/suites/topics.mjs';
import { dictionarySetSuite } from '/tests/suites/dictionary-set.mjs';
import { listSortedSetSuite } from '/tests/suites/list-sorted-set.mjs';
import { authLeaderboardSuite } from '/tests/suites/auth-leaderboard.mjs';

export async function runSuites(sdk, apiKey, realm) {
  const cacheName = `browser-${realm}-${Math.random().toString(36).slice(2, 8)}`;
  const tests = [];
  const results = [];
  for (const mode of ['text', 'binary']) {
    const client = new sdk.CacheClient({
      configuration: sdk.Configurations.Browser.latest().withTransportMode(mode),
      credentialProvider: sdk.CredentialProvider.fromString({ apiKey }),
      defaultTtlSeconds: 60,
    });
    const named = (name, fn) => tests.push({ name: `[${realm}/${mode}] ${name}`, fn });
    cacheBasicsSuite(named, { sdk, client: () => client, cacheName });
    scalarsSuite(named, { sdk, client: () => client, cacheName });
    dictionarySetSuite(named, { sdk, client: () => client, cacheName });
    listSortedSetSuite(named, { sdk, client: () => client, cacheName });
    const topicClient = new sdk.TopicClient({
      configuration: sdk.TopicConfigurations.Browser.latest().withTransportMode(mode),
      credentialProvider: sdk.CredentialProvider.fromString({ apiKey }),
    });
    topicsSuite(named, { sdk, topicClient: () => topicClient, cacheName });
    const created = await client.createCache(cacheName);
    if (created.type === 'Error') results.push({ name: `[${realm}/${mode}] create cache`, ok: false, error: created.message() });
  }
  authLeaderboardSuite((name, fn) => tests.push({ name: `[${realm}] ${name}`, fn }), { sdk, apiKey, cacheName });
  for (const t of tests) {
    try {
      await t.fn();
      results.push({ name: t.name, ok: true });
    } catch (e) {
      results.push({ name: t.name, ok: false, error: `${e?.stack ?? e}` });
    }
  }
  return results;
}
