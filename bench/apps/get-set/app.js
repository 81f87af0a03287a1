// The get/set app of the size budget (issue #7 item 5): the same app the official @gomomento/sdk-web was measured
// with (205,328 B gzip bundled). scripts/size bundles it with esbuild, resolving `momento-wasm` to pkg/lite.
import { CacheClient, Configurations, CredentialProvider } from 'momento-wasm';

const client = new CacheClient({
  configuration: Configurations.Browser.v1(),
  credentialProvider: CredentialProvider.fromString({ apiKey: globalThis.MOMENTO_API_KEY }),
  defaultTtlSeconds: 60,
});
await client.set('cache', 'key', 'value');
const resp = await client.get('cache', 'key');
switch (resp.type) {
  case 'Hit': console.log(resp.valueString()); break;
  case 'Miss': console.log('miss'); break;
  case 'Error': console.error(resp.errorCode(), resp.message()); break;
}
