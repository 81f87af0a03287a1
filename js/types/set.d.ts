// Types of the set methods and responses.

/** set methods of CacheClient. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface SetMethods {}
