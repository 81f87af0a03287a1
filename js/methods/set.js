// CacheClient methods of the set family, mixed into CacheClient.prototype by index.js.
// Each method: this._call(<namespace>, (core) => core.<method>(...args), extra?).

/** set methods of CacheClient. */
export const setMethods = {};
