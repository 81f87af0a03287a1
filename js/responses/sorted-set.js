// Response namespaces of the sorted-set methods (official @gomomento/sdk-web names and accessors), plus the
// `SortedSetOrder` and `SortedSetAggregate` enums.
import { LENGTH, SUCCESS, bytesOf, enumOf, namespace, str, stringOf } from './base.js';

/** The order of fetched elements and of ranks (string enum, as officially). */
export const SortedSetOrder = Object.freeze({ Ascending: 'ASC', Descending: 'DESC' });

/** How `sortedSetUnionStore` combines the scores of an element found in several sources (numeric enum with
 * the reverse mapping a TypeScript enum has: `SortedSetAggregate[0] === 'SUM'`). */
export const SortedSetAggregate = Object.freeze({ SUM: 0, MIN: 1, MAX: 2, 0: 'SUM', 1: 'MIN', 2: 'MAX' });

/** No number on `Miss`/`Error` variants: `rank()`, `score()` answer `undefined` there. */
const NO_RANK = { rank() { return undefined; } };
const NO_SCORE = { score() { return undefined; } };

/** `sortedSetFetchByRank` / `sortedSetFetchByScore` responses: `Hit` holds `{value, score}` elements. */
export const CacheSortedSetFetch = /* @__PURE__ */ namespace({
  Hit: {
    /** The elements with byte-array values. */
    valueArrayUint8Elements() { return this._raw.values.map((value, i) => ({ value, score: this._raw.scores[i] })); },
    /** The elements with values decoded as UTF-8 strings. */
    valueArrayStringElements() {
      return this._raw.values.map((value, i) => ({ value: str(value), score: this._raw.scores[i] }));
    },
    /** Alias of `valueArrayStringElements()`. */
    valueArray() { return this.valueArrayStringElements(); },
    /** Alias of `valueArrayStringElements()`. */
    value() { return this.valueArrayStringElements(); },
    toString() {
      const shown = this.valueArrayStringElements().slice(0, 5).map((e) => `${e.value}: ${e.score}`);
      return `${this.type}: valueArrayStringElements: ${shown.join(', ')}`;
    },
  },
  Miss: {},
  Error: {},
}, 'CacheSortedSetFetch');

/** The value a `sortedSetGetScore` response is about (`raw.value` is the caller's argument). */
const scoreValue = {
  /** The element's value as bytes. */
  valueUint8Array() { return bytesOf(this._raw.value); },
  /** The element's value as a string. */
  valueString() { return stringOf(this._raw.value); },
  toString() { return `${this.type}: value: ${this.valueString()}`; },
};

/** `sortedSetGetScore` responses (also the items of `CacheSortedSetGetScores.Hit.responses()`). */
export const CacheSortedSetGetScore = /* @__PURE__ */ namespace({
  Hit: {
    ...scoreValue,
    /** The element's score. */
    score() { return this._raw.score; },
  },
  Miss: { ...scoreValue, ...NO_SCORE },
  Error: NO_SCORE,
}, 'CacheSortedSetGetScore');

/** `sortedSetGetScores` responses: `Hit` holds one score or miss per requested value. */
export const CacheSortedSetGetScores = /* @__PURE__ */ namespace({
  Hit: {
    /** One `CacheSortedSetGetScore` response per requested value, in order. */
    responses() {
      return this._raw.scores.map((score, i) => {
        const value = this._raw.values[i];
        return score === undefined
          ? new CacheSortedSetGetScore.Miss({ type: 'Miss', value })
          : new CacheSortedSetGetScore.Hit({ type: 'Hit', value, score });
      });
    },
    _hits() { return this._raw.scores.flatMap((s, i) => (s === undefined ? [] : [[this._raw.values[i], s]])); },
    /** Scores of the values that are elements, as a `Map<string, number>`. */
    valueMapString() { return new Map(this._hits().map(([v, s]) => [stringOf(v), s])); },
    /** Alias of `valueMapString()`. */
    valueMap() { return this.valueMapString(); },
    /** Scores of the values that are elements, as a `Map<Uint8Array, number>`. */
    valueMapUint8Array() { return new Map(this._hits().map(([v, s]) => [bytesOf(v), s])); },
    /** Scores of the values that are elements, as a `Record<string, number>`. */
    valueRecordString() { return Object.fromEntries(this._hits().map(([v, s]) => [stringOf(v), s])); },
    /** Alias of `valueRecordString()`. */
    valueRecord() { return this.valueRecordString(); },
    /** Alias of `valueRecordString()`. */
    value() { return this.valueRecordString(); },
    toString() {
      return `${this.type}: valueMapString: ${this._hits().map(([v, s]) => `${stringOf(v)}: ${s}`).join(', ')}`;
    },
  },
  Miss: {},
  Error: {},
}, 'CacheSortedSetGetScores');

