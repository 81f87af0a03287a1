// PreviewLeaderboardClient and its leaderboard objects (`client.leaderboard(cacheName, name)`), with the official
// @gomomento/sdk-web API: upsert, fetchByScore, fetchByRank, getRank, length, removeElements, delete.
import { LeaderboardClientCore } from './momento_wasm.js';
import { LeaderboardClientConfiguration, presetClass } from './config.js';
import { PRESETS } from './presets.js';
import { invalidArgument } from './error-results.js';
import { ClientBase, runtimeVersion } from './pipeline.js';
import * as lb from './responses/leaderboard.js';

/** Ranking order: `Ascending` (rank 0 = lowest score, the default) or `Descending` (rank 0 = highest). */
export const LeaderboardOrder = Object.freeze({ Ascending: 'ASC', Descending: 'DESC' });

/** Configuration presets of the leaderboard client. */
export const LeaderboardConfigurations = Object.freeze({
  /** Development machines: 5 s deadline. */
  Laptop: presetClass(LeaderboardClientConfiguration, 'Laptop', PRESETS.Laptop),
});

/** `Record<id, score> | Map<id, score>` → flat `(id, score)` pairs for the core. */
function idScorePairs(elements) {
  const entries = elements instanceof Map ? [...elements] : Object.entries(elements ?? {});
  const flat = new Float64Array(entries.length * 2);
  entries.forEach(([id, score], i) => {
    flat[2 * i] = Number(id);
    flat[2 * i + 1] = score;
  });
  return flat;
}

/** An array or typed array of ids as the core's Float64Array (anything else goes to the core to be rejected). */
const idList = (ids) => (Array.isArray(ids) || ArrayBuffer.isView(ids) ? Float64Array.from(ids) : ids);

/**
 * PREVIEW leaderboard client. `leaderboard(cacheName, name)` returns the object with the methods; they resolve to
 * response objects and never reject, unless the configuration has `throwOnErrors`.
 */
export class PreviewLeaderboardClient extends ClientBase {
  /**
   * @param {{configuration?: LeaderboardClientConfiguration, credentialProvider?: object}} [props] configuration
   *   defaults to `LeaderboardConfigurations.Laptop.latest()`, credentialProvider to MOMENTO_API_KEY.
   */
  constructor(props) {
    const version = runtimeVersion();
    super(props, LeaderboardConfigurations.Laptop.latest, 'PreviewLeaderboardClient',
      (configuration, credentials, transport) => new LeaderboardClientCore(configuration, credentials, version, transport));
  }

  /**
   * The leaderboard `leaderboardName` in cache `cacheName` (created by its first upsert). Throws
   * InvalidArgumentError if either name is empty, as the official SDK does.
   */
  leaderboard(cacheName, leaderboardName) {
    const blank = (s) => typeof s !== 'string' || !s.trim();
    if (blank(cacheName) || blank(leaderboardName)) {
      throw invalidArgument('cache name and leaderboard name must not be empty strings');
    }
    return new Leaderboard(this, cacheName, leaderboardName);
  }
}

/** One leaderboard (from `PreviewLeaderboardClient.leaderboard`). Element ids are integers 0..2^32-1. */
class Leaderboard {
  constructor(client, cacheName, leaderboardName) {
    this._client = client;
    this._cacheName = cacheName;
    this._leaderboardName = leaderboardName;
  }

  _call(ns, run) { return this._client._call(ns, this._cacheName, (c) => run(c, this._cacheName, this._leaderboardName)); }

  /** Inserts elements or updates their scores (`Record<id, score> | Map<id, score>`, ≤ 8192): `LeaderboardUpsert`. */
  upsert(elements) {
    return this._call(lb.LeaderboardUpsert, (c, cache, name) => c.upsert(cache, name, idScorePairs(elements)));
  }

  /**
   * Elements with `minScore <= score < maxScore`: `LeaderboardFetch`. Options: `{minScore, maxScore, order,
   * offset (default 0), count (default and max 8192)}`.
   */
  fetchByScore(options) {
    return this._call(lb.LeaderboardFetch, (c, cache, name) => c.fetchByScore(cache, name, options));
  }

  /** Elements at ranks `startRank..endRank` (end exclusive, ≤ 8192 ranks): `LeaderboardFetch`. Options: `{order}`. */
  fetchByRank(startRank, endRank, options) {
    return this._call(lb.LeaderboardFetch, (c, cache, name) => c.fetchByRank(cache, name, startRank, endRank, options));
  }

  /** The given elements with their ranks (unknown ids are left out): `LeaderboardFetch`. Options: `{order}`. */
  getRank(ids, options) {
    return this._call(lb.LeaderboardFetch, (c, cache, name) => c.getRank(cache, name, idList(ids), options));
  }

  /** The number of elements: `LeaderboardLength`. */
  length() {
    return this._call(lb.LeaderboardLength, (c, cache, name) => c.length(cache, name));
  }

  /** Removes elements by id (≤ 8192): `LeaderboardRemoveElements`. */
  removeElements(ids) {
    return this._call(lb.LeaderboardRemoveElements, (c, cache, name) => c.removeElements(cache, name, idList(ids)));
  }

  /** Deletes the leaderboard: `LeaderboardDelete`. */
  delete() {
    return this._call(lb.LeaderboardDelete, (c, cache, name) => c.delete(cache, name));
  }
}
