// Types of the sorted set methods and responses.

/** sorted set methods of CacheClient. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface SortedSetMethods {}
