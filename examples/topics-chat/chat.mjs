// A terminal chat over a Momento topic. Run it in two terminals:
//   MOMENTO_API_KEY=<key> node chat.mjs alice
//   MOMENTO_API_KEY=<key> node chat.mjs bob
// Each line typed is published to topic "room" of cache "example-chat"; every message published there is printed.
// The subscription resumes by itself after a dropped connection; Ctrl-D (end of input) leaves.
import { createInterface } from 'node:readline';
import { CacheClient, Configurations, CredentialProvider, TopicClient, TopicSubscribe } from 'momento-wasm';

const name = process.argv[2] ?? 'anonymous';
const credentialProvider = CredentialProvider.fromEnvironmentVariable('MOMENTO_API_KEY');
const CACHE = 'example-chat';
const TOPIC = 'room';

// Topics live in a cache: create it once (AlreadyExists is fine).
const cache = new CacheClient({ configuration: Configurations.Laptop.latest(), credentialProvider, defaultTtlSeconds: 60 });
const created = await cache.createCache(CACHE);
if (created.type === 'Error') throw created.innerException();
cache.close();

const topics = new TopicClient({ credentialProvider });
const subscription = await topics.subscribe(CACHE, TOPIC, {
  onItem: (item) => console.log(item.valueString()),
  onError: (error) => console.error(`subscription ended: ${error.message()}`),
});
if (!(subscription instanceof TopicSubscribe.Subscription)) {
  console.error(`cannot subscribe: ${subscription.message()}`);
  process.exit(1);
}
console.log(`joined as ${name}`);

const input = createInterface({ input: process.stdin });
for await (const line of input) {
  const sent = await topics.publish(CACHE, TOPIC, `${name}: ${line}`);
  if (sent.type === 'Error') console.error(`not sent: ${sent.message()}`);
}
topics.close(); // ends the subscription; the process exits
