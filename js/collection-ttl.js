// CollectionTtl: the TTL of collection writes, with the official @gomomento/sdk-web API.

/** How a collection write sets the collection's TTL. By default: the client's default TTL, refreshed on every
 * write. */
export class CollectionTtl {
  /**
   * @param {number | null} [ttlSeconds] TTL in seconds; `null` = the client's default TTL
   * @param {boolean} [refreshTtl] whether writes to an existing collection reset its TTL
   */
  constructor(ttlSeconds = null, refreshTtl = true) {
    this._ttlSeconds = ttlSeconds;
    this._refreshTtl = refreshTtl;
  }
  /** TTL in seconds, or `null` for the client default. */
  ttlSeconds() { return this._ttlSeconds; }
  /** TTL in milliseconds, or `null` for the client default. */
  ttlMilliseconds() { return this._ttlSeconds === null ? null : this._ttlSeconds * 1000; }
  /** Whether writes to an existing collection reset its TTL. */
  refreshTtl() { return this._refreshTtl; }
  /** The client's default TTL, refreshed on every write. */
  static fromCacheTtl() { return new CollectionTtl(null, true); }
  /** `ttlSeconds`, refreshed on every write. */
  static of(ttlSeconds) { return new CollectionTtl(ttlSeconds, true); }
  /** `ttlSeconds` refreshed on writes if given; otherwise the default TTL, not refreshed. */
  static refreshTtlIfProvided(ttlSeconds) {
    return new CollectionTtl(ttlSeconds ?? null, ttlSeconds !== undefined && ttlSeconds !== null);
  }
  /** A copy that refreshes on writes. */
  withRefreshTtlOnUpdates() { return new CollectionTtl(this._ttlSeconds, true); }
  /** A copy that does not refresh on writes. */
  withNoRefreshTtlOnUpdates() { return new CollectionTtl(this._ttlSeconds, false); }
  toString() { return `ttl: ${this._ttlSeconds}, refreshTtl: ${this._refreshTtl}`; }
}

/** Options for the core: `{ttl: CollectionTtl}` → `{ttlSeconds, refreshTtl}` (other fields kept). */
export function collectionOptions(options) {
  const ttl = options?.ttl;
  if (ttl === undefined || ttl === null) return options;
  if (!(ttl instanceof CollectionTtl)) return { ...options, ttlSeconds: ttl, refreshTtl: true };
  return { ...options, ttl: undefined, ttlSeconds: ttl.ttlSeconds() ?? undefined, refreshTtl: ttl.refreshTtl() };
}
