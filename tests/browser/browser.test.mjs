// The shared JS suites in headless Debian Chromium (playwright-core, /usr/bin/chromium), as a page and inside a
// module service worker, against momento-server across origins (CORS). Needs MOMENTO_API_KEY and pkg/web.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startStaticServer, launchChromium } from './serve.mjs';

const apiKey = process.env.MOMENTO_API_KEY;
assert.ok(apiKey, 'MOMENTO_API_KEY must be set (run scripts/test)');

let statics;
let origin;
let browser;
before(async () => {
  statics = await startStaticServer();
  origin = statics.origin;
  browser = await launchChromium();
});
after(async () => { await browser?.close(); await statics?.close(); });

for (const realm of ['page', 'service-worker']) {
  test(`suites in Chromium (${realm})`, async (t) => {
    const page = await browser.newPage();
    const logs = [];
    page.on('console', (m) => logs.push(m.text()));
    await page.goto(`${origin}/tests/browser/harness.html?realm=${realm}&key=${encodeURIComponent(apiKey)}`);
    await page.waitForFunction(() => window.results !== undefined, null, { timeout: 120_000 });
    const results = await page.evaluate(() => window.results);
    await page.close();
    assert.ok(results.length > 20, `expected the suites to run, got ${JSON.stringify(results)} ${logs.join('\n')}`);
    for (const r of results) {
      await t.test(r.name, () => { if (!r.ok) throw new Error(r.error); });
    }
  });
}
