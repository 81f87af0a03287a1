// momento-wasm: the public API. A thin facade over the wasm core: it picks defaults, wraps the core's
// tagged results in the official response classes, and applies throwOnErrors. Runtime entries
// (index.browser.js, index.node.js, index.workerd.js, index.edge.js) initialise the wasm and re-export this module.
// The CacheClient itself (call pipeline, ping, get/set/delete) is in client.js, shared with index.lite.js;
// this module mixes in the other families and adds topics, auth and leaderboards.
import { addControlMethods, addMethods } from './client.js';
import * as scalarExtraResponses from './responses/scalar-extra.js';
import * as dictionaryResponses from './responses/dictionary.js';
import * as setResponses from './responses/set.js';
import * as listResponses from './responses/list.js';
import * as sortedSetResponses from './responses/sorted-set.js';
import { controlMethods } from './methods/control.js';
import * as controlResponses from './responses/control.js';
import { scalarExtraMethods } from './methods/scalar-extra.js';
import { dictionaryMethods } from './methods/dictionary.js';
import { listMethods } from './methods/list.js';
import { setMethods } from './methods/set.js';
import { sortedSetMethods } from './methods/sorted-set.js';

export { CacheClient } from './client.js';
export { Configurations, Configuration, CredentialProvider } from './config.js';
export { CollectionTtl } from './collection-ttl.js';
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

// Method families beyond get/set/delete live in js/methods/<family>.js (one file per family).
addControlMethods(controlMethods, controlResponses);
addMethods(scalarExtraMethods, scalarExtraResponses);
addMethods(dictionaryMethods, dictionaryResponses);
addMethods(setMethods, setResponses);
addMethods(listMethods, listResponses);
addMethods(sortedSetMethods, sortedSetResponses);

export { AuthClient, ExpiresIn, AllCaches, AllTopics, AllCacheItems, AllFunctions, CacheRole, TopicRole, FunctionRole, AllDataReadWrite, PermissionScopes, TokenScopes, DisposableTokenScopes } from './auth.js';
export * from './responses/auth.js';
export { PreviewLeaderboardClient, LeaderboardOrder, LeaderboardConfigurations } from './leaderboard.js';
export * from './responses/leaderboard.js';
