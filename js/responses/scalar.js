// Response namespaces of get, set and delete (every build, the lite one too), with the official
// @gomomento/sdk-web names and accessors. The other scalar methods' responses are in scalar-extra.js.
import { SUCCESS, bytesValue, enumOf, namespace } from './base.js';

/** `get` responses. */
export const CacheGet = namespace({ Hit: bytesValue(), Miss: {}, Error: {} });
/** `set` responses. */
export const CacheSet = namespace({ Success: SUCCESS, Error: {} });
/** `delete` responses. */
export const CacheDelete = namespace({ Success: SUCCESS, Error: {} });

export const CacheGetResponse = enumOf(CacheGet);
export const CacheSetResponse = enumOf(CacheSet);
export const CacheDeleteResponse = enumOf(CacheDelete);
