// Response namespaces of the list methods (official @gomomento/sdk-web names and accessors).
import { LENGTH_VALUE_HIT, SUCCESS, bytesValue, enumOf, namespace, str, truncate } from './base.js';

/** `Success` of the writes that answer the list's new length. */
const LENGTH_SUCCESS = {
  /** The list's length after the write (after any truncation). */
  listLength() { return this._raw.listLength; },
  toString() { return `${this.type}: listLength: ${this._raw.listLength}`; },
};

/** `listFetch` responses: `Hit` holds the elements in list order. */
export const CacheListFetch = /* @__PURE__ */ namespace({
  Hit: {
    /** The elements as byte arrays. */
    valueListUint8Array() { return this._raw.values; },
    /** The elements decoded as UTF-8 strings. */
    valueListString() { return this._raw.values.map(str); },
    /** Alias of `valueListString()`. */
    valueList() { return this.valueListString(); },
    /** Alias of `valueListString()`. */
    value() { return this.valueListString(); },
    toString() {
      const shown = this.valueListString();
      const head = shown.length > 5 ? [...shown.slice(0, 5), '...'] : shown;
      return `${this.type}: [${head.map(truncate).toString()}]`;
    },
  },
  Miss: {},
  Error: {},
}, 'CacheListFetch');
/** `listLength` responses. */
export const CacheListLength = /* @__PURE__ */ namespace({ Hit: LENGTH_VALUE_HIT, Miss: {}, Error: {} }, 'CacheListLength');
/** `listPopFront` responses: `Hit` holds the removed first element. */
export const CacheListPopFront = /* @__PURE__ */ namespace({ Hit: bytesValue(), Miss: {}, Error: {} }, 'CacheListPopFront');
/** `listPopBack` responses: `Hit` holds the removed last element. */
export const CacheListPopBack = /* @__PURE__ */ namespace({ Hit: bytesValue(), Miss: {}, Error: {} }, 'CacheListPopBack');
/** `listPushFront` responses. */
export const CacheListPushFront = /* @__PURE__ */ namespace({ Success: LENGTH_SUCCESS, Error: {} }, 'CacheListPushFront');
/** `listPushBack` responses. */
export const CacheListPushBack = /* @__PURE__ */ namespace({ Success: LENGTH_SUCCESS, Error: {} }, 'CacheListPushBack');
/** `listConcatenateFront` responses. */
export const CacheListConcatenateFront = /* @__PURE__ */ namespace({ Success: LENGTH_SUCCESS, Error: {} }, 'CacheListConcatenateFront');
/** `listConcatenateBack` responses. */
export const CacheListConcatenateBack = /* @__PURE__ */ namespace({ Success: LENGTH_SUCCESS, Error: {} }, 'CacheListConcatenateBack');
/** `listRemoveValue` responses. */
export const CacheListRemoveValue = /* @__PURE__ */ namespace({ Success: SUCCESS, Error: {} }, 'CacheListRemoveValue');
/** `listRetain` responses. */
export const CacheListRetain = /* @__PURE__ */ namespace({ Success: SUCCESS, Error: {} }, 'CacheListRetain');

export const CacheListFetchResponse = /* @__PURE__ */ enumOf(CacheListFetch);
export const CacheListLengthResponse = /* @__PURE__ */ enumOf(CacheListLength);
export const CacheListPopFrontResponse = /* @__PURE__ */ enumOf(CacheListPopFront);
export const CacheListPopBackResponse = /* @__PURE__ */ enumOf(CacheListPopBack);
export const CacheListPushFrontResponse = /* @__PURE__ */ enumOf(CacheListPushFront);
export const CacheListPushBackResponse = /* @__PURE__ */ enumOf(CacheListPushBack);
export const CacheListConcatenateFrontResponse = /* @__PURE__ */ enumOf(CacheListConcatenateFront);
export const CacheListConcatenateBackResponse = /* @__PURE__ */ enumOf(CacheListConcatenateBack);
export const CacheListRemoveValueResponse = /* @__PURE__ */ enumOf(CacheListRemoveValue);
export const CacheListRetainResponse = /* @__PURE__ */ enumOf(CacheListRetain);
