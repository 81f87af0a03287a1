//! Set methods of `CacheClientCore`. The facade sends the singular official methods through the plural core
//! methods (`setAddElement` → `setAddElements` with one element, and so on), as the official SDKs do on the wire.
//! Every method funnels into one non-generic helper, so the bundle carries one call site.

use js_sys::{Array, Object};
use wasm_bindgen::prelude::*;

use super::cache_client::{prepare, CacheClientCore, PendingCall};
use super::convert::{
    self, into_js, uint8_array_list, BytesArray, CallOptions, CollectionOptions, Num, Text,
};
use crate::core::cache::sets::contains::{SetContainsRequest, SetContainsResponse};
use crate::core::cache::sets::difference::{SetDifferenceRequest, SetDifferenceResponse};
use crate::core::cache::sets::fetch::SetFetchRequest;
use crate::core::cache::sets::length::{SetLengthRequest, SetLengthResponse};
use crate::core::cache::sets::pop::SetPopRequest;
use crate::core::cache::sets::sample::SetSampleRequest;
use crate::core::cache::sets::union::{SetUnionRequest, SetUnionResponse};
use crate::core::cache::sets::SetElementsResponse;

/// Which set RPC a call makes; `elements` of [`CacheClientCore::set_call`] is used by the last three.
enum Op {
    /// `SetFetch`.
    Fetch,
    /// `SetLength`.
    Length,
    /// `SetSample` with this limit.
    Sample(JsValue),
    /// `SetPop` with this count.
    Pop(JsValue),
    /// `SetUnion` of `elements`.
    Add,
    /// `SetDifference` minus `elements`.
    Remove,
    /// `SetContains` for each of `elements`.
    Contains,
}

impl CacheClientCore {
    /// Shared by every set method (non-generic on purpose: one copy in the bundle).
    #[inline(never)]
    fn set_call(
        &self,
        op: Op,
        cache_name: Text,
        set_name: Text,
        elements: JsValue,
        options: Option<Object>,
    ) -> PendingCall {
        self.start(&options, || {
            let cache_name = convert::text(&cache_name, "cache name")?;
            let set_name = convert::text(&set_name, "set name")?;
            Ok(match op {
                Op::Fetch => prepare(SetFetchRequest::new(cache_name, set_name)?),
                Op::Length => prepare(SetLengthRequest::new(cache_name, set_name)?),
                Op::Sample(limit) => prepare(SetSampleRequest::new(
                    cache_name,
                    set_name,
                    convert::number(&limit, "limit")?,
                )?),
                Op::Pop(count) => prepare(SetPopRequest::new(
                    cache_name,
                    set_name,
                    convert::number(&count, "count")?,
                )?),
                Op::Add => prepare(SetUnionRequest::new(
                    cache_name,
                    set_name,
                    convert::bytes_list(&elements, "elements")?,
                    convert::collection_ttl(&options, self.default_ttl_ms)?,
                )?),
                Op::Remove => prepare(SetDifferenceRequest::new(
                    cache_name,
                    set_name,
                    convert::bytes_list(&elements, "elements")?,
                )?),
                Op::Contains => prepare(SetContainsRequest::new(
                    cache_name,
                    set_name,
                    convert::bytes_list(&elements, "elements")?,
                )?),
            })
        })
    }
}

#[wasm_bindgen]
impl CacheClientCore {
    /// Reads a whole set: `{type: 'Hit', elements: Uint8Array[]}` or `{type: 'Miss'}`.
    #[wasm_bindgen(js_name = setFetch)]
    pub fn set_fetch(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        #[wasm_bindgen(js_name = setName)] set_name: Text,
        options: Option<CallOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        self.set_call(Op::Fetch, cache_name, set_name, JsValue::UNDEFINED, options)
    }

    /// Adds elements: `{type: 'Success'}`. `options.ttlSeconds` (default: the client's TTL) and
    /// `options.refreshTtl` (default true) come from the facade's `CollectionTtl`.
    #[wasm_bindgen(js_name = setAddElements)]
    pub fn set_add_elements(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        #[wasm_bindgen(js_name = setName)] set_name: Text,
        elements: BytesArray,
        options: Option<CollectionOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        self.set_call(Op::Add, cache_name, set_name, elements.into(), options)
    }

    /// Removes elements (absent ones and sets are fine): `{type: 'Success'}`.
    #[wasm_bindgen(js_name = setRemoveElements)]
    pub fn set_remove_elements(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        #[wasm_bindgen(js_name = setName)] set_name: Text,
        elements: BytesArray,
        options: Option<CallOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        self.set_call(Op::Remove, cache_name, set_name, elements.into(), options)
    }

    /// Which elements are in the set: `{type: 'Hit', contains: boolean[]}` in element order or `{type: 'Miss'}`.
    #[wasm_bindgen(js_name = setContainsElements)]
    pub fn set_contains_elements(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        #[wasm_bindgen(js_name = setName)] set_name: Text,
        elements: BytesArray,
        options: Option<CallOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        self.set_call(Op::Contains, cache_name, set_name, elements.into(), options)
    }

    /// Up to `limit` (an integer >= 0) distinct random elements: `{type: 'Hit', elements}` or `{type: 'Miss'}`.
    #[wasm_bindgen(js_name = setSample)]
    pub fn set_sample(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        #[wasm_bindgen(js_name = setName)] set_name: Text,
        limit: Num,
        options: Option<CallOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        self.set_call(
            Op::Sample(limit.into()),
            cache_name,
            set_name,
            JsValue::UNDEFINED,
            options,
        )
    }

    /// Removes and returns up to `count` (an integer >= 1) random elements: `{type: 'Hit', elements}` or
    /// `{type: 'Miss'}`. Never retried.
    #[wasm_bindgen(js_name = setPop)]
    pub fn set_pop(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        #[wasm_bindgen(js_name = setName)] set_name: Text,
        count: Num,
        options: Option<CallOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        self.set_call(
            Op::Pop(count.into()),
            cache_name,
            set_name,
            JsValue::UNDEFINED,
            options,
        )
    }

    /// The number of elements: `{type: 'Hit', length}` or `{type: 'Miss'}`.
    #[wasm_bindgen(js_name = setLength)]
    pub fn set_length(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        #[wasm_bindgen(js_name = setName)] set_name: Text,
        options: Option<CallOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        self.set_call(
            Op::Length,
            cache_name,
            set_name,
            JsValue::UNDEFINED,
            options,
        )
    }
}

into_js! {
    SetElementsResponse {
        SetElementsResponse::Hit { elements } => "Hit" { "elements": uint8_array_list(&elements) },
        SetElementsResponse::Miss => "Miss",
    }
    SetContainsResponse {
        SetContainsResponse::Hit { contains } => "Hit" {
            "contains": contains.into_iter().map(JsValue::from).collect::<Array>(),
        },
        SetContainsResponse::Miss => "Miss",
    }
    SetLengthResponse {
        SetLengthResponse::Hit { length } => "Hit" { "length": length },
        SetLengthResponse::Miss => "Miss",
    }
    SetUnionResponse { _ => "Success" }
    SetDifferenceResponse { _ => "Success" }
}
