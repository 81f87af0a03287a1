// Response namespaces of the leaderboard methods, with the official @gomomento/sdk-web names and accessors.
import { SUCCESS, enumOf, namespace } from './base.js';

/** `upsert` responses. */
export const LeaderboardUpsert = /* @__PURE__ */ namespace({ Success: SUCCESS, Error: {} }, 'LeaderboardUpsert');
/** `fetchByScore`, `fetchByRank` and `getRank` responses: `Success.values()` is `{id, score, rank}[]`. */
export const LeaderboardFetch = /* @__PURE__ */ namespace({
  Success: {
    /** The elements in order, each `{id, score, rank}` (rank 0-based in the requested order). */
    values() {
      const e = this._raw.elements;
      const out = new Array(e.length / 3);
      for (let i = 0; i < out.length; i += 1) out[i] = { id: e[3 * i], score: e[3 * i + 1], rank: e[3 * i + 2] };
      return out;
    },
    toString() { return `Success: ${this._raw.elements.length / 3} elements`; },
  },
  Error: {},
}, 'LeaderboardFetch');
/** `length` responses: `Success.length()` is the number of elements. */
export const LeaderboardLength = /* @__PURE__ */ namespace({
  Success: {
    /** The number of elements. */
    length() { return this._raw.length; },
    toString() { return `Success: length ${this._raw.length}`; },
  },
  Error: {},
}, 'LeaderboardLength');
/** `removeElements` responses. */
export const LeaderboardRemoveElements = /* @__PURE__ */ namespace({ Success: SUCCESS, Error: {} }, 'LeaderboardRemoveElements');
/** `delete` responses. */
export const LeaderboardDelete = /* @__PURE__ */ namespace({ Success: SUCCESS, Error: {} }, 'LeaderboardDelete');

export const LeaderboardUpsertResponse = /* @__PURE__ */ enumOf(LeaderboardUpsert);
export const LeaderboardFetchResponse = /* @__PURE__ */ enumOf(LeaderboardFetch);
export const LeaderboardLengthResponse = /* @__PURE__ */ enumOf(LeaderboardLength);
export const LeaderboardRemoveElementsResponse = /* @__PURE__ */ enumOf(LeaderboardRemoveElements);
export const LeaderboardDeleteResponse = /* @__PURE__ */ enumOf(LeaderboardDelete);
