// Type tests of the lite package (pkg/lite: ping, get, set, delete): what it has type-checks, what it leaves out
// is a type error rather than a runtime `undefined is not a function`. Nothing here runs.
import { CacheClient, CacheGet, Configurations, CredentialProvider, RefreshingCredentialProvider } from '../../pkg/lite/index.js';

async function lite(): Promise<void> {
  const client = new CacheClient({
    configuration: Configurations.Browser.latest(),
    credentialProvider: CredentialProvider.fromString({ apiKey: 'k' }),
    defaultTtlSeconds: 60,
  });
  await client.set('cache', 'key', 'value', { ttl: 30 });
  const r = await client.get('cache', new Uint8Array([1]));
  if (r instanceof CacheGet.Hit) { const v: string = r.valueString(); void v; }
  if (r.type === 'Error') { const code: string = r.errorCode(); void code; }
  await client.cache('cache').delete('key');
  await client.ping();
  // @ts-expect-error the lite package has no control plane
  await client.createCache('cache');
  // @ts-expect-error nor the other scalar methods
  await client.increment('cache', 'counter');
  // @ts-expect-error nor collections
  await client.dictionaryFetch('cache', 'dict');
  // @ts-expect-error nor on client.cache(name)
  await client.cache('cache').getBatch(['a']);
  const refreshing = await RefreshingCredentialProvider.create({ fetchToken: async () => 'token' });
  new CacheClient({ credentialProvider: refreshing, defaultTtlSeconds: 60 }).close();
}
void lite;
