//! Dictionary methods of `CacheClientCore`. The facade sends the singular official methods through the plural
//! core methods (`dictionaryGetField` → `dictionaryGetFields` with one field, and so on), as the official SDKs
//! do on the wire. Every method funnels into one non-generic helper, so the bundle carries one call site.

use js_sys::{Array, Object};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::cache_client::{prepare, CacheClientCore, PendingCall};
use super::convert::{
    self, into_js, methods, uint8_array_list, Bytes, BytesArray, CallOptions, CollectionOptions,
    FieldValuePairs, Num, Text,
};
use crate::core::cache::dictionary::fetch::{DictionaryFetchRequest, DictionaryFetchResponse};
use crate::core::cache::dictionary::get::{DictionaryGetRequest, DictionaryGetResponse};
use crate::core::cache::dictionary::increment::{
    DictionaryIncrementRequest, DictionaryIncrementResponse,
};
use crate::core::cache::dictionary::set::{DictionarySetRequest, DictionarySetResponse};
use crate::core::cache::dictionary::FieldValue;
use crate::core::cache::length::{DictionaryLengthRequest, LengthResponse};
use crate::core::cache::remove::{DictionaryDeleteRequest, DictionaryDeleteResponse};
use crate::core::error::MomentoError;

/// Which dictionary RPC a call makes; `arg` of [`CacheClientCore::dictionary_call`] depends on it.
enum Op {
    /// `DictionaryFetch` (no `arg`).
    Fetch,
    /// `DictionaryLength` (no `arg`).
    Length,
    /// `DictionaryGet`; `arg` is the fields array.
    Get,
    /// `DictionaryDelete`; `arg` is the fields array.
    Remove,
    /// `DictionarySet`; `arg` is the `[field, value][]` array.
    Set,
    /// `DictionaryIncrement` by this amount; `arg` is the field.
    Increment(JsValue),
}

impl CacheClientCore {
    /// Shared by every dictionary method (non-generic on purpose: one copy in the bundle).
    #[inline(never)]
    fn dictionary_call(
        &self,
        op: Op,
        cache_name: Text,
        dictionary_name: Text,
        arg: JsValue,
        options: Option<Object>,
    ) -> PendingCall {
        self.start(&options, || {
            let cache_name = convert::text(&cache_name, "cache name")?;
            let dictionary_name = convert::text(&dictionary_name, "dictionary name")?;
            Ok(match op {
                Op::Fetch => prepare(DictionaryFetchRequest::new(cache_name, dictionary_name)?),
                Op::Length => prepare(DictionaryLengthRequest::new(cache_name, dictionary_name)?),
                Op::Get => prepare(DictionaryGetRequest::new(
                    cache_name,
                    dictionary_name,
                    convert::bytes_list(&arg, "fields")?,
                )?),
                Op::Remove => prepare(DictionaryDeleteRequest::new(
                    cache_name,
                    dictionary_name,
                    convert::bytes_list(&arg, "fields")?,
                )?),
                Op::Set => prepare(DictionarySetRequest::new(
                    cache_name,
                    dictionary_name,
                    field_value_pairs(&arg)?,
                    convert::collection_ttl(&options, self.default_ttl_ms)?,
                )?),
                Op::Increment(amount) => prepare(DictionaryIncrementRequest::new(
                    cache_name,
                    dictionary_name,
                    convert::bytes(&arg, "field")?,
                    convert::number(&amount, "amount")?,
                    convert::collection_ttl(&options, self.default_ttl_ms)?,
                )?),
            })
        })
    }
}

/// `[field, value][]` (fields and values `string | Uint8Array`) → byte pairs.
fn field_value_pairs(items: &JsValue) -> Result<Vec<FieldValue>, MomentoError> {
    let array = items.dyn_ref::<Array>().ok_or_else(|| {
        MomentoError::invalid_argument("elements must be a Map, a Record or an array of pairs")
    })?;
    array
        .iter()
        .map(|entry| {
            let pair: Array = entry.dyn_into().map_err(|_| {
                MomentoError::invalid_argument("each element must be a [field, value] pair")
            })?;
            Ok((
                convert::bytes(&pair.get(0), "field")?,
                convert::bytes(&pair.get(1), "value")?,
            ))
        })
        .collect()
}

