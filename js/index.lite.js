// momento-wasm lite: the public API of the lite package (pkg/lite, wasm built with --no-default-features):
// CacheClient with ping, get, set and delete only — no control plane, other scalar methods, collections, topics,
// auth or leaderboards, whose wasm code the lite build leaves out (a get/set app downloads what it uses).
// scripts/build installs this file as pkg/lite/index.js (and index.lite.d.ts as index.d.ts), so the runtime
// entries (index.browser.js, index.node.js, index.workerd.js, index.edge.js) work unchanged.
export { CacheClient } from './client.js';
export {
  Configurations, Configuration, CredentialProvider, StringMomentoTokenProvider, EnvMomentoTokenProvider, ReadConcern,
} from './config.js';
export * from './logging.js';
export { RefreshingCredentialProvider } from './refreshing-credentials.js';
export * from './errors.js';
export * from './responses/control.js';
export * from './responses/scalar.js';
// In pkg/lite this file is index.js: the default export is this module's namespace, as in the full package.
import * as self from './index.js';
/** Every export as one object: `import momento from 'momento-wasm/lite'`. */
export default self;