/** `sortedSetGetRank` responses. */
export const CacheSortedSetGetRank = /* @__PURE__ */ namespace({
  Hit: {
    /** The element's zero-based rank in the requested order. */
    rank() { return this._raw.rank; },
    toString() { return `${this.type}: rank: ${this._raw.rank}`; },
  },
  Miss: NO_RANK,
  Error: NO_RANK,
}, 'CacheSortedSetGetRank');

/** `sortedSetIncrementScore` responses. */
export const CacheSortedSetIncrementScore = /* @__PURE__ */ namespace({
  Success: {
    /** The element's score after the increment. */
    score() { return this._raw.score; },
    toString() { return `${this.type}: value: ${this._raw.score}`; },
  },
  Error: NO_SCORE,
}, 'CacheSortedSetIncrementScore');

/** `sortedSetLength` responses. */
export const CacheSortedSetLength = /* @__PURE__ */ namespace(LENGTH, 'CacheSortedSetLength');
/** `sortedSetLengthByScore` responses (Miss also when no element is scored in the range, as officially). */
export const CacheSortedSetLengthByScore = /* @__PURE__ */ namespace(LENGTH, 'CacheSortedSetLengthByScore');
/** `sortedSetPutElement` responses. */
export const CacheSortedSetPutElement = /* @__PURE__ */ namespace({ Success: SUCCESS, Error: {} }, 'CacheSortedSetPutElement');
/** `sortedSetPutElements` responses. */
export const CacheSortedSetPutElements = /* @__PURE__ */ namespace({ Success: SUCCESS, Error: {} }, 'CacheSortedSetPutElements');
/** `sortedSetRemoveElement` responses. */
export const CacheSortedSetRemoveElement = /* @__PURE__ */ namespace({ Success: SUCCESS, Error: {} }, 'CacheSortedSetRemoveElement');
/** `sortedSetRemoveElements` responses. */
export const CacheSortedSetRemoveElements = /* @__PURE__ */ namespace({ Success: SUCCESS, Error: {} }, 'CacheSortedSetRemoveElements');
/** `sortedSetUnionStore` responses. */
export const CacheSortedSetUnionStore = /* @__PURE__ */ namespace({
  Success: {
    /** The destination's number of elements after the union. */
    length() { return this._raw.length; },
    toString() { return `${this.type}: length ${this._raw.length}`; },
  },
  Error: {},
}, 'CacheSortedSetUnionStore');

export const CacheSortedSetFetchResponse = /* @__PURE__ */ enumOf(CacheSortedSetFetch);
export const CacheSortedSetGetScoreResponse = /* @__PURE__ */ enumOf(CacheSortedSetGetScore);
export const CacheSortedSetGetScoresResponse = /* @__PURE__ */ enumOf(CacheSortedSetGetScores);
export const CacheSortedSetGetRankResponse = /* @__PURE__ */ enumOf(CacheSortedSetGetRank);
export const CacheSortedSetIncrementScoreResponse = /* @__PURE__ */ enumOf(CacheSortedSetIncrementScore);
export const CacheSortedSetLengthResponse = /* @__PURE__ */ enumOf(CacheSortedSetLength);
export const CacheSortedSetLengthByScoreResponse = /* @__PURE__ */ enumOf(CacheSortedSetLengthByScore);
export const CacheSortedSetPutElementResponse = /* @__PURE__ */ enumOf(CacheSortedSetPutElement);
export const CacheSortedSetPutElementsResponse = /* @__PURE__ */ enumOf(CacheSortedSetPutElements);
export const CacheSortedSetRemoveElementResponse = /* @__PURE__ */ enumOf(CacheSortedSetRemoveElement);
export const CacheSortedSetRemoveElementsResponse = /* @__PURE__ */ enumOf(CacheSortedSetRemoveElements);
export const CacheSortedSetUnionStoreResponse = /* @__PURE__ */ enumOf(CacheSortedSetUnionStore);
