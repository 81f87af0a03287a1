// esbuild entry for @gomomento/sdk-web in the browser bench (bundled by bench/lib/chromium-load.mjs into
// target/bench/); named re-exports, since `export *` of a CommonJS package gives an ES module no named exports.
export { CacheClient, Configurations, CredentialProvider } from '@gomomento/sdk-web';
