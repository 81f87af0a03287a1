// CacheClient methods of the dictionary family, mixed into CacheClient.prototype by index.js.
// Each method: this._call(<namespace>, (core) => core.<method>(...args), extra?).

/** dictionary methods of CacheClient. */
export const dictionaryMethods = {};
