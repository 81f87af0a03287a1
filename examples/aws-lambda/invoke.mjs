// Runs the bundle as Lambda's Node runtime does (require the .js from dist/, call `handler(event, context)`), twice:
// the first invocation loads and caches, the second is a cache hit in the same (warm) environment.
import { createRequire } from 'node:module';

const { handler } = createRequire(import.meta.url)('./dist/index.js');
const event = { queryStringParameters: { id: process.argv[2] ?? 'p1' } };
for (let i = 0; i < 2; i++) {
  const started = performance.now();
  const res = await handler(event, {});
  console.log(`${res.statusCode} ${res.headers['x-cache']} ${res.body} (${Math.round(performance.now() - started)} ms)`);
}
process.exit(0); // Lambda freezes the environment instead; a script must end (the client holds a connection)
