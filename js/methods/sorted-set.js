// CacheClient methods of the sorted set family, mixed into CacheClient.prototype by index.js.
// Each method: this._call(<namespace>, (core) => core.<method>(...args), extra?).

/** sorted set methods of CacheClient. */
export const sortedSetMethods = {};
