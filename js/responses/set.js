// Response namespaces of the set methods (official @gomomento/sdk-web names and accessors).
import { LENGTH, SUCCESS, enumOf, namespace, str, stringOf, truncate } from './base.js';

/** Accessors of a Hit holding elements (`raw.elements`, fresh Uint8Arrays): setFetch, setSample, setPop. */
const ELEMENTS = {
  /** The elements as a `Set<string>`. */
  valueSet() { return this.valueSetString(); },
  /** The elements as a `Set<string>`. */
  valueSetString() { return new Set(this._raw.elements.map(str)); },
  /** The elements as a `Set<Uint8Array>`. */
  valueSetUint8Array() { return new Set(this._raw.elements); },
  /** The elements as a `string[]`. */
  value() { return this.valueArrayString(); },
  /** The elements as a `string[]`. */
  valueArray() { return this.valueArrayString(); },
  /** The elements as a `string[]`. */
  valueArrayString() { return this._raw.elements.map(str); },
  /** The elements as a `Uint8Array[]`. */
  valueArrayUint8Array() { return this._raw.elements; },
  toString() {
    const all = [...this.valueSetString()];
    const shown = (all.length > 5 ? [...all.slice(0, 5), '...'] : all).map(truncate);
    return `${this.type}: [${shown.join(',')}]`;
  },
};

/** `setFetch` responses: every element, or Miss. */
export const CacheSetFetch = /* @__PURE__ */ namespace({ Hit: ELEMENTS, Miss: {}, Error: {} }, 'CacheSetFetch');
/** `setSample` responses: up to `limit` distinct random elements, or Miss. */
export const CacheSetSample = /* @__PURE__ */ namespace({ Hit: ELEMENTS, Miss: {}, Error: {} }, 'CacheSetSample');
/** `setPop` responses: the elements removed, or Miss. */
export const CacheSetPop = /* @__PURE__ */ namespace({ Hit: ELEMENTS, Miss: {}, Error: {} }, 'CacheSetPop');

/** The variants of a plural write (`setAddElements`, `setRemoveElements`): `toSingularResponse()` answers the
 * equivalent response of the `singular` namespace. */
const pluralOf = (singular) => ({
  Success: {
    /** The equivalent singular response. */
    toSingularResponse() { return new singular.Success({ type: 'Success' }); },
  },
  Error: {
    /** The equivalent singular response. */
    toSingularResponse() { return new singular.Error(this.innerException()); },
  },
});

/** `setAddElement` responses. */
export const CacheSetAddElement = /* @__PURE__ */ namespace({ Success: SUCCESS, Error: {} }, 'CacheSetAddElement');
/** `setAddElements` responses. */
export const CacheSetAddElements = /* @__PURE__ */ namespace(/* @__PURE__ */ pluralOf(CacheSetAddElement), 'CacheSetAddElements');
/** `setRemoveElement` responses. */
export const CacheSetRemoveElement = /* @__PURE__ */ namespace({ Success: SUCCESS, Error: {} }, 'CacheSetRemoveElement');
/** `setRemoveElements` responses. */
export const CacheSetRemoveElements = /* @__PURE__ */ namespace(/* @__PURE__ */ pluralOf(CacheSetRemoveElement), 'CacheSetRemoveElements');

const noContains = { containsElement() { return undefined; } };
/** `setContainsElement` responses: whether the element is in the set, or Miss (no set). */
export const CacheSetContainsElement = /* @__PURE__ */ namespace({
  Hit: {
    /** Whether the element is in the set. */
    containsElement() { return this._raw.contains[0] === true; },
    toString() { return `${this.type}: Hit - ${this.containsElement() ? 'true' : 'false'}`; },
  },
  Miss: noContains,
  Error: noContains,
}, 'CacheSetContainsElement');

const noContainsAll = { containsElements() { return undefined; } };
/** `setContainsElements` responses: `{element: boolean}` for the elements asked about, or Miss (no set). */
export const CacheSetContainsElements = /* @__PURE__ */ namespace({
  Hit: {
    /** `{element: isPresent}`, elements decoded as UTF-8. */
    containsElements() {
      return Object.fromEntries(this._raw.elements.map((e, i) => [
        stringOf(e), this._raw.contains[i] === true]));
    },
    toString() {
      const shown = Object.entries(this.containsElements()).map(([e, p]) => `${e}: ${p ? 'true' : 'false'}`);
      return `${this.type}: ${truncate(shown.join(', '))}`;
    },
  },
  Miss: noContainsAll,
  Error: noContainsAll,
}, 'CacheSetContainsElements');

/** `setLength` responses: the number of elements, or Miss. */
export const CacheSetLength = /* @__PURE__ */ namespace(LENGTH, 'CacheSetLength');

export const CacheSetFetchResponse = /* @__PURE__ */ enumOf(CacheSetFetch);
export const CacheSetSampleResponse = /* @__PURE__ */ enumOf(CacheSetSample);
export const CacheSetPopResponse = /* @__PURE__ */ enumOf(CacheSetPop);
export const CacheSetAddElementResponse = /* @__PURE__ */ enumOf(CacheSetAddElement);
export const CacheSetAddElementsResponse = /* @__PURE__ */ enumOf(CacheSetAddElements);
export const CacheSetRemoveElementResponse = /* @__PURE__ */ enumOf(CacheSetRemoveElement);
export const CacheSetRemoveElementsResponse = /* @__PURE__ */ enumOf(CacheSetRemoveElements);
export const CacheSetContainsElementResponse = /* @__PURE__ */ enumOf(CacheSetContainsElement);
export const CacheSetContainsElementsResponse = /* @__PURE__ */ enumOf(CacheSetContainsElements);
export const CacheSetLengthResponse = /* @__PURE__ */ enumOf(CacheSetLength);
