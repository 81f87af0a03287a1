// CacheClient methods of the list family, mixed into CacheClient.prototype by index.js.
// Each method: this._call(<namespace>, (core) => core.<method>(...args), extra?).

/** list methods of CacheClient. */
export const listMethods = {};