methods! {
    CacheClientCore {
        #[doc = " Stores `[field, value]` pairs: `{type: 'Success'}`. `options.ttlSeconds` (default: the client's TTL) and"]
        #[doc = " `options.refreshTtl` (default true) come from the facade's `CollectionTtl`."]
        fn dictionary_set_fields as dictionarySetFields(&self, cacheName: Text, dictionaryName: Text, items: FieldValuePairs; options: CollectionOptions) {
            self.dictionary_call(Op::Set, cacheName, dictionaryName, items.into(), options)
        }

        #[doc = " Reads a whole dictionary: `{type: 'Hit', fields: Uint8Array[], values: Uint8Array[]}` (pairs by index) or"]
        #[doc = " `{type: 'Miss'}`."]
        fn dictionary_fetch as dictionaryFetch(&self, cacheName: Text, dictionaryName: Text; options: CallOptions) {
            self.dictionary_call(Op::Fetch, cacheName, dictionaryName, JsValue::UNDEFINED, options)
        }

        #[doc = " Reads some fields: `{type: 'Hit', values: (Uint8Array | undefined)[]}` in field order (`undefined` = the"]
        #[doc = " field is absent) or `{type: 'Miss'}` (no dictionary)."]
        fn dictionary_get_fields as dictionaryGetFields(&self, cacheName: Text, dictionaryName: Text, fields: BytesArray; options: CallOptions) {
            self.dictionary_call(Op::Get, cacheName, dictionaryName, fields.into(), options)
        }

        #[doc = " Adds `amount` (a safe integer) to the integer at `field` (absent = 0): `{type: 'Success', value}`. Never"]
        #[doc = " retried."]
        fn dictionary_increment as dictionaryIncrement(&self, cacheName: Text, dictionaryName: Text, field: Bytes, amount: Num; options: CollectionOptions) {
            self.dictionary_call(Op::Increment(amount.into()), cacheName, dictionaryName, field.into(), options)
        }

        #[doc = " Removes fields (absent ones and dictionaries are fine): `{type: 'Success'}`."]
        fn dictionary_remove_fields as dictionaryRemoveFields(&self, cacheName: Text, dictionaryName: Text, fields: BytesArray; options: CallOptions) {
            self.dictionary_call(Op::Remove, cacheName, dictionaryName, fields.into(), options)
        }

        #[doc = " The number of fields: `{type: 'Hit', length}` or `{type: 'Miss'}`."]
        fn dictionary_length as dictionaryLength(&self, cacheName: Text, dictionaryName: Text; options: CallOptions) {
            self.dictionary_call(Op::Length, cacheName, dictionaryName, JsValue::UNDEFINED, options)
        }
    }
}

into_js! {
    DictionaryFetchResponse {
        DictionaryFetchResponse::Hit { items } => "Hit" {
            "fields": uint8_array_list(items.iter().map(|(f, _)| f)),
            "values": uint8_array_list(items.iter().map(|(_, v)| v)),
        },
        DictionaryFetchResponse::Miss => "Miss",
    }
    DictionaryGetResponse {
        DictionaryGetResponse::Hit { values } => "Hit" {
            "values": values
                .iter()
                .map(|v| v.as_deref().map_or(JsValue::UNDEFINED, convert::uint8))
                .collect::<Array>(),
        },
        DictionaryGetResponse::Miss => "Miss",
    }
    DictionarySetResponse { _ => "Success" }
    DictionaryDeleteResponse { _ => "Success" }
    DictionaryIncrementResponse {
        DictionaryIncrementResponse::Success { value } => "Success" { "value": value as f64 },
    }
    LengthResponse {
        LengthResponse::Hit { length } => "Hit" { "length": length },
        LengthResponse::Miss => "Miss",
    }
}
