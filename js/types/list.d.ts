// Types of the list methods and responses.

/** list methods of CacheClient. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface ListMethods {}
