// momento-wasm: the public API. A thin facade over the wasm core: it picks defaults, wraps the core's
// tagged results in the official response classes, and applies throwOnErrors (one pipeline for every client:
// pipeline.js). Runtime entries (index.browser.js, index.node.js, index.workerd.js, index.edge.js) initialise the
// wasm and re-export this module. The lite CacheClient (ping/get/set/delete) is in client.js, shared with
// index.lite.js; here it gets every other method family, one class mixin per family (js/methods/*.js).
import { CacheClient as LiteCacheClient } from './client.js';
import { ControlMethods } from './methods/control.js';
import { ScalarExtraMethods } from './methods/scalar-extra.js';
import { DictionaryMethods } from './methods/dictionary.js';
import { ListMethods } from './methods/list.js';
import { SetMethods } from './methods/set.js';
import { SortedSetMethods } from './methods/sorted-set.js';
import { CompressionMethods } from './methods/compression.js';
import * as self from './index.js';
import { Configurations, CredentialProvider } from './config.js';

/** A Momento cache client: control plane, scalars, dictionaries, lists, sets and sorted sets, value compression.
 * Every method resolves to a response object and never rejects, unless the configuration has `throwOnErrors`. */
export class CacheClient extends CompressionMethods(ControlMethods(ScalarExtraMethods(DictionaryMethods(ListMethods(
  SetMethods(SortedSetMethods(LiteCacheClient))))))) {}

/**
 * @deprecated the legacy client of Momento's early guides: `new SimpleCacheClient(authToken, defaultTtlSeconds)`.
 * A `CacheClient` built from the key with the Laptop configuration; use `CacheClient` in new code.
 */
export class SimpleCacheClient extends CacheClient {
  /**
   * @param {string} authToken a Momento API key
   * @param {number} defaultTtlSeconds the TTL of writes that give none
   * @param {{configuration?: import('./config.js').Configuration}} [options]
   */
  constructor(authToken, defaultTtlSeconds, options) {
    super({
      configuration: options?.configuration ?? Configurations.Laptop.latest(),
      credentialProvider: CredentialProvider.fromString({ apiKey: authToken }),
      defaultTtlSeconds,
    });
  }
}

export {
  Configurations, Configuration, CredentialProvider, StringMomentoTokenProvider, EnvMomentoTokenProvider,
  TopicClientConfiguration, LeaderboardClientConfiguration, ReadConcern,
} from './config.js';
export { CollectionTtl } from './collection-ttl.js';
export { CompressionLevel, AutomaticDecompression, CompressorFactory } from './compression.js';
export * from './topics.js';
export * from './logging.js';
export { RefreshingCredentialProvider } from './refreshing-credentials.js';
export * from './errors.js';
export * from './responses/control.js';
export * from './responses/scalar.js';
export * from './responses/scalar-extra.js';
export * from './responses/dictionary.js';
export * from './responses/set.js';
export * from './responses/list.js';
export * from './responses/sorted-set.js';
export * from './responses/webhook.js';
export * from './responses/unsupported.js';
export {
  AuthClient, InternalSuperUserPermissions, ExpiresIn, AllCaches, AllTopics, AllCacheItems, AllFunctions, CacheRole, TopicRole, FunctionRole,
  AllDataReadWrite, PermissionScopes, TokenScopes, DisposableTokenScopes,
} from './auth.js';
export * from './responses/auth.js';
export { PreviewLeaderboardClient, LeaderboardOrder, LeaderboardConfigurations } from './leaderboard.js';
export * from './responses/leaderboard.js';
/** Every export as one object: `import momento from 'momento-wasm'` (as with the official SDK's CommonJS build). */
export default self;
