//! Set methods of `CacheClientCore`. The facade sends the singular official methods through the plural core
//! methods (`setAddElement` → `setAddElements` with one element, and so on), as the official SDKs do on the wire.
//! Every method funnels into one non-generic helper, so the bundle carries one call site.

use js_sys::{Array, Object};
use wasm_bindgen::prelude::*;

use super::cache_client::{prepare, CacheClientCore, PendingCall};
use super::convert::{
    self, into_js, methods, uint8_array_list, BytesArray, CallOptions, CollectionOptions, Num, Text,
};
use crate::core::cache::length::SetLengthRequest;
use crate::core::cache::remove::{SetDifferenceRequest, SetDifferenceResponse};
use crate::core::cache::set::contains::{SetContainsRequest, SetContainsResponse};
use crate::core::cache::set::draw::{SetPopRequest, SetSampleRequest};
use crate::core::cache::set::fetch::SetFetchRequest;
use crate::core::cache::set::union::{SetUnionRequest, SetUnionResponse};
use crate::core::cache::set::SetElementsResponse;

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

methods! {
    CacheClientCore {
        #[doc = " Reads a whole set: `{type: 'Hit', elements: Uint8Array[]}` or `{type: 'Miss'}`."]
        fn set_fetch as setFetch(&self, cacheName: Text, setName: Text; options: CallOptions) {
            self.set_call(Op::Fetch, cacheName, setName, JsValue::UNDEFINED, options)
        }

        #[doc = " Adds elements: `{type: 'Success'}`. `options.ttlSeconds` (default: the client's TTL) and"]
        #[doc = " `options.refreshTtl` (default true) come from the facade's `CollectionTtl`."]
        fn set_add_elements as setAddElements(&self, cacheName: Text, setName: Text, elements: BytesArray; options: CollectionOptions) {
            self.set_call(Op::Add, cacheName, setName, elements.into(), options)
        }

        #[doc = " Removes elements (absent ones and sets are fine): `{type: 'Success'}`."]
        fn set_remove_elements as setRemoveElements(&self, cacheName: Text, setName: Text, elements: BytesArray; options: CallOptions) {
            self.set_call(Op::Remove, cacheName, setName, elements.into(), options)
        }

        #[doc = " Which elements are in the set: `{type: 'Hit', contains: boolean[]}` in element order or `{type: 'Miss'}`."]
        fn set_contains_elements as setContainsElements(&self, cacheName: Text, setName: Text, elements: BytesArray; options: CallOptions) {
            self.set_call(Op::Contains, cacheName, setName, elements.into(), options)
        }

        #[doc = " Up to `limit` (an integer >= 0) distinct random elements: `{type: 'Hit', elements}` or `{type: 'Miss'}`."]
        fn set_sample as setSample(&self, cacheName: Text, setName: Text, limit: Num; options: CallOptions) {
            self.set_call(Op::Sample(limit.into()), cacheName, setName, JsValue::UNDEFINED, options)
        }

        #[doc = " Removes and returns up to `count` (an integer >= 1) random elements: `{type: 'Hit', elements}` or"]
        #[doc = " `{type: 'Miss'}`. Never retried."]
        fn set_pop as setPop(&self, cacheName: Text, setName: Text, count: Num; options: CallOptions) {
            self.set_call(Op::Pop(count.into()), cacheName, setName, JsValue::UNDEFINED, options)
        }

        #[doc = " The number of elements: `{type: 'Hit', length}` or `{type: 'Miss'}`."]
        fn set_length as setLength(&self, cacheName: Text, setName: Text; options: CallOptions) {
            self.set_call(Op::Length, cacheName, setName, JsValue::UNDEFINED, options)
        }
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
    SetUnionResponse { _ => "Success" }
    SetDifferenceResponse { _ => "Success" }
}
