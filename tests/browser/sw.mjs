// A module service worker: no window, no DOM — the closest browser stand-in for edge runtimes. Service workers
// forbid top-level await, so this uses the facade plus an explicit init instead of the browser entry.
import init from '/pkg/momento_wasm.js';
import * as sdk from '/pkg/index.js';
import { runSuites } from '/tests/browser/runner.mjs';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));
self.addEventListener('message', (e) => {
  const run = async () => {
    await init({ module_or_path: new URL('/pkg/momento_wasm_bg.wasm', self.location.origin) });
    return runSuites(sdk, e.data.apiKey, 'service-worker');
  };
  e.waitUntil(run().then(
    (results) => e.source.postMessage(results),
    (err) => e.source.postMessage([{ name: 'service worker', ok: false, error: `${err?.stack ?? err}` }]),
  ));
});
