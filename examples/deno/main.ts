// momento-wasm in Deno. Run: MOMENTO_API_KEY=<key> deno run --allow-net --allow-env --allow-read main.ts
// The package comes from npm (deno.json maps it; `deno install` fetches it into node_modules).
import { CacheClient, CacheGet, Configurations, CredentialProvider } from 'momento-wasm';

const client = new CacheClient({
  configuration: Configurations.Laptop.latest(),
  credentialProvider: CredentialProvider.fromEnvironmentVariable('MOMENTO_API_KEY'),
  defaultTtlSeconds: 60,
});
await client.createCache('example-deno');
await client.set('example-deno', 'runtime', `deno ${Deno.version.deno}`);
const resp = await client.get('example-deno', 'runtime');
if (resp instanceof CacheGet.Hit) {
  console.log(`Hit: ${resp.valueString()}`);
} else {
  console.log(`${resp.type}: ${resp.toString()}`);
  Deno.exit(1);
}
client.close();
