// Types of the lite package (pkg/lite: ping, get, set, delete — see index.lite.js). scripts/build installs this
// file as pkg/lite/index.d.ts.
import type {
  CacheClientEssentials, CacheClientProps, CallOptions, ScalarCallOptions, WithoutCacheName,
} from './types/common.js';

export * from './types/common.js';
export { RefreshingCredentialProvider } from './types/topics.js';

/** A Momento cache client; methods resolve to response objects (or reject with SdkError under throwOnErrors). */
export declare class CacheClient {
  constructor(props: CacheClientProps);
  static create(props: CacheClientProps): Promise<CacheClient>;
  /** This client bound to one cache: `client.cache('c').get('k')` is `client.get('c', 'k')`. */
  cache(cacheName: string): MomentoCache;
}
/** ping, get, set and delete (declared in types/common.d.ts, shared with the full package). */
export interface CacheClient extends CacheClientEssentials<CallOptions, ScalarCallOptions> {}

/** A `CacheClient` bound to one cache name, as `CacheClient.cache(name)` returns it. */
export type MomentoCache = { [K in 'get' | 'set' | 'delete']: WithoutCacheName<CacheClient[K]> }
  & { readonly cacheName: string; close(): void };

/** Every export as one object: `import momento from 'momento-wasm/lite'`. */
declare const momento: typeof import('./index.js');
export default momento;
