// Response namespaces of get, set and delete (every build, the lite one too), with the official
// @gomomento/sdk-web names and accessors. The other scalar methods' responses are in scalar-extra.js.
import { SUCCESS, bytesValue, enumOf, namespace } from './base.js';

/** `get` responses. */
export const CacheGet = /* @__PURE__ */ namespace({ Hit: bytesValue(), Miss: {}, Error: {} }, 'CacheGet');
/** `set` responses. */
export const CacheSet = /* @__PURE__ */ namespace({ Success: SUCCESS, Error: {} }, 'CacheSet');
/** `delete` responses. */
export const CacheDelete = /* @__PURE__ */ namespace({ Success: SUCCESS, Error: {} }, 'CacheDelete');

export const CacheGetResponse = /* @__PURE__ */ enumOf(CacheGet);
export const CacheSetResponse = /* @__PURE__ */ enumOf(CacheSet);
export const CacheDeleteResponse = /* @__PURE__ */ enumOf(CacheDelete);
