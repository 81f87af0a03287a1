// Types of the dictionary methods and responses.

/** dictionary methods of CacheClient. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface DictionaryMethods {}
