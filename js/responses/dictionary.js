// Response namespaces of the dictionary methods (official @gomomento/sdk-web names and accessors).
import {
  INCREMENTED, LENGTH_VALUE_HIT, SUCCESS, bytesOf, bytesValue, enumOf, namespace, pairViews, str, stringOf,
} from './base.js';

/** `fieldString()`/`fieldUint8Array()`: the field a `dictionaryGetField` response is about (in `_field`). */
const FIELD = {
  /** The field, as a UTF-8 string. */
  fieldString() { return stringOf(this._field); },
  /** The field, as bytes. */
  fieldUint8Array() { return bytesOf(this._field); },
};

/** The Record/Map accessors of `dictionaryFetch` and `dictionaryGetFields` hits, over `this._pairs()`. */
const DICTIONARY_VALUES = /* @__PURE__ */ pairViews('value');

/** `dictionaryFetch` responses: the whole dictionary, or Miss. */
export const CacheDictionaryFetch = /* @__PURE__ */ namespace({
  Hit: {
    ...DICTIONARY_VALUES,
    _pairs() { return this._raw.fields.map((f, i) => [f, this._raw.values[i]]); },
    toString() {
      const shown = this._pairs().slice(0, 5).map(([f, v]) => `${str(f)}: ${str(v)}`);
      return `${this.type}: valueDictionaryStringString: ${shown.join(',')}`;
    },
  },
  Miss: {},
  Error: {},
}, 'CacheDictionaryFetch');

/** `dictionaryGetField` responses: Hit (value and field), Miss (field) or Error (field). */
export const CacheDictionaryGetField = /* @__PURE__ */ namespace({
  Hit: { ...bytesValue(), ...FIELD },
  Miss: FIELD,
  Error: FIELD,
}, 'CacheDictionaryGetField');

/** `dictionaryGetFields` responses: the fields found (accessors skip absent ones) plus per-field `responses`. */
export const CacheDictionaryGetFields = /* @__PURE__ */ namespace({
  Hit: {
    ...DICTIONARY_VALUES,
    _pairs() {
      return this._raw.values.flatMap((v, i) => (v === undefined ? [] : [[bytesOf(this._raw.fields[i]), v]]));
    },
    toString() {
      const shown = this._pairs().map(([f, v]) => `${str(f)}: ${str(v)}`);
      return `${this.type}: valueDictionaryStringString: ${shown.join(', ')}`;
    },
  },
  Miss: {},
  Error: {},
}, 'CacheDictionaryGetFields');
// `responses` is a field in the official class (not a method): one CacheDictionaryGetField Hit/Miss per field.
Object.defineProperty(CacheDictionaryGetFields.Hit.prototype, 'responses', {
  configurable: true,
  get() {
    const responses = this._raw.values.map((value, i) => {
      const r = value === undefined
        ? new CacheDictionaryGetField.Miss({ type: 'Miss' })
        : new CacheDictionaryGetField.Hit({ type: 'Hit', value });
      r._field = this._raw.fields[i];
      return r;
    });
    Object.defineProperty(this, 'responses', { value: responses, writable: true, configurable: true });
    return responses;
  },
});

/** `dictionarySetField` responses. */
export const CacheDictionarySetField = /* @__PURE__ */ namespace({ Success: SUCCESS, Error: {} }, 'CacheDictionarySetField');
/** `dictionarySetFields` responses. */
export const CacheDictionarySetFields = /* @__PURE__ */ namespace({ Success: SUCCESS, Error: {} }, 'CacheDictionarySetFields');
/** `dictionaryRemoveField` responses. */
export const CacheDictionaryRemoveField = /* @__PURE__ */ namespace({ Success: SUCCESS, Error: {} }, 'CacheDictionaryRemoveField');
/** `dictionaryRemoveFields` responses. */
export const CacheDictionaryRemoveFields = /* @__PURE__ */ namespace({ Success: SUCCESS, Error: {} }, 'CacheDictionaryRemoveFields');

/** `dictionaryIncrement` responses: the field's new value. */
export const CacheDictionaryIncrement = /* @__PURE__ */ namespace(INCREMENTED, 'CacheDictionaryIncrement');

/** `dictionaryLength` responses: the number of fields, or Miss. */
export const CacheDictionaryLength = /* @__PURE__ */ namespace({ Hit: LENGTH_VALUE_HIT, Miss: {}, Error: {} }, 'CacheDictionaryLength');

export const CacheDictionaryFetchResponse = /* @__PURE__ */ enumOf(CacheDictionaryFetch);
export const CacheDictionaryGetFieldResponse = /* @__PURE__ */ enumOf(CacheDictionaryGetField);
export const CacheDictionaryGetFieldsResponse = /* @__PURE__ */ enumOf(CacheDictionaryGetFields);
export const CacheDictionarySetFieldResponse = /* @__PURE__ */ enumOf(CacheDictionarySetField);
export const CacheDictionarySetFieldsResponse = /* @__PURE__ */ enumOf(CacheDictionarySetFields);
export const CacheDictionaryRemoveFieldResponse = /* @__PURE__ */ enumOf(CacheDictionaryRemoveField);
export const CacheDictionaryRemoveFieldsResponse = /* @__PURE__ */ enumOf(CacheDictionaryRemoveFields);
export const CacheDictionaryIncrementResponse = /* @__PURE__ */ enumOf(CacheDictionaryIncrement);
export const CacheDictionaryLengthResponse = /* @__PURE__ */ enumOf(CacheDictionaryLength);
