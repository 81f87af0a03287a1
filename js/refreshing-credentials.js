// RefreshingCredentialProvider: credentials fed by an async token function (e.g. the app's own `/token` route
// that mints short-lived disposable tokens), refreshed before they expire. Clients using it switch tokens
// without being rebuilt, de-duplicate concurrent refreshes, and retry a call once when the service says the
// token expired.
import { CredentialProvider } from './config.js';
import { invalidArgument } from './error-results.js';

const nowSeconds = () => Date.now() / 1000;

export class RefreshingCredentialProvider {
  /**
   * @param {{fetchToken: () => Promise<string | {authToken: string}>, refreshBeforeExpirySeconds?: number,
   *   endpointOverrides?: object}} options
   * @returns {Promise<RefreshingCredentialProvider>} once the first token has been fetched
   */
  static async create(options) {
    const p = new RefreshingCredentialProvider(options);
    await p.refresh();
    return p;
  }

  /** Use `create()`, which fetches the first token. */
  constructor(options) {
    const { fetchToken, refreshBeforeExpirySeconds = 30, endpointOverrides } = options instanceof Object ? options : {};
    if (typeof fetchToken !== 'function') throw invalidArgument('fetchToken must be an async function');
    this._fetchToken = fetchToken;
    this._window = refreshBeforeExpirySeconds;
    this._overrides = endpointOverrides;
    this._current = undefined;
    this._inflight = null;
    this._listeners = new Set();
    this._timer = undefined;
    /** How many tokens have been fetched (observability, tests). */
    this.refreshCount = 0;
  }

  /** The current credential provider. */
  get current() { return this._current; }

  /** Refreshes now (concurrent callers share one fetch). */
  refresh() {
    this._inflight ??= (async () => {
      try {
        const got = await this._fetchToken();
        const token = typeof got === 'string' ? got : got?.authToken;
        if (typeof token !== 'string' || !token) throw invalidArgument('fetchToken must resolve to a token string');
        this._current = CredentialProvider.fromString(this._overrides ? { apiKey: token, endpointOverrides: this._overrides } : token);
        this.refreshCount += 1;
        for (const l of this._listeners) l(this._current);
        this._schedule();
        return this._current;
      } finally {
        this._inflight = null;
      }
    })();
    return this._inflight;
  }

  /** Refreshes if the token expires within the refresh window (or is already refreshing). */
  async ensureFresh() {
    if (this._inflight) return this._inflight;
    const exp = this._current?.expiresAt;
    if (this._current === undefined || (exp !== undefined && exp - nowSeconds() <= this._window)) return this.refresh();
    return this._current;
  }

  /** Calls `listener(provider)` after every refresh; returns an unsubscribe function. */
  onRefresh(listener) {
    this._listeners.add(listener);
    this._schedule();
    return () => { this._listeners.delete(listener); if (this._listeners.size === 0) this._clearTimer(); };
  }

  /** Stops proactive refreshing. */
  close() { this._listeners.clear(); this._clearTimer(); }

  _clearTimer() { if (this._timer !== undefined) clearTimeout(this._timer); this._timer = undefined; }

  /** While clients listen, refresh ahead of expiry even when idle (keeps topic reconnects authenticated). */
  _schedule() {
    this._clearTimer();
    const exp = this._current?.expiresAt;
    if (exp === undefined || this._listeners.size === 0) return;
    const remaining = exp - nowSeconds();
    // Refresh `window` seconds ahead of expiry, but never sooner than half the remaining lifetime: a window
    // longer than the token's life must not turn into a refresh loop.
    const ms = Math.max(100, (remaining - this._window) * 1000, remaining * 500);
    this._timer = setTimeout(() => { this.refresh().catch(() => this._schedule()); }, ms);
    this._timer?.unref?.(); // never keeps a Node process alive
  }
}
