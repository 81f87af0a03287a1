//! List methods of `CacheClientCore`. Every method funnels into one non-generic helper
//! ([`CacheClientCore::list_call`]), so the bundle carries one call site for the family. Options arrive already
//! normalized by the facade: a `CollectionTtl` becomes `ttlSeconds` + `refreshTtl`.

use js_sys::Object;
use wasm_bindgen::prelude::*;

use super::cache_client::{prepare, CacheClientCore, PendingCall};
use super::convert::{
    self, into_js, methods, uint8, uint8_array_list, Bytes, BytesArray, CallOptions,
    PushBackOptions, PushFrontOptions, RetainOptions, SliceOptions, Text,
};
use crate::core::cache::length::ListLengthRequest;
use crate::core::cache::list::concatenate::{
    ListConcatenateBackRequest, ListConcatenateFrontRequest, ListConcatenateResponse,
};
use crate::core::cache::list::fetch::{ListFetchRequest, ListFetchResponse};
use crate::core::cache::list::pop::{ListPopBackRequest, ListPopFrontRequest, ListPopResponse};
use crate::core::cache::list::push::{ListPushBackRequest, ListPushFrontRequest, ListPushResponse};
use crate::core::cache::list::remove_value::{ListRemoveValueRequest, ListRemoveValueResponse};
use crate::core::cache::list::retain::{ListRetainRequest, ListRetainResponse};

/// Which list RPC a call makes; `arg` of [`CacheClientCore::list_call`] depends on it.
enum Op {
    /// `ListPushFront`; `arg` is the value.
    PushFront,
    /// `ListPushBack`; `arg` is the value.
    PushBack,
    /// `ListConcatenateFront`; `arg` is the values array.
    ConcatenateFront,
    /// `ListConcatenateBack`; `arg` is the values array.
    ConcatenateBack,
    /// `ListPopFront` (no `arg`).
    PopFront,
    /// `ListPopBack` (no `arg`).
    PopBack,
    /// `ListFetch` (no `arg`; the slice is in the options).
    Fetch,
    /// `ListRetain` (no `arg`; the slice and TTL are in the options).
    Retain,
    /// `ListRemove`; `arg` is the value.
    RemoveValue,
    /// `ListLength` (no `arg`).
    Length,
}

impl CacheClientCore {
    /// Shared by every list method (non-generic on purpose: one copy in the bundle).
    #[inline(never)]
    fn list_call(
        &self,
        op: Op,
        cache_name: Text,
        list_name: Text,
        arg: JsValue,
        options: Option<Object>,
    ) -> PendingCall {
        self.start(&options, || {
            let cache_name = convert::text(&cache_name, "cache name")?;
            let list_name = convert::text(&list_name, "list name")?;
            let ttl = || convert::collection_ttl(&options, self.default_ttl_ms);
            let number = |name: &str| convert::opt_number(&options, name);
            Ok(match op {
                Op::PushFront => prepare(ListPushFrontRequest::new(
                    cache_name,
                    list_name,
                    convert::bytes(&arg, "value")?,
                    number("truncateBackToSize")?,
                    ttl()?,
                )?),
                Op::PushBack => prepare(ListPushBackRequest::new(
                    cache_name,
                    list_name,
                    convert::bytes(&arg, "value")?,
                    number("truncateFrontToSize")?,
                    ttl()?,
                )?),
                Op::ConcatenateFront => prepare(ListConcatenateFrontRequest::new(
                    cache_name,
                    list_name,
                    convert::bytes_list(&arg, "values")?,
                    number("truncateBackToSize")?,
                    ttl()?,
                )?),
                Op::ConcatenateBack => prepare(ListConcatenateBackRequest::new(
                    cache_name,
                    list_name,
                    convert::bytes_list(&arg, "values")?,
                    number("truncateFrontToSize")?,
                    ttl()?,
                )?),
                Op::PopFront => prepare(ListPopFrontRequest::new(cache_name, list_name)?),
                Op::PopBack => prepare(ListPopBackRequest::new(cache_name, list_name)?),
                Op::Fetch => prepare(ListFetchRequest::new(
                    cache_name,
                    list_name,
                    number("startIndex")?,
                    number("endIndex")?,
                )?),
                Op::Retain => prepare(ListRetainRequest::new(
                    cache_name,
                    list_name,
                    number("startIndex")?,
                    number("endIndex")?,
                    ttl()?,
                )?),
                Op::RemoveValue => prepare(ListRemoveValueRequest::new(
                    cache_name,
                    list_name,
                    convert::bytes(&arg, "value")?,
                )?),
                Op::Length => prepare(ListLengthRequest::new(cache_name, list_name)?),
            })
        })
    }
}

