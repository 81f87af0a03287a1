// A Next.js route handler on the Edge runtime (Vercel Edge Functions): GET /api/cache?key=k reads a key, PUT with a
// text body writes it. Next.js and Vercel resolve momento-wasm's `edge-light` entry, which imports the .wasm with the
// `?module` suffix their bundlers turn into a compiled module (the Edge runtime cannot compile wasm from bytes).
import { CacheClient, Configurations, CredentialProvider } from 'momento-wasm';

export const runtime = 'edge';

const CACHE = 'example-edge';
let client; // reused while the isolate lives

function getClient() {
  client ??= new CacheClient({
    configuration: Configurations.InRegion.Default.latest(),
    credentialProvider: CredentialProvider.fromEnvironmentVariable('MOMENTO_API_KEY'),
    defaultTtlSeconds: 600,
  });
  return client;
}

export async function GET(request) {
  const key = new URL(request.url).searchParams.get('key') ?? '';
  const resp = await getClient().get(CACHE, key);
  switch (resp.type) {
    case 'Hit': return new Response(resp.valueString(), { headers: { 'x-cache': 'Hit' } });
    case 'Miss': return new Response('not found', { status: 404, headers: { 'x-cache': 'Miss' } });
    default: return Response.json({ error: resp.errorCode(), message: resp.message() }, { status: 502 });
  }
}

export async function PUT(request) {
  const key = new URL(request.url).searchParams.get('key') ?? '';
  const c = getClient();
  const value = await request.text();
  let resp = await c.set(CACHE, key, value);
  if (resp.type === 'Error' && resp.errorCode() === 'NOT_FOUND_ERROR') {
    await c.createCache(CACHE); // the first write to a fresh server
    resp = await c.set(CACHE, key, value);
  }
  return resp.type === 'Success'
    ? new Response(null, { status: 204 })
    : Response.json({ error: resp.errorCode(), message: resp.message() }, { status: 400 });
}
