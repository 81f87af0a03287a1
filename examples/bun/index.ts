// momento-wasm in Bun. Run: MOMENTO_API_KEY=<key> bun index.ts
import { CacheClient, CacheGet, Configurations, CredentialProvider } from 'momento-wasm';

const client = new CacheClient({
  configuration: Configurations.Laptop.latest(),
  credentialProvider: CredentialProvider.fromEnvironmentVariable('MOMENTO_API_KEY'),
  defaultTtlSeconds: 60,
});
await client.createCache('example-bun');
await client.set('example-bun', 'runtime', `bun ${Bun.version}`);
const resp = await client.get('example-bun', 'runtime');
if (resp instanceof CacheGet.Hit) {
  console.log(`Hit: ${resp.valueString()}`);
} else {
  console.log(`${resp.type}: ${resp.toString()}`);
  process.exit(1);
}
client.close();