methods! {
    CacheClientCore {
        #[doc = " Reads elements `startIndex` (inclusive) to `endIndex` (exclusive; negative counts from the end; both"]
        #[doc = " default to the whole list): `{type: 'Hit', values: Uint8Array[]}` or `{type: 'Miss'}`."]
        fn list_fetch as listFetch(&self, cacheName: Text, listName: Text; options: SliceOptions) {
            self.list_call(Op::Fetch, cacheName, listName, JsValue::UNDEFINED, options)
        }

        #[doc = " Keeps only elements `startIndex` (inclusive) to `endIndex` (exclusive): `{type: 'Success'}`."]
        fn list_retain as listRetain(&self, cacheName: Text, listName: Text; options: RetainOptions) {
            self.list_call(Op::Retain, cacheName, listName, JsValue::UNDEFINED, options)
        }

        #[doc = " Adds `value` before the first element (creating the list), then keeps at most `truncateBackToSize`"]
        #[doc = " elements by dropping from the back: `{type: 'Success', listLength}`. Never retried."]
        fn list_push_front as listPushFront(&self, cacheName: Text, listName: Text, value: Bytes; options: PushFrontOptions) {
            self.list_call(Op::PushFront, cacheName, listName, value.into(), options)
        }

        #[doc = " Adds `value` after the last element (creating the list), then keeps at most `truncateFrontToSize`"]
        #[doc = " elements by dropping from the front: `{type: 'Success', listLength}`. Never retried."]
        fn list_push_back as listPushBack(&self, cacheName: Text, listName: Text, value: Bytes; options: PushBackOptions) {
            self.list_call(Op::PushBack, cacheName, listName, value.into(), options)
        }

        #[doc = " Puts `values`, in order, before the first element (`listConcatenateFront(l, ['a', 'b'])` on `[c]` gives"]
        #[doc = " `[a, b, c]`), then truncates from the back: `{type: 'Success', listLength}`. Never retried."]
        fn list_concatenate_front as listConcatenateFront(&self, cacheName: Text, listName: Text, values: BytesArray; options: PushFrontOptions) {
            self.list_call(Op::ConcatenateFront, cacheName, listName, values.into(), options)
        }

        #[doc = " Puts `values`, in order, after the last element, then truncates from the front:"]
        #[doc = " `{type: 'Success', listLength}`. Never retried."]
        fn list_concatenate_back as listConcatenateBack(&self, cacheName: Text, listName: Text, values: BytesArray; options: PushBackOptions) {
            self.list_call(Op::ConcatenateBack, cacheName, listName, values.into(), options)
        }

        #[doc = " Removes and returns the first element: `{type: 'Hit', value: Uint8Array}` or `{type: 'Miss'}`."]
        fn list_pop_front as listPopFront(&self, cacheName: Text, listName: Text; options: CallOptions) {
            self.list_call(Op::PopFront, cacheName, listName, JsValue::UNDEFINED, options)
        }

        #[doc = " Removes and returns the last element: `{type: 'Hit', value: Uint8Array}` or `{type: 'Miss'}`."]
        fn list_pop_back as listPopBack(&self, cacheName: Text, listName: Text; options: CallOptions) {
            self.list_call(Op::PopBack, cacheName, listName, JsValue::UNDEFINED, options)
        }

        #[doc = " Removes every element equal to `value`: `{type: 'Success'}`."]
        fn list_remove_value as listRemoveValue(&self, cacheName: Text, listName: Text, value: Bytes; options: CallOptions) {
            self.list_call(Op::RemoveValue, cacheName, listName, value.into(), options)
        }

        #[doc = " The number of elements: `{type: 'Hit', length}` or `{type: 'Miss'}`."]
        fn list_length as listLength(&self, cacheName: Text, listName: Text; options: CallOptions) {
            self.list_call(Op::Length, cacheName, listName, JsValue::UNDEFINED, options)
        }
    }
}

into_js! {
    ListPushResponse {
        ListPushResponse::Success { list_length } => "Success" { "listLength": list_length },
    }
    ListConcatenateResponse {
        ListConcatenateResponse::Success { list_length } => "Success" { "listLength": list_length },
    }
    ListPopResponse {
        ListPopResponse::Hit { value } => "Hit" { "value": uint8(&value) },
        ListPopResponse::Miss => "Miss",
    }
    ListFetchResponse {
        ListFetchResponse::Hit { values } => "Hit" { "values": uint8_array_list(&values) },
        ListFetchResponse::Miss => "Miss",
    }
    ListRetainResponse { _ => "Success" }
    ListRemoveValueResponse { _ => "Success" }
}
