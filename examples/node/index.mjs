// momento-wasm in a Node script. Run: MOMENTO_API_KEY=<key> node index.mjs
// (a key from the Momento console, or the file `momento-server --key-file momento-api-key` writes).
import {
  CacheClient, CacheGetResponse, Configurations, CredentialProvider, CollectionTtl,
} from 'momento-wasm';

const client = new CacheClient({
  configuration: Configurations.Laptop.latest(),
  credentialProvider: CredentialProvider.fromEnvironmentVariable('MOMENTO_API_KEY'),
  defaultTtlSeconds: 60,
});
const cache = 'example-node';

// Errors are values: check `type` (or use instanceof CacheGet.Hit …) instead of try/catch.
const created = await client.createCache(cache);
console.log(`createCache: ${created.type}`); // Success, or AlreadyExists on a second run

await client.set(cache, 'greeting', 'hello from node', { ttl: 30 });
for (const key of ['greeting', 'nobody-set-this']) {
  const resp = await client.get(cache, key);
  switch (resp.type) {
    case CacheGetResponse.Hit: console.log(`get ${key}: Hit ${resp.valueString()}`); break;
    case CacheGetResponse.Miss: console.log(`get ${key}: Miss`); break;
    case CacheGetResponse.Error: console.log(`get ${key}: Error ${resp.errorCode()}`); break;
  }
}

// A dictionary whose TTL is refreshed by every write.
await client.dictionarySetFields(cache, 'profile', { name: 'Ada', language: 'Rust' }, { ttl: CollectionTtl.of(120) });
const profile = await client.dictionaryFetch(cache, 'profile');
if (profile.type === 'Hit') {
  const { name, language } = profile.valueRecord(); // a dictionary has no order: read fields by name
  console.log(`profile: ${name}, ${language}`);
}

// Bad input is caught before any request, as an INVALID_ARGUMENT_ERROR value.
const bad = await client.set(cache, 'k', 'v', { ttl: 0 });
console.log(`set with ttl 0: ${bad.type} ${bad.type === 'Error' ? bad.errorCode() : ''}`);
client.close();
